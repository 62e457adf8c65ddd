// Order independence: shuffling conversations, events, calendars, weekly
// hours and holidays gives a byte-identical response.

#include <algorithm>
#include <random>

#include "cxkit/sla.h"
#include "gtest/gtest.h"
#include "tests/sla/sla_test_support.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

using sla::testing::AddConversation;
using sla::testing::AddHours;
using sla::testing::AddTarget;
using sla::testing::MakeCalendar;
using namespace cxkit::v1;  // NOLINT

template <typename T>
void Shuffle(google::protobuf::RepeatedPtrField<T>* items, std::mt19937* rng) {
  for (int i = items->size() - 1; i > 0; --i) {
    items->SwapElements(i, static_cast<int>((*rng)() % (i + 1)));
  }
}

EvaluateSlaRequest RandomRequest(std::mt19937* rng) {
  EvaluateSlaRequest request;
  const int64_t now = 1777900000;  // 2026-05-04
  request.mutable_now()->set_seconds(now);
  auto* berlin = request.add_calendars();
  *berlin = MakeCalendar("berlin", "Europe/Berlin");
  AddHours(berlin, {1, 2, 3, 4, 5}, {{"09:00", "12:00"}, {"13:00", "17:00"}});
  berlin->add_holidays()->set_first_date("2026-05-01");
  berlin->add_holidays()->set_first_date("2026-05-14");
  auto* ny = request.add_calendars();
  *ny = MakeCalendar("ny", "America/New_York");
  AddHours(ny, {1, 2, 3, 4, 5, 6}, {{"08:00", "20:00"}});
  auto* policy = request.add_policies();
  policy->set_id("email");
  policy->mutable_condition()->add_channels(CHANNEL_EMAIL);
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 4 * 3600, "berlin")
      ->add_warn_before()
      ->set_seconds(1800);
  AddTarget(policy, SLA_METRIC_NEXT_REPLY, 8 * 3600, "ny");
  AddTarget(policy, SLA_METRIC_REQUESTER_WAIT, 3 * 86400, "berlin");
  auto* chat = request.add_policies();
  chat->set_id("chat");
  AddTarget(chat, SLA_METRIC_FIRST_REPLY, 60);
  AddTarget(chat, SLA_METRIC_AGENT_WORK_TIME, 3600);
  const SlaEventKind kinds[] = {
      SLA_EVENT_KIND_CUSTOMER_MESSAGE, SLA_EVENT_KIND_AGENT_REPLY,
      SLA_EVENT_KIND_BOT_REPLY, SLA_EVENT_KIND_STATUS_CHANGE};
  for (int c = 0; c < 60; ++c) {
    auto* conversation =
        AddConversation(&request, "conv-" + std::to_string(c),
                        (*rng)() % 2 ? CHANNEL_EMAIL : CHANNEL_LIVE_CHAT);
    int64_t t = now - static_cast<int64_t>((*rng)() % (7 * 86400));
    for (int e = 0; e < 8; ++e) {
      auto* event = conversation->add_events();
      event->mutable_time()->set_seconds(t);
      event->set_kind(e == 0 ? SLA_EVENT_KIND_CUSTOMER_MESSAGE
                             : kinds[(*rng)() % 4]);
      if (event->kind() == SLA_EVENT_KIND_STATUS_CHANGE) {
        event->set_status(static_cast<ConversationStatus>(2 + (*rng)() % 4));
      }
      t += static_cast<int64_t>((*rng)() % 7200);
    }
  }
  return request;
}

TEST(EvaluateSlaProperty, ShuffledInputGivesByteIdenticalResponse) {
  std::mt19937 rng(5);
  const EvaluateSlaRequest request = RandomRequest(&rng);
  const EvaluateSlaResponse expected = EvaluateSla(request);
  ASSERT_EQ(expected.status().code(), STATUS_CODE_OK);
  ASSERT_EQ(expected.conversations_size(), 60);
  const std::string expected_bytes = testing::DeterministicBytes(expected);
  for (int round = 0; round < 5; ++round) {
    EvaluateSlaRequest shuffled = request;
    Shuffle(shuffled.mutable_conversations(), &rng);
    for (auto& conversation : *shuffled.mutable_conversations()) {
      Shuffle(conversation.mutable_events(), &rng);
    }
    Shuffle(shuffled.mutable_calendars(), &rng);
    for (auto& calendar : *shuffled.mutable_calendars()) {
      Shuffle(calendar.mutable_weekly_hours(), &rng);
      Shuffle(calendar.mutable_holidays(), &rng);
    }
    EXPECT_EQ(testing::DeterministicBytes(EvaluateSla(shuffled)),
              expected_bytes);
  }
}

TEST(EvaluateSlaProperty, SplittingTheBatchGivesTheSameConversations) {
  std::mt19937 rng(9);
  const EvaluateSlaRequest request = RandomRequest(&rng);
  const EvaluateSlaResponse whole = EvaluateSla(request);
  EvaluateSlaRequest half = request;
  half.mutable_conversations()->DeleteSubrange(30, 30);
  const EvaluateSlaResponse part = EvaluateSla(half);
  ASSERT_EQ(whole.status().code(), STATUS_CODE_OK);
  ASSERT_EQ(part.status().code(), STATUS_CODE_OK);
  ASSERT_GT(part.conversations_size(), 0);
  for (const auto& conversation : part.conversations()) {
    bool found = false;
    for (const auto& other : whole.conversations()) {
      if (other.conversation_id() != conversation.conversation_id()) continue;
      found = true;
      EXPECT_EQ(testing::DeterministicBytes(other),
                testing::DeterministicBytes(conversation));
    }
    EXPECT_TRUE(found);
  }
}

TEST(EvaluateSlaProperty, OmittingCompletedCyclesKeepsStatesAndCounts) {
  std::mt19937 rng(11);
  EvaluateSlaRequest request = RandomRequest(&rng);
  const EvaluateSlaResponse full = EvaluateSla(request);
  request.mutable_output()->set_omit_completed_cycles(true);
  EvaluateSlaResponse states = EvaluateSla(request);
  int completed = 0;
  EvaluateSlaResponse stripped = full;
  for (auto& conversation : *stripped.mutable_conversations()) {
    for (auto& metric : *conversation.mutable_metrics()) {
      completed += metric.completed_cycles_size();
      metric.clear_completed_cycles();
    }
  }
  EXPECT_GT(completed, 50);
  EXPECT_EQ(testing::DeterministicBytes(states),
            testing::DeterministicBytes(stripped));
}

}  // namespace
}  // namespace cxkit
