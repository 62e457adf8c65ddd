// Properties over random queues: order independence, capacity, eligibility.

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "tests/routing/random_routing_requests.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;

template <typename Repeated>
void Shuffle(Repeated* list, std::mt19937* rng) {
  for (int i = list->size() - 1; i > 0; --i) {
    list->SwapElements(i, static_cast<int>((*rng)() % (i + 1)));
  }
}

RouteConversationsRequest Shuffled(RouteConversationsRequest request,
                                   uint32_t seed) {
  std::mt19937 rng(seed);
  Shuffle(request.mutable_items(), &rng);
  Shuffle(request.mutable_agents(), &rng);
  for (auto& item : *request.mutable_items()) {
    Shuffle(item.mutable_required_skills(), &rng);
    Shuffle(item.mutable_optional_skills(), &rng);
    Shuffle(item.mutable_preferred_agent_ids(), &rng);
    Shuffle(item.mutable_excluded_agent_ids(), &rng);
  }
  for (auto& agent : *request.mutable_agents()) {
    Shuffle(agent.mutable_skills(), &rng);
    Shuffle(agent.mutable_channels(), &rng);
    Shuffle(agent.mutable_teams(), &rng);
  }
  return request;
}

// Sets every output option so the whole response is compared.
RouteConversationsRequest WithFullOutput(RouteConversationsRequest request,
                                         cxkit::v1::AssignmentMode mode) {
  request.mutable_policy()->set_mode(mode);
  request.mutable_output()->set_candidates_per_item(3);
  request.mutable_output()->set_explain_ineligible(true);
  return request;
}

TEST(RoutingPropertyTest, ShuffledInputGivesByteIdenticalResponse) {
  for (auto mode : {cxkit::v1::ASSIGNMENT_MODE_GREEDY,
                    cxkit::v1::ASSIGNMENT_MODE_OPTIMAL}) {
    for (uint32_t seed = 1; seed <= 40; ++seed) {
      RandomShape shape;
      shape.items = 30;
      shape.agents = 12;
      shape.phone_units = 1 + static_cast<int>(seed % 3);
      const RouteConversationsRequest request =
          WithFullOutput(RandomRoutingRequest(seed, shape), mode);
      const std::string expected =
          DeterministicBytes(RouteConversations(request));
      for (uint32_t shuffle = 1; shuffle <= 3; ++shuffle) {
        ASSERT_EQ(DeterministicBytes(RouteConversations(
                      Shuffled(request, seed * 7 + shuffle))),
                  expected)
            << "seed " << seed << " mode " << mode;
      }
    }
  }
}

// Checks that no assignment breaks a capacity or an eligibility rule.
void ExpectCapacityRespected(const RouteConversationsRequest& request,
                             const RouteConversationsResponse& response) {
  std::map<std::string, const cxkit::v1::Agent*> agents;
  for (const auto& agent : request.agents()) agents[agent.id()] = &agent;
  std::map<std::string, const cxkit::v1::WorkItem*> items;
  for (const auto& item : request.items()) items[item.id()] = &item;
  std::map<std::string, std::map<int, int>> per_channel;
  std::map<std::string, int64_t> units;
  for (const auto& a : response.assignments()) {
    const cxkit::v1::Agent& agent = *agents.at(a.agent_id());
    const cxkit::v1::WorkItem& item = *items.at(a.item_id());
    EXPECT_EQ(agent.status(), cxkit::v1::AGENT_STATUS_AVAILABLE);
    EXPECT_EQ(a.channel(), item.channel());
    if (!item.language().empty()) {
      EXPECT_NE(std::find(agent.languages().begin(), agent.languages().end(),
                          item.language()),
                agent.languages().end());
    }
    ++per_channel[agent.id()][a.channel()];
    units[agent.id()] += a.units();
  }
  for (const auto& agent : request.agents()) {
    int64_t used = 0;
    for (const auto& capacity : agent.channels()) {
      const int added = per_channel[agent.id()][capacity.channel()];
      if (added > 0) {
        EXPECT_LE(capacity.active_items() + added, capacity.max_items())
            << agent.id();
      }
      const uint32_t unit = capacity.channel() == cxkit::v1::CHANNEL_PHONE
                                ? request.policy().channel_units(0).units()
                                : 1;
      used += static_cast<int64_t>(capacity.active_items()) * unit;
    }
    for (const auto& [channel, count] : per_channel[agent.id()]) {
      bool handled = false;
      for (const auto& capacity : agent.channels()) {
        handled |= capacity.channel() == channel && capacity.max_items() > 0;
      }
      EXPECT_TRUE(handled) << agent.id() << " channel " << channel;
    }
    if (agent.capacity_units() > 0 && units[agent.id()] > 0) {
      EXPECT_LE(used + units[agent.id()], agent.capacity_units()) << agent.id();
    }
  }
}

