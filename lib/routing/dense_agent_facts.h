// The per-agent facts the greedy scan checks for every (item, agent) pair,
// laid out flat: skill levels by skill id for the first kDenseSkills ids and
// team membership as a bit set for the first 64 team ids. Checking a pair is
// then a few table lookups instead of merges and binary searches over the
// agent's lists. Ids beyond those ranges fall back to the list functions, so
// the results equal PassesItemChecks and WeightedSkillFit for any input.

#ifndef CXKIT_LIB_ROUTING_DENSE_AGENT_FACTS_H_
#define CXKIT_LIB_ROUTING_DENSE_AGENT_FACTS_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"
#include "lib/routing/score_candidate.h"

namespace cxkit::routing {

class DenseAgentFacts {
 public:
  static constexpr int32_t kDenseSkills = 16;
  static constexpr int32_t kDenseTeams = 64;

  explicit DenseAgentFacts(const RoutingModel& model)
      : model_(model), facts_(model.agents.size()) {
    for (size_t a = 0; a < model.agents.size(); ++a) {
      const AgentModel& agent = model.agents[a];
      Facts& facts = facts_[a];
      for (const SkillNeed& held : agent.skills) {
        if (IsDense(held.skill, kDenseSkills))
          facts.levels[held.skill] = held.level;
      }
      for (int32_t team : agent.teams) {
        if (IsDense(team, kDenseTeams)) facts.teams |= uint64_t{1} << team;
      }
    }
  }

  // Whether every skill id of `item`'s required and scored lists is below
  // kDenseSkills, which lets PassesItemChecks and SkillFit use the tables.
  static bool HasDenseSkills(const ItemModel& item) {
    const auto dense = [](const SkillNeed& need) {
      return IsDense(need.skill, kDenseSkills);
    };
    return std::all_of(item.required.begin(), item.required.end(), dense) &&
           std::all_of(item.scored.begin(), item.scored.end(), dense);
  }

  // PassesItemChecks(item, agent_index, model.agents[agent_index]);
  // `dense_skills` is HasDenseSkills(item).
  bool PassesItemChecks(const ItemModel& item, bool dense_skills,
                        int32_t agent_index) const {
    if (!dense_skills) {
      return routing::PassesItemChecks(item, agent_index,
                                       model_.agents[agent_index]);
    }
    if (!item.excluded.empty() &&
        std::binary_search(item.excluded.begin(), item.excluded.end(),
                           agent_index)) {
      return false;
    }
    const Facts& facts = facts_[agent_index];
    if (item.team >= 0 && !InTeam(facts, item.team, agent_index)) return false;
    for (const SkillNeed& need : item.required) {
      if (facts.levels[need.skill] < need.level) return false;
    }
    return true;
  }

  // WeightedSkillFit(item, model.agents[agent_index], max_skill_level), same
  // terms summed in the same order; `dense_skills` is HasDenseSkills(item).
  double SkillFit(const ItemModel& item, bool dense_skills,
                  int32_t agent_index) const {
    const uint32_t max_level = model_.params.max_skill_level;
    if (!dense_skills) {
      return WeightedSkillFit(item, model_.agents[agent_index], max_level);
    }
    const Facts& facts = facts_[agent_index];
    double sum = 0;
    for (const SkillNeed& need : item.scored) {
      // Levels are >= 1, so a skill not held (0) never passes.
      const uint32_t held = facts.levels[need.skill];
      if (held < need.level) continue;
      sum += need.per_level * LevelSteps(held, need.level, max_level);
    }
    return sum;
  }

 private:
  static bool IsDense(int32_t id, int32_t limit) {
    return id >= 0 && id < limit;
  }

  struct Facts {
    // Level of skill id s (0: not held).
    std::array<uint32_t, kDenseSkills> levels{};
    // Bit t set when the agent is in team id t.
    uint64_t teams = 0;
  };

  bool InTeam(const Facts& facts, int32_t team, int32_t agent_index) const {
    if (IsDense(team, kDenseTeams)) return (facts.teams >> team) & 1;
    const std::vector<int32_t>& teams = model_.agents[agent_index].teams;
    return std::binary_search(teams.begin(), teams.end(), team);
  }

  const RoutingModel& model_;
  std::vector<Facts> facts_;
};

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_DENSE_AGENT_FACTS_H_
