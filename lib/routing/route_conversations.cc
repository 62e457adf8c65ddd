
#include "cxkit/routing.h"
#include "lib/common/field_status.h"
#include "lib/common/guarded_call.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/greedy_assigner.h"
#include "lib/routing/optimal_assigner.h"
#include "lib/routing/request_validation.h"
#include "lib/routing/routing_model.h"
#include "lib/routing/routing_output.h"

namespace cxkit {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;

void Route(const RouteConversationsRequest& request,
           RouteConversationsResponse* response) {
  const absl::Status status = routing::ValidateRequest(request);
  if (!status.ok()) {
    ToProtoStatus(status, response->mutable_status());
    return;
  }
  const routing::RoutingModel model =
      routing::BuildRoutingModel(request, response);
  const routing::CandidateIndex index(model);
  absl::StatusOr<routing::BatchAssignment> batch =
      model.params.mode == cxkit::v1::ASSIGNMENT_MODE_OPTIMAL
          ? routing::AssignOptimally(model, index)
          : routing::AssignGreedily(model, index);
  if (!batch.ok()) {
    response->Clear();
    ToProtoStatus(batch.status(), response->mutable_status());
    return;
  }
  routing::WriteAssignments(request, model, *batch, response);
  if (request.output().candidates_per_item() > 0) {
    // Every item scores its whole bucket.
    uint64_t visits = 0;
    for (const routing::ItemModel& item : model.items) {
      visits += index.Agents(item.channel, item.language).size();
    }
    if (visits > model.params.limits.max_visits()) {
      response->Clear();
      ToProtoStatus(routing::TooManyVisits(model.params.limits.max_visits()),
                    response->mutable_status());
      return;
    }
    routing::WriteCandidates(model, index,
                             request.output().candidates_per_item(), response);
  }
  if (request.output().explain_ineligible()) {
    routing::WriteIneligiblePairs(model, response);
  }
}

}  // namespace

void RouteConversationsInto(const RouteConversationsRequest& request,
                            RouteConversationsResponse* response) {
  GuardedCall("routing conversations", response,
              [&](RouteConversationsResponse* out) { Route(request, out); });
}

RouteConversationsResponse RouteConversations(
    const RouteConversationsRequest& request) {
  RouteConversationsResponse response;
  RouteConversationsInto(request, &response);
  return response;
}

}  // namespace cxkit
