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
using sla::testing::Text;
using sla::testing::Timeline;
using namespace cxkit::v1;  // NOLINT: enum values read like the spec

const ConversationSla& Only(const EvaluateSlaResponse& response) {
  EXPECT_EQ(response.status().code(), STATUS_CODE_OK)
      << response.status().message();
  EXPECT_EQ(response.conversations_size(), 1);
  return response.conversations(0);
}

const SlaMetricResult& MetricOf(const ConversationSla& sla, SlaMetric metric) {
  for (const auto& result : sla.metrics()) {
    if (result.metric() == metric) return result;
  }
  ADD_FAILURE() << "no metric " << SlaMetric_Name(metric);
  return SlaMetricResult::default_instance();
}

EvaluateSlaRequest ChatAt(const std::string& now) {
  EvaluateSlaRequest request;
  SetTime(now, request.mutable_now());
  Timeline(AddConversation(&request, "c1", CHANNEL_LIVE_CHAT))
      .Customer("2026-05-04T10:00:00Z");
  return request;
}

TEST(EvaluateSla, DefaultPolicyGivesLiveChatThirtySeconds) {
  const EvaluateSlaResponse response =
      EvaluateSla(ChatAt("2026-05-04T10:00:20Z"));
  const ConversationSla& sla = Only(response);
  EXPECT_EQ(sla.policy_id(), "default");
  ASSERT_EQ(sla.metrics_size(), 1);
  const SlaMetricResult& first = sla.metrics(0);
  EXPECT_EQ(first.metric(), SLA_METRIC_FIRST_REPLY);
  EXPECT_EQ(first.state(), SLA_STATE_ACTIVE);
  EXPECT_EQ(first.target().seconds(), 30);
  EXPECT_EQ(Text(first.ongoing_cycle().due()), "2026-05-04T10:00:30Z");
  EXPECT_EQ(first.ongoing_cycle().elapsed().seconds(), 20);
  EXPECT_EQ(first.ongoing_cycle().remaining().seconds(), 10);
  EXPECT_TRUE(first.ongoing_cycle().running());
  EXPECT_EQ(Text(sla.next_change()), "2026-05-04T10:00:30Z");
  EXPECT_EQ(sla.next_change_kind(), SLA_CHANGE_KIND_DUE);
  EXPECT_EQ(sla.next_change_metric(), SLA_METRIC_FIRST_REPLY);
}

TEST(EvaluateSla, OngoingCycleIsBreachedFromItsDueInstant) {
  const EvaluateSlaResponse response =
      EvaluateSla(ChatAt("2026-05-04T10:00:30Z"));
  const ConversationSla& sla = Only(response);
  EXPECT_EQ(sla.metrics(0).state(), SLA_STATE_BREACHED);
  EXPECT_TRUE(sla.metrics(0).ongoing_cycle().breached());
  EXPECT_EQ(sla.metrics(0).ongoing_cycle().remaining().seconds(), 0);
  EXPECT_TRUE(sla.breached());
  EXPECT_FALSE(sla.has_next_change());
}

TEST(EvaluateSla, ReplyAtTheDueInstantMeetsTheTarget) {
  EvaluateSlaRequest request = ChatAt("2026-05-04T11:00:00Z");
  Timeline(request.mutable_conversations(0)).Agent("2026-05-04T10:00:30Z");
  Timeline(AddConversation(&request, "c2", CHANNEL_LIVE_CHAT))
      .Customer("2026-05-04T10:00:00Z")
      .Agent("2026-05-04T10:00:31Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.conversations_size(), 2);
  const SlaMetricResult& met = response.conversations(0).metrics(0);
  EXPECT_EQ(met.state(), SLA_STATE_MET);
  ASSERT_EQ(met.completed_cycles_size(), 1);
  EXPECT_FALSE(met.completed_cycles(0).breached());
  EXPECT_EQ(met.completed_cycles(0).elapsed().seconds(), 30);
  EXPECT_FALSE(met.has_ongoing_cycle());
  const SlaMetricResult& missed = response.conversations(1).metrics(0);
  EXPECT_EQ(missed.state(), SLA_STATE_MISSED);
  EXPECT_TRUE(missed.completed_cycles(0).breached());
  EXPECT_EQ(Text(missed.completed_cycles(0).due()), "2026-05-04T10:00:30Z");
  EXPECT_EQ(missed.completed_cycles(0).remaining().seconds(), -1);
}

// Berlin office hours with lunch; an e-mail on Friday 15:00 CET, 4 h first
// reply in business hours, warning 1 h before.
EvaluateSlaRequest BerlinEmail(const std::string& now) {
  EvaluateSlaRequest request;
  SetTime(now, request.mutable_now());
  auto* calendar = request.add_calendars();
  *calendar = MakeCalendar("berlin", "Europe/Berlin");
  AddHours(calendar, {1, 2, 3, 4, 5}, {{"09:00", "12:00"}, {"13:00", "17:00"}});
  auto* policy = request.add_policies();
  policy->set_id("email");
  policy->mutable_condition()->add_channels(CHANNEL_EMAIL);
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 4 * 3600, "berlin")
      ->add_warn_before()
      ->set_seconds(3600);
  Timeline(AddConversation(&request, "mail", CHANNEL_EMAIL))
      .Customer("2026-03-27T14:00:00Z");
  return request;
}

