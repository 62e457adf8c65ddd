// Edges of time: a calendar open one second a week under a ten-year target,
// and timestamps at the limits of google.protobuf.Timestamp in every area.
// Edges of e-mail threading: References that form cycles.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "gtest/gtest.h"
#include "tests/adversarial/adversarial_support.h"
#include "tests/adversarial/mail_builders.h"
#include "tests/sla/sla_test_support.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::MergeConversationsRequest;
using sla::testing::AddConversation;
using sla::testing::AddHours;
using sla::testing::AddTarget;
using sla::testing::MakeCalendar;
using sla::testing::SetTime;
using sla::testing::Text;
using sla::testing::Timeline;

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z.
constexpr int64_t kMinSeconds = -62135596800;
constexpr int64_t kMaxSeconds = 253402300799;

google::protobuf::Timestamp Min() {
  google::protobuf::Timestamp t;
  t.set_seconds(kMinSeconds);
  return t;
}

google::protobuf::Timestamp Max() {
  google::protobuf::Timestamp t;
  t.set_seconds(kMaxSeconds);
  t.set_nanos(999999999);
  return t;
}

// Open Mondays 00:00:00-00:00:01 UTC; one customer message at now, a Monday
// noon; FIRST_REPLY `goal` business seconds on that calendar.
cxkit::v1::EvaluateSlaRequest OneSecondAWeek(int64_t goal) {
  cxkit::v1::EvaluateSlaRequest request;
  SetTime("2026-03-30T12:00:00Z", request.mutable_now());
  auto calendar = MakeCalendar("monday-second", "UTC");
  AddHours(&calendar, {1}, {{"00:00:00", "00:00:01"}});
  *request.add_calendars() = calendar;
  auto* policy = request.add_policies();
  policy->set_id("p");
  AddTarget(policy, cxkit::v1::SLA_METRIC_FIRST_REPLY, goal, "monday-second");
  Timeline(AddConversation(&request, "c", cxkit::v1::CHANNEL_EMAIL))
      .Customer("2026-03-30T12:00:00Z");
  return request;
}

TEST(Edges, OneSecondAWeekWithinTheHorizon) {
  // 520 open seconds: the 520th Monday's first second, 519 weeks after the
  // next Monday (2026-04-06).
  const auto response = EvaluateSla(OneSecondAWeek(520));
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  const auto& cycle = response.conversations(0).metrics(0).ongoing_cycle();
  EXPECT_EQ(Text(cycle.due()), "2036-03-17T00:00:01Z");
  EXPECT_FALSE(cycle.running());
  EXPECT_EQ(response.conversations(0).metrics(0).state(),
            cxkit::v1::SLA_STATE_ACTIVE);
  EXPECT_EQ(Text(response.conversations(0).next_change()),
            "2026-04-06T00:00:00Z");
}

TEST(Edges, OneSecondAWeekWithATenYearTarget) {
  // Ten years of business time would take 3.15e8 weeks: beyond the 10-year
  // horizon, so the due time is unset and the cycle simply runs on.
  const auto response = EvaluateSla(OneSecondAWeek(3650 * 86400));
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  const auto& metric = response.conversations(0).metrics(0);
  EXPECT_FALSE(metric.ongoing_cycle().has_due());
  EXPECT_FALSE(metric.ongoing_cycle().breached());
  EXPECT_EQ(metric.state(), cxkit::v1::SLA_STATE_ACTIVE);
  EXPECT_EQ(metric.ongoing_cycle().remaining().seconds(), 3650 * 86400);

  // With a 100-year horizon, 5,000 open seconds are due in 2122.
  auto request = OneSecondAWeek(5000);
  request.mutable_limits()->mutable_max_horizon()->set_seconds(int64_t{36525} *
                                                               86400);
  const auto far = EvaluateSla(request);
  ASSERT_EQ(far.status().code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_EQ(Text(far.conversations(0).metrics(0).ongoing_cycle().due()),
            "2122-01-26T00:00:01Z");
}

TEST(Edges, TimestampLimitsInIdentity) {
  cxkit::v1::ResolveIdentitiesRequest request;
  for (const auto& [id, time] :
       {std::make_pair("first", Min()), std::make_pair("last", Max())}) {
    auto* record = AddRecord(
        &request, id, {{cxkit::v1::IDENTIFIER_TYPE_EMAIL, "anna@mail.ru"}});
    *record->mutable_observed_at() = time;
  }
  const auto response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).summary().first_seen().seconds(), kMinSeconds);
  // Profile summaries are in whole seconds.
  EXPECT_EQ(response.profiles(0).summary().last_seen().seconds(), kMaxSeconds);
  // One second beyond: refused by name.
  request.mutable_records(1)->mutable_observed_at()->set_seconds(kMaxSeconds +
                                                                 1);
  const auto beyond = ResolveIdentities(request);
  EXPECT_EQ(beyond.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_EQ(beyond.record_issues_size(), 1);
  EXPECT_EQ(beyond.record_issues(0).field(), "records[1].observed_at");
}

