#include "lib/identity/identity_index.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cxkit/limits.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/common/stable_hash.h"
#include "lib/identity/identifier_normalizer.h"
#include "lib/identity/phone_normalizer.h"
#include "lib/identity/record_issues.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::IdentifierType;
using cxkit::v1::ResolveIdentitiesRequest;
using cxkit::v1::ResolveIdentitiesResponse;

constexpr int kLastBuiltInType = cxkit::v1::IDENTIFIER_TYPE_CUSTOM;

// Interns keys by content; lookups hash the key bytes once.
class KeyInterner {
 public:
  KeyInterner(std::vector<IdentityKey>* keys, google::protobuf::Arena* storage)
      : keys_(keys), storage_(storage), ids_(0, Hash{keys}, Eq{keys}) {}

  // Returns the id of the key (type, custom, namespace, value), adding it when
  // new.
  uint32_t Intern(uint32_t rule, IdentifierType type, absl::string_view custom,
                  absl::string_view ns, absl::string_view value, bool* is_new) {
    // Type, custom type and namespace seed the hash of the value, so no bytes
    // are concatenated; the usual empty custom type and namespace cost nothing.
    uint64_t seed = static_cast<uint64_t>(type);
    if (!custom.empty()) seed = StableHash64(custom, seed);
    if (!ns.empty()) seed = StableHash64(ns, ~seed);
    const Probe probe{StableHash64(value, seed), rule, ns, value};
    auto it = ids_.find(probe);
    *is_new = it == ids_.end();
    if (!*is_new) return *it;
    const uint32_t id = static_cast<uint32_t>(keys_->size());
    keys_->push_back(
        IdentityKey{rule, type, Store(ns), Store(value), probe.hash});
    ids_.insert(id);
    return id;
  }

 private:
  struct Probe {
    uint64_t hash;
    uint32_t rule;
    absl::string_view ns;
    absl::string_view value;
  };
  struct Hash {
    using is_transparent = void;
    const std::vector<IdentityKey>* keys;
    size_t operator()(uint32_t id) const { return (*keys)[id].hash; }
    size_t operator()(const Probe& p) const { return p.hash; }
  };
  struct Eq {
    using is_transparent = void;
    const std::vector<IdentityKey>* keys;
    static bool Same(const IdentityKey& k, const Probe& p) {
      return k.hash == p.hash && k.rule == p.rule && k.namespace_ == p.ns &&
             k.value == p.value;
    }
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, const Probe& p) const {
      return Same((*keys)[a], p);
    }
    bool operator()(const Probe& p, uint32_t a) const {
      return Same((*keys)[a], p);
    }
  };

  absl::string_view Store(absl::string_view bytes) {
    if (bytes.empty()) return {};
    char* copy =
        google::protobuf::Arena::CreateArray<char>(storage_, bytes.size());
    std::memcpy(copy, bytes.data(), bytes.size());
    return absl::string_view(copy, bytes.size());
  }

  std::vector<IdentityKey>* keys_;
  google::protobuf::Arena* storage_;
  absl::flat_hash_set<uint32_t, Hash, Eq> ids_;
};

// Checks the record as a whole; false (with an ERROR issue) when it must be
// left out.
bool CheckRecord(const ResolveIdentitiesRequest& request, uint32_t index,
                 const cxkit::v1::IdentityLimits& limits,
                 ResolveIdentitiesResponse* response) {
  const cxkit::v1::ContactRecord& record = request.records(index);
  const auto field = [index] { return IndexedField("records", index); };
  auto error = [&](absl::string_view reason, const std::string& f,
                   absl::string_view message) {
    AddRecordIssue(request, index, cxkit::v1::SEVERITY_ERROR, reason, f,
                   message, response);
    return false;
  };
  if (static_cast<uint32_t>(record.identifiers_size()) >
      limits.max_identifiers_per_record()) {
    return error(
        "TOO_MANY_IDENTIFIERS", field() + ".identifiers",
        absl::StrCat(
            record.identifiers_size(),
            " identifiers exceed policy.limits.max_identifiers_per_record (",
            limits.max_identifiers_per_record(), ")"));
  }
  if (static_cast<uint32_t>(record.attributes_size()) >
      limits.max_attributes_per_record()) {
    return error(
        "TOO_MANY_ATTRIBUTES", field() + ".attributes",
        absl::StrCat(
            record.attributes_size(),
            " attributes exceed policy.limits.max_attributes_per_record (",
            limits.max_attributes_per_record(), ")"));
  }
  // A protobuf map iterates in an order seeded per process, so of several
  // long attributes the first by name is reported.
  const std::string* long_name = nullptr;
  for (const auto& [name, value] : record.attributes()) {
    if (name.size() + value.size() > limits.max_value_bytes() &&
        (long_name == nullptr || name < *long_name)) {
      long_name = &name;
    }
  }
  if (long_name != nullptr) {
    return error(
        "VALUE_TOO_LONG",
        absl::StrCat(field(), ".attributes[", QuotedId(*long_name), "]"),
        absl::StrCat("attribute longer than policy.limits.max_value_bytes (",
                     limits.max_value_bytes(), ")"));
  }
  if (record.has_observed_at() && !IsValidTimestamp(record.observed_at())) {
    absl::Status status =
        ValidateTimestamp(record.observed_at(), field() + ".observed_at");
    if (!status.ok())
      return error("INVALID_TIMESTAMP", FieldOf(status), status.message());
  }
  return true;
}

}  // namespace

