// Sessions, cross-channel merging, references, reopening, customers, ids and
// the host's constraints, with exact expected outputs.

#include <string>
#include <utility>
#include <vector>

#include "cxkit/identity.h"
#include "gtest/gtest.h"
#include "lib/common/stable_hash.h"
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

std::string DerivedId(const std::string& message_id) {
  return "c-" + cxkit::HashToHex(cxkit::StableHash64(message_id));
}

cxkit::v1::Identifier* AddIdentifier(
    google::protobuf::RepeatedPtrField<cxkit::v1::Identifier>* list,
    cxkit::v1::IdentifierType type, const std::string& value,
    const std::string& name_space = "") {
  cxkit::v1::Identifier* identifier = list->Add();
  identifier->set_type(type);
  identifier->set_value(value);
  identifier->set_namespace_(name_space);
  return identifier;
}

// Anna wrote on Messenger about the wrong size, called 40 minutes later, and
// e-mailed the next morning with her order number: one conversation. Her
// customer comes from identity resolution, fed in as the response's profiles.
TEST(MergeConversationsTest, AnnasStoryIsOneConversation) {
  cxkit::v1::ResolveIdentitiesRequest identities;
  AddRecord(&identities, "crm-anna",
            {{cxkit::v1::IDENTIFIER_TYPE_EMAIL, "Anna.Smirnova@gmail.com"},
             {cxkit::v1::IDENTIFIER_TYPE_PHONE, "+7 916 123-45-67"}});
  auto* fb = AddRecord(
      &identities, "fb-anna",
      {{cxkit::v1::IDENTIFIER_TYPE_EMAIL, "anna.smirnova@gmail.com"}});
  AddIdentifier(fb->mutable_identifiers(),
                cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID, "psid-881",
                "page-shop");
  const cxkit::v1::ResolveIdentitiesResponse resolved =
      cxkit::ResolveIdentities(identities);
  ASSERT_EQ(resolved.profiles_size(), 1);
  const std::string anna = resolved.profiles(0).profile_id();

  MergeConversationsRequest request;
  *request.mutable_customer_profiles() = resolved.profiles();
  auto* messenger = AddMessage(
      &request, "fb-1", cxkit::v1::CHANNEL_MESSENGER, "2024-06-03T10:00:00Z",
      "", "Hi! I got the wrong size in order 12345, can I swap it?");
  AddIdentifier(messenger->mutable_sender(),
                cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID, "psid-881",
                "page-shop");
  auto* call = AddMessage(&request, "call-1", cxkit::v1::CHANNEL_PHONE,
                          "2024-06-03T10:40:00Z", "",
                          "Customer asks about a size exchange");
  AddIdentifier(call->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_PHONE,
                "+79161234567");
  auto* mail = AddEmail(&request, "mail-1", "2024-06-04T09:00:00Z", "",
                        "<f00@gmail.com>", "", "",
                        "Wrong size, order #12345 (exchange form attached)");
  AddIdentifier(mail->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_EMAIL,
                "ANNA.SMIRNOVA@GMAIL.COM");

  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(response.conversations_size(), 1);
  const cxkit::v1::Conversation& c = response.conversations(0);
  EXPECT_EQ(c.conversation_id(), DerivedId("fb-1"));
  EXPECT_EQ(c.customer_id(), anna);
  EXPECT_EQ(
      std::vector<std::string>(c.message_ids().begin(), c.message_ids().end()),
      (std::vector<std::string>{"fb-1", "call-1", "mail-1"}));
  EXPECT_EQ(std::vector<uint32_t>(c.message_indexes().begin(),
                                  c.message_indexes().end()),
            (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(
      std::vector<int>(c.channels().begin(), c.channels().end()),
      (std::vector<int>{cxkit::v1::CHANNEL_EMAIL, cxkit::v1::CHANNEL_PHONE,
                        cxkit::v1::CHANNEL_MESSENGER}));
  ASSERT_EQ(c.references_size(), 1);
  EXPECT_EQ(c.references(0).kind(), "order");
  EXPECT_EQ(c.references(0).value(), "12345");
  EXPECT_EQ(c.opened_at().seconds(), Time("2024-06-03T10:00:00Z").seconds());
  EXPECT_EQ(c.last_activity_at().seconds(),
            Time("2024-06-04T09:00:00Z").seconds());
  EXPECT_EQ(c.state(), cxkit::v1::CONVERSATION_STATE_OPEN);
  EXPECT_EQ(c.subject(), "Wrong size, order #12345 (exchange form attached)");
  ASSERT_EQ(c.merges_size(), 2);
  EXPECT_EQ(c.merges(0).message_id(), "call-1");
  EXPECT_EQ(c.merges(0).joined_message_id(), "fb-1");
  EXPECT_EQ(c.merges(0).rule(), cxkit::v1::MERGE_RULE_CROSS_CHANNEL_WINDOW);
  EXPECT_EQ(c.merges(0).detail(), "CHANNEL_MESSENGER");
  EXPECT_EQ(c.merges(1).message_id(), "mail-1");
  EXPECT_EQ(c.merges(1).joined_message_id(), "fb-1");
  EXPECT_EQ(c.merges(1).rule(), cxkit::v1::MERGE_RULE_SAME_REFERENCE);
  EXPECT_EQ(c.merges(1).detail(), "order:12345");
  EXPECT_EQ(response.stats().messages_with_linked_customer(), 3u);
  EXPECT_EQ(response.stats().cross_channel_conversations(), 1u);
  EXPECT_EQ(response.message_issues_size(), 0);
}

TEST(MergeConversationsTest, LiveChatIdleGapBoundaries) {
  MergeConversationsRequest request;
  AddMessage(&request, "c1", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna");
  // Exactly 30 minutes later: the same session.
  AddMessage(&request, "c2", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:30:00Z", "anna");
  // 30 minutes and one second after c2: a new session.
  AddMessage(&request, "c3", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T11:00:01Z", "anna");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"c1", "c2"}, {"c3"}}));
  EXPECT_EQ(response.conversations(0).merges(0).rule(),
            cxkit::v1::MERGE_RULE_CHANNEL_SESSION);
}

TEST(MergeConversationsTest, WhatsAppThreadKeyWithTheDayLongGap) {
  MergeConversationsRequest request;
  auto add = [&](const char* id, const char* at) {
    AddMessage(&request, id, cxkit::v1::CHANNEL_WHATSAPP, at, "anna")
        ->set_thread_key("wa-79161234567");
  };
  add("w1", "2024-06-03T10:00:00Z");
  add("w2", "2024-06-04T10:00:00Z");  // exactly 24 h
  add("w3", "2024-06-05T10:00:01Z");  // 24 h and 1 s
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"w1", "w2"}, {"w3"}}));
  EXPECT_EQ(response.conversations(0).merges(0).rule(),
            cxkit::v1::MERGE_RULE_THREAD_KEY);
  EXPECT_EQ(response.conversations(0).merges(0).detail(), "wa-79161234567");
}

TEST(MergeConversationsTest, PolicyChangesTheIdleGap) {
  MergeConversationsRequest request;
  auto* rule = request.mutable_policy()->add_session_rules();
  rule->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
  rule->mutable_idle_gap()->set_seconds(60);
  AddMessage(&request, "c1", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna");
  AddMessage(&request, "c2", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:01:00Z", "anna");
  AddMessage(&request, "c3", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:02:01Z", "anna");
  EXPECT_EQ(Groups(Merge(request)), (Ids{{"c1", "c2"}, {"c3"}}));
}

TEST(MergeConversationsTest, EachCallIsOneConversationUnlessLinked) {
  MergeConversationsRequest request;
  AddMessage(&request, "call-1", cxkit::v1::CHANNEL_PHONE,
             "2024-06-03T10:00:00Z", "anna")
      ->set_thread_key("call-77");
  auto* notes = AddMessage(&request, "notes-1", cxkit::v1::CHANNEL_PHONE,
                           "2024-06-03T10:20:00Z", "anna");
  notes->set_thread_key("call-77");
  notes->set_direction(cxkit::v1::MESSAGE_DIRECTION_INTERNAL);
  notes->set_author_kind(cxkit::v1::AUTHOR_KIND_AGENT);
  AddMessage(&request, "call-2", cxkit::v1::CHANNEL_PHONE,
             "2024-06-03T10:25:00Z", "anna")
      ->set_thread_key("call-78");
  EXPECT_EQ(Groups(Merge(request)), (Ids{{"call-1", "notes-1"}, {"call-2"}}));
}

TEST(MergeConversationsTest, CrossChannelWindowBoundaries) {
  MergeConversationsRequest request;
  AddMessage(&request, "chat", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna");
  AddMessage(&request, "mail", cxkit::v1::CHANNEL_EMAIL, "2024-06-03T12:00:00Z",
             "anna");  // exactly 2 h
  AddMessage(&request, "sms", cxkit::v1::CHANNEL_SMS, "2024-06-03T14:00:01Z",
             "anna");  // 2 h and 1 s after the e-mail
  AddMessage(&request, "boris", cxkit::v1::CHANNEL_SMS, "2024-06-03T10:01:00Z",
             "boris");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"chat", "mail"}, {"boris"}, {"sms"}}));
}

TEST(MergeConversationsTest, ReferenceOfAnotherCustomerNeverMerges) {
  MergeConversationsRequest request;
  AddMessage(&request, "anna-chat", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna", "order 12345 is late");
  AddMessage(&request, "boris-mail", cxkit::v1::CHANNEL_EMAIL,
             "2024-06-03T15:00:00Z", "boris", "Where is my order 12345?");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"anna-chat"}, {"boris-mail"}}));
  ASSERT_EQ(response.refused_merges_size(), 1);
  const auto& refused = response.refused_merges(0);
  EXPECT_EQ(refused.message_id(), "boris-mail");
  EXPECT_EQ(refused.other_message_id(), "anna-chat");
  EXPECT_EQ(refused.rule(), cxkit::v1::MERGE_RULE_SAME_REFERENCE);
  EXPECT_EQ(refused.reason(), "REFERENCE_OF_OTHER_CUSTOMER");
  EXPECT_EQ(refused.detail(), "order:12345");
}

