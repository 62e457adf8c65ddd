#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cxkit/sla.h"
#include "gtest/gtest.h"
#include "tests/sla/sla_test_support.h"

namespace cxkit {
namespace {

using sla::testing::AddConversation;
using sla::testing::AddHours;
using sla::testing::AddTarget;
using sla::testing::MakeCalendar;
using sla::testing::SetTime;
using sla::testing::Timeline;
using namespace cxkit::v1;  // NOLINT

EvaluateSlaRequest Valid() {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T10:00:00Z", request.mutable_now());
  auto* calendar = request.add_calendars();
  *calendar = MakeCalendar("office", "Europe/Berlin");
  AddHours(calendar, {1, 2, 3, 4, 5}, {{"09:00", "12:00"}, {"13:00", "17:00"}});
  auto* policy = request.add_policies();
  policy->set_id("p");
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 3600, "office");
  Timeline(AddConversation(&request, "c1", CHANNEL_EMAIL))
      .Customer("2026-05-04T09:00:00Z");
  return request;
}

// Expects EvaluateSla and ValidateEvaluateSlaRequest to refuse `request` with
// `code` naming `field`.
void ExpectRefused(const EvaluateSlaRequest& request, StatusCode code,
                   const std::string& field) {
  const EvaluateSlaResponse response = EvaluateSla(request);
  EXPECT_EQ(response.status().code(), code) << response.status().message();
  EXPECT_EQ(response.status().field(), field) << response.status().message();
  EXPECT_EQ(response.conversations_size(), 0);
  const absl::Status status = ValidateEvaluateSlaRequest(request);
  EXPECT_EQ(static_cast<int>(status.code()), static_cast<int>(code));
}

TEST(EvaluateSlaValidation, ValidRequestPasses) {
  EXPECT_TRUE(ValidateEvaluateSlaRequest(Valid()).ok());
}

TEST(EvaluateSlaValidation, UnknownTimeZone) {
  EvaluateSlaRequest request = Valid();
  request.mutable_calendars(0)->set_time_zone("Europe/Atlantis");
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "calendars[0].time_zone");
}

TEST(EvaluateSlaValidation, OverlappingIntervals) {
  EvaluateSlaRequest request = Valid();
  auto* interval =
      request.mutable_calendars(0)->mutable_weekly_hours(2)->mutable_intervals(
          1);
  interval->set_start("11:30");
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "calendars[0].weekly_hours[2].intervals[1]");
}

TEST(EvaluateSlaValidation, OvernightShiftRunningIntoTheNextDay) {
  EvaluateSlaRequest request = Valid();
  auto* friday = request.mutable_calendars(0)->mutable_weekly_hours(3);
  friday->mutable_intervals(1)->set_end("10:00");  // Thursday 13:00 -> 10:00
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "calendars[0].weekly_hours[3]");
}

TEST(EvaluateSlaValidation, CalendarWithoutOpenHours) {
  EvaluateSlaRequest request = Valid();
  request.mutable_calendars(0)->clear_weekly_hours();
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "calendars[0].weekly_hours");
}

TEST(EvaluateSlaValidation, BadTimeOfDay) {
  EvaluateSlaRequest request = Valid();
  request.mutable_calendars(0)
      ->mutable_weekly_hours(0)
      ->mutable_intervals(0)
      ->set_end("25:00");
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "calendars[0].weekly_hours[0].intervals[0].end");
}

TEST(EvaluateSlaValidation, BadHolidayDate) {
  EvaluateSlaRequest request = Valid();
  request.mutable_calendars(0)->add_holidays()->set_first_date("2026-02-30");
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "calendars[0].holidays[0].first_date");
}

TEST(EvaluateSlaValidation, NegativeTarget) {
  EvaluateSlaRequest request = Valid();
  request.mutable_policies(0)
      ->mutable_targets(0)
      ->mutable_target()
      ->set_seconds(-5);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "policies[0].targets[0].target");
}

// Half a second would truncate to 0, the FIRST_REPLY channel default (24 h
// for e-mail); 90.5 s would silently become 90 s. Both are refused.
TEST(EvaluateSlaValidation, FractionalTargetIsRefused) {
  for (const auto& [seconds, nanos] :
       std::vector<std::pair<int64_t, int32_t>>{{0, 500000000}, {90, 1}}) {
    EvaluateSlaRequest request = Valid();
    auto* target = request.mutable_policies(0)->mutable_targets(0);
    ASSERT_EQ(target->metric(), SLA_METRIC_FIRST_REPLY);
    target->mutable_target()->set_seconds(seconds);
    target->mutable_target()->set_nanos(nanos);
    ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                  "policies[0].targets[0].target");
    EXPECT_EQ(EvaluateSla(request).status().message(),
              "policies[0].targets[0].target: whole seconds only (goals have "
              "second precision)");
  }
}

TEST(EvaluateSlaValidation, MissingTargetOutsideFirstReply) {
  EvaluateSlaRequest request = Valid();
  AddTarget(request.mutable_policies(0), SLA_METRIC_NEXT_REPLY, 0);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "policies[0].targets[1].target");
}

