// The normalized identifiers of a request, interned and indexed both ways
// (record -> values, value -> records), with per-record problems reported on
// the way.

#ifndef CXKIT_LIB_IDENTITY_IDENTITY_INDEX_H_
#define CXKIT_LIB_IDENTITY_IDENTITY_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "cxkit/v1/identity.pb.h"
#include "google/protobuf/arena.h"
#include "lib/identity/identifier_rules.h"

namespace cxkit::identity {

// One distinct normalized value.
struct IdentityKey {
  uint32_t rule = 0;  // index into IdentifierRules
  cxkit::v1::IdentifierType type =
      cxkit::v1::IDENTIFIER_TYPE_UNSPECIFIED;  // matching type
  absl::string_view namespace_;  // owned by IdentityIndex::key_storage
  absl::string_view value;
  uint64_t hash = 0;  // StableHash64 of type, custom type, namespace and value
  bool hub = false;   // set by DetectHubs
  // Blocked values stay interned with no occurrences, so each distinct value is
  // checked against the blocklists once.
  BlockCheck block = BlockCheck::kAllowed;
};

// The fields of a record that every stage reads, gathered once so later stages
// touch one contiguous array instead of the request's scattered messages. Views
// point into the request.
struct RecordView {
  absl::string_view id;
  absl::string_view source;
  absl::Time observed =
      absl::InfinitePast();  // InfinitePast when the record has no time
  cxkit::v1::Channel channel = cxkit::v1::CHANNEL_UNSPECIFIED;
};

// A record carries a key; `raw` points into the request.
struct Occurrence {
  uint32_t record = 0;
  uint32_t key = 0;
  absl::string_view raw;
};

// Built once per call; records are request indices.
struct IdentityIndex {
  // Owns the bytes of every key: one arena instead of two strings per key.
  std::unique_ptr<google::protobuf::Arena> key_storage =
      std::make_unique<google::protobuf::Arena>();
  std::vector<RecordView> records;  // by request index
  std::vector<IdentityKey> keys;
  // Sorted by (record, key), one per distinct pair.
  std::vector<Occurrence> occurrences;
  // Further spellings of a key within one record (e.g. "Anna@X.ru" beside
  // "anna@x.ru"), sorted by record; only raw_values reads them.
  std::vector<Occurrence> other_spellings;
  // Occurrences of record r: [record_begin[r], record_begin[r + 1]).
  std::vector<uint32_t> record_begin;
  // Records with a key k, in canonical order: key_records[key_begin[k] ..
  // key_begin[k + 1]).
  std::vector<uint32_t> key_begin;
  std::vector<uint32_t> key_records;
  // Canonical position of each record: the order by (StableHash64(id), id),
  // independent of the request's order.
  std::vector<uint32_t> canonical_position;
  // Records left out because of an ERROR issue.
  std::vector<bool> excluded;

  absl::Span<const Occurrence> OccurrencesOf(uint32_t record) const {
    return absl::MakeConstSpan(occurrences.data() + record_begin[record],
                               record_begin[record + 1] - record_begin[record]);
  }
  absl::Span<const uint32_t> RecordsOf(uint32_t key) const {
    return absl::MakeConstSpan(key_records.data() + key_begin[key],
                               key_begin[key + 1] - key_begin[key]);
  }
};

// Writes the type, custom type, namespace and normalized value of `key` into
// any response message that has those four fields (ProfileIdentifier,
// IdentityLink, RejectedLink, HubValue); empty strings are left unset.
template <typename Message>
void SetKeyFields(const IdentityKey& key, const IdentifierRules& rules,
                  Message* message) {
  message->set_type(key.type);
  const std::string& custom_type = rules.rule(key.rule).custom_type;
  if (!custom_type.empty()) message->set_custom_type(custom_type);
  if (!key.namespace_.empty()) {
    message->set_namespace_(key.namespace_.data(), key.namespace_.size());
  }
  message->set_normalized_value(key.value.data(), key.value.size());
}

// Normalizes every identifier of `request` (already validated) and builds the
// index. Unusable values become WARNING issues, unusable records ERROR issues,
// appended to `response->record_issues`; identifier counts go to
// `response->stats`.
IdentityIndex BuildIdentityIndex(
    const cxkit::v1::ResolveIdentitiesRequest& request, IdentifierRules* rules,
    cxkit::v1::ResolveIdentitiesResponse* response);

// Effective limits of a request: its IdentityLimits with 0 replaced by the
// defaults.
cxkit::v1::IdentityLimits EffectiveLimits(
    const cxkit::v1::IdentityLimits& limits);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_IDENTITY_INDEX_H_
