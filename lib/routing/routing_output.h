// Writing the outcome of a batch into RouteConversationsResponse.

#ifndef CXKIT_LIB_ROUTING_ROUTING_OUTPUT_H_
#define CXKIT_LIB_ROUTING_ROUTING_OUTPUT_H_

#include "cxkit/v1/routing.pb.h"
#include "lib/routing/assignment.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// Assignments and unassigned items in queue order, and the summary.
void WriteAssignments(const cxkit::v1::RouteConversationsRequest& request,
                      const RoutingModel& model, const BatchAssignment& batch,
                      cxkit::v1::RouteConversationsResponse* response);

// For every item, its best `per_item` eligible agents before the batch,
// ranked by RanksBefore, with breakdowns; in queue order.
void WriteCandidates(const RoutingModel& model, const CandidateIndex& index,
                     uint32_t per_item,
                     cxkit::v1::RouteConversationsResponse* response);

// Every ineligible (item, agent) pair with its first failing check, ordered
// by item id, then agent id.
void WriteIneligiblePairs(const RoutingModel& model,
                          cxkit::v1::RouteConversationsResponse* response);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_ROUTING_OUTPUT_H_