// Only the first max_scanned_text_bytes of a text and of a subject are
// searched for references, so a huge subject costs no more than a text.
TEST(MergeConversationsTest, ReferencesOnlyInTheScannedPrefix) {
  MergeConversationsRequest request;
  request.mutable_policy()->mutable_limits()->set_max_scanned_text_bytes(20);
  AddEmail(&request, "early", "2024-06-03T10:00:00Z", "anna", "<a@x>", "", "",
           "order 11111 and then order 22222")
      ->set_text("order 33333 ... order 44444");
  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(response.conversations_size(), 1);
  std::vector<std::string> found;
  for (const auto& reference : response.conversations(0).references()) {
    found.push_back(reference.kind() + ":" + reference.value());
  }
  // "order 11111 and then" and "order 33333 ... orde" are the scanned parts.
  EXPECT_EQ(found, (std::vector<std::string>{"order:11111", "order:33333"}));
}

TEST(MergeConversationsTest, ReferenceWindowBoundary) {
  MergeConversationsRequest request;
  AddMessage(&request, "a", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-01T10:00:00Z", "anna", "заказ № 555111");
  AddMessage(&request, "b", cxkit::v1::CHANNEL_EMAIL, "2024-06-15T10:00:00Z",
             "anna", "Заказ 555111 так и не пришёл");  // exactly 14 days
  AddMessage(&request, "c", cxkit::v1::CHANNEL_SMS, "2024-06-29T10:00:01Z",
             "anna", "ЗАКАЗ №555111?");  // 14 days and 1 s after b
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"a", "b"}, {"c"}}));
  EXPECT_EQ(response.conversations(0).merges(0).detail(), "order:555111");
}

