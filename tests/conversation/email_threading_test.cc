// JWZ threading (RFC 5256) and the subject fallback, through
// MergeConversations.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/conversation/conversation_builders.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::MergeConversationsRequest;
using cxkit::v1::MergeConversationsResponse;
using Ids = std::vector<std::vector<std::string>>;

MergeConversationsResponse Merge(const MergeConversationsRequest& request) {
  MergeConversationsResponse response = cxkit::MergeConversations(request);
  EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << StatusText(response.status());
  return response;
}

TEST(EmailThreadingTest, RepliesToAMissingParentStayTogether) {
  MergeConversationsRequest request;
  AddEmail(&request, "r1", "2024-06-03T10:00:00Z", "anna", "<r1@mail.x>",
           "<missing@shop.x>", "", "Re: Shipping");
  AddEmail(&request, "r2", "2024-06-03T11:00:00Z", "boris", "<r2@mail.y>", "",
           "<missing@shop.x>", "Re: Delivery");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"r1", "r2"}}));
  ASSERT_EQ(response.conversations(0).merges_size(), 1);
  const auto& merge = response.conversations(0).merges(0);
  EXPECT_EQ(merge.message_id(), "r2");
  EXPECT_EQ(merge.joined_message_id(), "r1");
  EXPECT_EQ(merge.rule(), cxkit::v1::MERGE_RULE_EMAIL_SHARED_ANCESTOR);
  EXPECT_EQ(merge.detail(), "missing@shop.x");
  EXPECT_EQ(response.conversations(0).subject(), "Shipping");
}

TEST(EmailThreadingTest, ReplySentBeforeItsParentJoinsIt) {
  MergeConversationsRequest request;
  // The customer's clock is a minute behind: her reply is dated earlier.
  AddEmail(&request, "reply", "2024-06-03T09:59:00Z", "anna", "<b@mail.x>",
           "<a@shop.x>", "<a@shop.x>", "Re: Your order");
  AddEmail(&request, "parent", "2024-06-03T10:00:00Z", "anna", "<a@shop.x>", "",
           "", "Your order");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"reply", "parent"}}));
  const auto& merge = response.conversations(0).merges(0);
  EXPECT_EQ(merge.message_id(), "parent");
  EXPECT_EQ(merge.joined_message_id(), "reply");
  EXPECT_EQ(merge.rule(), cxkit::v1::MERGE_RULE_EMAIL_REPLY);
  EXPECT_EQ(merge.detail(), "a@shop.x");
}

TEST(EmailThreadingTest, ReferencesReadLeftToRightThroughPlaceholders) {
  MergeConversationsRequest request;
  AddEmail(&request, "m3", "2024-06-03T12:00:00Z", "anna", "<m3@x>", "<m2@x>",
           "<m1@x> <m2@x>", "Re: Re: Size");
  AddEmail(&request, "m1", "2024-06-03T10:00:00Z", "anna", "<m1@x>", "", "",
           "Size");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"m1", "m3"}}));
  // m3's parent m2 is missing; m2's parent m1 is here: m3 joins the thread
  // through m1, the earliest message of the tree rooted at m1.
  const auto& merge = response.conversations(0).merges(0);
  EXPECT_EQ(merge.rule(), cxkit::v1::MERGE_RULE_EMAIL_SHARED_ANCESTOR);
  EXPECT_EQ(merge.detail(), "m1@x");
}

TEST(EmailThreadingTest, ReferencesLoopsAreBroken) {
  MergeConversationsRequest request;
  AddEmail(&request, "a", "2024-06-03T10:00:00Z", "anna", "<a@x>", "", "<b@x>",
           "One");
  AddEmail(&request, "b", "2024-06-03T10:05:00Z", "anna", "<b@x>", "", "<a@x>",
           "Two");
  AddEmail(&request, "c", "2024-06-03T10:10:00Z", "anna", "<c@x>", "",
           "<a@x> <b@x> <a@x> <c@x>", "Three");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"a", "b", "c"}}));
  ASSERT_EQ(response.conversations(0).merges_size(), 2);
  EXPECT_EQ(response.conversations(0).merges(0).message_id(), "b");
  EXPECT_EQ(response.conversations(0).merges(0).rule(),
            cxkit::v1::MERGE_RULE_EMAIL_REPLY);
}

TEST(EmailThreadingTest, DuplicateMessageIdsThreadToTheFirst) {
  MergeConversationsRequest request;
  AddEmail(&request, "first", "2024-06-03T10:00:00Z", "anna", "<dup@x>", "", "",
           "Refund");
  AddEmail(&request, "second", "2024-06-03T10:01:00Z", "boris", "<dup@x>", "",
           "", "Invoice");
  AddEmail(&request, "reply", "2024-06-03T11:00:00Z", "anna", "<r@x>",
           "<dup@x>", "", "Re: Refund");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"first", "reply"}, {"second"}}));
  ASSERT_EQ(response.message_issues_size(), 1);
  EXPECT_EQ(response.message_issues(0).item_id(), "second");
  EXPECT_EQ(response.message_issues(0).item_index(), 1u);
  EXPECT_EQ(response.message_issues(0).reason(), "DUPLICATE_MESSAGE_ID");
  EXPECT_EQ(response.message_issues(0).severity(), cxkit::v1::SEVERITY_WARNING);
  EXPECT_EQ(response.message_issues(0).field(), "messages[1].email.message_id");
}

