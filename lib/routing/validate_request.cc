#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cxkit/routing.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/routing/request_validation.h"
#include "lib/routing/routing_params.h"

namespace cxkit::routing {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RoutingLimits;
using cxkit::v1::RoutingPolicy;
using cxkit::v1::SkillLevel;

constexpr double kMaxWeight = 1000;
constexpr uint32_t kMaxLevelOrTier = 1000;
constexpr uint32_t kMaxUnits = 1000;
constexpr uint32_t kMaxCandidatesPerItem = 1000;

absl::Status TooMany(absl::string_view field, uint64_t count,
                     absl::string_view limit_name, uint64_t limit) {
  return FieldError(absl::StatusCode::kResourceExhausted, field,
                    absl::StrCat(count, " items exceed limits.", limit_name,
                                 " (", limit, ")"));
}

absl::Status CheckName(absl::string_view name, const std::string& field,
                       const RoutingLimits& limits) {
  if (name.empty()) return InvalidField(field, "required");
  if (name.size() > limits.max_name_bytes()) {
    return InvalidField(field,
                        absl::StrCat("longer than limits.max_name_bytes (",
                                     limits.max_name_bytes(), ")"));
  }
  return absl::OkStatus();
}

absl::Status CheckEntries(int count, const std::string& field,
                          const RoutingLimits& limits) {
  if (static_cast<uint32_t>(count) > limits.max_entries_per_item()) {
    return TooMany(field, count, "max_entries_per_item",
                   limits.max_entries_per_item());
  }
  return absl::OkStatus();
}

// Shared checks of the skill lists of items and agents.
class SkillChecker {
 public:
  SkillChecker(const RoutingPolicy& policy, const RoutingLimits& limits)
      : limits_(limits),
        max_level_(policy.max_skill_level() > 0 ? policy.max_skill_level()
                                                : 10) {
    for (const std::string& skill : policy.skills()) catalogue_.insert(skill);
  }

  absl::Status Check(
      const google::protobuf::RepeatedPtrField<SkillLevel>& skills,
      const std::string& list_field, bool unique) const {
    absl::Status status = CheckEntries(skills.size(), list_field, limits_);
    if (!status.ok()) return status;
    absl::flat_hash_set<absl::string_view> seen;
    for (int i = 0; i < skills.size(); ++i) {
      const std::string field = IndexedField(list_field, i);
      const SkillLevel& skill = skills[i];
      status = CheckName(skill.skill(), field + ".skill", limits_);
      if (!status.ok()) return status;
      if (!catalogue_.empty() && !catalogue_.contains(skill.skill())) {
        return InvalidField(field + ".skill",
                            absl::StrCat("unknown skill \"", skill.skill(),
                                         "\" (not in policy.skills)"));
      }
      if (skill.level() > max_level_) {
        return InvalidField(
            field + ".level",
            absl::StrCat("level ", skill.level(),
                         " exceeds policy.max_skill_level (", max_level_, ")"));
      }
      if (unique && !seen.insert(skill.skill()).second) {
        return InvalidField(
            field + ".skill",
            absl::StrCat("second entry for \"", skill.skill(), "\""));
      }
    }
    return absl::OkStatus();
  }

