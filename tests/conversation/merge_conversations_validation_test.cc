// Requests that are unusable as a whole get a clear status: code, field path.

#include <string>

#include "gtest/gtest.h"
#include "lib/common/field_status.h"
#include "tests/conversation/conversation_builders.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::MergeConversationsRequest;

struct BadCase {
  const char* name;
  void (*mutate)(MergeConversationsRequest*);
  cxkit::v1::StatusCode code;
  const char* field;
};

MergeConversationsRequest TwoMessages() {
  MergeConversationsRequest request;
  AddMessage(&request, "m1", cxkit::v1::CHANNEL_SMS, "2024-06-03T10:00:00Z",
             "anna");
  AddMessage(&request, "m2", cxkit::v1::CHANNEL_SMS, "2024-06-03T10:01:00Z",
             "anna");
  return request;
}

const BadCase kBadCases[] = {
    {"missing id",
     [](MergeConversationsRequest* r) { r->mutable_messages(1)->clear_id(); },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT, "messages[1].id"},
    {"duplicate id",
     [](MergeConversationsRequest* r) { r->mutable_messages(1)->set_id("m1"); },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT, "messages[1].id"},
    {"bad pattern",
     [](MergeConversationsRequest* r) {
       auto* p = r->mutable_policy()->add_reference_patterns();
       p->set_kind("order");
       p->set_pattern("order (\\d+");
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "policy.reference_patterns[0].pattern"},
    {"pattern without a group",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->add_reference_patterns()->set_kind("order");
       r->mutable_policy()->add_reference_patterns()->set_kind("order");
       r->mutable_policy()->mutable_reference_patterns(0)->set_pattern(
           "(\\d+)");
       r->mutable_policy()->mutable_reference_patterns(1)->set_pattern("\\d+");
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "policy.reference_patterns[1].pattern"},
    {"negative window",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->mutable_cross_channel_window()->set_seconds(-5);
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT, "policy.cross_channel_window"},
    {"bad idle gap",
     [](MergeConversationsRequest* r) {
       auto* rule = r->mutable_policy()->add_session_rules();
       rule->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
       rule->mutable_idle_gap()->set_nanos(-1);
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "policy.session_rules[0].idle_gap"},
    {"second rule for a channel",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->add_session_rules()->set_channel(
           cxkit::v1::CHANNEL_SMS);
       r->mutable_policy()->add_session_rules()->set_channel(
           cxkit::v1::CHANNEL_SMS);
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "policy.session_rules[1].channel"},
    {"unknown region",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->set_default_region("XX");
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT, "policy.default_region"},
    {"never-merge without id",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->add_never_merge()->set_message_id("m1");
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "policy.never_merge[0].other_message_id"},
    {"empty split id",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->add_split_before_message_ids("");
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "policy.split_before_message_ids[0]"},
    {"customer link without id",
     [](MergeConversationsRequest* r) { r->add_customers(); },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT, "customers[0].customer_id"},
    {"message in two previous conversations",
     [](MergeConversationsRequest* r) {
       auto* a = r->add_previous_conversations();
       a->set_conversation_id("c1");
       a->add_message_ids("m1");
       auto* b = r->add_previous_conversations();
       b->set_conversation_id("c2");
       b->add_message_ids("m2");
       b->add_message_ids("m1");
     },
     cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     "previous_conversations[1].message_ids[1]"},
    {"too many messages",
     [](MergeConversationsRequest* r) {
       r->mutable_policy()->mutable_limits()->set_max_messages(1);
     },
     cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED, "messages"},
};

TEST(MergeConversationsValidationTest, BadRequestsNameTheField) {
  for (const BadCase& c : kBadCases) {
    MergeConversationsRequest request = TwoMessages();
    c.mutate(&request);
    const absl::Status status =
        cxkit::ValidateMergeConversationsRequest(request);
    EXPECT_EQ(static_cast<int>(status.code()), static_cast<int>(c.code))
        << c.name << ": " << status;
    EXPECT_EQ(cxkit::FieldOf(status), c.field) << c.name;
    const cxkit::v1::MergeConversationsResponse response =
        cxkit::MergeConversations(request);
    EXPECT_EQ(response.status().code(), c.code) << c.name;
    EXPECT_EQ(response.status().field(), c.field) << c.name;
    EXPECT_EQ(response.conversations_size(), 0) << c.name;
  }
}

TEST(MergeConversationsValidationTest, UnknownHostIdsAreIgnored) {
  MergeConversationsRequest request = TwoMessages();
  auto* pair = request.mutable_policy()->add_never_merge();
  pair->set_message_id("from-last-week");
  pair->set_other_message_id("m1");
  request.mutable_policy()->add_split_before_message_ids("gone");
  auto* previous = request.add_previous_conversations();
  previous->set_conversation_id("c-old");
  previous->add_message_ids("archived");
  EXPECT_TRUE(cxkit::ValidateMergeConversationsRequest(request).ok());
  EXPECT_EQ(Groups(cxkit::MergeConversations(request)),
            (std::vector<std::vector<std::string>>{{"m1", "m2"}}));
}

TEST(MergeConversationsValidationTest, GarbageBytesNeverCrash) {
  // Mutated bytes of a valid request that still parse give the same response
  // twice, never a crash; oversized headers give a per-message issue.
  const std::string valid = TwoMessages().SerializeAsString();
  int parsed_count = 0;
  for (size_t i = 0; i < valid.size(); ++i) {
    std::string bytes = valid;
    bytes[i] = static_cast<char>(bytes[i] ^ (1 << (i % 8)));
    MergeConversationsRequest parsed;
    if (!parsed.ParseFromString(bytes)) continue;
    ++parsed_count;
    EXPECT_EQ(DeterministicBytes(cxkit::MergeConversations(parsed)),
              DeterministicBytes(cxkit::MergeConversations(parsed)));
  }
  EXPECT_GT(parsed_count, 0);

  MergeConversationsRequest request = TwoMessages();
  request.mutable_messages(0)->mutable_email()->set_references(
      std::string(20000, '<'));
  const auto response = cxkit::MergeConversations(request);
  ASSERT_EQ(response.message_issues_size(), 1);
  EXPECT_EQ(response.message_issues(0).reason(), "OVERSIZED_VALUE");
  EXPECT_EQ(response.message_issues(0).field(), "messages[0].email.references");
  EXPECT_EQ(response.message_issues(0).message(),
            "20000 bytes exceed policy.limits.max_header_bytes (16384)");
}

TEST(MergeConversationsValidationTest, ReferencesBeyondTheLimitAreAWarning) {
  // m3 cites its parent <b@x> (m2), then <c0@x>, a message not in the request.
  // Read in full, <b@x> threads m3 under m2; with room for one id, only
  // <c0@x> is read, so m3 starts a thread of its own, and says why.
  const auto merge = [](uint32_t max_references) {
    MergeConversationsRequest request;
    request.mutable_policy()->mutable_limits()->set_max_references_per_message(
        max_references);
    request.mutable_policy()->set_disable_subject_fallback(true);
    AddEmail(&request, "m2", "2024-06-03T10:00:00Z", "anna", "<b@x>", "", "",
             "Shoes");
    AddEmail(&request, "m3", "2024-06-03T11:00:00Z", "anna", "<c@x>", "",
             "<b@x> <c0@x>", "Re: Shoes");
    return cxkit::MergeConversations(request);
  };
  const auto in_full = merge(2);
  ASSERT_EQ(in_full.status().code(), cxkit::v1::STATUS_CODE_OK)
      << StatusText(in_full.status());
  EXPECT_EQ(in_full.message_issues_size(), 0);
  EXPECT_EQ(Groups(in_full),
            (std::vector<std::vector<std::string>>{{"m2", "m3"}}));

  const auto cut = merge(1);
  ASSERT_EQ(cut.status().code(), cxkit::v1::STATUS_CODE_OK)
      << StatusText(cut.status());
  ASSERT_EQ(cut.message_issues_size(), 1);
  const auto& issue = cut.message_issues(0);
  EXPECT_EQ(issue.item_id(), "m3");
  EXPECT_EQ(issue.item_index(), 1u);
  EXPECT_EQ(issue.severity(), cxkit::v1::SEVERITY_WARNING);
  EXPECT_EQ(issue.reason(), "TOO_MANY_REFERENCES");
  EXPECT_EQ(issue.field(), "messages[1].email.references");
  EXPECT_EQ(issue.message(),
            "more ids than policy.limits.max_references_per_message (1); "
            "only the last ones were read");
  EXPECT_EQ(Groups(cut),
            (std::vector<std::vector<std::string>>{{"m2"}, {"m3"}}));
}

}  // namespace
}  // namespace cxkit::testing
