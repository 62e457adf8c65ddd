// A million items where one would do: one phone on 1,000,000 records,
// 1,000,000 messages in one conversation, a References chain of 100,000 and
// 1,000,000 SLA events in one conversation. Exact results only: run time is
// neither asserted nor recorded here (ctest prints each test's time).

#include <string>

#include "absl/strings/str_cat.h"
#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/sla.h"
#include "gtest/gtest.h"
#include "tests/adversarial/adversarial_support.h"
#include "tests/adversarial/mail_builders.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::MergeConversationsRequest;

TEST(LargeInputs, OnePhoneOnAMillionRecordsIsAHub) {
  constexpr int kRecords = 1000000;
  cxkit::v1::ResolveIdentitiesRequest request;
  request.mutable_records()->Reserve(kRecords);
  for (int i = 0; i < kRecords; ++i) {
    AddRecord(&request, absl::StrCat("h", i),
              {{cxkit::v1::IDENTIFIER_TYPE_CRM_ID, absl::StrCat("c-", i)},
               {cxkit::v1::IDENTIFIER_TYPE_PHONE, "+7 495 780-11-22"}});
  }
  const auto response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  // Every record stays its own customer; the phone is reported once.
  EXPECT_EQ(response.profiles_size(), kRecords);
  EXPECT_EQ(response.stats().profiles(), static_cast<uint32_t>(kRecords));
  EXPECT_EQ(response.stats().multi_record_profiles(), 0u);
  EXPECT_EQ(response.stats().links_made(), 0u);
  EXPECT_EQ(response.rejected_links_size(), 0);
  ASSERT_EQ(response.hub_values_size(), 1);
  const auto& hub = response.hub_values(0);
  EXPECT_EQ(hub.normalized_value(), "+74957801122");
  EXPECT_EQ(hub.record_count(), static_cast<uint32_t>(kRecords));
  EXPECT_EQ(hub.distinct_values(), static_cast<uint32_t>(kRecords));
  EXPECT_EQ(hub.reason(),
            "shared by 1000000 records holding 1000000 distinct "
            "IDENTIFIER_TYPE_CRM_ID values; one customer has at most 1");
  for (const auto& profile : response.profiles()) {
    ASSERT_EQ(profile.record_ids_size(), 1);
  }
}

// A live chat message every 10 s from one customer: one session, one
// conversation of 1,000,000 messages.
TEST(LargeInputs, AMillionMessagesInOneConversation) {
  constexpr int kMessages = 1000000;
  MergeConversationsRequest request;
  request.mutable_messages()->Reserve(kMessages);
  const int64_t start = 1774864800;  // 2026-03-30T10:00:00Z
  for (int i = 0; i < kMessages; ++i) {
    auto* m = request.add_messages();
    m->set_id(absl::StrCat("m", i));
    m->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
    m->set_author_kind(cxkit::v1::AUTHOR_KIND_CUSTOMER);
    m->set_direction(cxkit::v1::MESSAGE_DIRECTION_INBOUND);
    m->mutable_sent_at()->set_seconds(start + 10 * int64_t{i});
    m->set_customer_id("cust");
  }
  request.mutable_output()->set_omit_message_ids(true);
  request.mutable_output()->set_omit_merges(true);
  const auto response = MergeConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  ASSERT_EQ(response.conversations_size(), 1);
  const auto& conversation = response.conversations(0);
  EXPECT_EQ(conversation.customer_id(), "cust");
  ASSERT_EQ(conversation.message_indexes_size(), kMessages);
  for (int i = 0; i < kMessages; ++i) {
    ASSERT_EQ(conversation.message_indexes(i), static_cast<uint32_t>(i));
  }
  EXPECT_EQ(conversation.opened_at().seconds(), start);
  EXPECT_EQ(conversation.last_activity_at().seconds(),
            start + 10 * int64_t{kMessages - 1});
}

// Each e-mail answers the one before: one thread of 100,000.
TEST(LargeInputs, AReferencesChainOfAHundredThousand) {
  constexpr int kMails = 100000;
  MergeConversationsRequest request;
  request.mutable_policy()->set_disable_subject_fallback(true);
  AddMail(&request, 0, "", "");
  for (int i = 1; i < kMails; ++i) {
    const std::string parent = absl::StrCat("<m", i - 1, "@shop.example>");
    AddMail(&request, i, parent, parent);
  }
  request.mutable_output()->set_omit_message_ids(true);
  const auto response = MergeConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  ASSERT_EQ(response.conversations_size(), 1);
  EXPECT_EQ(response.conversations(0).message_indexes_size(), kMails);
  ASSERT_EQ(response.conversations(0).merges_size(), kMails - 1);
  for (const auto& merge : response.conversations(0).merges()) {
    ASSERT_EQ(merge.rule(), cxkit::v1::MERGE_RULE_EMAIL_REPLY);
  }
}

// 1,000,000 events of one SLA conversation (the limit raised to allow it):
// a customer message and a reply every minute.
TEST(LargeInputs, AMillionEventsInOneSlaConversation) {
  constexpr int kPairs = 500000;
  cxkit::v1::EvaluateSlaRequest request;
  const int64_t start = 1774864800;
  request.mutable_now()->set_seconds(start + 60 * int64_t{kPairs});
  request.mutable_limits()->set_max_events_per_conversation(2 * kPairs);
  auto* policy = request.add_policies();
  policy->set_id("p");
  auto* first = policy->add_targets();
  first->set_metric(cxkit::v1::SLA_METRIC_FIRST_REPLY);
  first->mutable_target()->set_seconds(60);
  auto* next = policy->add_targets();
  next->set_metric(cxkit::v1::SLA_METRIC_NEXT_REPLY);
  next->mutable_target()->set_seconds(20);
  auto* conversation = request.add_conversations();
  conversation->set_id("c");
  conversation->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
  conversation->mutable_events()->Reserve(2 * kPairs);
  for (int i = 0; i < kPairs; ++i) {
    auto* customer = conversation->add_events();
    customer->set_kind(cxkit::v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE);
    customer->mutable_time()->set_seconds(start + 60 * int64_t{i});
    auto* reply = conversation->add_events();
    reply->set_kind(cxkit::v1::SLA_EVENT_KIND_AGENT_REPLY);
    // Every tenth reply comes after 30 s, past the 20 s NEXT_REPLY goal.
    reply->mutable_time()->set_seconds(start + 60 * int64_t{i} +
                                       (i % 10 == 9 ? 30 : 10));
  }
  request.mutable_output()->set_omit_completed_cycles(true);
  const auto response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  ASSERT_EQ(response.conversations_size(), 1);
  const auto& metrics = response.conversations(0).metrics();
  ASSERT_EQ(metrics.size(), 2);
  EXPECT_EQ(metrics[0].state(), cxkit::v1::SLA_STATE_MET);
  EXPECT_EQ(metrics[1].state(), cxkit::v1::SLA_STATE_MISSED);
  // Breached NEXT_REPLY cycles: every tenth of the 499,999 after the first.
  EXPECT_EQ(response.service_level().overall().breached_cycles(), 50000u);
}

}  // namespace
}  // namespace cxkit::testing
