// Hand-made queues with their exact expected assignments and scores.

#include <string>

#include "gtest/gtest.h"
#include "tests/routing/routing_test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::AGENT_STATUS_AWAY;
using cxkit::v1::CHANNEL_EMAIL;
using cxkit::v1::CHANNEL_LIVE_CHAT;
using cxkit::v1::CHANNEL_PHONE;
using cxkit::v1::CHANNEL_WHATSAPP;
using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;

TEST(RouteConversationsTest, SpanishSpeakerGoesToSpanishSpeakingAgent) {
  RouteConversationsRequest request = NewRoutingRequest();
  AddItem(&request, "w1", CHANNEL_WHATSAPP, "es", 60);
  AddItem(&request, "w2", CHANNEL_WHATSAPP, "en", 30);
  AddAgent(&request, "anna", {"en"}, {{CHANNEL_WHATSAPP, 2}});
  AddAgent(&request, "lucia", {"es", "en"}, {{CHANNEL_WHATSAPP, 2}});
  const RouteConversationsResponse response = RouteConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_EQ(Assigned(response), (Pairs{{"w1", "lucia"}, {"w2", "anna"}}));
  // language 5 (native) + priority 20/3 + wait 10 x 60/1800 + load 2.
  const auto& breakdown = response.assignments(0).breakdown();
  EXPECT_DOUBLE_EQ(breakdown.language(), 5);
  EXPECT_NEAR(breakdown.priority(), 20.0 / 3, 1e-12);
  EXPECT_NEAR(breakdown.wait_time(), 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(breakdown.load_balance(), 2);
  EXPECT_DOUBLE_EQ(breakdown.total(), 14);
  EXPECT_DOUBLE_EQ(response.assignments(0).score(), 14);
  EXPECT_EQ(breakdown.relaxation_step(), cxkit::v1::RELAXATION_STEP_NONE);
  EXPECT_EQ(response.assignments(0).conversation_id(), "c-w1");
  EXPECT_EQ(response.summary().assigned(), 2u);
  EXPECT_EQ(response.summary().optimality(), cxkit::v1::OPTIMALITY_GREEDY);
}

// The story: a Spanish-speaking VIP, angry, on WhatsApp, her order
// late, SLA out in four minutes, handled by maria last time.
RouteConversationsRequest AngryVipRequest(int64_t waited) {
  RouteConversationsRequest request = NewRoutingRequest();
  auto* item = AddItem(&request, "vip", CHANNEL_WHATSAPP, "es", waited);
  item->set_priority(cxkit::v1::PRIORITY_HIGH);
  item->set_customer_tier(3);
  item->set_sentiment(-0.8);
  *item->mutable_sla_due_at() = SecondsAgo(-240);
  Require(item, "delivery", 3);
  item->add_preferred_agent_ids("maria");
  auto* maria = AddAgent(&request, "maria", {"es"}, {{CHANNEL_WHATSAPP, 3}});
  AddSkill(maria, "delivery", 5);
  *maria->mutable_idle_since() = SecondsAgo(600);
  auto* pedro = AddAgent(&request, "pedro", {"es"}, {{CHANNEL_WHATSAPP, 3}});
  AddSkill(pedro, "delivery", 8);
  *pedro->mutable_idle_since() = SecondsAgo(1200);
  auto* john = AddAgent(&request, "john", {"en"}, {{CHANNEL_WHATSAPP, 3}});
  AddSkill(john, "delivery", 9);
  request.mutable_output()->set_candidates_per_item(5);
  request.mutable_output()->set_explain_ineligible(true);
  return request;
}

// A weight of -0.0 is valid (not below zero) and must answer exactly like 0:
// JSON cannot carry the sign, so a -0 in a score breakdown would differ
// between the binary and the JSON entry points.
TEST(RouteConversationsTest, NegativeZeroWeightsAnswerLikeZero) {
  RouteConversationsRequest zero = AngryVipRequest(120);
  RouteConversationsRequest negative_zero = AngryVipRequest(120);
  const auto* descriptor = zero.policy().weights().GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    auto* weights = zero.mutable_policy()->mutable_weights();
    weights->GetReflection()->SetDouble(weights, field, 0.0);
    weights = negative_zero.mutable_policy()->mutable_weights();
    weights->GetReflection()->SetDouble(weights, field, -0.0);
  }
  const RouteConversationsResponse response = RouteConversations(negative_zero);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_EQ(response.SerializeAsString(),
            RouteConversations(zero).SerializeAsString());
}

