#include "lib/identity/survivorship.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::SurvivorshipStrategy;

// "a is more recent than b": later observation, then smaller record id.
template <typename Candidate>
bool MoreRecent(const Candidate& a, const Candidate& b) {
  if (a.observed != b.observed) return a.observed > b.observed;
  return a.record_id < b.record_id;
}

}  // namespace

Survivorship::Survivorship(const cxkit::v1::IdentityPolicy& policy)
    : default_strategy_(policy.default_survivorship() ==
                                cxkit::v1::SURVIVORSHIP_STRATEGY_UNSPECIFIED
                            ? cxkit::v1::SURVIVORSHIP_STRATEGY_MOST_RECENT
                            : policy.default_survivorship()) {
  for (const cxkit::v1::SurvivorshipRule& rule : policy.survivorship()) {
    strategies_[rule.attribute()] = rule.strategy();
  }
  for (int i = 0; i < policy.source_priority_size(); ++i) {
    source_rank_.try_emplace(policy.source_priority(i),
                             static_cast<uint32_t>(i));
  }
}

SurvivorshipStrategy Survivorship::StrategyFor(
    absl::string_view attribute) const {
  auto it = strategies_.find(attribute);
  if (it == strategies_.end() ||
      it->second == cxkit::v1::SURVIVORSHIP_STRATEGY_UNSPECIFIED) {
    return default_strategy_;
  }
  return it->second;
}

uint32_t Survivorship::SourceRank(absl::string_view source) const {
  auto it = source_rank_.find(source);
  return it == source_rank_.end() ? static_cast<uint32_t>(source_rank_.size())
                                  : it->second;
}

void Survivorship::ChooseAttributes(
    const cxkit::v1::ResolveIdentitiesRequest& request,
    const std::vector<RecordView>& views, absl::Span<const uint32_t> records,
    cxkit::v1::CustomerProfile* profile) {
  std::vector<Candidate>& candidates = candidates_;
  candidates.clear();
  for (uint32_t r : records) {
    const cxkit::v1::ContactRecord& record = request.records(r);
    if (record.attributes().empty()) continue;
    for (const auto& [name, value] : record.attributes()) {
      if (value.empty()) continue;
      candidates.push_back(
          Candidate{name, value, r, views[r].observed, views[r].id});
    }
  }
  // By name, then most recent first.
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.name != b.name) return a.name < b.name;
              return MoreRecent(a, b);
            });
  for (size_t i = 0; i < candidates.size();) {
    size_t end = i;
    while (end < candidates.size() &&
           candidates[end].name == candidates[i].name)
      ++end;
    const SurvivorshipStrategy strategy = StrategyFor(candidates[i].name);
    size_t best = i;  // most recent: the group's first candidate
    if (strategy == cxkit::v1::SURVIVORSHIP_STRATEGY_MOST_FREQUENT) {
      absl::flat_hash_map<absl::string_view, size_t> counts;
      for (size_t c = i; c < end; ++c) ++counts[candidates[c].value];
      size_t best_count = 0;
      for (size_t c = i; c < end;
           ++c) {  // earlier = more recent, so it wins ties
        const size_t count = counts[candidates[c].value];
        if (count > best_count) best = c, best_count = count;
      }
    } else if (strategy == cxkit::v1::SURVIVORSHIP_STRATEGY_SOURCE_PRIORITY) {
      uint32_t best_rank = UINT32_MAX;
      for (size_t c = i; c < end; ++c) {
        const uint32_t rank = SourceRank(views[candidates[c].record].source);
        if (rank < best_rank) best = c, best_rank = rank;
      }
    }
    cxkit::v1::ProfileAttribute* attribute = profile->add_attributes();
    const Candidate& chosen = candidates[best];
    attribute->set_name(chosen.name.data(), chosen.name.size());
    attribute->set_value(chosen.value.data(), chosen.value.size());
    attribute->set_record_id(chosen.record_id.data(), chosen.record_id.size());
    attribute->set_strategy(strategy);
    i = end;
  }
}

}  // namespace cxkit::identity