 private:
  const RoutingLimits& limits_;
  uint32_t max_level_;
  absl::flat_hash_set<absl::string_view> catalogue_;
};

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
    const std::string field = IndexedField("policy.skills", i);
    status = CheckName(policy.skills(i), field, limits);
    if (!status.ok()) return status;
    if (!skills.insert(policy.skills(i)).second) {
      return InvalidField(
          field, absl::StrCat("duplicate skill \"", policy.skills(i), "\""));
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

absl::Status ValidateAgents(const RouteConversationsRequest& request,
                            const RoutingLimits& limits,
                            const SkillChecker& skills) {
  absl::flat_hash_map<absl::string_view, int> first_index;
  first_index.reserve(request.agents_size());
  for (int a = 0; a < request.agents_size(); ++a) {
    const cxkit::v1::Agent& agent = request.agents(a);
    const std::string field = IndexedField("agents", a);
    absl::Status status = CheckName(agent.id(), field + ".id", limits);
    if (!status.ok()) return status;
    auto [it, inserted] = first_index.try_emplace(agent.id(), a);
    if (!inserted) {
      return InvalidField(
          field + ".id",
          absl::StrCat("duplicate agent id \"", agent.id(),
                       "\" (first at agents[", it->second, "])"));
    }
    if (!cxkit::v1::AgentStatus_IsValid(agent.status())) {
      return InvalidField(field + ".status", "unknown agent status");
    }
    status = CheckEntries(agent.languages_size(), field + ".languages", limits);
    if (!status.ok()) return status;
    for (int i = 0; i < agent.languages_size(); ++i) {
      status = CheckName(agent.languages(i),
                         IndexedField(field + ".languages", i), limits);
      if (!status.ok()) return status;
    }
    status = CheckEntries(agent.teams_size(), field + ".teams", limits);
    if (!status.ok()) return status;
    for (int i = 0; i < agent.teams_size(); ++i) {
      status =
          CheckName(agent.teams(i), IndexedField(field + ".teams", i), limits);
      if (!status.ok()) return status;
    }
    status = skills.Check(agent.skills(), field + ".skills", /*unique=*/true);
    if (!status.ok()) return status;
    status = CheckEntries(agent.channels_size(), field + ".channels", limits);
    if (!status.ok()) return status;
    bool seen_channel[kChannelCount] = {};
    for (int i = 0; i < agent.channels_size(); ++i) {
      const auto& capacity = agent.channels(i);
      const std::string channel_field = IndexedField(field + ".channels", i);
      if (!cxkit::v1::Channel_IsValid(capacity.channel()) ||
          capacity.channel() == cxkit::v1::CHANNEL_UNSPECIFIED) {
        return InvalidField(channel_field + ".channel",
                            "unknown or unspecified channel");
      }
      if (seen_channel[capacity.channel()]) {
        return InvalidField(channel_field + ".channel",
                            "second entry for the channel");
      }
      seen_channel[capacity.channel()] = true;
      if (capacity.max_items() < 0) {
        return InvalidField(
            channel_field + ".max_items",
            absl::StrCat("negative capacity ", capacity.max_items()));
      }
      if (capacity.active_items() < 0) {
        return InvalidField(
            channel_field + ".active_items",
            absl::StrCat("negative load ", capacity.active_items()));
      }
    }
    if (agent.capacity_units() < 0) {
      return InvalidField(
          field + ".capacity_units",
          absl::StrCat("negative capacity ", agent.capacity_units()));
    }
    if (agent.has_idle_since()) {
      status = ValidateTimestamp(agent.idle_since(), field + ".idle_since");
      if (!status.ok()) return status;
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateItems(const RouteConversationsRequest& request,
                           const RoutingLimits& limits,
                           const SkillChecker& skills) {
  absl::flat_hash_map<absl::string_view, int> first_index;
  first_index.reserve(request.items_size());
  for (int i = 0; i < request.items_size(); ++i) {
    const cxkit::v1::WorkItem& item = request.items(i);
    const std::string field = IndexedField("items", i);
    absl::Status status = CheckName(item.id(), field + ".id", limits);
    if (!status.ok()) return status;
    auto [it, inserted] = first_index.try_emplace(item.id(), i);
    if (!inserted) {
      return InvalidField(
          field + ".id", absl::StrCat("duplicate item id \"", item.id(),
                                      "\" (first at items[", it->second, "])"));
    }
    if (item.conversation_id().size() > limits.max_name_bytes()) {
      return InvalidField(field + ".conversation_id",
                          "longer than limits.max_name_bytes");
    }
    if (item.language().size() > limits.max_name_bytes()) {
      return InvalidField(field + ".language",
                          "longer than limits.max_name_bytes");
    }
    if (item.team().size() > limits.max_name_bytes()) {
      return InvalidField(field + ".team", "longer than limits.max_name_bytes");
    }
    if (!cxkit::v1::Priority_IsValid(item.priority())) {
      return InvalidField(field + ".priority", "unknown priority");
    }
    if (!std::isfinite(item.sentiment()) || item.sentiment() < -1 ||
        item.sentiment() > 1) {
      return InvalidField(field + ".sentiment", "must be a number in [-1, 1]");
    }
    status = skills.Check(item.required_skills(), field + ".required_skills",
                          /*unique=*/true);
    if (!status.ok()) return status;
    status = skills.Check(item.optional_skills(), field + ".optional_skills",
                          /*unique=*/true);
    if (!status.ok()) return status;
    status = CheckEntries(item.preferred_agent_ids_size(),
                          field + ".preferred_agent_ids", limits);
    if (!status.ok()) return status;
    status = CheckEntries(item.excluded_agent_ids_size(),
                          field + ".excluded_agent_ids", limits);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace

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

absl::Status ValidateRequest(const RouteConversationsRequest& request) {
  const RoutingLimits limits =
      EffectiveRoutingLimits(request.policy().limits());
  if (!request.has_now()) return InvalidField("now", "required");
  absl::Status status = ValidateTimestamp(request.now(), "now");
  if (!status.ok()) return status;
  if (static_cast<uint32_t>(request.items_size()) > limits.max_items()) {
    return TooMany("items", request.items_size(), "max_items",
                   limits.max_items());
  }
  if (static_cast<uint32_t>(request.agents_size()) > limits.max_agents()) {
    return TooMany("agents", request.agents_size(), "max_agents",
                   limits.max_agents());
  }
  status = ValidatePolicy(request, limits);
  if (!status.ok()) return status;
  const SkillChecker skills(request.policy(), limits);
  status = ValidateAgents(request, limits, skills);
  if (!status.ok()) return status;
  status = ValidateItems(request, limits, skills);
  if (!status.ok()) return status;
  const auto& output = request.output();
  if (output.candidates_per_item() > kMaxCandidatesPerItem) {
    return InvalidField("output.candidates_per_item",
                        absl::StrCat("must be <= ", kMaxCandidatesPerItem));
  }
  if (output.explain_ineligible()) {
    const uint64_t pairs = static_cast<uint64_t>(request.items_size()) *
                           static_cast<uint64_t>(request.agents_size());
    if (pairs > limits.max_explained_pairs()) {
      return TooMany("output.explain_ineligible", pairs, "max_explained_pairs",
                     limits.max_explained_pairs());
    }
  }
  return absl::OkStatus();
}

}  // namespace cxkit::routing

namespace cxkit {

absl::Status ValidateRouteConversationsRequest(
    const cxkit::v1::RouteConversationsRequest& request) {
  return routing::ValidateRequest(request);
}

}  // namespace cxkit
