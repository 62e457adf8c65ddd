#include "lib/routing/eligibility.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"

namespace cxkit::routing {
namespace {

using cxkit::v1::IneligibleReason;

// Level of `skill` held by `agent`, 0 when it does not hold it.
uint32_t LevelOf(const AgentModel& agent, int32_t skill) {
  auto it = std::lower_bound(agent.skills.begin(), agent.skills.end(), skill,
                             [](const SkillNeed& held, int32_t wanted) {
                               return held.skill < wanted;
                             });
  return it != agent.skills.end() && it->skill == skill ? it->level : 0;
}

template <typename Sorted>
bool Contains(const Sorted& sorted, int32_t value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

IneligibleReason SkillReason(const RoutingModel& model, const ItemModel& item,
                             const AgentModel& agent, std::string* detail) {
  for (const SkillNeed& need : item.required) {
    const uint32_t level = LevelOf(agent, need.skill);
    if (level >= need.level) continue;
    if (detail != nullptr) {
      const absl::string_view name = model.skill_names[need.skill];
      *detail = level == 0 ? absl::StrCat("no skill ", QuotedId(name))
                           : absl::StrCat("skill ", QuotedId(name), " level ",
                                          level, " < ", need.level);
    }
    return level == 0 ? cxkit::v1::INELIGIBLE_REASON_SKILL_MISSING
                      : cxkit::v1::INELIGIBLE_REASON_SKILL_LEVEL_TOO_LOW;
  }
  return cxkit::v1::INELIGIBLE_REASON_UNSPECIFIED;
}

}  // namespace

bool MeetsSkillRequirements(const ItemModel& item, const AgentModel& agent) {
  // Both lists are sorted by skill id: one merge pass.
  auto held = agent.skills.begin();
  for (const SkillNeed& need : item.required) {
    while (held != agent.skills.end() && held->skill < need.skill) ++held;
    if (held == agent.skills.end() || held->skill != need.skill ||
        held->level < need.level) {
      return false;
    }
  }
  return true;
}

IneligibleReason CheckFixedEligibility(const RoutingModel& model,
                                       const ItemModel& item,
                                       int32_t agent_index,
                                       std::string* detail) {
  const AgentModel& agent = model.agents[agent_index];
  if (!agent.available) {
    if (detail != nullptr) *detail = "agent is not AVAILABLE";
    return cxkit::v1::INELIGIBLE_REASON_AGENT_NOT_AVAILABLE;
  }
  if (Contains(item.excluded, agent_index)) {
    if (detail != nullptr) *detail = "agent is excluded by the item";
    return cxkit::v1::INELIGIBLE_REASON_EXCLUDED;
  }
  if (item.team >= 0 && !Contains(agent.teams, item.team)) {
    if (detail != nullptr) *detail = "agent is not in the item's team";
    return cxkit::v1::INELIGIBLE_REASON_NOT_IN_TEAM;
  }
  if (agent.max_items[item.channel] <= 0) {
    if (detail != nullptr) {
      *detail = absl::StrCat("agent does not handle ",
                             cxkit::v1::Channel_Name(item.channel));
    }
    return cxkit::v1::INELIGIBLE_REASON_CHANNEL_NOT_HANDLED;
  }
  if (item.language >= 0 &&
      std::find(agent.languages.begin(), agent.languages.end(),
                item.language) == agent.languages.end()) {
    if (detail != nullptr) {
      *detail = absl::StrCat("agent does not speak ",
                             QuotedId(model.language_names[item.language]));
    }
    return cxkit::v1::INELIGIBLE_REASON_LANGUAGE_NOT_SPOKEN;
  }
  return SkillReason(model, item, agent, detail);
}

IneligibleReason CheckEligibility(const RoutingModel& model,
                                  const ItemModel& item, int32_t agent_index,
                                  int32_t free_slots, int64_t free_units,
                                  std::string* detail) {
  const IneligibleReason fixed =
      CheckFixedEligibility(model, item, agent_index, detail);
  // Capacity reasons come before language and skills in the enum order, so
  // a fixed failure of those kinds yields to them.
  if (fixed != cxkit::v1::INELIGIBLE_REASON_UNSPECIFIED &&
      fixed < cxkit::v1::INELIGIBLE_REASON_NO_FREE_CHANNEL_SLOT) {
    return fixed;
  }
  if (free_slots <= 0) {
    if (detail != nullptr) {
      *detail = absl::StrCat("no free ", cxkit::v1::Channel_Name(item.channel),
                             " slot");
    }
    return cxkit::v1::INELIGIBLE_REASON_NO_FREE_CHANNEL_SLOT;
  }
  if (free_units < static_cast<int64_t>(item.units)) {
    if (detail != nullptr) {
      *detail = absl::StrCat(free_units, " free capacity units < ", item.units);
    }
    return cxkit::v1::INELIGIBLE_REASON_NO_FREE_CAPACITY_UNITS;
  }
  return fixed;
}

IneligibleReason CheckStaticEligibility(const RoutingModel& model,
                                        const ItemModel& item,
                                        int32_t agent_index,
                                        std::string* detail) {
  const AgentModel& agent = model.agents[agent_index];
  return CheckEligibility(model, item, agent_index,
                          agent.FreeSlots(item.channel), agent.FreeUnits(),
                          detail);
}

}  // namespace cxkit::routing