TEST(EvaluateSlaValidation, UnknownCalendarId) {
  EvaluateSlaRequest request = Valid();
  request.mutable_policies(0)->mutable_targets(0)->set_calendar_id("nope");
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "policies[0].targets[0].calendar_id");
}

TEST(EvaluateSlaValidation, DuplicateIds) {
  EvaluateSlaRequest request = Valid();
  AddConversation(&request, "c1", CHANNEL_EMAIL);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "conversations[1].id");
  request = Valid();
  *request.add_calendars() = request.calendars(0);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "calendars[1].id");
}

TEST(EvaluateSlaValidation, NowIsRequired) {
  EvaluateSlaRequest request = Valid();
  request.clear_now();
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "now");
}

TEST(EvaluateSlaValidation, TooManyConversations) {
  EvaluateSlaRequest request = Valid();
  AddConversation(&request, "c2", CHANNEL_EMAIL);
  request.mutable_limits()->set_max_conversations(1);
  ExpectRefused(request, STATUS_CODE_RESOURCE_EXHAUSTED, "conversations");
}

// With several problems, the first in this order is reported: request size,
// now, horizon, conversation count, empty id (the checks share one pass over
// the conversations, which must not change which one wins).
TEST(EvaluateSlaValidation, ProblemsAreReportedInOrder) {
  EvaluateSlaRequest request = Valid();
  AddConversation(&request, "", CHANNEL_EMAIL);
  AddConversation(&request, "", CHANNEL_EMAIL);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "conversations[1].id");
  request.mutable_limits()->set_max_conversations(2);
  ExpectRefused(request, STATUS_CODE_RESOURCE_EXHAUSTED, "conversations");
  request.mutable_limits()->mutable_max_horizon()->set_seconds(-1);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "limits.max_horizon");
  request.mutable_now()->set_nanos(-1);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "now");
  request.clear_now();
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "now");
  request.mutable_limits()->set_max_request_bytes(request.ByteSizeLong() - 1);
  ExpectRefused(request, STATUS_CODE_RESOURCE_EXHAUSTED,
                "limits.max_request_bytes");
  request.mutable_limits()->set_max_request_bytes(request.ByteSizeLong());
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "now");
}

// A horizon so long that now - horizon leaves the int64 range is refused
// (the origin computed beside the size must not overflow).
TEST(EvaluateSlaValidation, HugeHorizonIsRefused) {
  EvaluateSlaRequest request = Valid();
  request.mutable_limits()->mutable_max_horizon()->set_seconds(INT64_MAX);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "limits.max_horizon");
}

TEST(EvaluateSlaValidation, BadConversationIsAnIssueAndTheRestGoesOn) {
  EvaluateSlaRequest request = Valid();
  auto* bad = AddConversation(&request, "b0", CHANNEL_EMAIL);
  bad->add_events()->mutable_time()->set_seconds(1778000000);  // no kind
  auto* old = AddConversation(&request, "a0", CHANNEL_EMAIL);
  Timeline(old).Customer("2001-01-01T00:00:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), STATUS_CODE_OK);
  ASSERT_EQ(response.conversations_size(), 1);
  ASSERT_EQ(response.conversation_issues_size(), 2);
  EXPECT_EQ(response.conversation_issues(0).item_id(), "a0");
  EXPECT_EQ(response.conversation_issues(0).reason(), "INVALID_TIME");
  EXPECT_EQ(response.conversation_issues(0).field(),
            "conversations[2].events[0].time");
  EXPECT_EQ(response.conversation_issues(1).item_id(), "b0");
  EXPECT_EQ(response.conversation_issues(1).severity(), SEVERITY_ERROR);
  EXPECT_EQ(response.conversation_issues(1).field(),
            "conversations[1].events[0].kind");
  EXPECT_EQ(response.stats().conversations_with_errors(), 2u);
}

TEST(EvaluateSlaValidation, DueBeyondTheHorizonIsLeftUnset) {
  EvaluateSlaRequest request = Valid();
  request.mutable_limits()->mutable_max_horizon()->set_seconds(3 * 86400);
  request.mutable_policies(0)
      ->mutable_targets(0)
      ->mutable_target()
      ->set_seconds(100 * 3600);
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), STATUS_CODE_OK);
  const SlaCycle& cycle = response.conversations(0).metrics(0).ongoing_cycle();
  EXPECT_FALSE(cycle.has_due());
  EXPECT_FALSE(cycle.breached());
  EXPECT_EQ(cycle.elapsed().seconds(), 3600);
}

TEST(EvaluateSlaValidation, DueTimesStayInsideTheTimestampRange) {
  EvaluateSlaRequest request;
  SetTime("9999-12-31T00:00:00Z", request.mutable_now());
  auto* policy = request.add_policies();
  policy->set_id("p");
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 86400 * 365);
  Timeline(AddConversation(&request, "c", CHANNEL_EMAIL))
      .Customer("9999-12-30T00:00:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), STATUS_CODE_OK);
  const SlaCycle& cycle = response.conversations(0).metrics(0).ongoing_cycle();
  EXPECT_FALSE(cycle.has_due());
  EXPECT_FALSE(response.conversations(0).has_next_change());
}

}  // namespace
}  // namespace cxkit
