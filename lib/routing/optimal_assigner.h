// Optimal batch assignment: the most items assigned, then the largest total
// score, by max-flow and min-cost flow (LEMON's Preflow and NetworkSimplex).

#ifndef CXKIT_LIB_ROUTING_OPTIMAL_ASSIGNER_H_
#define CXKIT_LIB_ROUTING_OPTIMAL_ASSIGNER_H_

#include "absl/status/statusor.h"
#include "lib/routing/assignment.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// Assigns the items of `model` maximizing first the number of assigned items,
// then the sum of the pairs' total_micros, subject to: an item uses one free
// slot of its channel and `units` free units of the agent.
//
// The network (AssignmentNetwork) is source -> item (1) -> agent-channel
// (free slots, and at most free_units / units) -> agent (free units / units)
// -> sink. When an agent handles channels of different unit costs and its
// total cap can bind, the agent arc uses the smallest unit cost (a
// relaxation); if the flow optimum then exceeds such an agent's units, the
// lowest-scoring items are taken off the offending agents, every relaxed
// agent's channel arcs are fixed to what it then holds, and the problem is
// solved once more (optimality REPAIRED: feasible, maybe below the optimum).
// Otherwise the result is optimal (EXACT).
//
// Errors: RESOURCE_EXHAUSTED when the eligible pairs exceed
// policy.limits.max_optimal_pairs.
absl::StatusOr<BatchAssignment> AssignOptimally(const RoutingModel& model,
                                                const CandidateIndex& index);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_OPTIMAL_ASSIGNER_H_
