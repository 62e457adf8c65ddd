#include "lib/identity/limited_linker.h"

#include <algorithm>
#include <tuple>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "lib/common/union_find.h"

namespace cxkit::identity {
namespace {

// The distinct limited values a group holds, as sorted (rule << 32 | key).
using LimitedValues = absl::InlinedVector<uint64_t, 4>;

uint64_t Entry(uint32_t rule, uint32_t key) {
  return (static_cast<uint64_t>(rule) << 32) | key;
}
uint32_t RuleOf(uint64_t entry) { return static_cast<uint32_t>(entry >> 32); }

struct Violation {
  uint32_t rule;
  uint32_t count;
};

// Merges `a` and `b` into `merged`; returns false with the first violated rule
// when the union holds more values of a rule than its limit and more than
// either side alone.
bool MergeWithinLimits(const LimitedValues& a, const LimitedValues& b,
                       const IdentifierRules& rules, LimitedValues* merged,
                       Violation* violation) {
  merged->clear();
  std::set_union(a.begin(), a.end(), b.begin(), b.end(),
                 std::back_inserter(*merged));
  auto count_rule = [](const LimitedValues& v, uint32_t rule) {
    uint32_t c = 0;
    for (uint64_t e : v) c += RuleOf(e) == rule;
    return c;
  };
  for (size_t i = 0; i < merged->size();) {
    const uint32_t rule = RuleOf((*merged)[i]);
    size_t j = i;
    while (j < merged->size() && RuleOf((*merged)[j]) == rule) ++j;
    const uint32_t count = static_cast<uint32_t>(j - i);
    if (count > rules.rule(rule).max_per_profile &&
        count > std::max(count_rule(a, rule), count_rule(b, rule))) {
      *violation = Violation{rule, count};
      return false;
    }
    i = j;
  }
  return true;
}

void AddRejection(const cxkit::v1::ResolveIdentitiesRequest& request,
                  const IdentifierRules& rules, const IdentityKey& key,
                  uint32_t record, uint32_t profile_record,
                  const Violation& violation,
                  cxkit::v1::ResolveIdentitiesResponse* response) {
  const ResolvedRule& limited = rules.rule(violation.rule);
  cxkit::v1::RejectedLink* rejected = response->add_rejected_links();
  rejected->set_record_id(request.records(record).id());
  rejected->set_profile_record_id(request.records(profile_record).id());
  SetKeyFields(key, rules, rejected);
  rejected->set_limited_type(limited.type);
  rejected->set_limited_custom_type(limited.custom_type);
  rejected->set_limit(limited.max_per_profile);
  rejected->set_reason(
      absl::StrCat("joining would give the profile ", violation.count, " ",
                   cxkit::v1::IdentifierType_Name(limited.type),
                   limited.custom_type.empty()
                       ? ""
                       : absl::StrCat(" (", limited.custom_type, ")"),
                   " values; the limit is ", limited.max_per_profile));
}

}  // namespace

Clustering LinkRecords(const cxkit::v1::ResolveIdentitiesRequest& request,
                       const IdentifierRules& rules, const IdentityIndex& index,
                       cxkit::v1::ResolveIdentitiesResponse* response) {
  const uint32_t n = static_cast<uint32_t>(request.records_size());
  std::vector<LimitedValues> values(n);
  for (uint32_t r = 0; r < n; ++r) {
    for (const Occurrence& o : index.OccurrencesOf(r)) {
      const IdentityKey& key = index.keys[o.key];
      if (!key.hub && rules.rule(key.rule).max_per_profile > 0) {
        values[r].push_back(Entry(key.rule, o.key));
      }
    }
    std::sort(values[r].begin(), values[r].end());
  }

  std::vector<uint32_t> linking_keys;
  for (uint32_t k = 0; k < index.keys.size(); ++k) {
    if (index.RecordsOf(k).size() >= 2 && !index.keys[k].hub &&
        rules.rule(index.keys[k].rule).links) {
      linking_keys.push_back(k);
    }
  }
  auto order = [&](uint32_t k) {
    const IdentityKey& key = index.keys[k];
    return std::make_tuple(rules.rule(key.rule).rank, key.hash, key.type,
                           std::cref(rules.rule(key.rule).custom_type),
                           key.namespace_, key.value);
  };
  std::sort(linking_keys.begin(), linking_keys.end(),
            [&](uint32_t a, uint32_t b) { return order(a) < order(b); });

  UnionFind groups(n);
  Clustering clustering;
  LimitedValues merged;
  uint32_t rejected = 0;
  for (uint32_t k : linking_keys) {
    absl::Span<const uint32_t> records = index.RecordsOf(k);
    const uint32_t anchor = records[0];
    for (size_t i = 1; i < records.size(); ++i) {
      const uint32_t a = groups.Find(anchor);
      const uint32_t b = groups.Find(records[i]);
      if (a == b) continue;
      Violation violation;
      if (!MergeWithinLimits(values[a], values[b], rules, &merged,
                             &violation)) {
        AddRejection(request, rules, index.keys[k], records[i], anchor,
                     violation, response);
        ++rejected;
        continue;
      }
      const uint32_t root = groups.UnionRoots(a, b);
      values[root].swap(merged);
      values[root == a ? b : a].clear();
      clustering.links.push_back(MadeLink{records[i], anchor, k});
    }
  }
  clustering.root.resize(n);
  for (uint32_t r = 0; r < n; ++r) clustering.root[r] = groups.Find(r);
  response->mutable_stats()->set_links_made(
      static_cast<uint32_t>(clustering.links.size()));
  response->mutable_stats()->set_links_rejected(rejected);
  return clustering;
}

}  // namespace cxkit::identity
