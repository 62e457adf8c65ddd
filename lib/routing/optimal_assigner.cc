#include "lib/routing/optimal_assigner.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/routing/assignment_network.h"
#include "lib/routing/greedy_assigner.h"

namespace cxkit::routing {
namespace {

// Takes the lowest-scoring items off every relaxed agent whose units the
// solution exceeds, and fixes every relaxed agent's slots to what it holds
// afterwards, so the next solve cannot exceed any of them. Returns whether
// any agent exceeded its units.
bool Repair(const RoutingModel& model, const std::vector<EligiblePair>& pairs,
            const std::vector<size_t>& first_pair,
            const std::vector<bool>& relaxed,
            const std::vector<int32_t>& agent_of_item,
            std::vector<AgentCapacity>* capacity) {
  const size_t agent_count = model.agents.size();
  std::vector<std::vector<std::pair<int64_t, size_t>>> held(agent_count);
  for (size_t i = 0; i < agent_of_item.size(); ++i) {
    const int32_t agent = agent_of_item[i];
    if (agent < 0 || !relaxed[agent]) continue;
    for (size_t p = first_pair[i]; p < first_pair[i + 1]; ++p) {
      if (pairs[p].agent == agent) held[agent].emplace_back(pairs[p].micros, i);
    }
  }
  bool exceeded = false;
  for (size_t a = 0; a < agent_count; ++a) {
    if (!relaxed[a]) continue;
    AgentCapacity& cap = (*capacity)[a];
    int64_t used = 0;
    for (const auto& [micros, i] : held[a]) used += model.items[i].units;
    exceeded |= used > cap.units;
    // Best score first, then queue order.
    std::sort(held[a].begin(), held[a].end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    std::array<int64_t, kChannelCount> kept{};
    int64_t units = 0;
    for (const auto& [micros, i] : held[a]) {
      const ItemModel& item = model.items[i];
      if (units + item.units > cap.units) continue;
      units += item.units;
      ++kept[item.channel];
    }
    cap.slots = kept;
  }
  return exceeded;
}

}  // namespace

absl::StatusOr<BatchAssignment> AssignOptimally(const RoutingModel& model,
                                                const CandidateIndex& index) {
  const size_t item_count = model.items.size();
  const RoutingParams& params = model.params;
  BatchAssignment result;
  result.optimality = cxkit::v1::OPTIMALITY_EXACT;
  result.agent_of_item.assign(item_count, -1);
  result.score_of_item.resize(item_count);
  result.had_eligible_agent.assign(item_count, false);

  std::vector<EligiblePair> pairs;
  std::vector<size_t> first_pair(item_count + 1, 0);
  uint64_t visits = 0;
  for (size_t i = 0; i < item_count; ++i) {
    first_pair[i] = pairs.size();
    const ItemModel& item = model.items[i];
    visits += index.Agents(item.channel, item.language).size();
    if (visits > params.limits.max_visits()) {
      return TooManyVisits(params.limits.max_visits());
    }
    ForEachEligibleAgent(model, index, item, [&](int32_t agent) {
      pairs.push_back({static_cast<int32_t>(i), agent,
                       item.item_micros + PairMicros(model, item, agent)});
      return pairs.size() <= params.limits.max_optimal_pairs();
    });
    if (pairs.size() > params.limits.max_optimal_pairs()) {
      return FieldError(
          absl::StatusCode::kResourceExhausted, "policy.mode",
          absl::StrCat("OPTIMAL mode has more eligible pairs than "
                       "policy.limits.max_optimal_pairs (",
                       params.limits.max_optimal_pairs(),
                       "); use GREEDY or split the queue"));
    }
    result.had_eligible_agent[i] = pairs.size() > first_pair[i];
  }
  first_pair[item_count] = pairs.size();
  result.pairs_scored = pairs.size();

  std::vector<AgentCapacity> capacity(model.agents.size());
  for (size_t a = 0; a < model.agents.size(); ++a) {
    const AgentModel& agent = model.agents[a];
    for (int c = 0; c < kChannelCount; ++c) {
      capacity[a].slots[c] = std::max(0, agent.FreeSlots(c));
    }
    capacity[a].units = std::max<int64_t>(0, agent.FreeUnits());
  }

  AssignmentNetwork network(model, pairs, capacity);
  std::vector<int32_t> agent_of_item = network.Solve(capacity);
  // A relaxed agent holding more units than it has: repair all relaxed
  // agents at once and solve again; their slots are then exact, so the second
  // solution is feasible.
  if (Repair(model, pairs, first_pair, network.relaxed_agents(), agent_of_item,
             &capacity)) {
    result.optimality = cxkit::v1::OPTIMALITY_REPAIRED;
    for (size_t i = 0; i < item_count; ++i) {
      if (agent_of_item[i] < 0) continue;
      ++result.bound_assigned;
      for (size_t p = first_pair[i]; p < first_pair[i + 1]; ++p) {
        if (pairs[p].agent == agent_of_item[i]) {
          result.bound_micros += pairs[p].micros;
        }
      }
    }
    agent_of_item = network.Solve(capacity);
  }

  for (size_t i = 0; i < item_count; ++i) {
    const int32_t agent = agent_of_item[i];
    if (agent < 0) continue;
    result.agent_of_item[i] = agent;
    result.score_of_item[i] = ScoreCandidate(model, model.items[i], agent);
  }
  return result;
}

}  // namespace cxkit::routing
