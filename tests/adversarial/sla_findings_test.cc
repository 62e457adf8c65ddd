// Regression tests of the review findings in EvaluateSla and PlanStaffing
// (H1, H2, M2, M3, L1): each input is the one the review describes, or its
// smallest form.

#include <string>

#include "cxkit/sla.h"
#include "gtest/gtest.h"
#include "tests/adversarial/adversarial_support.h"
#include "tests/sla/sla_test_support.h"

namespace cxkit::sla::testing {
namespace {

using cxkit::testing::ExpectStatus;
using cxkit::v1::EvaluateSlaRequest;
using cxkit::v1::PlanStaffingRequest;

// A calendar open ten separate seconds every day: 70 intervals a week.
cxkit::v1::BusinessCalendar FragmentedCalendar() {
  auto calendar = MakeCalendar("frag", "UTC");
  std::vector<std::pair<std::string, std::string>> hours;
  for (int s = 0; s < 20; s += 2) {
    hours.push_back(
        {"00:00:" + std::string(s < 10 ? "0" : "") + std::to_string(s),
         "00:00:" + std::string(s + 1 < 10 ? "0" : "") +
             std::to_string(s + 1)});
  }
  AddHours(&calendar, {1, 2, 3, 4, 5, 6, 7}, hours);
  return calendar;
}

// "a" on the fragmented calendar (tag "frag"), asked a day before now.
EvaluateSlaRequest FragmentedRequest() {
  EvaluateSlaRequest request;
  SetTime("2026-03-30T12:00:00Z", request.mutable_now());
  *request.add_calendars() = FragmentedCalendar();
  auto* policy = request.add_policies();
  policy->set_id("frag");
  policy->mutable_condition()->add_tags("frag");
  AddTarget(policy, cxkit::v1::SLA_METRIC_FIRST_REPLY, 5, "frag");
  auto* a = AddConversation(&request, "a", cxkit::v1::CHANNEL_EMAIL);
  a->add_tags("frag");
  Timeline(a).Customer("2026-03-29T12:00:00Z");
  return request;
}

// H2: intervals before now counted against no budget, so one old
// conversation made every calendar build years of intervals; and the budget
// they left decided other conversations' due times.
TEST(SlaFindings, IntervalsBeforeNowCountAgainstTheLimit) {
  EvaluateSlaRequest request = FragmentedRequest();
  request.mutable_limits()->set_max_calendar_intervals(1000);
  // Alone, "a" needs a few weeks of the calendar: within 1,000 intervals.
  const auto alone = EvaluateSla(request);
  ASSERT_EQ(alone.status().code(), cxkit::v1::STATUS_CODE_OK)
      << cxkit::testing::Describe(alone.status());
  ASSERT_EQ(alone.conversations_size(), 1);
  // 5 business seconds from Sunday 12:00: Monday 00:00:00-00:00:01, ...
  EXPECT_EQ(Text(alone.conversations(0).metrics(0).ongoing_cycle().due()),
            "2026-03-30T00:00:09Z");

  // An old conversation moves every calendar's origin 3,000 days back:
  // about 30,000 intervals; the call is refused as a whole, not answered
  // with "a" silently losing its due time.
  auto* old = AddConversation(&request, "old", cxkit::v1::CHANNEL_EMAIL);
  old->add_tags("frag");
  Timeline(old).Customer("2018-01-10T12:00:00Z");
  const auto batch = EvaluateSla(request);
  ExpectStatus(batch.status(), cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "limits.max_calendar_intervals");
  EXPECT_EQ(batch.conversations_size(), 0);

  // With the default limit (4,000,000) both are answered, "a" as alone.
  request.mutable_limits()->clear_max_calendar_intervals();
  const auto ok = EvaluateSla(request);
  ASSERT_EQ(ok.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_EQ(ok.conversations_size(), 2);
  EXPECT_EQ(ok.conversations(0).DebugString(),
            alone.conversations(0).DebugString());
}

// M3: a policy with many tags against conversations with many tags.
TEST(SlaFindings, TagsAreLimited) {
  EvaluateSlaRequest request = FragmentedRequest();
  for (int i = 0; i < 100; ++i) {
    request.mutable_conversations(0)->add_tags("t" + std::to_string(i));
  }
  // 101 tags on the conversation: a per-conversation error.
  auto response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_EQ(response.conversation_issues_size(), 1);
  EXPECT_EQ(response.conversation_issues(0).reason(), "TOO_MANY_TAGS");
  EXPECT_EQ(response.conversation_issues(0).field(), "conversations[0].tags");
  request.mutable_limits()->set_max_tags(101);
  response = EvaluateSla(request);
  EXPECT_EQ(response.conversation_issues_size(), 0);
  EXPECT_EQ(response.conversations(0).policy_id(), "frag");

  // 102 tags in a condition: the request is refused.
  for (int i = 0; i < 101; ++i) {
    request.mutable_policies(0)->mutable_condition()->add_tags(
        "c" + std::to_string(i));
  }
  response = EvaluateSla(request);
  EXPECT_EQ(response.status().code(),
            cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED);
  EXPECT_EQ(response.status().field(), "policies[0].condition.tags");
  EXPECT_NE(response.status().message().find("limits.max_tags"),
            std::string::npos);
}

// L1: times before 1970 are ordinary times, not "none".
TEST(SlaFindings, TimesBefore1970AreTimes) {
  EvaluateSlaRequest request;
  SetTime("1970-01-01T01:00:00Z", request.mutable_now());
  auto* policy = request.add_policies();
  policy->set_id("p");
  AddTarget(policy, cxkit::v1::SLA_METRIC_FIRST_REPLY, 3600);
  AddTarget(policy, cxkit::v1::SLA_METRIC_NEXT_REPLY, 3600);
  AddTarget(policy, cxkit::v1::SLA_METRIC_TOTAL_RESOLUTION, 36000);
  auto* c = AddConversation(&request, "c", cxkit::v1::CHANNEL_EMAIL);
  Timeline(c)
      .Customer("1969-12-31T23:00:00Z")
      .Agent("1969-12-31T23:30:00Z")
      .Customer("1970-01-01T00:10:00Z");
  const auto response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_EQ(response.conversations_size(), 1);
  const auto& metrics = response.conversations(0).metrics();
  ASSERT_EQ(metrics.size(), 3);
  EXPECT_EQ(metrics[0].metric(), cxkit::v1::SLA_METRIC_FIRST_REPLY);
  EXPECT_EQ(metrics[0].state(), cxkit::v1::SLA_STATE_MET);
  ASSERT_EQ(metrics[0].completed_cycles_size(), 1);
  EXPECT_EQ(Text(metrics[0].completed_cycles(0).due()), "1970-01-01T00:00:00Z");
  EXPECT_EQ(metrics[1].metric(), cxkit::v1::SLA_METRIC_NEXT_REPLY);
  EXPECT_EQ(metrics[1].state(), cxkit::v1::SLA_STATE_ACTIVE);
  EXPECT_EQ(Text(metrics[1].ongoing_cycle().due()), "1970-01-01T01:10:00Z");
  EXPECT_EQ(metrics[2].metric(), cxkit::v1::SLA_METRIC_TOTAL_RESOLUTION);
  EXPECT_EQ(metrics[2].state(), cxkit::v1::SLA_STATE_ACTIVE);
  EXPECT_EQ(Text(metrics[2].ongoing_cycle().due()), "1970-01-01T09:00:00Z");
  // Counted in the service level: answered after 30 min.
  EXPECT_EQ(response.service_level().overall().conversations(), 1u);
  EXPECT_EQ(response.service_level().overall().answered(), 1u);
  // The next change is the NEXT_REPLY due time.
  EXPECT_EQ(Text(response.conversations(0).next_change()),
            "1970-01-01T01:10:00Z");
}

PlanStaffingRequest Staffing(double contacts, int64_t handle_seconds) {
  PlanStaffingRequest request;
  request.mutable_average_handle_time()->set_seconds(handle_seconds);
  request.add_intervals()->set_contacts(contacts);
  return request;
}

// H1: a load of exactly UINT32_MAX Erlangs wrapped the staff to 0 and the
// search never ended.
TEST(SlaFindings, StaffForUint32MaxErlangsIsRefused) {
  PlanStaffingRequest request = Staffing(858993459, 5);
  request.mutable_interval_length()->set_seconds(1);
  const auto response = PlanStaffing(request);
  EXPECT_EQ(response.status().code(),
            cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED);
  EXPECT_EQ(response.status().field(), "intervals[0].contacts");
}

// M2: shrinkage close to 1 overflowed the uint32 cast of scheduled agents.
TEST(SlaFindings, ScheduledAgentsBeyondUint32AreRefused) {
  PlanStaffingRequest request = Staffing(0, 300);
  request.mutable_intervals(0)->set_agents(100000);
  request.set_shrinkage(0.99999);
  const auto response = PlanStaffing(request);
  ExpectStatus(response.status(), cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "shrinkage");
  EXPECT_EQ(response.intervals_size(), 0);
  request.set_shrinkage(0.5);
  const auto ok = PlanStaffing(request);
  ASSERT_EQ(ok.status().code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_EQ(ok.intervals(0).scheduled_agents(), 200000u);
}

// M2: a denormal load underflowed the Erlang A arrival rate to 0 and the
// average speed of answer became NaN, then INT64_MIN seconds.
TEST(SlaFindings, DenormalErlangALoadHasAFiniteAnswer) {
  PlanStaffingRequest request = Staffing(5e-324, 3);
  request.set_model(cxkit::v1::STAFFING_MODEL_ERLANG_A);
  request.mutable_interval_length()->set_seconds(3);
  request.mutable_average_patience()->set_seconds(86400);
  const auto response = PlanStaffing(request);
  ASSERT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
      << cxkit::testing::Describe(response.status());
  ASSERT_EQ(response.intervals_size(), 1);
  EXPECT_EQ(response.intervals(0).agents(), 1u);
  EXPECT_EQ(response.intervals(0).average_speed_of_answer().seconds(), 0);
  EXPECT_EQ(response.intervals(0).average_speed_of_answer().nanos(), 0);
}

// Fuzz finding plan-staffing-erlang-a-quadratic: Erlang A's service level
// costs work growing with the staff, and nothing bounded the sum over the
// staff levels tried and the intervals (10 s for one interval of 100,000
// contacts; hours within the default limits). Now the call's work is a limit.
TEST(SlaFindings, ErlangAWorkIsLimited) {
  PlanStaffingRequest request = Staffing(2000, 360);
  request.set_model(cxkit::v1::STAFFING_MODEL_ERLANG_A);
  request.mutable_average_patience()->set_seconds(600);
  request.mutable_limits()->set_max_model_work(100000);
  const auto refused = PlanStaffing(request);
  ExpectStatus(refused.status(), cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "limits.max_model_work");
  EXPECT_EQ(refused.intervals_size(), 0);
  request.mutable_limits()->clear_max_model_work();  // default: 2e9
  const auto planned = PlanStaffing(request);
  ASSERT_EQ(planned.status().code(), cxkit::v1::STATUS_CODE_OK)
      << cxkit::testing::Describe(planned.status());
  EXPECT_TRUE(planned.intervals(0).target_met());
}

TEST(SlaFindings, SubSecondIntervalsAreRefused) {
  PlanStaffingRequest request = Staffing(10, 3);
  request.mutable_interval_length()->set_nanos(500000000);
  const auto response = PlanStaffing(request);
  EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().field(), "interval_length");
}

TEST(SlaFindings, RequestBytesAreLimited) {
  EvaluateSlaRequest request = FragmentedRequest();
  request.mutable_limits()->set_max_request_bytes(64);
  ExpectStatus(EvaluateSla(request).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "limits.max_request_bytes");
  request.mutable_limits()->set_max_request_bytes(request.ByteSizeLong() + 16);
  EXPECT_EQ(EvaluateSla(request).status().code(), cxkit::v1::STATUS_CODE_OK);

  PlanStaffingRequest staffing = Staffing(10, 300);
  staffing.mutable_limits()->set_max_request_bytes(4);
  ExpectStatus(PlanStaffing(staffing).status(),
               cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
               "limits.max_request_bytes");
}

// Ids in messages are cut and escaped: no user value grows a message or
// breaks its UTF-8.
TEST(SlaFindings, EchoedIdsAreBoundedAndEscaped) {
  EvaluateSlaRequest request = FragmentedRequest();
  const std::string long_id(1000, 'x');
  AddConversation(&request, long_id, cxkit::v1::CHANNEL_EMAIL);
  AddConversation(&request, long_id, cxkit::v1::CHANNEL_EMAIL);
  auto response = EvaluateSla(request);
  EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().message(),
            "conversations[2].id: duplicate conversation id \"" +
                std::string(64, 'x') + "\"... (also conversations[1])");

  request = FragmentedRequest();
  request.mutable_calendars(0)->set_time_zone("Mars/\xff\xfe");
  response = EvaluateSla(request);
  EXPECT_EQ(response.status().message(),
            "calendars[0].time_zone: unknown time zone \"Mars/\\xff\\xfe\"");
}

}  // namespace
}  // namespace cxkit::sla::testing
