#include <algorithm>
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

// A field path that is only spelled out when an error needs it, so the
// happy path over millions of items builds no strings.
struct LazyField {
  const LazyField* parent = nullptr;
  const char* name = "";
  int index = -1;

  LazyField Child(const char* child) const { return {this, child, -1}; }
  LazyField At(int i) const { return {parent, name, i}; }
  std::string Path() const {
    std::string out = parent != nullptr ? parent->Path() + "." : "";
    out += name;
    if (index >= 0) out = IndexedField(out, static_cast<size_t>(index));
    return out;
  }
};

absl::Status TooMany(absl::string_view field, uint64_t count,
                     absl::string_view limit_name, uint64_t limit) {
  return FieldError(absl::StatusCode::kResourceExhausted, field,
                    absl::StrCat(count, " items exceed limits.", limit_name,
                                 " (", limit, ")"));
}

absl::Status CheckName(absl::string_view name, const LazyField& field,
                       const RoutingLimits& limits) {
  if (name.empty()) return InvalidField(field.Path(), "required");
  if (name.size() > limits.max_name_bytes()) {
    return InvalidField(field.Path(),
                        absl::StrCat("longer than limits.max_name_bytes (",
                                     limits.max_name_bytes(), ")"));
  }
  return absl::OkStatus();
}

