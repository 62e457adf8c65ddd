// Bullseye relaxation: requirements loosen step by step as an item waits.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/routing/routing_test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::CHANNEL_LIVE_CHAT;
using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;

// An item needing "returns" at 5 and, optionally, "gift-wrap" at 2, in team
// "shop"; agents: b (returns 5), c (returns 3), d (no skills), all in "shop",
// and e (no skills) in "outlet".
RouteConversationsRequest RelaxationRequest(int64_t waited) {
  RouteConversationsRequest request = NewRoutingRequest();
  auto* relaxation = request.mutable_policy()->mutable_relaxation();
  *relaxation->mutable_drop_optional_skills_after() = Seconds(60);
  *relaxation->mutable_lower_levels_after() = Seconds(120);
  relaxation->set_level_reduction(2);
  *relaxation->mutable_any_team_agent_after() = Seconds(300);
  auto* item = AddItem(&request, "item", CHANNEL_LIVE_CHAT, "en", waited);
  item->set_team("shop");
  Require(item, "returns", 5);
  auto* optional = item->add_optional_skills();
  optional->set_skill("gift-wrap");
  optional->set_level(2);
  auto* b = AddAgent(&request, "b", {"en"}, {{CHANNEL_LIVE_CHAT, 1}});
  b->add_teams("shop");
  AddSkill(b, "returns", 5);
  auto* c = AddAgent(&request, "c", {"en"}, {{CHANNEL_LIVE_CHAT, 1}});
  c->add_teams("shop");
  AddSkill(c, "returns", 3);
  AddAgent(&request, "d", {"en"}, {{CHANNEL_LIVE_CHAT, 1}})->add_teams("shop");
  AddAgent(&request, "e", {"en"}, {{CHANNEL_LIVE_CHAT, 1}})
      ->add_teams("outlet");
  request.mutable_output()->set_candidates_per_item(10);
  return request;
}

std::vector<std::string> CandidateIds(
    const RouteConversationsResponse& response) {
  std::vector<std::string> out;
  for (const auto& c : response.candidates(0).candidates()) {
    out.push_back(c.agent_id());
  }
  return out;
}

TEST(RoutingRelaxationTest, FullRequirementsIncludeOptionalSkillsAtFirst) {
  const RouteConversationsResponse response =
      RouteConversations(RelaxationRequest(30));
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_TRUE(response.assignments().empty());
  ASSERT_EQ(response.unassigned_size(), 1);
  EXPECT_EQ(response.unassigned(0).reason(),
            cxkit::v1::UNASSIGNED_REASON_NO_ELIGIBLE_AGENT);
  EXPECT_EQ(response.unassigned(0).relaxation_step(),
            cxkit::v1::RELAXATION_STEP_NONE);
}

TEST(RoutingRelaxationTest, OptionalSkillsAreDroppedFirst) {
  const RouteConversationsResponse response =
      RouteConversations(RelaxationRequest(90));
  EXPECT_EQ(Assigned(response), (Pairs{{"item", "b"}}));
  EXPECT_EQ(response.assignments(0).breakdown().relaxation_step(),
            cxkit::v1::RELAXATION_STEP_OPTIONAL_SKILLS_DROPPED);
  EXPECT_EQ(CandidateIds(response), (std::vector<std::string>{"b"}));
  // skill_fit averages returns (b: 1/6) and the missing gift-wrap (0):
  // 10 x (1/6 + 0) / 2.
  EXPECT_NEAR(response.assignments(0).breakdown().skill_fit(), 10.0 / 12,
              1e-12);
}

TEST(RoutingRelaxationTest, ThenMinimumLevelsAreLowered) {
  const RouteConversationsResponse response =
      RouteConversations(RelaxationRequest(200));
  EXPECT_EQ(Assigned(response), (Pairs{{"item", "b"}}));
  EXPECT_EQ(response.assignments(0).breakdown().relaxation_step(),
            cxkit::v1::RELAXATION_STEP_LEVELS_LOWERED);
  EXPECT_EQ(CandidateIds(response), (std::vector<std::string>{"b", "c"}));
}

TEST(RoutingRelaxationTest, FinallyAnyAgentOfTheTeamQualifies) {
  RouteConversationsRequest request = RelaxationRequest(400);
  request.mutable_output()->set_explain_ineligible(true);
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(Assigned(response), (Pairs{{"item", "b"}}));
  EXPECT_EQ(response.assignments(0).breakdown().relaxation_step(),
            cxkit::v1::RELAXATION_STEP_ANY_TEAM_AGENT);
  EXPECT_EQ(CandidateIds(response), (std::vector<std::string>{"b", "c", "d"}));
  ASSERT_EQ(response.ineligible_size(), 1);
  EXPECT_EQ(response.ineligible(0).agent_id(), "e");
  EXPECT_EQ(response.ineligible(0).reason(),
            cxkit::v1::INELIGIBLE_REASON_NOT_IN_TEAM);
}

TEST(RoutingRelaxationTest, WithoutRelaxationOptionalSkillsOnlyScore) {
  RouteConversationsRequest request = RelaxationRequest(30);
  request.mutable_policy()->clear_relaxation();
  auto* b = request.mutable_agents(0);
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(Assigned(response), (Pairs{{"item", "b"}}));
  EXPECT_EQ(response.assignments(0).breakdown().relaxation_step(),
            cxkit::v1::RELAXATION_STEP_NONE);
  // Holding the optional skill adds to skill_fit: (1/6 + 1/9) / 2.
  AddSkill(b, "gift-wrap", 2);
  const RouteConversationsResponse with_optional = RouteConversations(request);
  EXPECT_NEAR(with_optional.assignments(0).breakdown().skill_fit(),
              10.0 * (1.0 / 6 + 1.0 / 9) / 2, 1e-12);
}

}  // namespace
}  // namespace cxkit::testing