TEST(EvaluateSla, BusinessHoursDueTimeAcrossWeekendAndDaylightSaving) {
  const EvaluateSlaResponse response =
      EvaluateSla(BerlinEmail("2026-03-28T12:00:00Z"));
  const ConversationSla& sla = Only(response);
  EXPECT_EQ(sla.policy_id(), "email");
  const SlaMetricResult& first = sla.metrics(0);
  EXPECT_EQ(first.calendar_id(), "berlin");
  // Friday 15:00-17:00 CET, Monday 09:00-11:00 CEST.
  EXPECT_EQ(Text(first.ongoing_cycle().due()), "2026-03-30T09:00:00Z");
  EXPECT_EQ(first.ongoing_cycle().elapsed().seconds(), 2 * 3600);
  EXPECT_FALSE(first.ongoing_cycle().running());
  EXPECT_EQ(first.state(), SLA_STATE_ACTIVE);
  // Saturday: the next change is Monday's opening.
  EXPECT_EQ(Text(sla.next_change()), "2026-03-30T07:00:00Z");
  EXPECT_EQ(sla.next_change_kind(), SLA_CHANGE_KIND_CALENDAR_OPENS);
}

TEST(EvaluateSla, WarningThenBreachTransitions) {
  // Monday 09:30 CEST: 2.5 h elapsed, the warning comes at 10:00 CEST.
  EvaluateSlaResponse response =
      EvaluateSla(BerlinEmail("2026-03-30T07:30:00Z"));
  const ConversationSla* sla = &Only(response);
  EXPECT_EQ(sla->metrics(0).state(), SLA_STATE_ACTIVE);
  EXPECT_TRUE(sla->metrics(0).ongoing_cycle().running());
  EXPECT_EQ(Text(sla->next_change()), "2026-03-30T08:00:00Z");
  EXPECT_EQ(sla->next_change_kind(), SLA_CHANGE_KIND_WARNING);

  response = EvaluateSla(BerlinEmail("2026-03-30T08:00:00Z"));
  sla = &Only(response);
  EXPECT_EQ(sla->metrics(0).state(), SLA_STATE_WARNING);
  EXPECT_EQ(sla->metrics(0).ongoing_cycle().warning_level(), 1u);
  EXPECT_TRUE(sla->warning());
  EXPECT_EQ(Text(sla->next_change()), "2026-03-30T09:00:00Z");
  EXPECT_EQ(sla->next_change_kind(), SLA_CHANGE_KIND_DUE);

  response = EvaluateSla(BerlinEmail("2026-03-30T09:00:00Z"));
  sla = &Only(response);
  EXPECT_EQ(sla->metrics(0).state(), SLA_STATE_BREACHED);
  EXPECT_FALSE(sla->metrics(0).ongoing_cycle().warning());
  // Still running: the next change is the lunch break at 12:00 CEST.
  EXPECT_EQ(Text(sla->next_change()), "2026-03-30T10:00:00Z");
  EXPECT_EQ(sla->next_change_kind(), SLA_CHANGE_KIND_CALENDAR_CLOSES);
}