cxkit::v1::IdentityLimits EffectiveLimits(
    const cxkit::v1::IdentityLimits& limits) {
  cxkit::v1::IdentityLimits out = limits;
  if (out.max_records() == 0) out.set_max_records(10000000);
  if (out.max_identifiers_per_record() == 0)
    out.set_max_identifiers_per_record(64);
  if (out.max_value_bytes() == 0) out.set_max_value_bytes(1024);
  if (out.max_blocked_patterns() == 0) out.set_max_blocked_patterns(1000);
  if (out.max_attributes_per_record() == 0)
    out.set_max_attributes_per_record(64);
  if (out.max_request_bytes() == 0) {
    out.set_max_request_bytes(kDefaultMaxRequestBytes);
  }
  return out;
}

IdentityIndex BuildIdentityIndex(const ResolveIdentitiesRequest& request,
                                 IdentifierRules* rules,
                                 ResolveIdentitiesResponse* response) {
  const uint32_t n = static_cast<uint32_t>(request.records_size());
  const cxkit::v1::IdentityLimits limits =
      EffectiveLimits(request.policy().limits());
  const cxkit::v1::EmailNormalization& email = request.policy().email();
  cxkit::v1::IdentityStats* stats = response->mutable_stats();

  IdentityIndex index;
  index.excluded.assign(n, false);
  index.records.resize(n);
  index.record_begin.reserve(n + 1);
  index.occurrences.reserve(static_cast<size_t>(n) * 3);
  KeyInterner interner(&index.keys, index.key_storage.get());
  PhoneNormalizer phones;
  absl::flat_hash_map<std::string, bool> region_known;
  std::string key;

  for (uint32_t r = 0; r < n; ++r) {
    index.record_begin.push_back(
        static_cast<uint32_t>(index.occurrences.size()));
    const cxkit::v1::ContactRecord& record = request.records(r);
    RecordView& view = index.records[r];
    view.id = record.id();
    view.source = record.source();
    view.channel = record.channel();
    if (!CheckRecord(request, r, limits, response)) {
      index.excluded[r] = true;
      continue;
    }
    if (record.has_observed_at()) {
      view.observed = FromProtoTimestamp(record.observed_at());
    }
    absl::string_view region =
        record.region().empty()
            ? absl::string_view(request.policy().default_region())
            : absl::string_view(record.region());
    if (!record.region().empty()) {
      auto [it, inserted] = region_known.try_emplace(record.region(), false);
      if (inserted) it->second = IsSupportedPhoneRegion(record.region());
      if (!it->second) {
        AddRecordIssue(
            request, r, cxkit::v1::SEVERITY_WARNING, "UNKNOWN_REGION",
            absl::StrCat("records[", r, "].region"),
            absl::StrCat("unknown region ", QuotedId(record.region()),
                         "; phone numbers need a country code"),
            response);
        region = "";
      }
    }
    const size_t first = index.occurrences.size();
    for (int j = 0; j < record.identifiers_size(); ++j) {
      const cxkit::v1::Identifier& identifier = record.identifiers(j);
      stats->set_identifiers(stats->identifiers() + 1);
      auto warn = [&](absl::string_view reason, absl::string_view message) {
        AddRecordIssue(
            request, r, cxkit::v1::SEVERITY_WARNING, reason,
            absl::StrCat("records[", r, "].identifiers[", j, "].value"),
            message, response);
      };
      const IdentifierType type = identifier.type();
      if (type == cxkit::v1::IDENTIFIER_TYPE_UNSPECIFIED ||
          type > kLastBuiltInType || type < 0) {
        warn("UNKNOWN_TYPE", "identifier type is unspecified or unknown");
        continue;
      }
      if ((type == cxkit::v1::IDENTIFIER_TYPE_CUSTOM) ==
          identifier.custom_type().empty()) {
        warn("BAD_CUSTOM_TYPE",
             "custom_type is required for IDENTIFIER_TYPE_CUSTOM and only "
             "allowed there");
        continue;
      }
      if (identifier.value().size() + identifier.namespace_().size() +
              identifier.custom_type().size() >
          limits.max_value_bytes()) {
        warn("VALUE_TOO_LONG",
             absl::StrCat("longer than policy.limits.max_value_bytes (",
                          limits.max_value_bytes(), ")"));
        continue;
      }
      absl::Status status =
          NormalizeIdentifier(identifier, region, email, &phones, &key);
      if (!status.ok()) {
        stats->set_identifiers_unparseable(stats->identifiers_unparseable() +
                                           1);
        warn(UnparseableReason(type), status.message());
        continue;
      }
      const IdentifierType matching = MatchingType(type);
      const uint32_t rule = rules->IndexFor(matching, identifier.custom_type());
      const absl::string_view ns = IgnoresNamespace(matching)
                                       ? absl::string_view()
                                       : identifier.namespace_();
      bool is_new = false;
      const uint32_t k = interner.Intern(
          rule, matching, identifier.custom_type(), ns, key, &is_new);
      IdentityKey& interned = index.keys[k];
      if (is_new) interned.block = rules->CheckBlocked(rule, key);
      if (interned.block != BlockCheck::kAllowed) {
        stats->set_identifiers_blocked(stats->identifiers_blocked() + 1);
        // Messages name no value (personal data); the field path locates it.
        warn("BLOCKED_VALUE",
             interned.block == BlockCheck::kBlocked
                 ? "the normalized value is blocked"
                 : "the normalized value could not be checked against the "
                   "blocked patterns within RE2's memory budget; treated as "
                   "blocked");
        continue;
      }
      index.occurrences.push_back(Occurrence{r, k, identifier.value()});
    }
    // One occurrence per (record, key), keeping the smallest spelling so the
    // result does not depend on the order of identifiers within the record;
    // the record's other spellings of the key are kept aside for raw_values.
    auto begin = index.occurrences.begin() + first;
    std::sort(begin, index.occurrences.end(),
              [](const Occurrence& a, const Occurrence& b) {
                return a.key != b.key ? a.key < b.key : a.raw < b.raw;
              });
    auto kept = begin;
    for (auto it = begin; it != index.occurrences.end(); ++it) {
      if (it != begin && it->key == (kept - 1)->key) {
        if (it->raw != (kept - 1)->raw) index.other_spellings.push_back(*it);
        continue;
      }
      *kept++ = *it;
    }
    index.occurrences.erase(kept, index.occurrences.end());
  }
  index.record_begin.push_back(static_cast<uint32_t>(index.occurrences.size()));
  uint32_t distinct = 0;
  for (const IdentityKey& k : index.keys)
    distinct += k.block == BlockCheck::kAllowed;
  stats->set_distinct_values(distinct);

  // Canonical record order, independent of the request's order.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::vector<uint64_t> id_hash(n);
  for (uint32_t r = 0; r < n; ++r)
    id_hash[r] = StableHash64(index.records[r].id);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (id_hash[a] != id_hash[b]) return id_hash[a] < id_hash[b];
    return index.records[a].id < index.records[b].id;
  });
  index.canonical_position.resize(n);
  for (uint32_t p = 0; p < n; ++p) index.canonical_position[order[p]] = p;

  // Key -> records, filled in canonical record order.
  index.key_begin.assign(index.keys.size() + 1, 0);
  for (const Occurrence& o : index.occurrences) ++index.key_begin[o.key + 1];
  std::partial_sum(index.key_begin.begin(), index.key_begin.end(),
                   index.key_begin.begin());
  index.key_records.resize(index.occurrences.size());
  std::vector<uint32_t> fill(index.key_begin.begin(),
                             index.key_begin.end() - 1);
  for (uint32_t r : order) {
    for (const Occurrence& o : index.OccurrencesOf(r))
      index.key_records[fill[o.key]++] = r;
  }
  return index;
}

}  // namespace cxkit::identity
