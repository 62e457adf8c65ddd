#include "bench/generator/sla_traffic.h"

#include <string>

#include "absl/strings/str_format.h"
#include "bench/generator/seeded_random.h"

namespace cxkit::bench {
namespace {

using namespace cxkit::v1;  // NOLINT: the generator reads like the contract

void AddDays(BusinessCalendar* calendar, int first_day, int last_day,
             std::initializer_list<std::pair<const char*, const char*>> hours) {
  for (int day = first_day; day <= last_day; ++day) {
    auto* weekly = calendar->add_weekly_hours();
    weekly->set_day(static_cast<Weekday>(day));
    for (const auto& [start, end] : hours) {
      auto* interval = weekly->add_intervals();
      interval->set_start(start);
      interval->set_end(end);
    }
  }
}

void AddCalendars(EvaluateSlaRequest* request) {
  auto* berlin = request->add_calendars();
  berlin->set_id("berlin-office");
  berlin->set_time_zone("Europe/Berlin");
  AddDays(berlin, 1, 5, {{"09:00", "12:30"}, {"13:30", "18:00"}});
  for (const char* date : {"2024-05-01", "2024-05-09", "2024-05-20",
                           "2024-10-03", "2024-12-25", "2024-12-26"}) {
    berlin->add_holidays()->set_first_date(date);
  }
  auto* eve = berlin->add_special_days();
  eve->set_date("2024-12-24");
  auto* morning = eve->add_intervals();
  morning->set_start("09:00");
  morning->set_end("12:00");
  auto* ny = request->add_calendars();
  ny->set_id("new-york-support");
  ny->set_time_zone("America/New_York");
  AddDays(ny, 1, 5, {{"08:00", "20:00"}});
  AddDays(ny, 6, 6, {{"10:00", "16:00"}});
  ny->add_holidays()->set_first_date("2024-07-04");
  auto* kolkata = request->add_calendars();
  kolkata->set_id("kolkata-night");
  kolkata->set_time_zone("Asia/Kolkata");
  AddDays(kolkata, 1, 5, {{"21:00", "06:00"}});
  auto* always = request->add_calendars();
  always->set_id("always");
  always->set_time_zone("America/Sao_Paulo");
  always->set_always_open(true);
}

SlaTarget* Target(SlaPolicy* policy, SlaMetric metric, int64_t seconds,
                  const char* calendar, int64_t warn_seconds) {
  auto* target = policy->add_targets();
  target->set_metric(metric);
  target->mutable_target()->set_seconds(seconds);
  target->set_calendar_id(calendar);
  if (warn_seconds > 0) target->add_warn_before()->set_seconds(warn_seconds);
  return target;
}

void AddPolicies(const SlaTrafficOptions& o, EvaluateSlaRequest* request) {
  auto goal = [&](int64_t seconds) {
    return o.target_seconds > 0 ? o.target_seconds : seconds;
  };
  const char* realtime = o.all_business_hours ? "always" : "";
  auto* vip = request->add_policies();
  vip->set_id("vip");
  vip->mutable_condition()->add_customer_tiers("vip");
  Target(vip, SLA_METRIC_FIRST_REPLY, goal(600), "new-york-support", 120);
  Target(vip, SLA_METRIC_NEXT_REPLY, goal(1800), "new-york-support", 300);
  Target(vip, SLA_METRIC_REQUESTER_WAIT, goal(8 * 3600), "new-york-support",
         3600);
  auto* chat = request->add_policies();
  chat->set_id("chat");
  chat->mutable_condition()->add_channels(CHANNEL_LIVE_CHAT);
  chat->mutable_condition()->add_channels(CHANNEL_IN_APP);
  chat->set_bot_replies_count(false);
  Target(chat, SLA_METRIC_FIRST_REPLY, goal(30), realtime, 10);
  Target(chat, SLA_METRIC_NEXT_REPLY, goal(60), realtime, 15);
  auto* phone = request->add_policies();
  phone->set_id("phone");
  phone->mutable_condition()->add_channels(CHANNEL_PHONE);
  Target(phone, SLA_METRIC_FIRST_REPLY, goal(180), realtime, 60);
  auto* social = request->add_policies();
  social->set_id("social");
  for (Channel c : {CHANNEL_MESSENGER, CHANNEL_INSTAGRAM, CHANNEL_WHATSAPP,
                    CHANNEL_TELEGRAM, CHANNEL_SOCIAL_COMMENT, CHANNEL_SMS}) {
    social->mutable_condition()->add_channels(c);
  }
  Target(social, SLA_METRIC_FIRST_REPLY, goal(3600), "kolkata-night", 900);
  Target(social, SLA_METRIC_NEXT_REPLY, goal(2 * 3600), "kolkata-night", 0);
  Target(social, SLA_METRIC_PERIODIC_UPDATE, goal(4 * 3600), "kolkata-night",
         0);
  auto* email = request->add_policies();
  email->set_id("email");
  Target(email, SLA_METRIC_FIRST_REPLY, goal(24 * 3600), "berlin-office",
         4 * 3600);
  Target(email, SLA_METRIC_NEXT_REPLY, goal(24 * 3600), "berlin-office", 0);
  Target(email, SLA_METRIC_REQUESTER_WAIT, goal(3 * 86400), "berlin-office", 0);
  Target(email, SLA_METRIC_AGENT_WORK_TIME, goal(2 * 86400), "berlin-office",
         0);
  Target(email, SLA_METRIC_TOTAL_RESOLUTION, goal(5 * 86400), "berlin-office",
         86400);
}

// Typical first response delays per channel, seconds (long-tailed).
int64_t ReplyDelay(SeededRandom& rng, Channel channel) {
  int64_t base;
  switch (channel) {
    case CHANNEL_LIVE_CHAT:
    case CHANNEL_IN_APP:
      base = 20;
      break;
    case CHANNEL_PHONE:
      base = 90;
      break;
    case CHANNEL_EMAIL:
    case CHANNEL_WEB_FORM:
      base = 6 * 3600;
      break;
    default:
      base = 1800;
  }
  // 1/4 .. 4x the base, with a tail.
  int64_t delay = base / 4 + static_cast<int64_t>(rng.Below(base * 3 / 2 + 1));
  if (rng.Percent(10)) delay *= 3;
  return delay + 1;
}

}  // namespace

void GenerateEvaluateSlaRequest(const SlaTrafficOptions& options,
                                EvaluateSlaRequest* request) {
  request->Clear();
  request->mutable_now()->set_seconds(options.now_unix_seconds);
  AddCalendars(request);
  AddPolicies(options, request);
  SeededRandom rng(MixSeed(options.seed, 0x51a));
  static const int kWeights[] = {30, 25, 12, 10, 6, 5, 4, 3, 3, 2};
  static const Channel kChannels[] = {
      CHANNEL_EMAIL,         CHANNEL_LIVE_CHAT, CHANNEL_PHONE,
      CHANNEL_WHATSAPP,      CHANNEL_MESSENGER, CHANNEL_INSTAGRAM,
      CHANNEL_WEB_FORM,      CHANNEL_TELEGRAM,  CHANNEL_IN_APP,
      CHANNEL_SOCIAL_COMMENT};
  request->mutable_conversations()->Reserve(
      static_cast<int>(options.conversations));
  for (size_t i = 0; i < options.conversations; ++i) {
    auto* conversation = request->add_conversations();
    conversation->set_id(absl::StrFormat("s%07d", i));
    const Channel channel = kChannels[rng.PickWeighted(kWeights)];
    conversation->set_channel(channel);
    conversation->set_priority(
        static_cast<Priority>(rng.Percent(80) ? 2 : rng.Between(1, 4)));
    if (rng.Percent(5)) conversation->set_customer_tier("vip");
    if (rng.Percent(20)) conversation->add_tags("order-status");
    int64_t t = options.now_unix_seconds -
                static_cast<int64_t>(
                    rng.Below(static_cast<uint64_t>(options.span_seconds)));
    auto add = [&](SlaEventKind kind, int64_t time) -> SlaEvent* {
      auto* event = conversation->add_events();
      event->set_kind(kind);
      event->mutable_time()->set_seconds(time);
      event->set_channel(channel);
      return event;
    };
    add(SLA_EVENT_KIND_CUSTOMER_MESSAGE, t);
    if (channel == CHANNEL_LIVE_CHAT && rng.Percent(60)) {
      add(SLA_EVENT_KIND_BOT_REPLY, t + 2);
    }
    // A few exchanges; some conversations are still waiting at now.
    const int exchanges = rng.Between(0, 3);
    for (int e = 0; e <= exchanges; ++e) {
      if (rng.Percent(12)) break;  // unanswered so far
      t += ReplyDelay(rng, channel);
      add(SLA_EVENT_KIND_AGENT_REPLY, t);
      if (rng.Percent(15)) add(SLA_EVENT_KIND_INTERNAL_NOTE, t + 30);
      if (rng.Percent(40)) {
        add(SLA_EVENT_KIND_STATUS_CHANGE, t + 1)
            ->set_status(CONVERSATION_STATUS_PENDING);
      } else if (rng.Percent(10)) {
        add(SLA_EVENT_KIND_STATUS_CHANGE, t + 1)
            ->set_status(CONVERSATION_STATUS_ON_HOLD);
      }
      if (e == exchanges && rng.Percent(60)) {
        add(SLA_EVENT_KIND_STATUS_CHANGE, t + 60)
            ->set_status(CONVERSATION_STATUS_SOLVED);
        break;
      }
      t += ReplyDelay(rng, channel) * 2;
      add(SLA_EVENT_KIND_CUSTOMER_MESSAGE, t);
    }
    if (rng.Percent(3)) {
      add(SLA_EVENT_KIND_PRIORITY_CHANGE, t + 5)->set_priority(PRIORITY_HIGH);
    }
  }
}

}  // namespace cxkit::bench