TEST(EvaluateSla, KolkataOvernightShiftThroughTheWholeCall) {
  EvaluateSlaRequest request;
  SetTime("2026-01-12T00:00:00Z", request.mutable_now());
  auto* calendar = request.add_calendars();
  *calendar = MakeCalendar("night", "Asia/Kolkata");
  AddHours(calendar, {1, 2, 3, 4, 5}, {{"22:00", "06:00"}});
  auto* policy = request.add_policies();
  policy->set_id("all");
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 10 * 3600, "night");
  Timeline(AddConversation(&request, "c", CHANNEL_WHATSAPP))
      .Customer("2026-01-09T17:30:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  const ConversationSla& sla = Only(response);
  EXPECT_EQ(Text(sla.metrics(0).ongoing_cycle().due()), "2026-01-12T19:30:00Z");
  EXPECT_EQ(sla.metrics(0).ongoing_cycle().elapsed().seconds(), 7 * 3600);
}

TEST(EvaluateSla, PendingAndOnHoldPauseTheirMetrics) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T07:00:00Z", request.mutable_now());
  auto* policy = request.add_policies();
  policy->set_id("resolution");
  AddTarget(policy, SLA_METRIC_REQUESTER_WAIT, 8 * 3600);
  AddTarget(policy, SLA_METRIC_AGENT_WORK_TIME, 8 * 3600);
  AddTarget(policy, SLA_METRIC_TOTAL_RESOLUTION, 8 * 3600)
      ->add_warn_before()
      ->set_seconds(2 * 3600);
  Timeline(AddConversation(&request, "c", CHANNEL_EMAIL))
      .Customer("2026-05-04T00:00:00Z")
      .Status(CONVERSATION_STATUS_PENDING, "2026-05-04T01:00:00Z")
      .Customer("2026-05-04T05:00:00Z")  // back to OPEN
      .Status(CONVERSATION_STATUS_ON_HOLD, "2026-05-04T06:00:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  const ConversationSla& sla = Only(response);
  const SlaCycle& wait =
      MetricOf(sla, SLA_METRIC_REQUESTER_WAIT).ongoing_cycle();
  EXPECT_EQ(wait.elapsed().seconds(), 3 * 3600);
  EXPECT_EQ(Text(wait.due()), "2026-05-04T12:00:00Z");
  EXPECT_FALSE(wait.paused());
  const SlaMetricResult& work = MetricOf(sla, SLA_METRIC_AGENT_WORK_TIME);
  EXPECT_EQ(work.state(), SLA_STATE_PAUSED);
  EXPECT_TRUE(work.ongoing_cycle().paused());
  EXPECT_FALSE(work.ongoing_cycle().running());
  EXPECT_EQ(work.ongoing_cycle().elapsed().seconds(), 2 * 3600);
  EXPECT_FALSE(work.ongoing_cycle().has_due());
  const SlaMetricResult& total = MetricOf(sla, SLA_METRIC_TOTAL_RESOLUTION);
  EXPECT_EQ(total.state(), SLA_STATE_WARNING);
  EXPECT_EQ(Text(total.ongoing_cycle().due()), "2026-05-04T08:00:00Z");
  EXPECT_EQ(Text(sla.next_change()), "2026-05-04T08:00:00Z");
  EXPECT_EQ(sla.next_change_metric(), SLA_METRIC_TOTAL_RESOLUTION);
}

TEST(EvaluateSla, SolvedCompletesCyclesAndReopenStartsNewOnes) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T10:00:00Z", request.mutable_now());
  auto* policy = request.add_policies();
  policy->set_id("resolution");
  AddTarget(policy, SLA_METRIC_TOTAL_RESOLUTION, 8 * 3600);
  Timeline(AddConversation(&request, "c", CHANNEL_EMAIL))
      .Customer("2026-05-04T00:00:00Z")
      .Status(CONVERSATION_STATUS_SOLVED, "2026-05-04T07:30:00Z")
      .Customer("2026-05-04T09:00:00Z");  // reopens
  const EvaluateSlaResponse response = EvaluateSla(request);
  const ConversationSla& sla = Only(response);
  const SlaMetricResult& total = sla.metrics(0);
  ASSERT_EQ(total.completed_cycles_size(), 1);
  EXPECT_EQ(Text(total.completed_cycles(0).stop()), "2026-05-04T07:30:00Z");
  EXPECT_EQ(total.completed_cycles(0).elapsed().seconds(), 27000);
  EXPECT_FALSE(total.completed_cycles(0).breached());
  EXPECT_EQ(Text(total.ongoing_cycle().start()), "2026-05-04T09:00:00Z");
  EXPECT_EQ(Text(total.ongoing_cycle().due()), "2026-05-04T17:00:00Z");
}

