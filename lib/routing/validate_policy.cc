// Checks of RouteConversationsRequest.policy.

#include <cmath>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/routing/field_checks.h"
#include "lib/routing/request_validation.h"
#include "lib/routing/routing_params.h"

namespace cxkit::routing {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RoutingLimits;
using cxkit::v1::RoutingPolicy;

constexpr double kMaxWeight = 1000;
constexpr uint32_t kMaxLevelOrTier = 1000;
constexpr uint32_t kMaxUnits = 1000;

absl::Status CheckPositiveDuration(const google::protobuf::Duration& duration,
                                   const std::string& field) {
  absl::Status status = ValidateNonNegativeDuration(duration, field);
  if (!status.ok()) return status;
  if (duration.seconds() == 0 && duration.nanos() == 0) {
    return InvalidField(field, "must be > 0");
  }
  return absl::OkStatus();
}

absl::Status ValidateWeights(const cxkit::v1::RoutingWeights& weights) {
  const auto* descriptor = weights.GetDescriptor();
  const auto* reflection = weights.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    const double value = reflection->GetDouble(weights, field);
    if (!std::isfinite(value) || value < 0 || value > kMaxWeight) {
      return InvalidField(
          absl::StrCat("policy.weights.", field->name()),
          absl::StrCat("must be a number in [0, ", kMaxWeight, "]"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidatePolicy(const RouteConversationsRequest& request,
                            const RoutingLimits& limits) {
  const RoutingPolicy& policy = request.policy();
  if (!cxkit::v1::AssignmentMode_IsValid(policy.mode())) {
    return InvalidField("policy.mode", "unknown assignment mode");
  }
  absl::Status status = ValidateWeights(policy.weights());
  if (!status.ok()) return status;
  const auto& relaxation = policy.relaxation();
  if (relaxation.has_drop_optional_skills_after()) {
    status = ValidateNonNegativeDuration(
        relaxation.drop_optional_skills_after(),
        "policy.relaxation.drop_optional_skills_after");
    if (!status.ok()) return status;
  }
  if (relaxation.has_lower_levels_after()) {
    status =
        ValidateNonNegativeDuration(relaxation.lower_levels_after(),
                                    "policy.relaxation.lower_levels_after");
    if (!status.ok()) return status;
  }
  if (relaxation.has_any_team_agent_after()) {
    status =
        ValidateNonNegativeDuration(relaxation.any_team_agent_after(),
                                    "policy.relaxation.any_team_agent_after");
    if (!status.ok()) return status;
  }
  // Steps are cumulative, so their waits must not decrease step after step.
  {
    const std::pair<const google::protobuf::Duration*, const char*> steps[] = {
        {relaxation.has_drop_optional_skills_after()
             ? &relaxation.drop_optional_skills_after()
             : nullptr,
         "drop_optional_skills_after"},
        {relaxation.has_lower_levels_after() ? &relaxation.lower_levels_after()
                                             : nullptr,
         "lower_levels_after"},
        {relaxation.has_any_team_agent_after()
             ? &relaxation.any_team_agent_after()
             : nullptr,
         "any_team_agent_after"}};
    const google::protobuf::Duration* previous = nullptr;
    const char* previous_name = "";
    for (const auto& [duration, name] : steps) {
      if (duration == nullptr) continue;
      if (previous != nullptr &&
          std::make_pair(duration->seconds(), duration->nanos()) <
              std::make_pair(previous->seconds(), previous->nanos())) {
        return InvalidField(absl::StrCat("policy.relaxation.", name),
                            absl::StrCat("earlier than ", previous_name,
                                         " (steps apply in order)"));
      }
      previous = duration;
      previous_name = name;
    }
  }
  if (relaxation.level_reduction() > kMaxLevelOrTier) {
    return InvalidField("policy.relaxation.level_reduction",
                        absl::StrCat("must be <= ", kMaxLevelOrTier));
  }
  if (policy.has_sticky_timeout()) {
    status = ValidateNonNegativeDuration(policy.sticky_timeout(),
                                         "policy.sticky_timeout");
    if (!status.ok()) return status;
  }
  if (policy.has_sla_horizon()) {
    status = CheckPositiveDuration(policy.sla_horizon(), "policy.sla_horizon");
    if (!status.ok()) return status;
  }
  if (policy.has_wait_horizon()) {
    status =
        CheckPositiveDuration(policy.wait_horizon(), "policy.wait_horizon");
    if (!status.ok()) return status;
  }
  if (policy.has_idle_horizon()) {
    status =
        CheckPositiveDuration(policy.idle_horizon(), "policy.idle_horizon");
    if (!status.ok()) return status;
  }
  if (policy.seconds_per_priority_point() > 365u * 24 * 3600) {
    return InvalidField("policy.seconds_per_priority_point",
                        "must be <= one year in seconds");
  }
  bool seen_channel[kChannelCount] = {};
  for (int i = 0; i < policy.channel_units_size(); ++i) {
    const auto& units = policy.channel_units(i);
    const std::string field = IndexedField("policy.channel_units", i);
    if (!cxkit::v1::Channel_IsValid(units.channel()) ||
        units.channel() == cxkit::v1::CHANNEL_UNSPECIFIED) {
      return InvalidField(field + ".channel", "unknown or unspecified channel");
    }
    if (seen_channel[units.channel()]) {
      return InvalidField(field + ".channel", "second entry for the channel");
    }
    seen_channel[units.channel()] = true;
    if (units.units() < 1 || units.units() > kMaxUnits) {
      return InvalidField(field + ".units",
                          absl::StrCat("must be in [1, ", kMaxUnits, "]"));
    }
  }
  absl::flat_hash_set<absl::string_view> skills;
  for (int i = 0; i < policy.skills_size(); ++i) {
    const LazyField root{nullptr, "policy", -1};
    const LazyField field = root.Child("skills").At(i);
    status = CheckName(policy.skills(i), field, limits);
    if (!status.ok()) return status;
    if (!skills.insert(policy.skills(i)).second) {
      return InvalidField(
          field.Path(),
          absl::StrCat("duplicate skill ", QuotedId(policy.skills(i))));
    }
  }
  if (policy.max_skill_level() > kMaxLevelOrTier) {
    return InvalidField("policy.max_skill_level",
                        absl::StrCat("must be <= ", kMaxLevelOrTier));
  }
  if (policy.max_customer_tier() > kMaxLevelOrTier) {
    return InvalidField("policy.max_customer_tier",
                        absl::StrCat("must be <= ", kMaxLevelOrTier));
  }
  return absl::OkStatus();
}

absl::Status ValidateNonNegativeDuration(
    const google::protobuf::Duration& duration, absl::string_view field) {
  constexpr int64_t kMaxSeconds = 315576000000;
  const int64_t seconds = duration.seconds();
  const int32_t nanos = duration.nanos();
  if (seconds < -kMaxSeconds || seconds > kMaxSeconds || nanos <= -1000000000 ||
      nanos >= 1000000000 || (seconds > 0 && nanos < 0) ||
      (seconds < 0 && nanos > 0)) {
    return InvalidField(field, "invalid duration");
  }
  if (seconds < 0 || nanos < 0) return InvalidField(field, "must be >= 0");
  return absl::OkStatus();
}

}  // namespace cxkit::routing
