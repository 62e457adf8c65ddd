#include "lib/routing/greedy_assigner.h"

#include <vector>

namespace cxkit::routing {

BatchAssignment AssignGreedily(const RoutingModel& model,
                               const CandidateIndex& index) {
  const size_t item_count = model.items.size();
  BatchAssignment result;
  result.optimality = cxkit::v1::OPTIMALITY_GREEDY;
  result.agent_of_item.assign(item_count, -1);
  result.score_of_item.resize(item_count);
  result.had_eligible_agent.assign(item_count, false);

  // Capacity left during the batch.
  std::vector<std::array<int32_t, kChannelCount>> free_slots(
      model.agents.size());
  std::vector<int64_t> free_units(model.agents.size());
  for (size_t a = 0; a < model.agents.size(); ++a) {
    const AgentModel& agent = model.agents[a];
    for (int c = 0; c < kChannelCount; ++c)
      free_slots[a][c] = agent.FreeSlots(c);
    free_units[a] = agent.FreeUnits();
  }
  absl::flat_hash_map<int64_t, std::vector<int32_t>> buckets =
      index.CopyBuckets();

  for (size_t i = 0; i < item_count; ++i) {
    const ItemModel& item = model.items[i];
    auto bucket_it =
        buckets.find(CandidateIndex::Key(item.channel, item.language));
    bool found = false;
    PairScore best;
    if (bucket_it != buckets.end()) {
      std::vector<int32_t>& bucket = bucket_it->second;
      for (size_t k = 0; k < bucket.size();) {
        const int32_t agent = bucket[k];
        if (free_slots[agent][item.channel] <= 0 ||
            free_units[agent] < static_cast<int64_t>(item.units)) {
          // Full for this channel for the rest of the batch: every item of a
          // bucket needs a slot of the same channel and the same units.
          bucket[k] = bucket.back();
          bucket.pop_back();
          continue;
        }
        ++k;
        if (!PassesItemChecks(item, agent, model.agents[agent])) continue;
        const PairScore score = ScoreCandidate(model, item, agent);
        ++result.pairs_scored;
        if (!found || RanksBefore(score, best)) {
          best = score;
          found = true;
        }
      }
    }
    if (found) {
      result.agent_of_item[i] = best.agent;
      result.score_of_item[i] = best;
      result.had_eligible_agent[i] = true;
      --free_slots[best.agent][item.channel];
      free_units[best.agent] -= item.units;
    } else {
      bool any = false;
      ForEachEligibleAgent(model, index, item, [&any](int32_t) {
        any = true;
        return false;
      });
      result.had_eligible_agent[i] = any;
    }
  }
  return result;
}

}  // namespace cxkit::routing
