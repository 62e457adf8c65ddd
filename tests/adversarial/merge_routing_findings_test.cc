// Regression tests of the review findings in MergeConversations,
// RouteConversations and ResolveIdentities (M1, M4, L2, L7), and the request
// size limit of each.

#include <string>

#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "gtest/gtest.h"
#include "lib/conversation/base_subject.h"
#include "tests/adversarial/adversarial_support.h"
#include "tests/conversation/conversation_builders.h"
#include "tests/routing/routing_test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::MergeConversationsRequest;
using cxkit::v1::RouteConversationsRequest;

// M1: a run of leading blobs is dropped in one step; the result is the one
// of dropping them one at a time.
TEST(MergeFindings, LeadingBlobRunsAreStrippedWhole) {
  const conversation::SubjectNormalizer subjects({});
  std::string subject;
  for (int i = 0; i < 8191; ++i) subject += "[]";
  EXPECT_EQ(subjects.BaseSubject(subject + "x"), "x");
  EXPECT_EQ(subjects.BaseSubject(subject), "[]");
  EXPECT_EQ(subjects.BaseSubject("[a] [b] [c]"), "[c]");
  EXPECT_EQ(subjects.BaseSubject("[a] [b] hello"), "hello");
  EXPECT_EQ(subjects.BaseSubject("[a] [b] Re: [c] hello"), "hello");
  EXPECT_EQ(subjects.BaseSubjectKey("[list] [x] RE: Fwd: Order 1234"),
            "order 1234");
}

TEST(MergeFindings, ExtraSubjectPrefixesHaveTheirOwnLimit) {
  MergeConversationsRequest request;
  for (int i = 0; i < 1001; ++i) {
    request.mutable_policy()->add_extra_subject_prefixes("x" +
                                                         std::to_string(i));
  }
  auto response = MergeConversations(request);
  EXPECT_EQ(response.status().code(),
            cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED);
  EXPECT_EQ(response.status().field(), "policy.extra_subject_prefixes");
  EXPECT_EQ(response.status().message(),
            "policy.extra_subject_prefixes: 1001 items exceed "
            "policy.limits.max_subject_prefixes (1000)");
  request.mutable_policy()->mutable_limits()->set_max_subject_prefixes(1001);
  EXPECT_EQ(MergeConversations(request).status().code(),
            cxkit::v1::STATUS_CODE_OK);
}

