// LEMON is used header-only (LEMON_ONLY_TEMPLATES, set for this file in
// lib/CMakeLists.txt), so libcxkit has no link dependency on liblemon.
#include "lib/routing/assignment_network.h"

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

namespace cxkit::routing {

using Graph = lemon::SmartDigraph;

struct AssignmentNetwork::Impl {
  const RoutingModel& model;
  Graph graph;
  Graph::Node source;
  Graph::Node sink;
  // Arc ids: per pair; per agent and channel (-1: none); per agent (-1:
  // none); the source -> sink bypass (-1 in two-phase mode).
  std::vector<int> pair_arc;
  // (item, agent) of each pair.
  std::vector<std::pair<int32_t, int32_t>> pair_ends;
  std::vector<std::array<int, kChannelCount>> channel_arc;
  std::vector<int> agent_arc;
  int bypass_arc = -1;
  int64_t items_with_pairs = 0;
  // Single-solve mode: every assigned item earns `bonus` more than any
  // total score, so the largest number of items wins first.
  int64_t bonus = 0;
  std::unique_ptr<Graph::ArcMap<int64_t>> upper;
  std::unique_ptr<Graph::ArcMap<int64_t>> cost;
  std::unique_ptr<lemon::NetworkSimplex<Graph, int64_t, int64_t>> simplex;