TEST(EvaluateSla, NextReplyIsReArmedByEachUnansweredCustomerMessage) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T01:30:00Z", request.mutable_now());
  auto* policy = request.add_policies();
  policy->set_id("replies");
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 3600);
  AddTarget(policy, SLA_METRIC_NEXT_REPLY, 1800);
  Timeline(AddConversation(&request, "c", CHANNEL_EMAIL))
      .Customer("2026-05-04T00:00:00Z")
      .Agent("2026-05-04T00:10:00Z")
      .Customer("2026-05-04T00:20:00Z")
      .Customer("2026-05-04T00:25:00Z")  // the 00:20 one is still the oldest
      .Agent("2026-05-04T01:00:00Z")
      .Customer("2026-05-04T01:10:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  const ConversationSla& sla = Only(response);
  EXPECT_EQ(MetricOf(sla, SLA_METRIC_FIRST_REPLY).state(), SLA_STATE_MET);
  const SlaMetricResult& next = MetricOf(sla, SLA_METRIC_NEXT_REPLY);
  ASSERT_EQ(next.completed_cycles_size(), 1);
  EXPECT_EQ(Text(next.completed_cycles(0).start()), "2026-05-04T00:20:00Z");
  EXPECT_EQ(Text(next.completed_cycles(0).due()), "2026-05-04T00:50:00Z");
  EXPECT_TRUE(next.completed_cycles(0).breached());
  EXPECT_EQ(Text(next.ongoing_cycle().start()), "2026-05-04T01:10:00Z");
  EXPECT_EQ(Text(next.ongoing_cycle().due()), "2026-05-04T01:40:00Z");
  EXPECT_EQ(next.state(), SLA_STATE_ACTIVE);
}

TEST(EvaluateSla, BotRepliesCountOnlyWhenThePolicySaysSo) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T10:01:00Z", request.mutable_now());
  Timeline(AddConversation(&request, "a", CHANNEL_LIVE_CHAT))
      .Customer("2026-05-04T10:00:00Z")
      .Bot("2026-05-04T10:00:05Z");
  EvaluateSlaResponse response = EvaluateSla(request);
  EXPECT_EQ(Only(response).metrics(0).state(), SLA_STATE_BREACHED);

  auto* policy = request.add_policies();
  policy->set_id("bots");
  policy->set_bot_replies_count(true);
  AddTarget(policy, SLA_METRIC_FIRST_REPLY, 0);  // channel default
  response = EvaluateSla(request);
  EXPECT_EQ(Only(response).metrics(0).state(), SLA_STATE_MET);
  EXPECT_EQ(Only(response).metrics(0).target().seconds(), 30);
}

TEST(EvaluateSla, PeriodicUpdateRestartsWithEveryAgentReply) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T02:30:00Z", request.mutable_now());
  auto* policy = request.add_policies();
  policy->set_id("updates");
  AddTarget(policy, SLA_METRIC_PERIODIC_UPDATE, 3600);
  AddTarget(policy, SLA_METRIC_PAUSABLE_UPDATE, 3600);
  Timeline(AddConversation(&request, "c", CHANNEL_EMAIL))
      .Customer("2026-05-04T00:00:00Z")
      .Agent("2026-05-04T00:30:00Z")
      .Status(CONVERSATION_STATUS_PENDING, "2026-05-04T00:30:00Z")
      .Agent("2026-05-04T02:00:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  const ConversationSla& sla = Only(response);
  const SlaMetricResult& periodic = MetricOf(sla, SLA_METRIC_PERIODIC_UPDATE);
  ASSERT_EQ(periodic.completed_cycles_size(), 1);
  EXPECT_TRUE(periodic.completed_cycles(0).breached());
  EXPECT_EQ(Text(periodic.ongoing_cycle().start()), "2026-05-04T02:00:00Z");
  EXPECT_EQ(Text(periodic.ongoing_cycle().due()), "2026-05-04T03:00:00Z");
  EXPECT_EQ(periodic.state(), SLA_STATE_ACTIVE);
  const SlaMetricResult& pausable = MetricOf(sla, SLA_METRIC_PAUSABLE_UPDATE);
  EXPECT_FALSE(pausable.completed_cycles(0).breached());
  EXPECT_EQ(pausable.completed_cycles(0).elapsed().seconds(), 0);
  EXPECT_EQ(pausable.state(), SLA_STATE_PAUSED);
}

