// The eligibility index: available agents by channel and language, so that an
// item only visits agents that could take it instead of every agent.

#ifndef CXKIT_LIB_ROUTING_CANDIDATE_INDEX_H_
#define CXKIT_LIB_ROUTING_CANDIDATE_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "lib/routing/eligibility.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

class CandidateIndex {
 public:
  // Indexes the agents of `model` that, before the batch, are AVAILABLE and
  // have a free slot and enough free units for one item of the channel.
  explicit CandidateIndex(const RoutingModel& model);

  // Such agents for `channel` speaking `language` (-1: any language), in id
  // order.
  const std::vector<int32_t>& Agents(int channel, int32_t language) const;

  static int64_t Key(int channel, int32_t language) {
    return static_cast<int64_t>(language + 1) * 16 + channel;
  }

 private:
  absl::flat_hash_map<int64_t, std::vector<int32_t>> buckets_;
  std::vector<int32_t> empty_;
};

// The checks an agent of the item's bucket still has to pass: not excluded,
// in the item's team, skills. Same result as CheckStaticEligibility for such
// agents.
inline bool PassesItemChecks(const ItemModel& item, int32_t agent_index,
                             const AgentModel& agent) {
  if (!item.excluded.empty() &&
      std::binary_search(item.excluded.begin(), item.excluded.end(),
                         agent_index)) {
    return false;
  }
  if (item.team >= 0 &&
      !std::binary_search(agent.teams.begin(), agent.teams.end(), item.team)) {
    return false;
  }
  return MeetsSkillRequirements(item, agent);
}

// Calls fn(agent_index) for every agent eligible for `item` before the batch,
// in id order, until fn returns false.
template <typename Fn>
void ForEachEligibleAgent(const RoutingModel& model,
                          const CandidateIndex& index, const ItemModel& item,
                          Fn fn) {
  for (int32_t agent : index.Agents(item.channel, item.language)) {
    if (PassesItemChecks(item, agent, model.agents[agent]) && !fn(agent)) {
      return;
    }
  }
}

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_CANDIDATE_INDEX_H_
