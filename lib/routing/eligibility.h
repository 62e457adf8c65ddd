// Whether an agent can take a work item, and if not, the first reason why.

#ifndef CXKIT_LIB_ROUTING_ELIGIBILITY_H_
#define CXKIT_LIB_ROUTING_ELIGIBILITY_H_

#include <cstdint>
#include <string>

#include "cxkit/v1/routing.pb.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// The checks that do not depend on capacity, in IneligibleReason order:
// status, exclusion, team, channel handled, language, skills. Returns
// INELIGIBLE_REASON_UNSPECIFIED when all pass. When `detail` is not null it
// receives a human-readable explanation of a failure.
cxkit::v1::IneligibleReason CheckFixedEligibility(
    const RoutingModel& model, const ItemModel& item, int32_t agent_index,
    std::string* detail = nullptr);

// The full check with the agent's free slots on the item's channel and free
// units (INT64_MAX without a total cap) given by the caller, so that greedy
// assignment can pass what is left during the batch.
cxkit::v1::IneligibleReason CheckEligibility(
    const RoutingModel& model, const ItemModel& item, int32_t agent_index,
    int32_t free_slots, int64_t free_units, std::string* detail = nullptr);

// CheckEligibility with the capacity before the batch.
cxkit::v1::IneligibleReason CheckStaticEligibility(
    const RoutingModel& model, const ItemModel& item, int32_t agent_index,
    std::string* detail = nullptr);

// True when the agent holds every requirement of `item` (skills only).
bool MeetsSkillRequirements(const ItemModel& item, const AgentModel& agent);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_ELIGIBILITY_H_