TEST(EvaluateSla, FirstMatchingPolicyAndPriorityTargetWin) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T10:00:00Z", request.mutable_now());
  auto* vip = request.add_policies();
  vip->set_id("vip");
  vip->mutable_condition()->add_customer_tiers("vip");
  AddTarget(vip, SLA_METRIC_FIRST_REPLY, 600);
  auto* tagged = request.add_policies();
  tagged->set_id("refunds");
  tagged->mutable_condition()->add_tags("refund");
  AddTarget(tagged, SLA_METRIC_FIRST_REPLY, 7200);
  AddTarget(tagged, SLA_METRIC_FIRST_REPLY, 1200)
      ->set_priority(PRIORITY_URGENT);
  auto* a = AddConversation(&request, "a", CHANNEL_EMAIL);
  a->set_customer_tier("vip");
  a->add_tags("refund");
  Timeline(a).Customer("2026-05-04T09:00:00Z");
  auto* b = AddConversation(&request, "b", CHANNEL_EMAIL);
  b->add_tags("refund");
  Timeline(b).Customer("2026-05-04T09:00:00Z");
  auto* c = AddConversation(&request, "c", CHANNEL_EMAIL);
  c->add_tags("refund");
  Timeline(c)
      .Customer("2026-05-04T09:00:00Z")
      .Priority(PRIORITY_URGENT, "2026-05-04T09:30:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.conversations_size(), 3);
  EXPECT_EQ(response.conversations(0).policy_id(), "vip");
  EXPECT_EQ(response.conversations(0).metrics(0).target().seconds(), 600);
  EXPECT_EQ(response.conversations(1).policy_id(), "refunds");
  EXPECT_EQ(response.conversations(1).metrics(0).target().seconds(), 7200);
  EXPECT_EQ(response.conversations(2).priority(), PRIORITY_URGENT);
  EXPECT_EQ(response.conversations(2).metrics(0).target().seconds(), 1200);
  EXPECT_EQ(Text(response.conversations(2).metrics(0).ongoing_cycle().due()),
            "2026-05-04T09:20:00Z");
}

// Conditions on channels, priorities and customer tiers, where "" is the tier
// of a conversation that has none.
TEST(EvaluateSla, PolicyConditionsOnChannelPriorityAndEmptyTier) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T10:00:00Z", request.mutable_now());
  auto* chat_high = request.add_policies();
  chat_high->set_id("chat-high");
  chat_high->mutable_condition()->add_channels(CHANNEL_LIVE_CHAT);
  chat_high->mutable_condition()->add_channels(CHANNEL_WHATSAPP);
  chat_high->mutable_condition()->add_priorities(PRIORITY_HIGH);
  AddTarget(chat_high, SLA_METRIC_FIRST_REPLY, 10);
  auto* untiered = request.add_policies();
  untiered->set_id("untiered-or-gold");
  untiered->mutable_condition()->add_customer_tiers("");
  untiered->mutable_condition()->add_customer_tiers("gold");
  AddTarget(untiered, SLA_METRIC_FIRST_REPLY, 20);
  auto add = [&](const char* id, Channel channel, Priority priority,
                 const char* tier) {
    auto* conversation = AddConversation(&request, id, channel);
    conversation->set_priority(priority);
    conversation->set_customer_tier(tier);
    Timeline(conversation).Customer("2026-05-04T09:59:00Z");
  };
  add("a", CHANNEL_WHATSAPP, PRIORITY_HIGH, "silver");
  add("b", CHANNEL_WHATSAPP, PRIORITY_LOW, "");
  add("c", CHANNEL_EMAIL, PRIORITY_HIGH, "gold");
  add("d", CHANNEL_LIVE_CHAT, PRIORITY_NORMAL, "silver");
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.conversations_size(), 4);
  EXPECT_EQ(response.conversations(0).policy_id(), "chat-high");
  EXPECT_EQ(response.conversations(1).policy_id(), "untiered-or-gold");
  EXPECT_EQ(response.conversations(2).policy_id(), "untiered-or-gold");
  EXPECT_EQ(response.conversations(3).policy_id(), "default");
}

