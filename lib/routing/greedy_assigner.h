// Greedy assignment in queue order.

#ifndef CXKIT_LIB_ROUTING_GREEDY_ASSIGNER_H_
#define CXKIT_LIB_ROUTING_GREEDY_ASSIGNER_H_

#include "lib/routing/assignment.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// Serves the items of `model` in queue order; each takes the eligible agent
// that ranks first (RanksBefore) among those with a free slot on its channel
// and enough free units left after the earlier items of the batch. An agent
// drops out of a channel's buckets once it cannot take another item of that
// channel, so the work is the sum over items of the agents still able to take
// them, not items x agents.
BatchAssignment AssignGreedily(const RoutingModel& model,
                               const CandidateIndex& index);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_GREEDY_ASSIGNER_H_