TEST(EmailThreadingTest, JunkInReplyToIsIgnored) {
  MergeConversationsRequest request;
  AddEmail(&request, "a", "2024-06-03T10:00:00Z", "anna", "<a@x>", "", "",
           "Delivery");
  // Only junk in In-Reply-To: no reply headers, so the subject decides.
  AddEmail(&request, "b", "2024-06-03T10:30:00Z", "anna", "<b@x>",
           "Your message of Mon, 3 Jun 2024 <junk>", "", "Re: Delivery");
  AddEmail(&request, "c", "2024-06-03T10:40:00Z", "boris", "<c@x>", "<junk>",
           "", "Invoice");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"a", "b"}, {"c"}}));
  EXPECT_EQ(response.conversations(0).merges(0).rule(),
            cxkit::v1::MERGE_RULE_EMAIL_SUBJECT);
}

// An In-Reply-To without "<...>" holds an address or free text, never a
// usable id: the shop's own address there must not thread two customers.
TEST(EmailThreadingTest, InReplyToAddressIsNotAMessageId) {
  MergeConversationsRequest request;
  AddEmail(&request, "anna-1", "2024-06-03T10:00:00Z", "anna", "<a1@x>",
           "support@shop.example", "", "Broken zipper");
  AddEmail(&request, "boris-1", "2024-06-03T12:00:00Z", "boris", "<b1@x>",
           "support@shop.example", "", "Invoice missing");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"anna-1"}, {"boris-1"}}));
  EXPECT_EQ(response.stats().merges(), 0u);
}

TEST(EmailThreadingTest, InReplyToOnlyCountsWithoutReferences) {
  MergeConversationsRequest request;
  AddEmail(&request, "a", "2024-06-03T10:00:00Z", "anna", "<a@x>", "", "",
           "One");
  AddEmail(&request, "b", "2024-06-03T10:00:01Z", "boris", "<b@x>", "", "",
           "Two");
  AddEmail(&request, "c", "2024-06-03T10:00:02Z", "anna", "<c@x>", "<b@x>",
           "<a@x>", "Re: One");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"a", "c"}, {"b"}}));
}

TEST(EmailThreadingTest, GenericSubjectNeverMergesTwoCustomers) {
  MergeConversationsRequest request;
  AddEmail(&request, "anna-1", "2024-06-03T10:00:00Z", "anna", "<a1@x>", "", "",
           "Order");
  AddEmail(&request, "boris-1", "2024-06-03T10:05:00Z", "boris", "<b1@x>", "",
           "", "Order");
  AddEmail(&request, "anna-2", "2024-06-03T12:00:00Z", "anna", "<a2@x>", "", "",
           "RE: order");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"anna-1", "anna-2"}, {"boris-1"}}));
  const auto& merge = response.conversations(0).merges(0);
  EXPECT_EQ(merge.rule(), cxkit::v1::MERGE_RULE_EMAIL_SUBJECT);
  EXPECT_EQ(merge.detail(), "order");
}

TEST(EmailThreadingTest, SubjectIsOnlyAFallbackWithinItsWindow) {
  MergeConversationsRequest request;
  request.mutable_policy()->mutable_subject_window()->set_seconds(3600);
  AddEmail(&request, "a", "2024-06-03T10:00:00Z", "anna", "<a@x>", "", "",
           "Wrong size");
  // Exactly at the window: joins.
  AddEmail(&request, "b", "2024-06-03T11:00:00Z", "anna", "<b@x>", "", "",
           "Fwd: Wrong size");
  // One second past the window after b: a new conversation.
  AddEmail(&request, "c", "2024-06-03T12:00:01Z", "anna", "<c@x>", "", "",
           "Wrong size");
  // Has reply headers (to a message elsewhere): the subject is not used.
  AddEmail(&request, "d", "2024-06-03T12:00:02Z", "anna", "<d@x>", "<other@x>",
           "", "Wrong size");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"a", "b"}, {"c"}, {"d"}}));
}

TEST(EmailThreadingTest, DisabledThreadingIgnoresHeaders) {
  MergeConversationsRequest request;
  request.mutable_policy()->set_disable_email_threading(true);
  request.mutable_policy()->set_disable_subject_fallback(true);
  AddEmail(&request, "a", "2024-06-03T10:00:00Z", "anna", "<a@x>", "", "",
           "One");
  AddEmail(&request, "b", "2024-06-03T10:01:00Z", "anna", "<b@x>", "<a@x>", "",
           "Re: One");
  EXPECT_EQ(Groups(Merge(request)), (Ids{{"a"}, {"b"}}));
}

}  // namespace
}  // namespace cxkit::testing