// L2: "order2:..." sorted before "order:..." as joined strings.
TEST(MergeFindings, ReferencesAreSortedByKindThenValue) {
  MergeConversationsRequest request;
  auto* order = request.mutable_policy()->add_reference_patterns();
  order->set_kind("order");
  order->set_pattern("(?i)order\\s*#\\s*(\\d{4,})");
  auto* order2 = request.mutable_policy()->add_reference_patterns();
  order2->set_kind("order2");
  order2->set_pattern("(?i)ref\\s*#\\s*(\\d{4,})");
  AddMessage(&request, "m1", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2026-03-30T10:00:00Z", "cust", "order #1234 and ref #5678");
  const auto response = MergeConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << StatusText(response.status());
  ASSERT_EQ(response.conversations_size(), 1);
  const auto& refs = response.conversations(0).references();
  ASSERT_EQ(refs.size(), 2);
  EXPECT_EQ(refs[0].kind() + ":" + refs[0].value(), "order:1234");
  EXPECT_EQ(refs[1].kind() + ":" + refs[1].value(), "order2:5678");
}

TEST(MergeFindings, RequestBytesAreLimited) {
  MergeConversationsRequest request;
  AddMessage(&request, "m1", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2026-03-30T10:00:00Z", "cust", std::string(1000, 'a'));
  request.mutable_policy()->mutable_limits()->set_max_request_bytes(1000);
  ExpectStatus(MergeConversations(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "policy.limits.max_request_bytes");
}

// M4: 2,000 agents hold "returns" at level 2; 20,000 items need level 3.
// Each item scanned every agent, twice; now the first item's answer serves
// the items with the same requirements.
RouteConversationsRequest NobodyQualifies(int items) {
  RouteConversationsRequest request = NewRoutingRequest();
  for (int a = 0; a < 2000; ++a) {
    auto* agent = AddAgent(&request, "a" + std::to_string(a), {"en"},
                           {{cxkit::v1::CHANNEL_LIVE_CHAT, 3}});
    AddSkill(agent, "returns", 2);
  }
  for (int i = 0; i < items; ++i) {
    auto* item = AddItem(&request, "i" + std::to_string(i),
                         cxkit::v1::CHANNEL_LIVE_CHAT, "en", 10);
    Require(item, "returns", 3);
  }
  request.mutable_policy()->mutable_limits()->set_max_visits(10000);
  return request;
}

TEST(RoutingFindings, UnservableItemsAreAnsweredOnce) {
  const RouteConversationsRequest request = NobodyQualifies(20000);
  const auto response = RouteConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << StatusText(response.status());
  EXPECT_EQ(response.assignments_size(), 0);
  ASSERT_EQ(response.unassigned_size(), 20000);
  for (const auto& unassigned : response.unassigned()) {
    ASSERT_EQ(unassigned.reason(),
              cxkit::v1::UNASSIGNED_REASON_NO_ELIGIBLE_AGENT);
  }
}

TEST(RoutingFindings, VisitsBeyondTheLimitAreResourceExhausted) {
  // Items with an exclusion are not answered from the signature cache: each
  // scans the 2,000 agents (and again for its eligibility).
  RouteConversationsRequest request = NobodyQualifies(20);
  for (auto& item : *request.mutable_items()) item.add_excluded_agent_ids("a0");
  ExpectStatus(RouteConversations(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "policy.limits.max_visits");
  request.mutable_policy()->mutable_limits()->set_max_visits(80000);
  EXPECT_EQ(RouteConversations(request).status().code(),
            cxkit::v1::STATUS_CODE_OK);

  // OPTIMAL mode counts every agent of each item's bucket.
  request = NobodyQualifies(6);
  request.mutable_policy()->set_mode(cxkit::v1::ASSIGNMENT_MODE_OPTIMAL);
  ExpectStatus(RouteConversations(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "policy.limits.max_visits");

  // So do candidate lists.
  request = NobodyQualifies(6);
  request.mutable_output()->set_candidates_per_item(1);
  ExpectStatus(RouteConversations(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "policy.limits.max_visits");
}

// L7: unknown agent ids were echoed whole into warnings.
TEST(RoutingFindings, AgentIdsOfItemsAreBoundedNames) {
  RouteConversationsRequest request = NobodyQualifies(1);
  request.mutable_items(0)->add_preferred_agent_ids(std::string(300, 'p'));
  auto response = RouteConversations(request);
  EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().field(), "items[0].preferred_agent_ids[0]");
  request.mutable_items(0)->clear_preferred_agent_ids();
  request.mutable_items(0)->add_excluded_agent_ids("");
  response = RouteConversations(request);
  EXPECT_EQ(response.status().field(), "items[0].excluded_agent_ids[0]");
}

TEST(RoutingFindings, EchoedIdsAreBoundedAndRequestBytesLimited) {
  RouteConversationsRequest request = NobodyQualifies(1);
  AddItem(&request, "\xff" + std::string(99, 'i'), cxkit::v1::CHANNEL_LIVE_CHAT,
          "en", 1);
  AddItem(&request, "\xff" + std::string(99, 'i'), cxkit::v1::CHANNEL_LIVE_CHAT,
          "en", 1);
  auto response = RouteConversations(request);
  EXPECT_EQ(response.status().message(),
            "items[2].id: duplicate item id \"\\xff" + std::string(63, 'i') +
                "\"... (first at items[1])");

  request = NobodyQualifies(1);
  request.mutable_policy()->mutable_limits()->set_max_request_bytes(100);
  ExpectStatus(RouteConversations(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "policy.limits.max_request_bytes");
}

TEST(IdentityFindings, EchoedIdsAreBoundedAndRequestBytesLimited) {
  cxkit::v1::ResolveIdentitiesRequest request;
  const std::string id = std::string(70, 'r') + "\xc3";
  AddRecord(&request, id, {{cxkit::v1::IDENTIFIER_TYPE_EMAIL, "a@b.example"}});
  AddRecord(&request, id, {{cxkit::v1::IDENTIFIER_TYPE_EMAIL, "a@b.example"}});
  auto response = ResolveIdentities(request);
  EXPECT_EQ(response.status().message(),
            "records[1].id: duplicate record id \"" + std::string(64, 'r') +
                "\"... (first at records[0])");
  request.mutable_policy()->mutable_limits()->set_max_request_bytes(50);
  ExpectStatus(ResolveIdentities(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "policy.limits.max_request_bytes");
}

}  // namespace
}  // namespace cxkit::testing