TEST(RoutingPropertyTest, CapacityIsNeverExceeded) {
  for (auto mode : {cxkit::v1::ASSIGNMENT_MODE_GREEDY,
                    cxkit::v1::ASSIGNMENT_MODE_OPTIMAL}) {
    for (uint32_t seed = 1; seed <= 200; ++seed) {
      RandomShape shape;
      shape.items = 10 + static_cast<int>(seed % 50);
      shape.agents = 2 + static_cast<int>(seed % 9);
      shape.max_slots = 1 + static_cast<int>(seed % 4);
      shape.phone_units = 1 + static_cast<int>(seed % 3);
      RouteConversationsRequest request = RandomRoutingRequest(seed, shape);
      request.mutable_policy()->set_mode(mode);
      const RouteConversationsResponse response = RouteConversations(request);
      ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
          << response.status().message();
      ExpectCapacityRespected(request, response);
      EXPECT_EQ(response.assignments_size() + response.unassigned_size(),
                request.items_size());
    }
  }
}

TEST(RoutingPropertyTest, GreedyGivesTheFirstItemItsTopCandidate) {
  // With one slot per agent and no total caps, greedy's choice for the first
  // item in queue order is its rank-1 candidate (every item:
  // GreedyEqualsTheReferenceDefinition).
  int checked = 0;
  for (uint32_t seed = 1; seed <= 50; ++seed) {
    RandomShape shape;
    shape.total_caps = false;
    shape.max_slots = 1;
    RouteConversationsRequest request = RandomRoutingRequest(seed, shape);
    request.mutable_output()->set_candidates_per_item(1);
    const RouteConversationsResponse response = RouteConversations(request);
    ASSERT_EQ(response.candidates_size(),
              response.assignments_size() + response.unassigned_size());
    const auto& first = response.candidates(0);
    if (first.candidates().empty()) continue;
    ++checked;
    ASSERT_GT(response.assignments_size(), 0);
    EXPECT_EQ(response.assignments(0).item_id(), first.item_id());
    EXPECT_EQ(response.assignments(0).agent_id(),
              first.candidates(0).agent_id());
    EXPECT_EQ(response.assignments(0).score(),
              first.candidates(0).breakdown().total());
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace cxkit::testing

namespace cxkit::testing {
namespace {

// Greedy by definition: items in queue order (the order of the candidates
// output), each taking its best-ranked candidate that still has a slot on the
// channel and the units. Must equal the indexed, early-stopping greedy.
TEST(RoutingPropertyTest, GreedyEqualsTheReferenceDefinition) {
  for (uint32_t seed = 1; seed <= 150; ++seed) {
    RandomShape shape;
    shape.items = 10 + static_cast<int>(seed % 40);
    shape.agents = 2 + static_cast<int>(seed % 12);
    shape.max_slots = 1 + static_cast<int>(seed % 3);
    shape.phone_units = 1 + static_cast<int>(seed % 3);
    RouteConversationsRequest request = RandomRoutingRequest(seed, shape);
    request.mutable_output()->set_candidates_per_item(1000);
    const RouteConversationsResponse response = RouteConversations(request);
    ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);

    const uint32_t phone_units = request.policy().channel_units(0).units();
    auto units_of = [&](int channel) {
      return channel == cxkit::v1::CHANNEL_PHONE ? phone_units : 1u;
    };
    std::map<std::string, std::map<int, int>> free_slots;
    std::map<std::string, int64_t> free_units;
    for (const auto& agent : request.agents()) {
      int64_t used = 0;
      for (const auto& c : agent.channels()) {
        free_slots[agent.id()][c.channel()] = c.max_items() - c.active_items();
        used += static_cast<int64_t>(c.active_items()) * units_of(c.channel());
      }
      free_units[agent.id()] = agent.capacity_units() > 0
                                   ? agent.capacity_units() - used
                                   : int64_t{1} << 40;
    }
    std::map<std::string, int> channel_of;
    for (const auto& item : request.items()) {
      channel_of[item.id()] = item.channel();
    }
    Pairs expected;
    for (const auto& item : response.candidates()) {
      const int channel = channel_of.at(item.item_id());
      for (const auto& candidate : item.candidates()) {
        int& slots = free_slots[candidate.agent_id()][channel];
        int64_t& units = free_units[candidate.agent_id()];
        if (slots <= 0 || units < units_of(channel)) continue;
        --slots;
        units -= units_of(channel);
        expected.emplace_back(item.item_id(), candidate.agent_id());
        break;
      }
    }
    EXPECT_EQ(Assigned(response), expected) << "seed " << seed;
  }
}

}  // namespace
}  // namespace cxkit::testing