TEST(MergeConversationsTest, CustomerMessageReopensWithinTheWindow) {
  MergeConversationsRequest request;
  AddMessage(&request, "ask", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-01T10:00:00Z", "anna", "order 12345 wrong size");
  auto* done = AddMessage(&request, "done", cxkit::v1::CHANNEL_LIVE_CHAT,
                          "2024-06-01T10:10:00Z", "anna", "Exchange sent!");
  done->set_direction(cxkit::v1::MESSAGE_DIRECTION_OUTBOUND);
  done->set_author_kind(cxkit::v1::AUTHOR_KIND_AGENT);
  done->set_resolves_conversation(true);
  AddMessage(&request, "again", cxkit::v1::CHANNEL_EMAIL,
             "2024-06-03T10:00:00Z", "anna", "order 12345: still not here");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"ask", "done", "again"}}));
  const auto& c = response.conversations(0);
  EXPECT_EQ(c.state(), cxkit::v1::CONVERSATION_STATE_OPEN);
  EXPECT_FALSE(c.has_resolved_at());
  ASSERT_EQ(c.merges_size(), 2);
  EXPECT_FALSE(c.merges(0).reopened());
  EXPECT_TRUE(c.merges(1).reopened());
  EXPECT_EQ(c.merges(1).rule(), cxkit::v1::MERGE_RULE_SAME_REFERENCE);
}

