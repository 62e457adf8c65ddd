// Small random routing requests for property and brute-force tests.

#ifndef CXKIT_TESTS_ROUTING_RANDOM_ROUTING_REQUESTS_H_
#define CXKIT_TESTS_ROUTING_RANDOM_ROUTING_REQUESTS_H_

#include <random>
#include <string>

#include "tests/routing/routing_test_support.h"

namespace cxkit::testing {

struct RandomShape {
  int items = 8;
  int agents = 4;
  // Max slots per channel per agent.
  int max_slots = 2;
  // Units per phone item (chats and e-mails cost 1).
  int phone_units = 1;
  // Whether agents get a total units cap.
  bool total_caps = true;
};

inline cxkit::v1::RouteConversationsRequest RandomRoutingRequest(
    uint32_t seed, const RandomShape& shape) {
  std::mt19937 rng(seed);
  auto pick = [&rng](int n) {
    return static_cast<int>(rng() % static_cast<uint32_t>(n));
  };
  const cxkit::v1::Channel channels[] = {cxkit::v1::CHANNEL_PHONE,
                                         cxkit::v1::CHANNEL_LIVE_CHAT,
                                         cxkit::v1::CHANNEL_EMAIL};
  const char* languages[] = {"en", "es", "ru"};
  const char* skills[] = {"delivery", "returns", "payments"};
  cxkit::v1::RouteConversationsRequest request = NewRoutingRequest();
  auto* units = request.mutable_policy()->add_channel_units();
  units->set_channel(cxkit::v1::CHANNEL_PHONE);
  units->set_units(static_cast<uint32_t>(shape.phone_units));
  *request.mutable_policy()
       ->mutable_relaxation()
       ->mutable_drop_optional_skills_after() = Seconds(300);
  for (int i = 0; i < shape.items; ++i) {
    auto* item =
        AddItem(&request, "item-" + std::to_string(i), channels[pick(3)],
                pick(4) == 0 ? "" : languages[pick(3)], pick(1200));
    item->set_priority(static_cast<cxkit::v1::Priority>(pick(5)));
    item->set_customer_tier(static_cast<uint32_t>(pick(4)));
    item->set_sentiment((pick(21) - 10) / 10.0);
    if (pick(2) == 0)
      *item->mutable_sla_due_at() = SecondsAgo(pick(3600) - 600);
    if (pick(3) == 0) Require(item, skills[pick(3)], 1 + pick(6));
    if (pick(4) == 0) {
      auto* optional = item->add_optional_skills();
      optional->set_skill(skills[pick(3)]);
      optional->set_level(static_cast<uint32_t>(1 + pick(5)));
    }
    if (pick(4) == 0) {
      item->add_preferred_agent_ids("agent-" +
                                    std::to_string(pick(shape.agents)));
    }
    if (pick(6) == 0) {
      item->add_excluded_agent_ids("agent-" +
                                   std::to_string(pick(shape.agents)));
    }
  }
  for (int a = 0; a < shape.agents; ++a) {
    auto* agent = AddAgent(&request, "agent-" + std::to_string(a), {}, {});
    if (pick(8) == 0) agent->set_status(cxkit::v1::AGENT_STATUS_BUSY);
    agent->add_languages(languages[pick(3)]);
    if (pick(2) == 0) agent->add_languages(languages[pick(3)]);
    for (const char* skill : skills) {
      if (pick(2) == 0)
        AddSkill(agent, skill, static_cast<uint32_t>(1 + pick(10)));
    }
    for (auto channel : channels) {
      if (pick(3) == 0) continue;
      auto* capacity = agent->add_channels();
      capacity->set_channel(channel);
      capacity->set_max_items(1 + pick(shape.max_slots));
      capacity->set_active_items(pick(2) == 0 ? pick(2) : 0);
    }
    if (shape.total_caps && pick(2) == 0)
      agent->set_capacity_units(1 + pick(4));
    if (pick(2) == 0) *agent->mutable_idle_since() = SecondsAgo(pick(3600));
  }
  return request;
}

}  // namespace cxkit::testing

#endif  // CXKIT_TESTS_ROUTING_RANDOM_ROUTING_REQUESTS_H_
