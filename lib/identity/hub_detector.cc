#include "lib/identity/hub_detector.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace cxkit::identity {
namespace {

struct HubScratch {
  std::vector<std::pair<uint32_t, uint32_t>> values;  // (rule, key)
  std::vector<uint32_t> record_rules;
  absl::flat_hash_map<uint32_t, uint32_t> most_in_one_record;
};

struct Crowding {
  uint32_t rule;
  uint32_t distinct;
  uint32_t allowed;
};

// The first limited rule (by type, custom type) of which the records of `key`
// hold more distinct values than allowed. A single record holding several
// values of a rule vouches for them itself, so the allowance is at least the
// most any one of the records holds.
bool FindCrowding(uint32_t key, double tolerance, const IdentifierRules& rules,
                  const IdentityIndex& index, HubScratch* scratch,
                  Crowding* out) {
  scratch->values.clear();
  scratch->most_in_one_record.clear();
  for (uint32_t record : index.RecordsOf(key)) {
    scratch->record_rules.clear();
    // The value itself counts too: all its records as one customer would
    // hold it beside the others (a family e-mail and five own e-mails are
    // six e-mails).
    for (const Occurrence& o : index.OccurrencesOf(record)) {
      const uint32_t rule = index.keys[o.key].rule;
      if (rules.rule(rule).max_per_profile == 0) continue;
      scratch->values.emplace_back(rule, o.key);
      scratch->record_rules.push_back(rule);
    }
    // Run lengths of the sorted rules: how many values of each rule this one
    // record holds by itself.
    std::sort(scratch->record_rules.begin(), scratch->record_rules.end());
    for (size_t i = 0; i < scratch->record_rules.size();) {
      size_t j = i;
      while (j < scratch->record_rules.size() &&
             scratch->record_rules[j] == scratch->record_rules[i]) {
        ++j;
      }
      uint32_t& most = scratch->most_in_one_record[scratch->record_rules[i]];
      most = std::max(most, static_cast<uint32_t>(j - i));
      i = j;
    }
  }
  auto& values = scratch->values;
  bool crowded = false;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (size_t i = 0; i < values.size();) {
    size_t j = i;
    while (j < values.size() && values[j].first == values[i].first) ++j;
    const uint32_t rule = values[i].first;
    // Validation bounds tolerance to [0, 1e6], so the product fits a double
    // exactly enough; it is clamped before the cast.
    const double scaled =
        std::floor(rules.rule(rule).max_per_profile * tolerance);
    uint32_t allowed = static_cast<uint32_t>(std::min(scaled, 4294967295.0));
    auto most = scratch->most_in_one_record.find(rule);
    if (most != scratch->most_in_one_record.end()) {
      allowed = std::max(allowed, most->second);
    }
    // Of several crowded rules, the first by (type, custom type) is reported.
    if (j - i > allowed && (!crowded || rules.RuleLess(rule, out->rule))) {
      *out = Crowding{rule, static_cast<uint32_t>(j - i), allowed};
      crowded = true;
    }
    i = j;
  }
  return crowded;
}

}  // namespace

void DetectHubs(const cxkit::v1::HubDetection& options,
                const IdentifierRules& rules, IdentityIndex* index,
                cxkit::v1::ResolveIdentitiesResponse* response) {
  if (options.disabled()) return;
  const double tolerance = options.tolerance() > 0 ? options.tolerance() : 1.0;
  HubScratch scratch;
  std::vector<std::pair<uint32_t, Crowding>> hubs;
  const uint32_t key_count = static_cast<uint32_t>(index->keys.size());
  for (uint32_t key = 0; key < key_count; ++key) {
    if (index->RecordsOf(key).size() < 2) continue;
    if (!rules.rule(index->keys[key].rule).links) continue;
    Crowding crowding;
    if (FindCrowding(key, tolerance, rules, *index, &scratch, &crowding)) {
      hubs.emplace_back(key, crowding);
    }
  }
  auto order = [&](uint32_t k) {
    const IdentityKey& key = index->keys[k];
    return std::tie(key.type, rules.rule(key.rule).custom_type, key.namespace_,
                    key.value);
  };
  std::sort(hubs.begin(), hubs.end(), [&](const auto& a, const auto& b) {
    return order(a.first) < order(b.first);
  });
  for (const auto& [k, crowding] : hubs) {
    IdentityKey& key = index->keys[k];
    key.hub = true;
    const ResolvedRule& crowded = rules.rule(crowding.rule);
    cxkit::v1::HubValue* hub = response->add_hub_values();
    SetKeyFields(key, rules, hub);
    hub->set_record_count(static_cast<uint32_t>(index->RecordsOf(k).size()));
    hub->set_crowded_type(crowded.type);
    hub->set_crowded_custom_type(crowded.custom_type);
    hub->set_distinct_values(crowding.distinct);
    hub->set_limit(crowded.max_per_profile);
    hub->set_reason(
        absl::StrCat("shared by ", hub->record_count(), " records holding ",
                     crowding.distinct, " distinct ",
                     cxkit::v1::IdentifierType_Name(crowded.type),
                     crowded.custom_type.empty()
                         ? ""
                         : absl::StrCat(" (", crowded.custom_type, ")"),
                     " values; one customer has at most ", crowding.allowed));
  }
  response->mutable_stats()->set_hub_values(static_cast<uint32_t>(hubs.size()));
}

}  // namespace cxkit::identity