TEST(Edges, TimestampLimitsInMerging) {
  cxkit::v1::MergeConversationsRequest request;
  int i = 0;
  for (const auto& time : {Min(), Max()}) {
    auto* m = request.add_messages();
    m->set_id("m" + std::to_string(i++));
    m->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
    m->set_author_kind(cxkit::v1::AUTHOR_KIND_CUSTOMER);
    m->set_direction(cxkit::v1::MESSAGE_DIRECTION_INBOUND);
    *m->mutable_sent_at() = time;
    m->set_customer_id("cust");
  }
  const auto response = MergeConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  // 9,999 years apart: two sessions.
  ASSERT_EQ(response.conversations_size(), 2);
  EXPECT_EQ(response.conversations(0).opened_at().seconds(), kMinSeconds);
  EXPECT_EQ(response.conversations(1).opened_at().DebugString(),
            Max().DebugString());
  request.mutable_messages(1)->mutable_sent_at()->set_seconds(kMaxSeconds + 1);
  const auto beyond = MergeConversations(request);
  ASSERT_EQ(beyond.message_issues_size(), 1) << Describe(beyond.status());
  EXPECT_EQ(beyond.message_issues(0).field(), "messages[1].sent_at");
}

TEST(Edges, TimestampLimitsInSla) {
  cxkit::v1::EvaluateSlaRequest request;
  *request.mutable_now() = Max();
  auto* late = AddConversation(&request, "late", cxkit::v1::CHANNEL_LIVE_CHAT);
  auto* event = late->add_events();
  event->set_kind(cxkit::v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE);
  *event->mutable_time() = Max();
  auto* early =
      AddConversation(&request, "early", cxkit::v1::CHANNEL_LIVE_CHAT);
  event = early->add_events();
  event->set_kind(cxkit::v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE);
  *event->mutable_time() = Min();
  auto response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  // Year 1 is 9,998 years before now: outside the horizon.
  ASSERT_EQ(response.conversation_issues_size(), 1);
  EXPECT_EQ(response.conversation_issues(0).field(),
            "conversations[1].events[0].time");
  // The live chat default (30 s) would be due after 9999-12-31: unset.
  ASSERT_EQ(response.conversations_size(), 1);
  EXPECT_FALSE(response.conversations(0).metrics(0).ongoing_cycle().has_due());

  // At the other end, the same clock runs from year 1.
  *request.mutable_now() = Min();
  request.mutable_now()->set_seconds(kMinSeconds + 60);
  request.mutable_conversations()->DeleteSubrange(0, 1);
  response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_EQ(response.conversations_size(), 1);
  EXPECT_EQ(
      response.conversations(0).metrics(0).ongoing_cycle().due().seconds(),
      kMinSeconds + 30);
  EXPECT_TRUE(response.conversations(0).breached());
}

TEST(Edges, TimestampLimitsInRoutingAndStaffing) {
  cxkit::v1::RouteConversationsRequest request;
  *request.mutable_now() = Max();
  auto* agent = request.add_agents();
  agent->set_id("a");
  agent->set_status(cxkit::v1::AGENT_STATUS_AVAILABLE);
  auto* capacity = agent->add_channels();
  capacity->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
  capacity->set_max_items(1);
  *agent->mutable_idle_since() = Min();
  auto* item = request.add_items();
  item->set_id("i");
  item->set_conversation_id("c");
  item->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
  *item->mutable_enqueued_at() = Min();
  *item->mutable_sla_due_at() = Min();
  auto response = RouteConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  ASSERT_EQ(response.assignments_size(), 1);
  EXPECT_EQ(response.assignments(0).agent_id(), "a");

  *request.mutable_now() = Min();
  *request.mutable_items(0)->mutable_sla_due_at() = Max();
  response = RouteConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  EXPECT_EQ(response.assignments_size(), 1);

  request.mutable_now()->set_seconds(kMinSeconds - 1);
  response = RouteConversations(request);
  EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().field(), "now");

  cxkit::v1::PlanStaffingRequest staffing;
  staffing.mutable_average_handle_time()->set_seconds(300);
  *staffing.add_intervals()->mutable_start() = Min();
  *staffing.add_intervals()->mutable_start() = Max();
  const auto plan = PlanStaffing(staffing);
  ASSERT_EQ(plan.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(plan.status());
  ASSERT_EQ(plan.intervals_size(), 2);
  EXPECT_EQ(plan.intervals(0).start().seconds(), kMinSeconds);
  EXPECT_EQ(plan.intervals(1).start().DebugString(), Max().DebugString());
  staffing.mutable_intervals(1)->mutable_start()->set_nanos(1000000000);
  EXPECT_EQ(PlanStaffing(staffing).status().field(), "intervals[1].start");
}

// e0 <-> e1 reference each other; e2 -> e3 -> e4 -> e2; e5 references
// itself. Each cycle is one conversation; nothing loops.
TEST(Edges, ReferenceCyclesAreOneConversationEach) {
  MergeConversationsRequest request;
  request.mutable_policy()->set_disable_subject_fallback(true);
  auto id = [](int i) { return absl::StrCat("<m", i, "@shop.example>"); };
  AddMail(&request, 0, id(1), id(1));
  AddMail(&request, 1, id(0), id(0));
  AddMail(&request, 2, id(4), id(3) + " " + id(4));
  AddMail(&request, 3, id(2), id(4) + " " + id(2));
  AddMail(&request, 4, id(3), id(2) + " " + id(3));
  AddMail(&request, 5, id(5), id(5));
  const auto response = MergeConversations(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << Describe(response.status());
  std::vector<std::vector<std::string>> groups;
  for (const auto& c : response.conversations()) {
    groups.emplace_back(c.message_ids().begin(), c.message_ids().end());
  }
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups, (std::vector<std::vector<std::string>>{
                        {"e0", "e1"}, {"e2", "e3", "e4"}, {"e5"}}));
}

}  // namespace
}  // namespace cxkit::testing