TEST(MergeConversationsTest, CustomerMessageAfterTheReopenWindowFollowsIt) {
  MergeConversationsRequest request;
  AddMessage(&request, "ask", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-01T10:00:00Z", "anna", "order 12345 wrong size");
  auto* done = AddMessage(&request, "done", cxkit::v1::CHANNEL_LIVE_CHAT,
                          "2024-06-01T10:10:00Z", "anna", "Exchange sent!");
  done->set_direction(cxkit::v1::MESSAGE_DIRECTION_OUTBOUND);
  done->set_author_kind(cxkit::v1::AUTHOR_KIND_AGENT);
  done->set_resolves_conversation(true);
  AddMessage(&request, "later", cxkit::v1::CHANNEL_EMAIL,
             "2024-06-08T10:10:01Z", "anna", "order 12345 again");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"ask", "done"}, {"later"}}));
  EXPECT_EQ(response.conversations(0).state(),
            cxkit::v1::CONVERSATION_STATE_RESOLVED);
  EXPECT_EQ(response.conversations(0).resolved_at().seconds(),
            Time("2024-06-01T10:10:00Z").seconds());
  EXPECT_EQ(response.conversations(1).follows_conversation_id(),
            DerivedId("ask"));
  ASSERT_EQ(response.refused_merges_size(), 1);
  EXPECT_EQ(response.refused_merges(0).reason(), "RESOLVED");
}

TEST(MergeConversationsTest, NeverMergePairHolds) {
  MergeConversationsRequest request;
  AddMessage(&request, "m1", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna");
  AddMessage(&request, "m2", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:01:00Z", "anna");
  AddMessage(&request, "m3", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:02:00Z", "anna");
  auto* pair = request.mutable_policy()->add_never_merge();
  pair->set_message_id("m1");
  pair->set_other_message_id("m3");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"m1", "m2"}, {"m3"}}));
  ASSERT_EQ(response.refused_merges_size(), 1);
  EXPECT_EQ(response.refused_merges(0).reason(), "NEVER_MERGE");
}

// Two WhatsApp threads of one customer mention the same order, their first
// messages are a never-merge pair: every later message proposes the other
// thread's conversation by reference and is refused, every time, with the
// same reason (the refused root pair is remembered, not checked again).
TEST(MergeConversationsTest, RefusedNeverMergePairIsReportedOnEveryMessage) {
  MergeConversationsRequest request;
  const int64_t start = Time("2024-06-03T10:00:00Z").seconds();
  for (int i = 0; i < 10; ++i) {
    for (const char* side : {"a", "b"}) {
      auto* m = AddMessage(&request, side + std::to_string(i),
                           cxkit::v1::CHANNEL_WHATSAPP, "2024-06-03T10:00:00Z",
                           "anna", "order 12345");
      m->set_thread_key(std::string("wa-") + side);
      m->mutable_sent_at()->set_seconds(start + 120 * i +
                                        (side[0] == 'b' ? 60 : 0));
    }
  }
  auto* pair = request.mutable_policy()->add_never_merge();
  pair->set_message_id("a0");
  pair->set_other_message_id("b0");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(
      Groups(response),
      (Ids{{"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"},
           {"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"}}));
  std::vector<std::pair<std::string, std::string>> expected = {{"b0", "a0"}};
  for (int i = 1; i < 10; ++i) {
    expected.emplace_back("a" + std::to_string(i), "b" + std::to_string(i - 1));
    expected.emplace_back("b" + std::to_string(i), "a" + std::to_string(i));
  }
  ASSERT_EQ(response.refused_merges_size(), 19);
  EXPECT_EQ(response.stats().refused_merges(), 19u);
  for (int i = 0; i < 19; ++i) {
    const cxkit::v1::RefusedMerge& refused = response.refused_merges(i);
    EXPECT_EQ(refused.message_id(), expected[i].first) << i;
    EXPECT_EQ(refused.other_message_id(), expected[i].second) << i;
    EXPECT_EQ(refused.rule(), cxkit::v1::MERGE_RULE_SAME_REFERENCE) << i;
    EXPECT_EQ(refused.reason(), "NEVER_MERGE") << i;
    EXPECT_EQ(refused.detail(), "order:12345") << i;
  }
}