TEST(RouteConversationsTest, StickyAgentWinsBeforeItsTimeout) {
  const RouteConversationsResponse response =
      RouteConversations(AngryVipRequest(120));
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_EQ(Assigned(response), (Pairs{{"vip", "maria"}}));
  const auto& b = response.assignments(0).breakdown();
  EXPECT_DOUBLE_EQ(b.skill_fit(), 3.75);          // 10 x (5-3+1)/(10-3+1)
  EXPECT_DOUBLE_EQ(b.language(), 5);              // native Spanish
  EXPECT_NEAR(b.priority(), 40.0 / 3, 1e-12);     // HIGH: 20 x 2/3
  EXPECT_DOUBLE_EQ(b.customer_tier(), 10);        // tier 3 of 3
  EXPECT_DOUBLE_EQ(b.sentiment(), 4);             // 5 x 0.8
  EXPECT_NEAR(b.sla_urgency(), 56.0 / 3, 1e-12);  // 20 x (1 - 240/3600)
  EXPECT_NEAR(b.wait_time(), 2.0 / 3, 1e-12);     // 10 x 120/1800
  EXPECT_DOUBLE_EQ(b.sticky(), 30);
  EXPECT_DOUBLE_EQ(b.load_balance(), 2);
  EXPECT_NEAR(b.idle_time(), 1.0 / 3, 1e-12);  // 600/1800
  EXPECT_DOUBLE_EQ(b.total(), 87.75);
  ASSERT_EQ(response.candidates_size(), 1);
  const auto& candidates = response.candidates(0).candidates();
  ASSERT_EQ(candidates.size(), 2);
  EXPECT_EQ(candidates[0].agent_id(), "maria");
  EXPECT_EQ(candidates[0].rank(), 1u);
  EXPECT_EQ(candidates[1].agent_id(), "pedro");
  EXPECT_EQ(candidates[1].rank(), 2u);
  // 46.666667 for the item, 15.166667 for pedro (each rounded to 1e-6).
  EXPECT_DOUBLE_EQ(candidates[1].breakdown().total(), 61.833334);
  ASSERT_EQ(response.ineligible_size(), 1);
  EXPECT_EQ(response.ineligible(0).agent_id(), "john");
  EXPECT_EQ(response.ineligible(0).reason(),
            cxkit::v1::INELIGIBLE_REASON_LANGUAGE_NOT_SPOKEN);
  EXPECT_EQ(response.ineligible(0).detail(), "agent does not speak \"es\"");
}

TEST(RouteConversationsTest, StickinessStopsAfterItsTimeout) {
  // 400 s > the default sticky timeout of 300 s: pedro's better skill and
  // longer idle win.
  const RouteConversationsResponse response =
      RouteConversations(AngryVipRequest(400));
  EXPECT_EQ(Assigned(response), (Pairs{{"vip", "pedro"}}));
  EXPECT_DOUBLE_EQ(response.assignments(0).breakdown().sticky(), 0);
  EXPECT_EQ(response.candidates(0).candidates(1).agent_id(), "maria");
  EXPECT_DOUBLE_EQ(response.candidates(0).candidates(1).breakdown().sticky(),
                   0);
}

TEST(RouteConversationsTest, StickyTimeoutIsConfigurable) {
  RouteConversationsRequest request = AngryVipRequest(400);
  *request.mutable_policy()->mutable_sticky_timeout() = Seconds(600);
  EXPECT_EQ(Assigned(RouteConversations(request)), (Pairs{{"vip", "maria"}}));
}

RouteConversationsRequest PhoneAndChatsRequest() {
  RouteConversationsRequest request = NewRoutingRequest();
  auto* units = request.mutable_policy()->add_channel_units();
  units->set_channel(CHANNEL_PHONE);
  units->set_units(3);
  AddItem(&request, "p1", CHANNEL_PHONE, "", 100);
  AddItem(&request, "c1", CHANNEL_LIVE_CHAT, "", 90);
  AddItem(&request, "c2", CHANNEL_LIVE_CHAT, "", 80);
  AddItem(&request, "c3", CHANNEL_LIVE_CHAT, "", 70);
  // a1: one call (3 units) or up to three chats (1 unit each), 3 units total.
  AddAgent(&request, "a1", {"en"}, {{CHANNEL_PHONE, 1}, {CHANNEL_LIVE_CHAT, 3}})
      ->set_capacity_units(3);
  // b1: two chats.
  AddAgent(&request, "b1", {"en"}, {{CHANNEL_LIVE_CHAT, 2}})
      ->set_capacity_units(3);
  return request;
}

