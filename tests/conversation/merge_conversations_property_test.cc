// Properties on a generated mixed-channel stream: the input order does not
// matter, the result is deterministic, and an incremental call equals the
// batch.

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "bench/generator/message_generator.h"
#include "gtest/gtest.h"
#include "tests/conversation/conversation_builders.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::MergeConversationsRequest;
using cxkit::v1::MergeConversationsResponse;

MergeConversationsRequest Generated(size_t messages, uint64_t seed) {
  MergeConversationsRequest request;
  cxkit::bench::MessageStreamOptions options;
  options.messages = messages;
  options.seed = seed;
  options.span_seconds = 2 * 24 * 3600;
  cxkit::bench::GenerateMergeConversationsRequest(options, &request);
  return request;
}

// The response with message positions replaced by ids (positions are the
// only thing allowed to change with the input order).
std::string OrderFreeBytes(MergeConversationsResponse response) {
  for (auto& c : *response.mutable_conversations()) c.clear_message_indexes();
  for (auto& issue : *response.mutable_message_issues()) {
    issue.clear_item_index();
    issue.clear_field();
  }
  std::sort(response.mutable_message_issues()->begin(),
            response.mutable_message_issues()->end(),
            [](const cxkit::v1::ItemIssue& a, const cxkit::v1::ItemIssue& b) {
              return std::tie(a.item_id(), a.reason()) <
                     std::tie(b.item_id(), b.reason());
            });
  return DeterministicBytes(response);
}

TEST(MergeConversationsPropertyTest, GeneratedStreamMergesAcrossChannels) {
  const MergeConversationsResponse response =
      cxkit::MergeConversations(Generated(3000, 7));
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_EQ(response.stats().messages(), 3000u);
  EXPECT_EQ(response.stats().messages_with_errors(), 0u);
  EXPECT_GT(response.stats().cross_channel_conversations(), 50u);
  EXPECT_LT(response.stats().conversations(), 1500u);
  size_t listed = 0;
  for (const auto& c : response.conversations()) {
    listed += c.message_ids_size();
    EXPECT_EQ(c.merges_size() + 1, c.message_ids_size());
    EXPECT_FALSE(c.customer_id().empty()) << c.conversation_id();
  }
  EXPECT_EQ(listed, 3000u);
}

// Unusable identifiers beside the usable ones on some messages, each kind
// repeated on several messages: their warnings must not depend on the order.
MergeConversationsRequest WithUnusableIdentifiers(
    MergeConversationsRequest request) {
  for (int i = 0; i < request.messages_size(); ++i) {
    auto* sender = request.mutable_messages(i)->mutable_sender();
    if (i % 13 == 0) {
      auto* phone = sender->Add();
      phone->set_type(cxkit::v1::IDENTIFIER_TYPE_PHONE);
      phone->set_value("call me");
    }
    if (i % 17 == 0) {
      auto* email = sender->Add();
      email->set_type(cxkit::v1::IDENTIFIER_TYPE_EMAIL);
      email->set_value("no-at-sign");
    }
    if (i % 19 == 0) sender->Add()->set_value("typeless");
  }
  return request;
}

TEST(MergeConversationsPropertyTest, ShuffledInputGivesTheSameResponse) {
  const MergeConversationsRequest request =
      WithUnusableIdentifiers(Generated(2000, 11));
  const MergeConversationsResponse baseline =
      cxkit::MergeConversations(request);
  ASSERT_EQ(baseline.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_GT(baseline.conversations_size(), 0);
  ASSERT_GT(baseline.message_issues_size(), 100);
  const std::string expected = OrderFreeBytes(baseline);
  std::mt19937_64 engine(3);
  for (int round = 0; round < 3; ++round) {
    MergeConversationsRequest shuffled = request;
    std::shuffle(shuffled.mutable_messages()->pointer_begin(),
                 shuffled.mutable_messages()->pointer_end(), engine);
    std::shuffle(shuffled.mutable_customer_profiles()->pointer_begin(),
                 shuffled.mutable_customer_profiles()->pointer_end(), engine);
    EXPECT_EQ(OrderFreeBytes(cxkit::MergeConversations(shuffled)), expected)
        << "round " << round;
  }
}

TEST(MergeConversationsPropertyTest, MessageIndexesPointAtTheMessages) {
  MergeConversationsRequest request = Generated(500, 5);
  std::mt19937_64 engine(9);
  std::shuffle(request.mutable_messages()->pointer_begin(),
               request.mutable_messages()->pointer_end(), engine);
  const MergeConversationsResponse response =
      cxkit::MergeConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_GT(response.conversations_size(), 0);
  for (const auto& c : response.conversations()) {
    ASSERT_EQ(c.message_ids_size(), c.message_indexes_size());
    for (int i = 0; i < c.message_ids_size(); ++i) {
      EXPECT_EQ(request.messages(static_cast<int>(c.message_indexes(i))).id(),
                c.message_ids(i));
    }
  }
}

TEST(MergeConversationsPropertyTest, IncrementalCallEqualsTheBatch) {
  const MergeConversationsRequest all = Generated(2000, 13);
  const MergeConversationsResponse batch = cxkit::MergeConversations(all);
  ASSERT_EQ(batch.status().code(), cxkit::v1::STATUS_CODE_OK);

  // The first call sees the first day; the second everything, with the first
  // call's conversations passed back.
  const int64_t cut = 1717372800 + 24 * 3600;
  MergeConversationsRequest day_one = all;
  day_one.clear_messages();
  for (const auto& m : all.messages()) {
    if (m.sent_at().seconds() < cut) *day_one.add_messages() = m;
  }
  ASSERT_GT(day_one.messages_size(), 500);
  const MergeConversationsResponse first = cxkit::MergeConversations(day_one);
  ASSERT_EQ(first.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_GT(first.conversations_size(), 0);
  MergeConversationsRequest second_request = all;
  for (const auto& c : first.conversations()) {
    auto* previous = second_request.add_previous_conversations();
    previous->set_conversation_id(c.conversation_id());
    *previous->mutable_message_ids() = c.message_ids();
    if (c.has_resolved_at()) *previous->mutable_resolved_at() = c.resolved_at();
  }
  MergeConversationsResponse incremental =
      cxkit::MergeConversations(second_request);
  // Previous conversations that the second day joined are named as merged;
  // the batch has no previous conversations to name.
  for (auto& c : *incremental.mutable_conversations()) {
    c.clear_merged_conversation_ids();
  }
  EXPECT_EQ(DeterministicBytes(incremental), DeterministicBytes(batch));
}

TEST(MergeConversationsPropertyTest, Deterministic) {
  const MergeConversationsRequest request = Generated(1000, 17);
  const MergeConversationsResponse once = cxkit::MergeConversations(request);
  ASSERT_EQ(once.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_GT(once.conversations_size(), 0);
  EXPECT_EQ(DeterministicBytes(once),
            DeterministicBytes(cxkit::MergeConversations(request)));
}

}  // namespace
}  // namespace cxkit::testing