TEST(MergeConversationsTest, ManyNeverMergePairsOnALongSession) {
  MergeConversationsRequest request;
  for (int i = 0; i < 1000; ++i) {
    AddMessage(&request, "m" + std::to_string(1000 + i),
               cxkit::v1::CHANNEL_LIVE_CHAT, "2024-06-03T10:00:00Z", "anna")
        ->mutable_sent_at()
        ->set_seconds(Time("2024-06-03T10:00:00Z").seconds() + i);
  }
  // m1000..m1499 must never meet m1500..m1999; plus pairs of older calls.
  for (int i = 0; i < 500; ++i) {
    auto* pair = request.mutable_policy()->add_never_merge();
    pair->set_message_id("m" + std::to_string(1000 + i));
    pair->set_other_message_id("m" + std::to_string(1500 + i));
    auto* old = request.mutable_policy()->add_never_merge();
    old->set_message_id("gone-" + std::to_string(i));
    old->set_other_message_id("m1000");
  }
  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(response.conversations_size(), 2);
  EXPECT_EQ(response.conversations(0).message_ids_size(), 500);
  EXPECT_EQ(response.conversations(0).message_ids(499), "m1499");
  EXPECT_EQ(response.conversations(1).message_ids(0), "m1500");
  EXPECT_EQ(response.conversations(1).message_ids_size(), 500);
}