TEST(RouteConversationsTest, CapacityUnitsAreSharedAcrossChannels) {
  const RouteConversationsResponse response =
      RouteConversations(PhoneAndChatsRequest());
  EXPECT_EQ(Assigned(response),
            (Pairs{{"p1", "a1"}, {"c1", "b1"}, {"c2", "b1"}}));
  EXPECT_EQ(response.assignments(0).units(), 3u);
  EXPECT_EQ(response.assignments(1).units(), 1u);
  ASSERT_EQ(response.unassigned_size(), 1);
  EXPECT_EQ(response.unassigned(0).item_id(), "c3");
  EXPECT_EQ(response.unassigned(0).reason(),
            cxkit::v1::UNASSIGNED_REASON_CAPACITY_TAKEN);
  EXPECT_EQ(response.unassigned(0).queue_position(), 3u);
}

TEST(RouteConversationsTest, OptimalModeRepairsAMixedUnitsAgent) {
  RouteConversationsRequest request = PhoneAndChatsRequest();
  request.mutable_policy()->set_mode(cxkit::v1::ASSIGNMENT_MODE_OPTIMAL);
  const RouteConversationsResponse response = RouteConversations(request);
  // The flow relaxation would give a1 the call and two chats (5 units); the
  // repair keeps its best item, the call, and re-solves.
  EXPECT_EQ(Assigned(response),
            (Pairs{{"p1", "a1"}, {"c1", "b1"}, {"c2", "b1"}}));
  EXPECT_EQ(response.summary().optimality(), cxkit::v1::OPTIMALITY_REPAIRED);
  // The relaxation assigned all four items (a1: the call and a chat).
  EXPECT_EQ(response.summary().bound_assigned(), 4u);
  EXPECT_EQ(response.summary().assigned(), 3u);
}

TEST(RouteConversationsTest, LoadAlreadyHeldCountsAgainstCapacity) {
  RouteConversationsRequest request = PhoneAndChatsRequest();
  // a1 is on a call already: no units left.
  request.mutable_agents(0)->mutable_channels(0)->set_active_items(1);
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(Assigned(response), (Pairs{{"c1", "b1"}, {"c2", "b1"}}));
  ASSERT_EQ(response.unassigned_size(), 2);
  EXPECT_EQ(response.unassigned(0).item_id(), "p1");
  EXPECT_EQ(response.unassigned(0).reason(),
            cxkit::v1::UNASSIGNED_REASON_NO_ELIGIBLE_AGENT);
}

RouteConversationsRequest PriorityAndAgeRequest() {
  RouteConversationsRequest request = NewRoutingRequest();
  AddItem(&request, "old-low", CHANNEL_EMAIL, "", 600)
      ->set_priority(cxkit::v1::PRIORITY_LOW);
  AddItem(&request, "new-urgent", CHANNEL_EMAIL, "", 10)
      ->set_priority(cxkit::v1::PRIORITY_URGENT);
  AddItem(&request, "mid-normal", CHANNEL_EMAIL, "", 300);
  AddAgent(&request, "solo", {}, {{CHANNEL_EMAIL, 1}});
  return request;
}

TEST(RouteConversationsTest, PriorityComesBeforeAge) {
  const RouteConversationsResponse response =
      RouteConversations(PriorityAndAgeRequest());
  EXPECT_EQ(Assigned(response), (Pairs{{"new-urgent", "solo"}}));
  EXPECT_EQ(UnassignedIds(response),
            (std::vector<std::string>{"mid-normal", "old-low"}));
  EXPECT_EQ(response.unassigned(1).queue_position(), 2u);
}

