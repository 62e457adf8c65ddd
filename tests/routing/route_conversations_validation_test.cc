// Bad input: a clear status naming the field, or a per-item issue.

#include <string>

#include "gtest/gtest.h"
#include "tests/routing/routing_test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::CHANNEL_EMAIL;
using cxkit::v1::CHANNEL_UNSPECIFIED;
using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;
using cxkit::v1::STATUS_CODE_INVALID_ARGUMENT;
using cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED;

RouteConversationsRequest ValidRequest() {
  RouteConversationsRequest request = NewRoutingRequest();
  request.mutable_policy()->add_skills("delivery");
  request.mutable_policy()->add_skills("returns");
  Require(AddItem(&request, "i1", CHANNEL_EMAIL, "en", 10), "delivery", 2);
  AddItem(&request, "i2", CHANNEL_EMAIL, "en", 20);
  AddSkill(AddAgent(&request, "a1", {"en"}, {{CHANNEL_EMAIL, 2}}), "delivery",
           3);
  AddAgent(&request, "a2", {"en"}, {{CHANNEL_EMAIL, 2}});
  return request;
}

void ExpectError(const RouteConversationsRequest& request,
                 cxkit::v1::StatusCode code, const std::string& field) {
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(response.status().code(), code) << response.status().message();
  EXPECT_EQ(response.status().field(), field) << response.status().message();
  EXPECT_TRUE(response.assignments().empty());
  EXPECT_EQ(ValidateRouteConversationsRequest(request).code(),
            static_cast<absl::StatusCode>(code));
}

TEST(RoutingValidationTest, ValidRequestIsOk) {
  EXPECT_TRUE(ValidateRouteConversationsRequest(ValidRequest()).ok());
  EXPECT_EQ(RouteConversations(ValidRequest()).assignments_size(), 2);
}

TEST(RoutingValidationTest, NegativeChannelCapacity) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_agents(1)->mutable_channels(0)->set_max_items(-1);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "agents[1].channels[0].max_items");
  EXPECT_EQ(RouteConversations(request).status().message(),
            "agents[1].channels[0].max_items: negative capacity -1");
}

TEST(RoutingValidationTest, NegativeTotalCapacityAndLoad) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_agents(0)->set_capacity_units(-3);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "agents[0].capacity_units");
  request = ValidRequest();
  request.mutable_agents(0)->mutable_channels(0)->set_active_items(-1);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "agents[0].channels[0].active_items");
}

TEST(RoutingValidationTest, UnknownSkillReferences) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_items(0)->mutable_required_skills(0)->set_skill("delivry");
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "items[0].required_skills[0].skill");
  EXPECT_EQ(RouteConversations(request).status().message(),
            "items[0].required_skills[0].skill: unknown skill \"delivry\" (not "
            "in policy.skills)");
  request = ValidRequest();
  AddSkill(request.mutable_agents(1), "payments", 1);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "agents[1].skills[0].skill");
}

TEST(RoutingValidationTest, DuplicateIds) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_items(1)->set_id("i1");
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "items[1].id");
  EXPECT_EQ(RouteConversations(request).status().message(),
            "items[1].id: duplicate item id \"i1\" (first at items[0])");
  request = ValidRequest();
  request.mutable_agents(1)->set_id("a1");
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "agents[1].id");
  request = ValidRequest();
  AddSkill(request.mutable_agents(0), "delivery", 1);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "agents[0].skills[1].skill");
}

TEST(RoutingValidationTest, MissingIdsAndNow) {
  RouteConversationsRequest request = ValidRequest();
  request.clear_now();
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "now");
  request = ValidRequest();
  request.mutable_agents(0)->clear_id();
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "agents[0].id");
  request = ValidRequest();
  request.mutable_items(1)->clear_id();
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "items[1].id");
}

TEST(RoutingValidationTest, BadPolicyValues) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_policy()->mutable_weights()->set_sticky(-1);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "policy.weights.sticky");
  request = ValidRequest();
  request.mutable_policy()->mutable_weights()->set_wait_time(
      std::numeric_limits<double>::quiet_NaN());
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "policy.weights.wait_time");
  request = ValidRequest();
  *request.mutable_policy()->mutable_sticky_timeout() = Seconds(-5);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "policy.sticky_timeout");
  request = ValidRequest();
  *request.mutable_policy()->mutable_wait_horizon() = Seconds(0);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "policy.wait_horizon");
  request = ValidRequest();
  request.mutable_policy()->add_channel_units()->set_channel(CHANNEL_EMAIL);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "policy.channel_units[0].units");
  request = ValidRequest();
  request.mutable_policy()->set_mode(
      static_cast<cxkit::v1::AssignmentMode>(77));
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "policy.mode");
  request = ValidRequest();
  *request.mutable_policy()
       ->mutable_relaxation()
       ->mutable_drop_optional_skills_after() = Seconds(120);
  *request.mutable_policy()
       ->mutable_relaxation()
       ->mutable_any_team_agent_after() = Seconds(60);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "policy.relaxation.any_team_agent_after");
  request = ValidRequest();
  request.mutable_items(0)->set_sentiment(-2);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "items[0].sentiment");
  request = ValidRequest();
  request.mutable_items(0)->mutable_required_skills(0)->set_level(11);
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT,
              "items[0].required_skills[0].level");
}