TEST(MergeConversationsTest, SplitSurvivesLaterCallsWithPreviousConversations) {
  MergeConversationsRequest request;
  for (const char* id : {"m1", "m2", "m3"}) {
    AddMessage(&request, id, cxkit::v1::CHANNEL_LIVE_CHAT,
               std::string("2024-06-03T10:0") + id[1] + ":00Z", "anna");
  }
  const MergeConversationsResponse first = Merge(request);
  ASSERT_EQ(Groups(first), (Ids{{"m1", "m2", "m3"}}));

  // The agent splits before m2; the host passes the earlier conversation back.
  request.mutable_policy()->add_split_before_message_ids("m2");
  auto* previous = request.add_previous_conversations();
  previous->set_conversation_id(first.conversations(0).conversation_id());
  *previous->mutable_message_ids() = first.conversations(0).message_ids();
  AddMessage(&request, "m4", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:04:00Z", "anna");
  const MergeConversationsResponse second = Merge(request);
  EXPECT_EQ(Groups(second), (Ids{{"m1"}, {"m2", "m3", "m4"}}));
  EXPECT_EQ(second.conversations(0).conversation_id(),
            first.conversations(0).conversation_id());
  EXPECT_EQ(second.conversations(1).conversation_id(), DerivedId("m2"));
}

// A later e-mail's References can re-parent earlier e-mails (JWZ reads the
// whole thread anew): here the agent's reply cites Boris's e-mail, then
// Anna's, which puts Anna's under Boris's. The batch then refuses Anna's
// WhatsApp message (another customer's conversation); an incremental call
// keeps what the host already showed together: the documented exception to
// "incremental equals batch".
TEST(MergeConversationsTest, ReparentingReplyKeepsTheHostsEarlierGrouping) {
  MergeConversationsRequest request;
  AddEmail(&request, "b1", "2024-06-03T09:00:00Z", "boris", "<b1@x>", "", "",
           "Invoice");
  AddEmail(&request, "a1", "2024-06-03T10:00:00Z", "anna", "<a1@x>", "", "",
           "Zipper");
  AddMessage(&request, "a2", cxkit::v1::CHANNEL_WHATSAPP,
             "2024-06-03T10:30:00Z", "anna");
  const MergeConversationsResponse first = Merge(request);
  ASSERT_EQ(Groups(first), (Ids{{"b1"}, {"a1", "a2"}}));

  auto* reply = AddEmail(&request, "n", "2024-06-03T12:00:00Z", "", "<n@x>", "",
                         "<b1@x> <a1@x>", "Re: Zipper");
  reply->set_direction(cxkit::v1::MESSAGE_DIRECTION_OUTBOUND);
  reply->set_author_kind(cxkit::v1::AUTHOR_KIND_AGENT);
  EXPECT_EQ(Groups(Merge(request)), (Ids{{"b1", "a1", "n"}, {"a2"}}));
  for (const auto& c : first.conversations()) {
    auto* previous = request.add_previous_conversations();
    previous->set_conversation_id(c.conversation_id());
    *previous->mutable_message_ids() = c.message_ids();
  }
  EXPECT_EQ(Groups(Merge(request)), (Ids{{"b1", "a1", "a2", "n"}}));
}

TEST(MergeConversationsTest, MergedPreviousConversationsReportTheSurvivor) {
  MergeConversationsRequest request;
  AddMessage(&request, "a", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna", "order 11111");
  AddMessage(&request, "b", cxkit::v1::CHANNEL_EMAIL, "2024-06-03T15:00:00Z",
             "anna", "order 22222");
  auto* p1 = request.add_previous_conversations();
  p1->set_conversation_id("conv-first");
  p1->add_message_ids("a");
  auto* p2 = request.add_previous_conversations();
  p2->set_conversation_id("conv-second");
  p2->add_message_ids("b");
  AddMessage(&request, "c", cxkit::v1::CHANNEL_SMS, "2024-06-03T18:00:00Z",
             "anna", "order 11111 and order 22222 both wrong");
  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(Groups(response), (Ids{{"a", "b", "c"}}));
  EXPECT_EQ(response.conversations(0).conversation_id(), "conv-first");
  EXPECT_EQ(std::vector<std::string>(
                response.conversations(0).merged_conversation_ids().begin(),
                response.conversations(0).merged_conversation_ids().end()),
            std::vector<std::string>{"conv-second"});
}

TEST(MergeConversationsTest, CustomersFromLinksAndImplicitKeys) {
  MergeConversationsRequest request;
  request.mutable_policy()->set_default_region("RU");
  auto* link = request.add_customers();
  link->set_customer_id("crm-42");
  AddIdentifier(link->mutable_identifiers(), cxkit::v1::IDENTIFIER_TYPE_EMAIL,
                "anna@example.com");
  auto* linked = AddMessage(&request, "mail", cxkit::v1::CHANNEL_EMAIL,
                            "2024-06-03T10:00:00Z");
  AddIdentifier(linked->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_EMAIL,
                " Anna@Example.COM");
  auto* sms1 = AddMessage(&request, "sms-1", cxkit::v1::CHANNEL_SMS,
                          "2024-06-05T10:00:00Z");
  AddIdentifier(sms1->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_PHONE,
                "8 (916) 123-45-67");
  // The shop's reply names the customer as its recipient.
  auto* reply = AddMessage(&request, "sms-2", cxkit::v1::CHANNEL_SMS,
                           "2024-06-05T10:05:00Z");
  reply->set_direction(cxkit::v1::MESSAGE_DIRECTION_OUTBOUND);
  reply->set_author_kind(cxkit::v1::AUTHOR_KIND_AGENT);
  AddIdentifier(reply->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_PHONE,
                "+7 495 000-00-00");
  AddIdentifier(reply->mutable_recipients(), cxkit::v1::IDENTIFIER_TYPE_PHONE,
                "+79161234567");
  auto* junk = AddMessage(&request, "sms-3", cxkit::v1::CHANNEL_SMS,
                          "2024-06-07T10:00:00Z");
  AddIdentifier(junk->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_PHONE,
                "call me");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"mail"}, {"sms-1", "sms-2"}, {"sms-3"}}));
  EXPECT_EQ(response.conversations(0).customer_id(), "crm-42");
  EXPECT_EQ(response.conversations(1).customer_id(), "phone:+79161234567");
  EXPECT_EQ(response.conversations(2).customer_id(), "");
  ASSERT_EQ(response.message_issues_size(), 1);
  EXPECT_EQ(response.message_issues(0).reason(), "UNPARSEABLE_PHONE");
  EXPECT_EQ(response.message_issues(0).field(), "messages[3].sender[0].value");
  EXPECT_EQ(response.stats().messages_with_linked_customer(), 1u);
  EXPECT_EQ(response.stats().messages_with_implicit_customer(), 2u);
}