TEST(EvaluateSla, ThirtyDayTargetInBusinessHours) {
  EvaluateSlaRequest request = BerlinEmail("2026-01-05T08:00:00Z");
  request.mutable_policies(0)
      ->mutable_targets(0)
      ->mutable_target()
      ->set_seconds(30 * 86400);
  SetTime("2026-01-05T08:00:00Z",
          request.mutable_conversations(0)->mutable_events(0)->mutable_time());
  const EvaluateSlaResponse response = EvaluateSla(request);
  const ConversationSla& sla = Only(response);
  // 720 h at 7 h a day = 102 working days (Monday 5 January to Tuesday 26
  // May) plus 6 h on Wednesday 27 May: 09:00-12:00 and 13:00-16:00 CEST.
  EXPECT_EQ(Text(sla.metrics(0).ongoing_cycle().due()), "2026-05-27T14:00:00Z");
}

TEST(EvaluateSla, ServiceLevelPerChannel) {
  EvaluateSlaRequest request;
  SetTime("2026-05-04T10:01:00Z", request.mutable_now());
  const char* replies[] = {"2026-05-04T10:00:10Z", "2026-05-04T10:00:20Z",
                           "2026-05-04T10:00:40Z"};
  for (int i = 0; i < 3; ++i) {
    Timeline(AddConversation(&request, "answered" + std::to_string(i),
                             CHANNEL_LIVE_CHAT))
        .Customer("2026-05-04T10:00:00Z")
        .Agent(replies[i]);
  }
  Timeline(AddConversation(&request, "late", CHANNEL_LIVE_CHAT))
      .Customer("2026-05-04T10:00:00Z");
  Timeline(AddConversation(&request, "fresh", CHANNEL_LIVE_CHAT))
      .Customer("2026-05-04T10:00:50Z");
  Timeline(AddConversation(&request, "mail", CHANNEL_EMAIL))
      .Customer("2026-05-04T09:00:00Z");
  const EvaluateSlaResponse response = EvaluateSla(request);
  ASSERT_EQ(response.status().code(), STATUS_CODE_OK);
  const ServiceLevelReport& report = response.service_level();
  ASSERT_EQ(report.channels_size(), 2);
  const ChannelServiceLevel& email = report.channels(0);
  EXPECT_EQ(email.channel(), CHANNEL_EMAIL);
  EXPECT_EQ(email.service_level(), 1.0);
  const ChannelServiceLevel& chat = report.channels(1);
  EXPECT_EQ(chat.channel(), CHANNEL_LIVE_CHAT);
  EXPECT_EQ(chat.threshold().seconds(), 30);
  EXPECT_EQ(chat.conversations(), 5u);
  EXPECT_EQ(chat.answered(), 3u);
  EXPECT_EQ(chat.answered_within_threshold(), 2u);
  EXPECT_EQ(chat.waiting_beyond_threshold(), 1u);
  EXPECT_DOUBLE_EQ(chat.service_level(), 0.5);
  EXPECT_FALSE(chat.met());
  EXPECT_EQ(chat.average_first_reply().seconds(), 23);
  EXPECT_EQ(chat.average_first_reply().nanos(), 333333333);
  ASSERT_EQ(chat.first_reply_percentiles_size(), 3);
  EXPECT_EQ(chat.first_reply_percentiles(0).first_reply().seconds(), 20);
  EXPECT_EQ(chat.first_reply_percentiles(1).first_reply().seconds(), 40);
  EXPECT_EQ(chat.breached_conversations(), 2u);  // answered2 and late
  EXPECT_EQ(report.overall().conversations(), 6u);
  EXPECT_EQ(response.stats().metric_evaluations(), 6u);
  EXPECT_EQ(response.stats().breached_conversations(), 1u);
}

}  // namespace
}  // namespace cxkit