absl::Status CheckEntries(int count, const LazyField& field,
                          const RoutingLimits& limits) {
  if (static_cast<uint32_t>(count) > limits.max_entries_per_item()) {
    return TooMany(field.Path(), count, "max_entries_per_item",
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
      const LazyField& list, bool unique) const {
    absl::Status status = CheckEntries(skills.size(), list, limits_);
    if (!status.ok()) return status;
    absl::flat_hash_set<absl::string_view> seen;
    for (int i = 0; i < skills.size(); ++i) {
      const LazyField field = list.At(i);
      const SkillLevel& skill = skills[i];
      status = CheckName(skill.skill(), field.Child("skill"), limits_);
      if (!status.ok()) return status;
      if (!catalogue_.empty() && !catalogue_.contains(skill.skill())) {
        return InvalidField(field.Child("skill").Path(),
                            absl::StrCat("unknown skill \"", skill.skill(),
                                         "\" (not in policy.skills)"));
      }
      if (skill.level() > max_level_) {
        return InvalidField(
            field.Child("level").Path(),
            absl::StrCat("level ", skill.level(),
                         " exceeds policy.max_skill_level (", max_level_, ")"));
      }
      if (unique && skills.size() > 1 && !seen.insert(skill.skill()).second) {
        return InvalidField(
            field.Child("skill").Path(),
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
      return InvalidField(field.Path(), absl::StrCat("duplicate skill \"",
                                                     policy.skills(i), "\""));
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
    const LazyField field{nullptr, "agents", a};
    absl::Status status = CheckName(agent.id(), field.Child("id"), limits);
    if (!status.ok()) return status;
    auto [it, inserted] = first_index.try_emplace(agent.id(), a);
    if (!inserted) {
      return InvalidField(
          field.Child("id").Path(),
          absl::StrCat("duplicate agent id \"", agent.id(),
                       "\" (first at agents[", it->second, "])"));
    }
    if (!cxkit::v1::AgentStatus_IsValid(agent.status())) {
      return InvalidField(field.Child("status").Path(), "unknown agent status");
    }
    const LazyField languages = field.Child("languages");
    status = CheckEntries(agent.languages_size(), languages, limits);
    if (!status.ok()) return status;
    for (int i = 0; i < agent.languages_size(); ++i) {
      status = CheckName(agent.languages(i), languages.At(i), limits);
      if (!status.ok()) return status;
    }
    const LazyField teams = field.Child("teams");
    status = CheckEntries(agent.teams_size(), teams, limits);
    if (!status.ok()) return status;
    for (int i = 0; i < agent.teams_size(); ++i) {
      status = CheckName(agent.teams(i), teams.At(i), limits);
      if (!status.ok()) return status;
    }
    status =
        skills.Check(agent.skills(), field.Child("skills"), /*unique=*/true);
    if (!status.ok()) return status;
    const LazyField channels = field.Child("channels");
    status = CheckEntries(agent.channels_size(), channels, limits);
    if (!status.ok()) return status;
    bool seen_channel[kChannelCount] = {};
    for (int i = 0; i < agent.channels_size(); ++i) {
      const auto& capacity = agent.channels(i);
      const LazyField channel = channels.At(i);
      if (!cxkit::v1::Channel_IsValid(capacity.channel()) ||
          capacity.channel() == cxkit::v1::CHANNEL_UNSPECIFIED) {
        return InvalidField(channel.Child("channel").Path(),
                            "unknown or unspecified channel");
      }
      if (seen_channel[capacity.channel()]) {
        return InvalidField(channel.Child("channel").Path(),
                            "second entry for the channel");
      }
      seen_channel[capacity.channel()] = true;
      if (capacity.max_items() < 0) {
        return InvalidField(
            channel.Child("max_items").Path(),
            absl::StrCat("negative capacity ", capacity.max_items()));
      }
      if (capacity.active_items() < 0) {
        return InvalidField(
            channel.Child("active_items").Path(),
            absl::StrCat("negative load ", capacity.active_items()));
      }
    }
    if (agent.capacity_units() < 0) {
      return InvalidField(
          field.Child("capacity_units").Path(),
          absl::StrCat("negative capacity ", agent.capacity_units()));
    }
    if (agent.has_idle_since() && !IsValidTimestamp(agent.idle_since())) {
      return ValidateTimestamp(agent.idle_since(),
                               field.Child("idle_since").Path());
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
    const LazyField field{nullptr, "items", i};
    absl::Status status = CheckName(item.id(), field.Child("id"), limits);
    if (!status.ok()) return status;
    auto [it, inserted] = first_index.try_emplace(item.id(), i);
    if (!inserted) {
      return InvalidField(
          field.Child("id").Path(),
          absl::StrCat("duplicate item id \"", item.id(), "\" (first at items[",
                       it->second, "])"));
    }
    const std::pair<const std::string*, const char*> names[] = {
        {&item.conversation_id(), "conversation_id"},
        {&item.language(), "language"},
        {&item.team(), "team"}};
    for (const auto& [value, name] : names) {
      if (value->size() > limits.max_name_bytes()) {
        return InvalidField(field.Child(name).Path(),
                            "longer than limits.max_name_bytes");
      }
    }
    if (!cxkit::v1::Priority_IsValid(item.priority())) {
      return InvalidField(field.Child("priority").Path(), "unknown priority");
    }
    if (!std::isfinite(item.sentiment()) || item.sentiment() < -1 ||
        item.sentiment() > 1) {
      return InvalidField(field.Child("sentiment").Path(),
                          "must be a number in [-1, 1]");
    }
    status = skills.Check(item.required_skills(),
                          field.Child("required_skills"), /*unique=*/true);
    if (!status.ok()) return status;
    status = skills.Check(item.optional_skills(),
                          field.Child("optional_skills"), /*unique=*/true);
    if (!status.ok()) return status;
    status = CheckEntries(item.preferred_agent_ids_size(),
                          field.Child("preferred_agent_ids"), limits);
    if (!status.ok()) return status;
    status = CheckEntries(item.excluded_agent_ids_size(),
                          field.Child("excluded_agent_ids"), limits);
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
  if (output.candidates_per_item() > 0) {
    const uint64_t listed =
        static_cast<uint64_t>(request.items_size()) *
        std::min<uint64_t>(output.candidates_per_item(),
                           static_cast<uint64_t>(request.agents_size()));
    if (listed > limits.max_explained_pairs()) {
      return TooMany("output.candidates_per_item", listed,
                     "max_explained_pairs", limits.max_explained_pairs());
    }
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