// Implicit customers are told apart by their identifier, never by their
// name: two senders whose names read alike ("<type>:<namespace>/<value>" with a
// '/' in a namespace or value, a custom type named like a built-in one, a host
// customer id spelled like an implicit name) are different customers, so the
// cross-channel window (2 h) does not join their messages.
TEST(MergeConversationsTest, ImplicitCustomersWithAlikeNamesStayApart) {
  MergeConversationsRequest request;
  const auto add = [&](const std::string& id, cxkit::v1::Channel channel,
                       const std::string& time, cxkit::v1::IdentifierType type,
                       const std::string& value, const std::string& name_space,
                       const std::string& custom_type = "") {
    auto* m = AddMessage(&request, id, channel, time);
    AddIdentifier(m->mutable_sender(), type, value, name_space)
        ->set_custom_type(custom_type);
  };
  add("psid-a", cxkit::v1::CHANNEL_MESSENGER, "2024-06-03T10:00:00Z",
      cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID, "123", "shop/eu");
  add("psid-b", cxkit::v1::CHANNEL_LIVE_CHAT, "2024-06-03T10:10:00Z",
      cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID, "eu/123", "shop");
  add("mail", cxkit::v1::CHANNEL_EMAIL, "2024-06-04T10:00:00Z",
      cxkit::v1::IDENTIFIER_TYPE_EMAIL, "anna@example.com", "");
  add("custom", cxkit::v1::CHANNEL_WEB_FORM, "2024-06-04T10:10:00Z",
      cxkit::v1::IDENTIFIER_TYPE_CUSTOM, "anna@example.com", "", "email");
  AddMessage(&request, "host", cxkit::v1::CHANNEL_SMS, "2024-06-04T10:20:00Z",
             "email:anna@example.com");
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response),
            (Ids{{"psid-a"}, {"psid-b"}, {"mail"}, {"custom"}, {"host"}}));
  ASSERT_EQ(response.conversations_size(), 5);
  EXPECT_EQ(response.conversations(0).customer_id(),
            "messenger_psid:shop/eu/123");
  EXPECT_EQ(response.conversations(1).customer_id(),
            "messenger_psid:shop/eu/123");
  for (int c = 2; c < 5; ++c) {
    EXPECT_EQ(response.conversations(c).customer_id(),
              "email:anna@example.com");
  }
  EXPECT_EQ(response.stats().messages_with_implicit_customer(), 4u);
  EXPECT_EQ(response.stats().messages_with_host_customer(), 1u);
}

// The matching key of a scoped identifier keeps namespace and value apart
// even when they hold the key's separator: a profile's PSID "X\x1f1" on page
// "page" does not claim the sender "1" on page "page\x1fX".
TEST(MergeConversationsTest, ProfileIdentifiersMatchWholeFieldsOnly) {
  MergeConversationsRequest request;
  auto* profile = request.add_customer_profiles();
  profile->set_profile_id("p-anna");
  auto* identifier = profile->add_identifiers();
  identifier->set_type(cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID);
  identifier->set_namespace_("page");
  identifier->set_normalized_value(
      "X\x1f"
      "1");
  auto* own = AddMessage(&request, "anna", cxkit::v1::CHANNEL_MESSENGER,
                         "2024-06-03T10:00:00Z");
  AddIdentifier(own->mutable_sender(),
                cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID,
                "X\x1f"
                "1",
                "page");
  auto* other = AddMessage(&request, "other", cxkit::v1::CHANNEL_MESSENGER,
                           "2024-06-03T11:00:00Z");
  AddIdentifier(other->mutable_sender(),
                cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID, "1",
                "page\x1f"
                "X");
  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(response.conversations_size(), 2);
  EXPECT_EQ(response.conversations(0).customer_id(), "p-anna");
  EXPECT_EQ(response.conversations(1).customer_id(),
            "messenger_psid:page\x1f"
            "X/1");
  EXPECT_EQ(response.stats().messages_with_linked_customer(), 1u);
}

