// Greedy assignment in queue order.

#ifndef CXKIT_LIB_ROUTING_GREEDY_ASSIGNER_H_
#define CXKIT_LIB_ROUTING_GREEDY_ASSIGNER_H_

#include "absl/status/statusor.h"
#include "lib/routing/assignment.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// Serves the items of `model` in queue order; each takes the eligible agent
// that ranks first (RanksBefore) among those with a free slot on its channel
// and enough free units left after the earlier items of the batch. An agent
// drops out of a channel's buckets once it cannot take another item of that
// channel, so the work is the sum over items of the agents still able to take
// them, not items x agents. An item whose requirements (channel, language,
// team, units, required skills; no exclusions) equal those of an earlier
// item that found no agent is answered without a scan: capacity only shrinks
// during the batch. Every (item, agent) pair examined counts against
// limits.max_visits: RESOURCE_EXHAUSTED on policy.limits.max_visits beyond.
absl::StatusOr<BatchAssignment> AssignGreedily(const RoutingModel& model,
                                               const CandidateIndex& index);

// RESOURCE_EXHAUSTED on policy.limits.max_visits, for a work budget spent.
absl::Status TooManyVisits(uint64_t limit);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_GREEDY_ASSIGNER_H_
