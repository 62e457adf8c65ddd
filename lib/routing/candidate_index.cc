#include "lib/routing/candidate_index.h"

namespace cxkit::routing {

CandidateIndex::CandidateIndex(const RoutingModel& model) {
  const RoutingParams& params = model.params;
  for (size_t a = 0; a < model.agents.size(); ++a) {
    const AgentModel& agent = model.agents[a];
    if (!agent.available) continue;
    for (int channel = 1; channel < kChannelCount; ++channel) {
      if (agent.max_items[channel] <= 0 || agent.FreeSlots(channel) <= 0 ||
          agent.FreeUnits() < params.channel_units[channel]) {
        continue;
      }
      const int32_t id = static_cast<int32_t>(a);
      buckets_[Key(channel, -1)].push_back(id);
      for (int32_t language : agent.languages) {
        buckets_[Key(channel, language)].push_back(id);
      }
    }
  }
}

const std::vector<int32_t>& CandidateIndex::Agents(int channel,
                                                   int32_t language) const {
  auto it = buckets_.find(Key(channel, language));
  return it == buckets_.end() ? empty_ : it->second;
}

}  // namespace cxkit::routing
