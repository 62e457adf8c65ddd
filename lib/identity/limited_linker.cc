#include "lib/identity/limited_linker.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "lib/common/union_find.h"
#include "lib/identity/limited_value_set.h"

namespace cxkit::identity {
namespace {

struct Violation {
  uint32_t rule;
  uint32_t count;
};

// Checks whether the groups holding `small` and `large` may join: false, with
// the first violated rule by (type, custom type), when the union would hold
// more values of a rule than its limit and more than either side alone.
// Costs O(|small| log |large|).
bool MayJoin(const LimitedValueSet& small, const LimitedValueSet& large,
             const IdentifierRules& rules, Violation* violation) {
  bool violated = false;
  uint32_t current_rule = UINT32_MAX;
  uint32_t added = 0;
  auto check = [&](uint32_t rule) {
    const uint32_t in_small = small.CountOf(rule);
    const uint32_t in_large = large.CountOf(rule);
    const uint32_t total = in_large + added;
    if (total > rules.rule(rule).max_per_profile &&
        total > std::max(in_small, in_large) &&
        (!violated || rules.RuleLess(rule, violation->rule))) {
      *violation = Violation{rule, total};
      violated = true;
    }
  };
  small.ForEach([&](uint64_t entry) {
    const uint32_t rule = LimitedValueSet::RuleOf(entry);
    if (rule != current_rule) {
      if (current_rule != UINT32_MAX) check(current_rule);
      current_rule = rule;
      added = 0;
    }
    added += !large.contains(entry);
  });
  if (current_rule != UINT32_MAX) check(current_rule);
  return !violated;
}

// Appends a refusal; `key` is null for a probabilistic pair (the caller then
// fills the evidence).
cxkit::v1::RejectedLink* AddRejection(
    const cxkit::v1::ResolveIdentitiesRequest& request,
    const IdentifierRules& rules, const IdentityKey* key, uint32_t record,
    uint32_t profile_record, const Violation& violation,
    cxkit::v1::ResolveIdentitiesResponse* response) {
  const ResolvedRule& limited = rules.rule(violation.rule);
  cxkit::v1::RejectedLink* rejected = response->add_rejected_links();
  rejected->set_record_id(request.records(record).id());
  rejected->set_profile_record_id(request.records(profile_record).id());
  if (key != nullptr) SetKeyFields(*key, rules, rejected);
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
  return rejected;
}

}  // namespace

Clustering LinkRecords(const cxkit::v1::ResolveIdentitiesRequest& request,
                       const IdentifierRules& rules, const IdentityIndex& index,
                       const ProbabilisticMatcher* matcher,
                       cxkit::v1::ResolveIdentitiesResponse* response) {
  const uint32_t n = static_cast<uint32_t>(request.records_size());
  std::vector<LimitedValueSet> values(n);
  for (uint32_t r = 0; r < n; ++r) {
    for (const Occurrence& o : index.OccurrencesOf(r)) {
      const IdentityKey& key = index.keys[o.key];
      if (!key.hub && rules.rule(key.rule).max_per_profile > 0) {
        values[r].Insert(LimitedValueSet::Entry(key.rule, o.key));
      }
    }
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
  uint32_t rejected = 0;
  // Joins the groups of `record` and `anchor` unless a limit forbids it;
  // returns false (with `violation`) when refused, true otherwise.
  auto join = [&](uint32_t record, uint32_t anchor, bool* joined,
                  Violation* violation) {
    *joined = false;
    const uint32_t a = groups.Find(anchor);
    const uint32_t b = groups.Find(record);
    if (a == b) return true;
    LimitedValueSet* small = &values[a];
    LimitedValueSet* large = &values[b];
    if (small->size() > large->size()) std::swap(small, large);
    if (!MayJoin(*small, *large, rules, violation)) return false;
    small->ForEach([&](uint64_t entry) { large->Insert(entry); });
    small->Clear();
    const uint32_t root = groups.UnionRoots(a, b);
    if (large != &values[root]) large->Swap(values[root]);
    *joined = true;
    return true;
  };
  // Each record carrying a linking value joins the first of the value's
  // groups (each named by its first record, in canonical order) that its
  // limits allow, and every refusal on the way is reported; a record no group
  // takes starts another group that later records may join. So a refusal
  // keeps apart only what the limit forbids: two records that may share a
  // profile do, even when a third record of the value may join neither. At
  // most kMaxGroupsPerValue groups are tried per record, which bounds the
  // checks (and refusals) to that many per record.
  constexpr size_t kMaxGroupsPerValue = 8;
  std::vector<uint32_t> anchors;
  for (uint32_t k : linking_keys) {
    absl::Span<const uint32_t> records = index.RecordsOf(k);
    anchors.assign(1, records[0]);
    for (size_t i = 1; i < records.size(); ++i) {
      bool placed = false;
      for (size_t g = 0; g < anchors.size() && !placed; ++g) {
        bool joined;
        Violation violation;
        if (join(records[i], anchors[g], &joined, &violation)) {
          placed = true;
          if (joined) {
            clustering.links.push_back(MadeLink{records[i], anchors[g], k});
          }
        } else {
          AddRejection(request, rules, &index.keys[k], records[i], anchors[g],
                       violation, response);
          ++rejected;
        }
      }
      if (!placed && anchors.size() < kMaxGroupsPerValue) {
        anchors.push_back(records[i]);
      }
    }
  }
  uint32_t probabilistic = 0;
  if (matcher != nullptr) {
    clustering.matcher = matcher;
    const std::vector<ScoredCandidate>& pairs = matcher->links();
    for (uint32_t m = 0; m < pairs.size(); ++m) {
      bool joined;
      Violation violation;
      if (!join(pairs[m].b, pairs[m].a, &joined, &violation)) {
        matcher->FillEvidence(pairs[m],
                              AddRejection(request, rules, nullptr, pairs[m].b,
                                           pairs[m].a, violation, response)
                                  ->mutable_match());
        ++rejected;
      } else if (joined) {
        clustering.links.push_back(MadeLink{pairs[m].b, pairs[m].a, 0, m});
        ++probabilistic;
      }
    }
  }
  response->mutable_stats()->set_probabilistic_links(probabilistic);
  clustering.root.resize(n);
  for (uint32_t r = 0; r < n; ++r) clustering.root[r] = groups.Find(r);
  response->mutable_stats()->set_links_made(
      static_cast<uint32_t>(clustering.links.size()));
  response->mutable_stats()->set_links_rejected(rejected);
  return clustering;
}

}  // namespace cxkit::identity