TEST(RouteConversationsTest, PriorityPointsWorthSecondsOfWaiting) {
  RouteConversationsRequest request = PriorityAndAgeRequest();
  // One point = 100 s: old-low 600+100, mid-normal 300+200, new-urgent
  // 10+400.
  request.mutable_policy()->set_seconds_per_priority_point(100);
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(Assigned(response), (Pairs{{"old-low", "solo"}}));
  EXPECT_EQ(UnassignedIds(response),
            (std::vector<std::string>{"mid-normal", "new-urgent"}));
}

TEST(RouteConversationsTest, VirtualOriginalStartKeepsTheWait) {
  RouteConversationsRequest request = NewRoutingRequest();
  AddItem(&request, "fresh", CHANNEL_EMAIL, "", 100);
  // Switched channel: enqueued 10 s ago, but waiting for 500 s.
  *AddItem(&request, "switched", CHANNEL_EMAIL, "", 10)
       ->mutable_original_start_at() = SecondsAgo(500);
  AddAgent(&request, "solo", {}, {{CHANNEL_EMAIL, 1}});
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(Assigned(response), (Pairs{{"switched", "solo"}}));
  EXPECT_NEAR(response.assignments(0).breakdown().wait_time(),
              10.0 * 500 / 1800, 1e-12);
}

RouteConversationsRequest VipRequest() {
  RouteConversationsRequest request = NewRoutingRequest();
  AddItem(&request, "regular", CHANNEL_LIVE_CHAT, "", 120);
  AddItem(&request, "vip", CHANNEL_LIVE_CHAT, "", 60)->set_customer_tier(3);
  AddAgent(&request, "solo", {}, {{CHANNEL_LIVE_CHAT, 1}});
  return request;
}

TEST(RouteConversationsTest, GreedyServesTheQueueInOrderEvenBeforeAVip) {
  EXPECT_EQ(Assigned(RouteConversations(VipRequest())),
            (Pairs{{"regular", "solo"}}));
}

TEST(RouteConversationsTest, OptimalGivesTheScarceSlotToTheVip) {
  RouteConversationsRequest request = VipRequest();
  request.mutable_policy()->set_mode(cxkit::v1::ASSIGNMENT_MODE_OPTIMAL);
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(Assigned(response), (Pairs{{"vip", "solo"}}));
  EXPECT_EQ(response.summary().optimality(), cxkit::v1::OPTIMALITY_EXACT);
  // 20/3 + tier 10 + wait 10 x 60/1800 + load 2 = 19.
  EXPECT_DOUBLE_EQ(response.summary().total_score(), 19);
}

TEST(RouteConversationsTest, EqualScoresGoToTheSmallerAgentId) {
  RouteConversationsRequest request = NewRoutingRequest();
  AddItem(&request, "i", CHANNEL_EMAIL, "", 10);
  AddAgent(&request, "b-agent", {}, {{CHANNEL_EMAIL, 1}});
  AddAgent(&request, "a-agent", {}, {{CHANNEL_EMAIL, 1}});
  EXPECT_EQ(Assigned(RouteConversations(request)), (Pairs{{"i", "a-agent"}}));
}

TEST(RouteConversationsTest, EqualScoresGoToTheLowerLoadThenLongerIdle) {
  RouteConversationsRequest request = NewRoutingRequest();
  ZeroWeights(&request);
  AddItem(&request, "i", CHANNEL_EMAIL, "", 10);
  AddAgent(&request, "a-high-load", {}, {{CHANNEL_EMAIL, 3}})
      ->mutable_channels(0)
      ->set_active_items(2);
  AddAgent(&request, "z-low-load", {}, {{CHANNEL_EMAIL, 3}})
      ->mutable_channels(0)
      ->set_active_items(1);
  EXPECT_EQ(Assigned(RouteConversations(request)),
            (Pairs{{"i", "z-low-load"}}));

  request.mutable_agents(0)->mutable_channels(0)->set_active_items(1);
  *request.mutable_agents(0)->mutable_idle_since() = SecondsAgo(60);
  *request.mutable_agents(1)->mutable_idle_since() = SecondsAgo(600);
  EXPECT_EQ(Assigned(RouteConversations(request)),
            (Pairs{{"i", "z-low-load"}}));
  *request.mutable_agents(0)->mutable_idle_since() = SecondsAgo(6000);
  EXPECT_EQ(Assigned(RouteConversations(request)),
            (Pairs{{"i", "a-high-load"}}));
}