// The same unusable identifier on two messages gets the same explanation on
// both, whichever comes first (the answers are cached per raw identifier).
TEST(MergeConversationsTest, RepeatedUnusableIdentifierIsExplainedAlike) {
  MergeConversationsRequest request;
  for (const char* id : {"a", "b"}) {
    auto* m = AddMessage(&request, id, cxkit::v1::CHANNEL_SMS,
                         "2024-06-03T10:00:00Z");
    AddIdentifier(m->mutable_sender(), cxkit::v1::IDENTIFIER_TYPE_PHONE,
                  "not a phone");
  }
  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(response.message_issues_size(), 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(response.message_issues(i).reason(), "UNPARSEABLE_PHONE");
    EXPECT_EQ(response.message_issues(i).message(),
              response.message_issues(0).message());
    EXPECT_NE(response.message_issues(i).message(), "unusable identifier");
  }
}

TEST(MergeConversationsTest, BadMessagesAreLeftOutWithAnIssue) {
  MergeConversationsRequest request;
  AddMessage(&request, "ok", cxkit::v1::CHANNEL_SMS, "2024-06-03T10:00:00Z",
             "anna");
  request.add_messages()->set_id("no-time");
  auto* bad_time = AddMessage(&request, "bad-time", cxkit::v1::CHANNEL_SMS,
                              "2024-06-03T10:00:00Z", "anna");
  bad_time->mutable_sent_at()->set_nanos(-1);
  auto* bad_channel =
      AddMessage(&request, "bad-channel", cxkit::v1::CHANNEL_SMS,
                 "2024-06-03T10:00:00Z", "anna");
  bad_channel->set_channel(static_cast<cxkit::v1::Channel>(99));
  const MergeConversationsResponse response = Merge(request);
  EXPECT_EQ(Groups(response), (Ids{{"ok"}}));
  ASSERT_EQ(response.message_issues_size(), 3);
  EXPECT_EQ(response.message_issues(0).reason(), "MISSING_TIME");
  EXPECT_EQ(response.message_issues(0).field(), "messages[1].sent_at");
  EXPECT_EQ(response.message_issues(1).reason(), "INVALID_TIME");
  EXPECT_EQ(response.message_issues(1).field(), "messages[2].sent_at");
  EXPECT_EQ(response.message_issues(2).reason(), "UNKNOWN_CHANNEL");
  EXPECT_EQ(response.message_issues(2).field(), "messages[3].channel");
  EXPECT_EQ(response.stats().messages_with_errors(), 3u);
}

TEST(MergeConversationsTest, OutputCanOmitIdsAndEvidence) {
  MergeConversationsRequest request;
  AddMessage(&request, "c1", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:00:00Z", "anna");
  AddMessage(&request, "c2", cxkit::v1::CHANNEL_LIVE_CHAT,
             "2024-06-03T10:01:00Z", "anna");
  request.mutable_output()->set_omit_message_ids(true);
  request.mutable_output()->set_omit_merges(true);
  const MergeConversationsResponse response = Merge(request);
  ASSERT_EQ(response.conversations_size(), 1);
  EXPECT_EQ(response.conversations(0).message_ids_size(), 0);
  EXPECT_EQ(response.conversations(0).merges_size(), 0);
  EXPECT_EQ(
      std::vector<uint32_t>(response.conversations(0).message_indexes().begin(),
                            response.conversations(0).message_indexes().end()),
      (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(response.conversations(0).conversation_id(), DerivedId("c1"));
}

TEST(MergeConversationsTest, EmptyRequestIsOk) {
  const MergeConversationsResponse response =
      Merge(MergeConversationsRequest());
  EXPECT_EQ(response.conversations_size(), 0);
}

}  // namespace
}  // namespace cxkit::testing