// The messages name each limit by its path in the request: policy.limits.
TEST(RoutingValidationTest, LimitsAreEnforced) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_policy()->mutable_limits()->set_max_items(1);
  ExpectError(request, STATUS_CODE_RESOURCE_EXHAUSTED, "items");
  EXPECT_EQ(RouteConversations(request).status().message(),
            "items: 2 items exceed policy.limits.max_items (1)");
  request = ValidRequest();
  request.mutable_policy()->mutable_limits()->set_max_explained_pairs(3);
  request.mutable_output()->set_explain_ineligible(true);
  ExpectError(request, STATUS_CODE_RESOURCE_EXHAUSTED,
              "output.explain_ineligible");
  EXPECT_EQ(RouteConversations(request).status().message(),
            "output.explain_ineligible: 4 items exceed "
            "policy.limits.max_explained_pairs (3)");
  request = ValidRequest();
  request.mutable_policy()->mutable_limits()->set_max_explained_pairs(3);
  request.mutable_output()->set_candidates_per_item(2);
  ExpectError(request, STATUS_CODE_RESOURCE_EXHAUSTED,
              "output.candidates_per_item");
  EXPECT_EQ(RouteConversations(request).status().message(),
            "output.candidates_per_item: 4 items exceed "
            "policy.limits.max_explained_pairs (3)");
  request = ValidRequest();
  request.mutable_policy()->mutable_limits()->set_max_optimal_pairs(2);
  request.mutable_policy()->set_mode(cxkit::v1::ASSIGNMENT_MODE_OPTIMAL);
  const RouteConversationsResponse response = RouteConversations(request);
  EXPECT_EQ(response.status().code(), STATUS_CODE_RESOURCE_EXHAUSTED);
  EXPECT_EQ(response.status().field(), "policy.mode");
  EXPECT_EQ(response.status().message(),
            "policy.mode: OPTIMAL mode has more eligible pairs than "
            "policy.limits.max_optimal_pairs (2); use GREEDY or split the "
            "queue");
}

TEST(RoutingValidationTest, BadItemsAreIssuesAndTheRestIsRouted) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_items(0)->set_channel(CHANNEL_UNSPECIFIED);
  request.mutable_items(1)->add_preferred_agent_ids("nobody");
  auto* late = AddItem(&request, "i3", CHANNEL_EMAIL, "en", 5);
  late->mutable_sla_due_at()->set_nanos(-1);
  const RouteConversationsResponse response = RouteConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_EQ(Assigned(response), (Pairs{{"i2", "a1"}}));
  ASSERT_EQ(response.item_issues_size(), 3);
  EXPECT_EQ(response.item_issues(0).reason(), "MISSING_CHANNEL");
  EXPECT_EQ(response.item_issues(0).field(), "items[0].channel");
  EXPECT_EQ(response.item_issues(0).severity(), cxkit::v1::SEVERITY_ERROR);
  EXPECT_EQ(response.item_issues(1).reason(), "UNKNOWN_AGENT");
  EXPECT_EQ(response.item_issues(1).field(), "items[1].preferred_agent_ids[0]");
  EXPECT_EQ(response.item_issues(1).severity(), cxkit::v1::SEVERITY_WARNING);
  EXPECT_EQ(response.item_issues(2).reason(), "INVALID_TIMESTAMP");
  EXPECT_EQ(response.item_issues(2).field(), "items[2].sla_due_at");
  EXPECT_EQ(response.summary().items(), 3u);
  EXPECT_EQ(response.summary().assigned(), 1u);
  EXPECT_EQ(response.summary().unassigned(), 0u);
}

TEST(RoutingValidationTest, UnparseableEnumsFromTheWireAreSafe) {
  RouteConversationsRequest request = ValidRequest();
  request.mutable_items(0)->set_channel(static_cast<cxkit::v1::Channel>(99));
  request.mutable_agents(0)->set_status(
      static_cast<cxkit::v1::AgentStatus>(42));
  ExpectError(request, STATUS_CODE_INVALID_ARGUMENT, "agents[0].status");
  request.mutable_agents(0)->set_status(cxkit::v1::AGENT_STATUS_AVAILABLE);
  const RouteConversationsResponse response = RouteConversations(request);
  ASSERT_EQ(response.item_issues_size(), 1);
  EXPECT_EQ(response.item_issues(0).field(), "items[0].channel");
}

}  // namespace
}  // namespace cxkit::testing
