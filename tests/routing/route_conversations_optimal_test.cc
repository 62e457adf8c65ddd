// OPTIMAL mode against brute force on small random queues.

#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/routing/random_routing_requests.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;

struct Objective {
  int assigned = 0;
  int64_t micros = 0;
  bool operator<(const Objective& o) const {
    return assigned != o.assigned ? assigned < o.assigned : micros < o.micros;
  }
  bool operator==(const Objective& o) const {
    return assigned == o.assigned && micros == o.micros;
  }
};

int64_t Micros(double score) { return std::llround(score * 1e6); }

// The best (assigned, total score) over every feasible assignment, found by
// enumerating each item's eligible agents (taken from the candidates output).
Objective BruteForce(const RouteConversationsRequest& request,
                     const RouteConversationsResponse& candidates) {
  std::map<std::string, int> agent_index;
  std::vector<std::map<int, int>> free_slots(request.agents_size());
  std::vector<int64_t> free_units(request.agents_size());
  const uint32_t phone_units = request.policy().channel_units(0).units();
  auto units_of = [&](int channel) {
    return channel == cxkit::v1::CHANNEL_PHONE ? phone_units : 1u;
  };
  for (int a = 0; a < request.agents_size(); ++a) {
    const auto& agent = request.agents(a);
    agent_index[agent.id()] = a;
    int64_t used = 0;
    for (const auto& c : agent.channels()) {
      free_slots[a][c.channel()] = c.max_items() - c.active_items();
      used += static_cast<int64_t>(c.active_items()) * units_of(c.channel());
    }
    free_units[a] = agent.capacity_units() > 0 ? agent.capacity_units() - used
                                               : int64_t{1} << 40;
  }
  std::map<std::string, int> channel_of;
  for (const auto& item : request.items())
    channel_of[item.id()] = item.channel();
  struct Option {
    int agent;
    int64_t micros;
  };
  std::vector<std::vector<Option>> options;
  std::vector<int> channels;
  for (const auto& item : candidates.candidates()) {
    options.emplace_back();
    channels.push_back(channel_of.at(item.item_id()));
    for (const auto& c : item.candidates()) {
      options.back().push_back(
          {agent_index.at(c.agent_id()), Micros(c.breakdown().total())});
    }
  }
  Objective best;
  Objective current;
  std::function<void(size_t)> visit = [&](size_t i) {
    if (i == options.size()) {
      if (best < current) best = current;
      return;
    }
    visit(i + 1);  // unassigned
    const int channel = channels[i];
    for (const Option& option : options[i]) {
      int& slots = free_slots[option.agent][channel];
      int64_t& units = free_units[option.agent];
      if (slots <= 0 || units < units_of(channel)) continue;
      --slots;
      units -= units_of(channel);
      ++current.assigned;
      current.micros += option.micros;
      visit(i + 1);
      --current.assigned;
      current.micros -= option.micros;
      units += units_of(channel);
      ++slots;
    }
  };
  visit(0);
  return best;
}

Objective ObjectiveOf(const RouteConversationsResponse& response) {
  Objective objective;
  for (const auto& a : response.assignments()) {
    ++objective.assigned;
    objective.micros += Micros(a.score());
  }
  return objective;
}

void CompareWithBruteForce(uint32_t seed, const RandomShape& shape, int* exact,
                           int* repaired) {
  RouteConversationsRequest request = RandomRoutingRequest(seed, shape);
  request.mutable_output()->set_candidates_per_item(1000);
  const RouteConversationsResponse greedy = RouteConversations(request);
  request.mutable_policy()->set_mode(cxkit::v1::ASSIGNMENT_MODE_OPTIMAL);
  const RouteConversationsResponse optimal = RouteConversations(request);
  ASSERT_EQ(optimal.status().code(), cxkit::v1::STATUS_CODE_OK);
  const Objective best = BruteForce(request, optimal);
  const Objective got = ObjectiveOf(optimal);
  EXPECT_EQ(Micros(optimal.summary().total_score()), got.micros);
  if (optimal.summary().optimality() == cxkit::v1::OPTIMALITY_EXACT) {
    ++*exact;
    EXPECT_EQ(got, best) << "seed " << seed << ": optimal " << got.assigned
                         << "/" << got.micros << " vs brute force "
                         << best.assigned << "/" << best.micros;
    EXPECT_FALSE(best < ObjectiveOf(greedy)) << "seed " << seed;
  } else {
    ++*repaired;
    EXPECT_EQ(optimal.summary().optimality(), cxkit::v1::OPTIMALITY_REPAIRED);
    EXPECT_FALSE(best < got) << "seed " << seed;
  }
}

TEST(RoutingOptimalTest, MatchesBruteForceWithUniformUnits) {
  int exact = 0, repaired = 0;
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    RandomShape shape;
    shape.items = 4 + static_cast<int>(seed % 4);
    shape.agents = 2 + static_cast<int>(seed % 3);
    shape.max_slots = 2;
    shape.phone_units = 1;
    CompareWithBruteForce(seed, shape, &exact, &repaired);
  }
  // Uniform unit costs never need a repair.
  EXPECT_EQ(repaired, 0);
  EXPECT_EQ(exact, 300);
}

TEST(RoutingOptimalTest, MatchesBruteForceWhenExactWithMixedUnits) {
  int exact = 0, repaired = 0;
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    RandomShape shape;
    shape.items = 4 + static_cast<int>(seed % 4);
    shape.agents = 2 + static_cast<int>(seed % 3);
    shape.max_slots = 3;
    shape.phone_units = 3;
    CompareWithBruteForce(seed, shape, &exact, &repaired);
  }
  // Both kinds occur, so both branches above are exercised.
  EXPECT_GT(exact, 0);
  EXPECT_GT(repaired, 0);
}

}  // namespace
}  // namespace cxkit::testing
