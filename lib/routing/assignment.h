// What an assigner returns: one agent (or none) per item of the model.

#ifndef CXKIT_LIB_ROUTING_ASSIGNMENT_H_
#define CXKIT_LIB_ROUTING_ASSIGNMENT_H_

#include <cstdint>
#include <vector>

#include "cxkit/v1/routing.pb.h"
#include "lib/routing/score_candidate.h"

namespace cxkit::routing {

struct BatchAssignment {
  // Per item of RoutingModel::items: the agent index, or -1.
  std::vector<int32_t> agent_of_item;
  // Per item: the score of the chosen pair (meaningful when assigned).
  std::vector<PairScore> score_of_item;
  // Per item: whether any agent was eligible before the batch.
  std::vector<bool> had_eligible_agent;
  uint64_t pairs_scored = 0;
  cxkit::v1::Optimality optimality = cxkit::v1::OPTIMALITY_GREEDY;
};

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_ASSIGNMENT_H_
