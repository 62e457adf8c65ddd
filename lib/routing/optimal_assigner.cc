// LEMON is used header-only (LEMON_ONLY_TEMPLATES, set for this file in
// lib/CMakeLists.txt), so libcxkit has no link dependency on liblemon.
#include "lib/routing/optimal_assigner.h"

// GCC 12 inlines SmartDigraph's node and arc records (PODs LEMON appends
// default-constructed, then fills) into this file and reports a false
// -Wmaybe-uninitialized inside std::vector.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"

namespace cxkit::routing {
namespace {

using Graph = lemon::SmartDigraph;

// One eligible pair.
struct Pair {
  int32_t item;
  int32_t agent;
  int64_t micros;
};

// The capacity of one agent in the network.
struct AgentCapacity {
  // Free slots per channel the agent may still use in this batch.
  std::array<int64_t, kChannelCount> slots{};
  // Free units; INT64_MAX without a cap.
  int64_t units = std::numeric_limits<int64_t>::max();
  // True once a repair fixed the agent's slots to what fits its units.
  bool fixed = false;
};

// Result of one solve: the agent of each item (-1 when unassigned).
std::vector<int32_t> Solve(const RoutingModel& model,
                           const std::vector<Pair>& pairs,
                           const std::vector<AgentCapacity>& capacity) {
  const RoutingParams& params = model.params;
  const size_t item_count = model.items.size();
  const size_t agent_count = model.agents.size();
  Graph graph;
  const Graph::Node source = graph.addNode();
  const Graph::Node sink = graph.addNode();
  std::vector<Graph::Node> item_node(item_count, lemon::INVALID);
  for (const Pair& pair : pairs) {
    if (item_node[pair.item] == lemon::INVALID) {
      item_node[pair.item] = graph.addNode();
    }
  }
  // Channel nodes of each agent, created on first use (pairs are sorted by
  // item, then agent, so the network is canonical).
  std::vector<std::array<int, kChannelCount>> channel_node(agent_count);
  for (auto& nodes : channel_node) nodes.fill(-1);
  std::vector<int> agent_node(agent_count, -1);
  std::vector<std::pair<Graph::Arc, int64_t>> upper;
  std::vector<std::pair<Graph::Arc, int64_t>> cost;
  upper.reserve(pairs.size() + item_count + 2 * agent_count);
  cost.reserve(pairs.size());
  for (size_t i = 0; i < item_count; ++i) {
    if (item_node[i] != lemon::INVALID) {
      upper.emplace_back(graph.addArc(source, item_node[i]), 1);
    }
  }
  std::vector<std::pair<int32_t, int>> pair_arc;  // (agent, arc id)
  pair_arc.reserve(pairs.size());
  for (const Pair& pair : pairs) {
    const int channel = model.items[pair.item].channel;
    int& node_id = channel_node[pair.agent][channel];
    if (node_id < 0) node_id = Graph::id(graph.addNode());
    const Graph::Arc arc =
        graph.addArc(item_node[pair.item], Graph::nodeFromId(node_id));
    upper.emplace_back(arc, 1);
    cost.emplace_back(arc, -pair.micros);
    pair_arc.emplace_back(pair.agent, Graph::id(arc));
  }
  for (size_t a = 0; a < agent_count; ++a) {
    const AgentCapacity& cap = capacity[a];
    // Does the total cap bind, and are the unit costs uniform?
    int64_t demand = 0;
    uint32_t min_units = std::numeric_limits<uint32_t>::max();
    for (int c = 0; c < kChannelCount; ++c) {
      if (channel_node[a][c] < 0) continue;
      const int64_t units = params.channel_units[c];
      demand += std::min<int64_t>(cap.slots[c], cap.units / units) * units;
      min_units = std::min<uint32_t>(min_units, params.channel_units[c]);
    }
    const bool binding =
        cap.units != std::numeric_limits<int64_t>::max() && demand > cap.units;
    Graph::Node out = sink;
    if (binding) {
      out = graph.addNode();
      agent_node[a] = Graph::id(out);
      upper.emplace_back(graph.addArc(out, sink), cap.units / min_units);
    }
    for (int c = 0; c < kChannelCount; ++c) {
      if (channel_node[a][c] < 0) continue;
      const int64_t slots =
          std::min<int64_t>(cap.slots[c], cap.units / params.channel_units[c]);
      upper.emplace_back(
          graph.addArc(Graph::nodeFromId(channel_node[a][c]), out), slots);
    }
  }

  Graph::ArcMap<int64_t> upper_map(graph, 0);
  Graph::ArcMap<int64_t> cost_map(graph, 0);
  for (const auto& [arc, value] : upper) upper_map[arc] = value;
  for (const auto& [arc, value] : cost) cost_map[arc] = value;

  // Phase 1: the most items that can be assigned at all.
  lemon::Preflow<Graph, Graph::ArcMap<int64_t>> max_flow(graph, upper_map,
                                                         source, sink);
  max_flow.runMinCut();
  const int64_t most = max_flow.flowValue();
  std::vector<int32_t> agent_of_item(item_count, -1);
  if (most == 0) return agent_of_item;

  // Phase 2: among flows of that value, the largest total score.
  lemon::NetworkSimplex<Graph, int64_t, int64_t> simplex(graph);
  simplex.upperMap(upper_map).costMap(cost_map).stSupply(source, sink, most);
  simplex.run();
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (simplex.flow(Graph::arcFromId(pair_arc[p].second)) > 0) {
      agent_of_item[pairs[p].item] = pair_arc[p].first;
    }
  }
  return agent_of_item;
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

