// The routing policy with every default applied: the numbers the scorer, the
// eligibility checks and the assigners read, resolved once per call.

#ifndef CXKIT_LIB_ROUTING_ROUTING_PARAMS_H_
#define CXKIT_LIB_ROUTING_ROUTING_PARAMS_H_

#include <array>
#include <cstdint>

#include "absl/time/time.h"
#include "cxkit/v1/routing.pb.h"

namespace cxkit::routing {

// Channel enum values are 0..kChannelCount-1.
inline constexpr int kChannelCount = 13;
// Per-channel arrays (and CandidateIndex::Key's 16 slots) assume this: a new
// Channel value must grow them.
static_assert(kChannelCount == cxkit::v1::Channel_ARRAYSIZE &&
                  kChannelCount <= 16,
              "routing's channel arrays must cover every Channel value");

// Weights of the score components, in ScoreBreakdown field order.
struct Weights {
  double skill_fit = 10;
  double language = 5;
  double priority = 20;
  double customer_tier = 10;
  double sentiment = 5;
  double sla_urgency = 20;
  double wait_time = 10;
  double sticky = 30;
  double load_balance = 2;
  double idle_time = 1;
};

struct RoutingParams {
  cxkit::v1::AssignmentMode mode = cxkit::v1::ASSIGNMENT_MODE_GREEDY;
  Weights weights;
  // Relaxation thresholds; InfiniteDuration when the step never applies.
  absl::Duration drop_optional_skills_after = absl::InfiniteDuration();
  absl::Duration lower_levels_after = absl::InfiniteDuration();
  uint32_t level_reduction = 1;
  absl::Duration any_team_agent_after = absl::InfiniteDuration();
  absl::Duration sticky_timeout = absl::Minutes(5);
  uint32_t seconds_per_priority_point = 0;
  // Units one item of each channel uses.
  std::array<uint32_t, kChannelCount> channel_units;
  uint32_t max_skill_level = 10;
  uint32_t max_customer_tier = 3;
  absl::Duration sla_horizon = absl::Hours(1);
  absl::Duration wait_horizon = absl::Minutes(30);
  absl::Duration idle_horizon = absl::Minutes(30);
  cxkit::v1::RoutingLimits limits;
};

// The limits of `limits` with 0 replaced by the defaults documented in
// routing.proto.
cxkit::v1::RoutingLimits EffectiveRoutingLimits(
    const cxkit::v1::RoutingLimits& limits);

// `policy` with every default applied. `policy` must have passed validation
// (durations are then valid and non-negative).
RoutingParams ResolveRoutingParams(const cxkit::v1::RoutingPolicy& policy);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_ROUTING_PARAMS_H_