TEST(RouteConversationsTest, ExplainsEveryIneligiblePair) {
  RouteConversationsRequest request = NewRoutingRequest();
  auto* item = AddItem(&request, "i", CHANNEL_WHATSAPP, "de", 10);
  item->set_team("eu");
  Require(item, "payments", 4);
  item->add_excluded_agent_ids("declined");
  AddAgent(&request, "away", {"de"}, {{CHANNEL_WHATSAPP, 1}})
      ->set_status(AGENT_STATUS_AWAY);
  AddAgent(&request, "declined", {"de"}, {{CHANNEL_WHATSAPP, 1}})
      ->add_teams("eu");
  AddAgent(&request, "other-team", {"de"}, {{CHANNEL_WHATSAPP, 1}})
      ->add_teams("us");
  AddAgent(&request, "no-whatsapp", {"de"}, {{CHANNEL_EMAIL, 1}})
      ->add_teams("eu");
  auto* full = AddAgent(&request, "full", {"de"}, {{CHANNEL_WHATSAPP, 1}});
  full->add_teams("eu");
  full->mutable_channels(0)->set_active_items(1);
  AddAgent(&request, "french", {"fr"}, {{CHANNEL_WHATSAPP, 1}})
      ->add_teams("eu");
  AddAgent(&request, "no-skill", {"de"}, {{CHANNEL_WHATSAPP, 1}})
      ->add_teams("eu");
  auto* junior = AddAgent(&request, "junior", {"de"}, {{CHANNEL_WHATSAPP, 1}});
  junior->add_teams("eu");
  AddSkill(junior, "payments", 2);
  auto* units = AddAgent(&request, "units", {"de"}, {{CHANNEL_WHATSAPP, 2}});
  units->add_teams("eu");
  units->set_capacity_units(1);
  units->mutable_channels(0)->set_active_items(1);
  request.mutable_output()->set_explain_ineligible(true);
  const RouteConversationsResponse response = RouteConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  std::vector<std::string> got;
  for (const auto& pair : response.ineligible()) {
    got.push_back(pair.agent_id() + ": " +
                  cxkit::v1::IneligibleReason_Name(pair.reason()) + ": " +
                  pair.detail());
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "away: INELIGIBLE_REASON_AGENT_NOT_AVAILABLE: agent is not "
                "AVAILABLE",
                "declined: INELIGIBLE_REASON_EXCLUDED: agent is excluded by "
                "the item",
                "french: INELIGIBLE_REASON_LANGUAGE_NOT_SPOKEN: agent does not "
                "speak \"de\"",
                "full: INELIGIBLE_REASON_NO_FREE_CHANNEL_SLOT: no free "
                "CHANNEL_WHATSAPP slot",
                "junior: INELIGIBLE_REASON_SKILL_LEVEL_TOO_LOW: skill "
                "\"payments\" level 2 < 4",
                "no-skill: INELIGIBLE_REASON_SKILL_MISSING: no skill "
                "\"payments\"",
                "no-whatsapp: INELIGIBLE_REASON_CHANNEL_NOT_HANDLED: agent "
                "does not handle CHANNEL_WHATSAPP",
                "other-team: INELIGIBLE_REASON_NOT_IN_TEAM: agent is not in "
                "the item's team",
                "units: INELIGIBLE_REASON_NO_FREE_CAPACITY_UNITS: 0 free "
                "capacity units < 1",
            }));
  EXPECT_EQ(UnassignedIds(response), (std::vector<std::string>{"i"}));
  EXPECT_EQ(response.unassigned(0).reason(),
            cxkit::v1::UNASSIGNED_REASON_NO_ELIGIBLE_AGENT);
}

TEST(RouteConversationsTest, LanguageTagsMatchByPrimarySubtag) {
  RouteConversationsRequest request = NewRoutingRequest();
  AddItem(&request, "i", CHANNEL_EMAIL, "es-MX", 10);
  AddAgent(&request, "en", {"en"}, {{CHANNEL_EMAIL, 1}});
  AddAgent(&request, "es", {"ES"}, {{CHANNEL_EMAIL, 1}});
  EXPECT_EQ(Assigned(RouteConversations(request)), (Pairs{{"i", "es"}}));
}

}  // namespace
}  // namespace cxkit::testing