  explicit Impl(const RoutingModel& m) : model(m) {}
};

AssignmentNetwork::AssignmentNetwork(const RoutingModel& model,
                                     const std::vector<EligiblePair>& pairs,
                                     const std::vector<AgentCapacity>& capacity)
    : impl_(std::make_unique<Impl>(model)) {
  Impl& n = *impl_;
  const RoutingParams& params = model.params;
  const size_t item_count = model.items.size();
  const size_t agent_count = model.agents.size();
  Graph& graph = n.graph;
  graph.reserveArc(
      static_cast<int>(pairs.size() + item_count + 4 * agent_count + 1));
  n.source = graph.addNode();
  n.sink = graph.addNode();
  std::vector<int> item_node(item_count, -1);
  int64_t max_micros = 0;
  for (const EligiblePair& pair : pairs) {
    if (item_node[pair.item] < 0) {
      item_node[pair.item] = Graph::id(graph.addNode());
      graph.addArc(n.source, Graph::nodeFromId(item_node[pair.item]));
      ++n.items_with_pairs;
    }
    max_micros = std::max(max_micros, pair.micros);
  }
  std::vector<std::array<int, kChannelCount>> channel_node(agent_count);
  for (auto& nodes : channel_node) nodes.fill(-1);
  n.pair_arc.reserve(pairs.size());
  n.pair_ends.reserve(pairs.size());
  for (const EligiblePair& pair : pairs) {
    n.pair_ends.emplace_back(pair.item, pair.agent);
    int& node = channel_node[pair.agent][model.items[pair.item].channel];
    if (node < 0) node = Graph::id(graph.addNode());
    n.pair_arc.push_back(Graph::id(graph.addArc(
        Graph::nodeFromId(item_node[pair.item]), Graph::nodeFromId(node))));
  }
  n.channel_arc.resize(agent_count);
  n.agent_arc.assign(agent_count, -1);
  relaxed_.assign(agent_count, false);
  for (size_t a = 0; a < agent_count; ++a) {
    n.channel_arc[a].fill(-1);
    const AgentCapacity& cap = capacity[a];
    int64_t demand = 0;
    uint32_t min_units = std::numeric_limits<uint32_t>::max();
    uint32_t max_units = 0;
    for (int c = 0; c < kChannelCount; ++c) {
      if (channel_node[a][c] < 0) continue;
      const int64_t units = params.channel_units[c];
      demand += std::min<int64_t>(cap.slots[c], cap.units / units) * units;
      min_units = std::min<uint32_t>(min_units, params.channel_units[c]);
      max_units = std::max<uint32_t>(max_units, params.channel_units[c]);
    }
    Graph::Node out = n.sink;
    if (cap.units != std::numeric_limits<int64_t>::max() &&
        demand > cap.units) {
      out = graph.addNode();
      n.agent_arc[a] = Graph::id(graph.addArc(out, n.sink));
      relaxed_[a] = min_units != max_units;
    }
    for (int c = 0; c < kChannelCount; ++c) {
      if (channel_node[a][c] < 0) continue;
      n.channel_arc[a][c] =
          Graph::id(graph.addArc(Graph::nodeFromId(channel_node[a][c]), out));
    }
  }
  // One solve with a per-item bonus when its costs cannot overflow
  // NetworkSimplex's potentials (bounded by cost x nodes); else max-flow
  // first, then min-cost flow of that value.
  const int64_t n_items = n.items_with_pairs;
  const int64_t nodes = graph.nodeNum() + 1;
  constexpr int64_t kSafe = int64_t{1} << 61;
  if (max_micros < (int64_t{1} << 40) && n_items < (int64_t{1} << 21) &&
      (n_items * max_micros + 2 * max_micros + 1) < kSafe / nodes) {
    n.bonus = n_items * max_micros + 1;
    n.bypass_arc = Graph::id(graph.addArc(n.source, n.sink));
  }
  n.upper = std::make_unique<Graph::ArcMap<int64_t>>(graph, 0);
  n.cost = std::make_unique<Graph::ArcMap<int64_t>>(graph, 0);
  for (size_t p = 0; p < pairs.size(); ++p) {
    const Graph::Arc arc = Graph::arcFromId(n.pair_arc[p]);
    (*n.upper)[arc] = 1;
    (*n.cost)[arc] = -(pairs[p].micros + n.bonus);
  }
  for (Graph::OutArcIt arc(graph, n.source); arc != lemon::INVALID; ++arc) {
    (*n.upper)[arc] = 1;
  }
  if (n.bypass_arc >= 0) {
    (*n.upper)[Graph::arcFromId(n.bypass_arc)] = n_items;
  }
  n.simplex =
      std::make_unique<lemon::NetworkSimplex<Graph, int64_t, int64_t>>(graph);
}

AssignmentNetwork::~AssignmentNetwork() = default;

std::vector<int32_t> AssignmentNetwork::Solve(
    const std::vector<AgentCapacity>& capacity) {
  Impl& n = *impl_;
  const RoutingParams& params = n.model.params;
  Graph::ArcMap<int64_t>& upper = *n.upper;
  for (size_t a = 0; a < capacity.size(); ++a) {
    const AgentCapacity& cap = capacity[a];
    uint32_t min_units = std::numeric_limits<uint32_t>::max();
    for (int c = 0; c < kChannelCount; ++c) {
      if (n.channel_arc[a][c] < 0) continue;
      upper[Graph::arcFromId(n.channel_arc[a][c])] =
          std::min<int64_t>(cap.slots[c], cap.units / params.channel_units[c]);
      min_units = std::min<uint32_t>(min_units, params.channel_units[c]);
    }
    if (n.agent_arc[a] >= 0) {
      upper[Graph::arcFromId(n.agent_arc[a])] = cap.units / min_units;
    }
  }
  std::vector<int32_t> agent_of_item(n.model.items.size(), -1);
  int64_t flow_value = n.items_with_pairs;
  if (n.bypass_arc < 0) {
    lemon::Preflow<Graph, Graph::ArcMap<int64_t>> max_flow(n.graph, upper,
                                                           n.source, n.sink);
    max_flow.runMinCut();
    flow_value = max_flow.flowValue();
  }
  if (flow_value == 0) return agent_of_item;
  n.simplex->resetParams();
  n.simplex->upperMap(upper).costMap(*n.cost).stSupply(n.source, n.sink,
                                                       flow_value);
  n.simplex->run();
  for (size_t p = 0; p < n.pair_arc.size(); ++p) {
    if (n.simplex->flow(Graph::arcFromId(n.pair_arc[p])) > 0) {
      agent_of_item[n.pair_ends[p].first] = n.pair_ends[p].second;
    }
  }
  return agent_of_item;
}

}  // namespace cxkit::routing
