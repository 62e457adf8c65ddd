// Builders for RouteConversationsRequest in tests: short, readable queues.

#ifndef CXKIT_TESTS_ROUTING_ROUTING_TEST_SUPPORT_H_
#define CXKIT_TESTS_ROUTING_ROUTING_TEST_SUPPORT_H_

#include <string>
#include <utility>
#include <vector>

#include "cxkit/routing.h"
#include "cxkit/v1/routing.pb.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace cxkit::testing {

// Every test routes at this instant; times are given as seconds before it.
inline constexpr int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z

inline google::protobuf::Timestamp SecondsAgo(int64_t seconds) {
  google::protobuf::Timestamp t;
  t.set_seconds(kNow - seconds);
  return t;
}

inline google::protobuf::Duration Seconds(int64_t seconds) {
  google::protobuf::Duration d;
  d.set_seconds(seconds);
  return d;
}

inline cxkit::v1::RouteConversationsRequest NewRoutingRequest() {
  cxkit::v1::RouteConversationsRequest request;
  request.mutable_now()->set_seconds(kNow);
  return request;
}

// An item that has waited `waited` seconds.
inline cxkit::v1::WorkItem* AddItem(cxkit::v1::RouteConversationsRequest* r,
                                    const std::string& id,
                                    cxkit::v1::Channel channel,
                                    const std::string& language,
                                    int64_t waited) {
  cxkit::v1::WorkItem* item = r->add_items();
  item->set_id(id);
  item->set_conversation_id("c-" + id);
  item->set_channel(channel);
  item->set_language(language);
  *item->mutable_enqueued_at() = SecondsAgo(waited);
  return item;
}

// An AVAILABLE agent with `slots` (channel, max_items) and no load.
inline cxkit::v1::Agent* AddAgent(
    cxkit::v1::RouteConversationsRequest* r, const std::string& id,
    std::vector<std::string> languages,
    std::vector<std::pair<cxkit::v1::Channel, int>> slots) {
  cxkit::v1::Agent* agent = r->add_agents();
  agent->set_id(id);
  agent->set_status(cxkit::v1::AGENT_STATUS_AVAILABLE);
  for (auto& language : languages) agent->add_languages(language);
  for (auto& [channel, max_items] : slots) {
    auto* capacity = agent->add_channels();
    capacity->set_channel(channel);
    capacity->set_max_items(max_items);
  }
  return agent;
}

inline void AddSkill(cxkit::v1::Agent* agent, const std::string& skill,
                     uint32_t level) {
  auto* s = agent->add_skills();
  s->set_skill(skill);
  s->set_level(level);
}

inline void Require(cxkit::v1::WorkItem* item, const std::string& skill,
                    uint32_t level) {
  auto* s = item->add_required_skills();
  s->set_skill(skill);
  s->set_level(level);
}

// Weights with every component off; tests switch on what they look at.
inline void ZeroWeights(cxkit::v1::RouteConversationsRequest* r) {
  auto* w = r->mutable_policy()->mutable_weights();
  w->set_skill_fit(0);
  w->set_language(0);
  w->set_priority(0);
  w->set_customer_tier(0);
  w->set_sentiment(0);
  w->set_sla_urgency(0);
  w->set_wait_time(0);
  w->set_sticky(0);
  w->set_load_balance(0);
  w->set_idle_time(0);
}

// item id -> agent id of every assignment, in response (queue) order.
inline std::vector<std::pair<std::string, std::string>> Assigned(
    const cxkit::v1::RouteConversationsResponse& response) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& a : response.assignments()) {
    out.emplace_back(a.item_id(), a.agent_id());
  }
  return out;
}

inline std::vector<std::string> UnassignedIds(
    const cxkit::v1::RouteConversationsResponse& response) {
  std::vector<std::string> out;
  for (const auto& u : response.unassigned()) out.push_back(u.item_id());
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace cxkit::testing

#endif  // CXKIT_TESTS_ROUTING_ROUTING_TEST_SUPPORT_H_
