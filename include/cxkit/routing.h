// Routing-score computation and assignment.
//
// RouteConversations() decides which agent should take which waiting work item
// (conversation), for a whole queue at once, and says why. An agent is
// eligible for an item when it is AVAILABLE, not excluded, in the item's team
// (if the item names one), handles the item's channel with a free slot and
// enough free capacity units, speaks the item's language and holds its
// required skills at their minimum levels; relaxation steps loosen the skill
// requirements as the item waits. Every eligible pair gets a score, the
// weighted sum of components in [0, 1] (skill fit, language, priority,
// customer tier, sentiment, SLA urgency, wait, sticky agent, load balance,
// idle time), reported per component.
//
// Assignment modes:
// - GREEDY (default): items in queue order (priority, then the oldest virtual
//   start; or wait + priority x N seconds), each taking its best eligible agent
//   that still has capacity. Best = highest score, then lowest load ratio, then
//   longest idle, then smallest agent id.
// - OPTIMAL: first the largest number of assigned items, then, among such
//   assignments, the largest total score, over the slot model: an item uses
//   one slot of its channel and channel_units[channel] units of the agent's
//   total capacity. Solved exactly as max-flow + min-cost flow (LEMON network
//   simplex) whenever no agent's total-units cap binds across channels of
//   different unit costs; otherwise (a knapsack constraint, NP-hard in
//   general) the flow optimum is repaired to feasibility and
//   summary.optimality says REPAIRED instead of EXACT. Among equally good
//   optima the result is the one reached on the canonical (id-sorted) network,
//   so it is deterministic.
// In both modes no channel slot and no total capacity is ever exceeded, and
// scores are those of the pairs before the batch.
//
// Example:
//   cxkit::v1::RouteConversationsRequest request;
//   *request.mutable_now() = ...;
//   auto* item = request.add_items();
//   item->set_id("w1");
//   item->set_channel(cxkit::v1::CHANNEL_WHATSAPP);
//   item->set_language("es");
//   *item->mutable_enqueued_at() = ...;
//   auto* agent = request.add_agents();
//   agent->set_id("lucia");
//   agent->set_status(cxkit::v1::AGENT_STATUS_AVAILABLE);
//   agent->add_languages("es");
//   auto* slots = agent->add_channels();
//   slots->set_channel(cxkit::v1::CHANNEL_WHATSAPP);
//   slots->set_max_items(3);
//   cxkit::v1::RouteConversationsResponse response =
//       cxkit::RouteConversations(request);
//   // response.assignments(0).agent_id() == "lucia"

#ifndef CXKIT_ROUTING_H_
#define CXKIT_ROUTING_H_

#include "absl/status/status.h"
#include "cxkit/v1/routing.pb.h"

namespace cxkit {

// Routes the items of `request` to its agents.
//
// Pure and deterministic: the response depends only on the request and is
// byte-identical whatever the order of items, agents or any repeated field,
// except that item_issues name an item by its position (item_index, field
// path). Thread-safe; never throws; does not keep references to `request`.
//
// Errors: a request that fails ValidateRouteConversationsRequest() gets that
// status (with the field path) and nothing else. An item without a channel or
// enqueued_at, or with an invalid timestamp, is an ERROR item issue and is not
// routed; an unknown preferred or excluded agent id is a WARNING and ignored.
//
// Complexity: GREEDY keeps, per channel and language, the available agents
// that still have room, best agent-only score part first; an item visits them
// in that order and stops once no later agent can reach the best score found
// (its skill component is bounded by its weight), so it usually visits a few
// agents, at worst all of its bucket: O(I log I + A log A + visits) time,
// O(I + A + entries) memory. An item left without an agent costs one more
// scan until its first statically eligible agent (for its UnassignedReason);
// later items with the same requirements and no exclusions reuse that answer
// without a scan. Every (item, agent) pair examined, in any mode and for
// candidate lists, counts against policy.limits.max_visits (RESOURCE_EXHAUSTED
// on it beyond).
// OPTIMAL scores every eligible pair (P pairs, bounded by
// policy.limits.max_optimal_pairs) and solves one network with O(I + A + P)
// arcs, twice when it repairs; network simplex is fast in practice, not
// polynomially bounded. Candidates cost O(P log K); explain_ineligible
// O(I x A); both outputs are bounded by policy.limits.max_explained_pairs.
cxkit::v1::RouteConversationsResponse RouteConversations(
    const cxkit::v1::RouteConversationsRequest& request);

// Same as RouteConversations(), writing into `*response` (cleared first).
// `response` may live on a google::protobuf::Arena. It must not be null.
void RouteConversationsInto(const cxkit::v1::RouteConversationsRequest& request,
                            cxkit::v1::RouteConversationsResponse* response);

// Returns the first problem that makes `request` unusable as a whole (missing
// `now`, missing or duplicate item or agent ids, negative capacities, skills
// not in policy.skills, bad weights, durations or enums, limits exceeded),
// with the field path in the message, or OK. RouteConversations() calls it
// first. Thread-safe; O(size of the request).
absl::Status ValidateRouteConversationsRequest(
    const cxkit::v1::RouteConversationsRequest& request);

}  // namespace cxkit

#endif  // CXKIT_ROUTING_H_
