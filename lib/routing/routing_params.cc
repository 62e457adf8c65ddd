#include "lib/routing/routing_params.h"

#include "cxkit/limits.h"

namespace cxkit::routing {
namespace {

absl::Duration FromProto(const google::protobuf::Duration& duration) {
  return absl::Seconds(duration.seconds()) +
         absl::Nanoseconds(duration.nanos());
}

// The given weight, or the default when absent. + 0.0 turns a weight of -0.0
// (valid: not below zero) into +0.0, so no score term comes out as -0, which
// JSON cannot carry.
double WeightOr(bool has, double value, double fallback) {
  return has ? value + 0.0 : fallback;
}

}  // namespace

cxkit::v1::RoutingLimits EffectiveRoutingLimits(
    const cxkit::v1::RoutingLimits& limits) {
  cxkit::v1::RoutingLimits out = limits;
  if (out.max_items() == 0) out.set_max_items(1000000);
  if (out.max_agents() == 0) out.set_max_agents(100000);
  if (out.max_entries_per_item() == 0) out.set_max_entries_per_item(64);
  if (out.max_optimal_pairs() == 0) out.set_max_optimal_pairs(20000000);
  if (out.max_explained_pairs() == 0) out.set_max_explained_pairs(1000000);
  if (out.max_name_bytes() == 0) out.set_max_name_bytes(256);
  if (out.max_request_bytes() == 0)
    out.set_max_request_bytes(kDefaultMaxRequestBytes);
  if (out.max_visits() == 0) out.set_max_visits(1000000000);
  return out;
}

RoutingParams ResolveRoutingParams(const cxkit::v1::RoutingPolicy& policy) {
  RoutingParams params;
  params.mode = policy.mode() == cxkit::v1::ASSIGNMENT_MODE_OPTIMAL
                    ? cxkit::v1::ASSIGNMENT_MODE_OPTIMAL
                    : cxkit::v1::ASSIGNMENT_MODE_GREEDY;
  const cxkit::v1::RoutingWeights& w = policy.weights();
  Weights& out = params.weights;
  out.skill_fit = WeightOr(w.has_skill_fit(), w.skill_fit(), out.skill_fit);
  out.language = WeightOr(w.has_language(), w.language(), out.language);
  out.priority = WeightOr(w.has_priority(), w.priority(), out.priority);
  out.customer_tier =
      WeightOr(w.has_customer_tier(), w.customer_tier(), out.customer_tier);
  out.sentiment = WeightOr(w.has_sentiment(), w.sentiment(), out.sentiment);
  out.sla_urgency =
      WeightOr(w.has_sla_urgency(), w.sla_urgency(), out.sla_urgency);
  out.wait_time = WeightOr(w.has_wait_time(), w.wait_time(), out.wait_time);
  out.sticky = WeightOr(w.has_sticky(), w.sticky(), out.sticky);
  out.load_balance =
      WeightOr(w.has_load_balance(), w.load_balance(), out.load_balance);
  out.idle_time = WeightOr(w.has_idle_time(), w.idle_time(), out.idle_time);

  const cxkit::v1::RoutingRelaxation& relaxation = policy.relaxation();
  if (relaxation.has_drop_optional_skills_after()) {
    params.drop_optional_skills_after =
        FromProto(relaxation.drop_optional_skills_after());
  }
  if (relaxation.has_lower_levels_after()) {
    params.lower_levels_after = FromProto(relaxation.lower_levels_after());
  }
  if (relaxation.level_reduction() > 0) {
    params.level_reduction = relaxation.level_reduction();
  }
  if (relaxation.has_any_team_agent_after()) {
    params.any_team_agent_after = FromProto(relaxation.any_team_agent_after());
  }
  if (policy.has_sticky_timeout()) {
    params.sticky_timeout = FromProto(policy.sticky_timeout());
  }
  params.seconds_per_priority_point = policy.seconds_per_priority_point();
  params.channel_units.fill(1);
  for (const cxkit::v1::ChannelUnits& units : policy.channel_units()) {
    params.channel_units[units.channel()] = units.units();
  }
  if (policy.max_skill_level() > 0) {
    params.max_skill_level = policy.max_skill_level();
  }
  if (policy.max_customer_tier() > 0) {
    params.max_customer_tier = policy.max_customer_tier();
  }
  if (policy.has_sla_horizon())
    params.sla_horizon = FromProto(policy.sla_horizon());
  if (policy.has_wait_horizon()) {
    params.wait_horizon = FromProto(policy.wait_horizon());
  }
  if (policy.has_idle_horizon()) {
    params.idle_horizon = FromProto(policy.idle_horizon());
  }
  params.limits = EffectiveRoutingLimits(policy.limits());
  return params;
}

}  // namespace cxkit::routing
