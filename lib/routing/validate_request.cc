#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cxkit/routing.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/routing/field_checks.h"
#include "lib/routing/request_validation.h"
#include "lib/routing/routing_params.h"

namespace cxkit::routing {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RoutingLimits;

constexpr uint32_t kMaxCandidatesPerItem = 1000;

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
          absl::StrCat("duplicate agent id ", QuotedId(agent.id()),
                       " (first at agents[", it->second, "])"));
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
          absl::StrCat("duplicate item id ", QuotedId(item.id()),
                       " (first at items[", it->second, "])"));
    }
    const std::pair<const std::string*, const char*> names[] = {
        {&item.conversation_id(), "conversation_id"},
        {&item.language(), "language"},
        {&item.team(), "team"}};
    for (const auto& [value, name] : names) {
      status = CheckNameLength(*value, field.Child(name), limits);
      if (!status.ok()) return status;
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
    // Unknown ids are echoed in warnings: bounded like every other name.
    for (const auto& [ids, name] :
         {std::make_pair(&item.preferred_agent_ids(), "preferred_agent_ids"),
          std::make_pair(&item.excluded_agent_ids(), "excluded_agent_ids")}) {
      const LazyField list = field.Child(name);
      for (int k = 0; k < ids->size(); ++k) {
        status = CheckName(ids->Get(k), list.At(k), limits);
        if (!status.ok()) return status;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateRequest(const RouteConversationsRequest& request) {
  const RoutingLimits limits =
      EffectiveRoutingLimits(request.policy().limits());
  absl::Status status = CheckRequestBytes(request.ByteSizeLong(),
                                          "policy.limits.max_request_bytes",
                                          limits.max_request_bytes());
  if (!status.ok()) return status;
  if (!request.has_now()) return InvalidField("now", "required");
  status = ValidateTimestamp(request.now(), "now");
  if (!status.ok()) return status;
  if (static_cast<uint32_t>(request.items_size()) > limits.max_items()) {
    return TooManyItems("items", request.items_size(),
                        "policy.limits.max_items", limits.max_items());
  }
  if (static_cast<uint32_t>(request.agents_size()) > limits.max_agents()) {
    return TooManyItems("agents", request.agents_size(),
                        "policy.limits.max_agents", limits.max_agents());
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
      return TooManyItems("output.candidates_per_item", listed,
                          "policy.limits.max_explained_pairs",
                          limits.max_explained_pairs());
    }
  }
  if (output.explain_ineligible()) {
    const uint64_t pairs = static_cast<uint64_t>(request.items_size()) *
                           static_cast<uint64_t>(request.agents_size());
    if (pairs > limits.max_explained_pairs()) {
      return TooManyItems("output.explain_ineligible", pairs,
                          "policy.limits.max_explained_pairs",
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