  std::vector<Pair> pairs;
  std::vector<size_t> first_pair(item_count + 1, 0);
  for (size_t i = 0; i < item_count; ++i) {
    first_pair[i] = pairs.size();
    const ItemModel& item = model.items[i];
    ForEachEligibleAgent(model, index, item, [&](int32_t agent) {
      pairs.push_back({static_cast<int32_t>(i), agent,
                       ScoreCandidate(model, item, agent).total_micros});
      return pairs.size() <= params.limits.max_optimal_pairs();
    });
    if (pairs.size() > params.limits.max_optimal_pairs()) {
      return FieldError(
          absl::StatusCode::kResourceExhausted, "policy.mode",
          absl::StrCat("OPTIMAL mode has more eligible pairs than "
                       "limits.max_optimal_pairs (",
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

  // Solve; repair agents whose total units the relaxed flow exceeds, until
  // none does. Each round fixes at least one more agent, so this ends.
  std::vector<int32_t> agent_of_item;
  for (;;) {
    agent_of_item = Solve(model, pairs, capacity);
    std::vector<int64_t> used(model.agents.size(), 0);
    for (size_t i = 0; i < item_count; ++i) {
      if (agent_of_item[i] >= 0) used[agent_of_item[i]] += model.items[i].units;
    }
    bool repaired = false;
    for (size_t a = 0; a < model.agents.size(); ++a) {
      if (used[a] <= capacity[a].units) continue;
      repaired = true;
      // Keep the agent's best items (score, then queue order) that fit.
      std::vector<size_t> mine;
      for (size_t i = 0; i < item_count; ++i) {
        if (agent_of_item[i] == static_cast<int32_t>(a)) mine.push_back(i);
      }
      auto micros_of = [&](size_t i) {
        for (size_t p = first_pair[i]; p < first_pair[i + 1]; ++p) {
          if (pairs[p].agent == static_cast<int32_t>(a)) return pairs[p].micros;
        }
        return int64_t{0};
      };
      std::stable_sort(mine.begin(), mine.end(), [&](size_t x, size_t y) {
        return micros_of(x) > micros_of(y);
      });
      std::array<int64_t, kChannelCount> kept{};
      int64_t units = 0;
      for (size_t i : mine) {
        const ItemModel& item = model.items[i];
        if (units + item.units > capacity[a].units) continue;
        units += item.units;
        ++kept[item.channel];
      }
      capacity[a].slots = kept;
      capacity[a].fixed = true;
    }
    if (!repaired) break;
    result.optimality = cxkit::v1::OPTIMALITY_REPAIRED;
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
