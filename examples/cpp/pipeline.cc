#include "pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <utility>

#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "google/protobuf/util/time_util.h"
#include "host_rules.h"

namespace cxkit_demo {
namespace {

using google::protobuf::Timestamp;
using google::protobuf::util::TimeUtil;
namespace v1 = cxkit::v1;

// Calls `function(request)`, appending its wall-clock time to `timings`.
template <typename Response, typename Request>
Response Timed(const char* name, size_t items,
               Response (*function)(const Request&), const Request& request,
               std::vector<StageTiming>* timings) {
  const auto start = std::chrono::steady_clock::now();
  Response response = function(request);
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  timings->push_back({name, items, elapsed.count()});
  return response;
}

// True when `status` is OK; else sets `error` and returns false.
bool Succeeded(const char* function, const v1::Status& status,
               std::string* error) {
  if (status.code() == v1::STATUS_CODE_OK) return true;
  *error = std::string(function) + ": " + v1::StatusCode_Name(status.code()) +
           " " + status.message();
  if (!status.field().empty()) *error += " (field " + status.field() + ")";
  return false;
}

std::string Attribute(const v1::CustomerProfile& profile,
                      const std::string& name) {
  for (const v1::ProfileAttribute& attribute : profile.attributes()) {
    if (attribute.name() == name) return attribute.value();
  }
  return "";
}

bool IsCustomerMessage(const v1::ConversationMessage& message) {
  return message.author_kind() == v1::AUTHOR_KIND_CUSTOMER ||
         (message.author_kind() == v1::AUTHOR_KIND_UNSPECIFIED &&
          message.direction() == v1::MESSAGE_DIRECTION_INBOUND);
}

// Language, topic, mood and urgency of `conversation` from its customer
// messages and its customer's profile (nullptr when unknown).
ConversationFacts FactsOf(const v1::Conversation& conversation,
                          const v1::MergeConversationsRequest& request,
                          const v1::CustomerProfile* profile) {
  ConversationFacts facts;
  std::string first_text;
  std::string latest_text;
  for (uint32_t index : conversation.message_indexes()) {
    const v1::ConversationMessage& message = request.messages(index);
    if (!IsCustomerMessage(message)) continue;
    if (first_text.empty()) first_text = message.text();
    latest_text = message.text();
    facts.sentiment = std::min(facts.sentiment, Sentiment(message.text()));
    facts.channel = message.channel();
  }
  if (facts.channel == v1::CHANNEL_UNSPECIFIED &&
      !conversation.channels().empty()) {
    facts.channel = conversation.channels(0);
  }
  if (profile != nullptr) {
    facts.customer_name = Attribute(*profile, "name");
    facts.vip = Attribute(*profile, "tier") == "vip";
  }
  facts.language = ConversationLanguage(
      profile != nullptr ? Attribute(*profile, "locale") : "", first_text);
  facts.skill = TopicSkill(first_text + " " + latest_text);
  facts.priority = ConversationPriority(facts.vip, facts.sentiment);
  return facts;
}

// The SLA timeline of a merged conversation: customer messages, replies,
// channel switches and the host's "solved" marks.
v1::SlaConversation SlaTimeline(const v1::Conversation& conversation,
                                const v1::MergeConversationsRequest& request,
                                const ConversationFacts& facts) {
  v1::SlaConversation timeline;
  timeline.set_id(conversation.conversation_id());
  timeline.set_priority(facts.priority);
  timeline.set_customer_tier(facts.vip ? "vip" : "regular");
  timeline.add_tags("lang:" + facts.language);
  timeline.add_tags("topic:" + facts.skill);
  *timeline.mutable_created_at() = conversation.opened_at();
  v1::Channel channel = v1::CHANNEL_UNSPECIFIED;
  for (uint32_t index : conversation.message_indexes()) {
    const v1::ConversationMessage& message = request.messages(index);
    auto add = [&](v1::SlaEventKind kind) {
      v1::SlaEvent* event = timeline.add_events();
      event->set_kind(kind);
      *event->mutable_time() = message.sent_at();
      event->set_channel(message.channel());
      event->set_id(message.id());
      return event;
    };
    if (IsCustomerMessage(message)) {
      if (channel == v1::CHANNEL_UNSPECIFIED) {
        channel = message.channel();
        timeline.set_channel(channel);
      } else if (message.channel() != channel) {
        channel = message.channel();
        add(v1::SLA_EVENT_KIND_CHANNEL_CHANGE);
      }
      add(v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE);
    } else if (message.direction() == v1::MESSAGE_DIRECTION_INTERNAL) {
      add(v1::SLA_EVENT_KIND_INTERNAL_NOTE);
    } else if (message.author_kind() == v1::AUTHOR_KIND_BOT) {
      add(v1::SLA_EVENT_KIND_BOT_REPLY);
    } else if (message.author_kind() == v1::AUTHOR_KIND_AGENT) {
      add(v1::SLA_EVENT_KIND_AGENT_REPLY);
    }
    if (message.resolves_conversation()) {
      add(v1::SLA_EVENT_KIND_STATUS_CHANGE)
          ->set_status(v1::CONVERSATION_STATUS_SOLVED);
    }
  }
  if (timeline.channel() == v1::CHANNEL_UNSPECIFIED &&
      !conversation.channels().empty()) {
    timeline.set_channel(conversation.channels(0));
  }
  return timeline;
}

// The reply clock the customer waits on (FIRST_REPLY or NEXT_REPLY), or
// nullptr when nobody owes them an answer.
const v1::SlaCycle* WaitingReplyCycle(const v1::ConversationSla& sla) {
  for (const v1::SlaMetricResult& metric : sla.metrics()) {
    if ((metric.metric() == v1::SLA_METRIC_FIRST_REPLY ||
         metric.metric() == v1::SLA_METRIC_NEXT_REPLY) &&
        metric.has_ongoing_cycle()) {
      return &metric.ongoing_cycle();
    }
  }
  return nullptr;
}

// A work item for a conversation whose customer waits for a reply.
v1::WorkItem WorkItemFor(const v1::ConversationSla& sla,
                         const v1::SlaCycle& waiting,
                         const ConversationFacts& facts) {
  v1::WorkItem item;
  item.set_id(sla.conversation_id());
  item.set_conversation_id(sla.conversation_id());
  item.set_channel(facts.channel);
  item.set_language(facts.language);
  v1::SkillLevel* skill = item.add_required_skills();
  skill->set_skill(facts.skill);
  skill->set_level(facts.priority >= v1::PRIORITY_HIGH ? 3 : 2);
  item.set_priority(facts.priority);
  item.set_customer_tier(facts.vip ? 1 : 0);
  item.set_sentiment(facts.sentiment);
  *item.mutable_enqueued_at() = waiting.start();
  if (waiting.has_due()) *item.mutable_sla_due_at() = waiting.due();
  return item;
}

// Conversations opened in the 24 hours before `now`, per interval of
// `request.interval_length()` (default 30 min), from the first such opening's
// interval to the one holding `now`.
void AddStaffingIntervals(const v1::MergeConversationsResponse& merge,
                          const Timestamp& now,
                          v1::PlanStaffingRequest* request) {
  const int64_t length =
      request->has_interval_length()
          ? std::max<int64_t>(
                60, TimeUtil::DurationToSeconds(request->interval_length()))
          : 1800;
  // Interval starts are multiples of `length` (also before 1970).
  const auto interval_of = [length](int64_t t) {
    return t - ((t % length) + length) % length;
  };
  const int64_t last = TimeUtil::TimestampToSeconds(now);
  // Only the day before `now` is planned: at most 24 h / length intervals,
  // however old the oldest conversation is.
  const int64_t first = interval_of(last - 24 * 3600);
  std::map<int64_t, double> opened;  // interval start (s) -> conversations
  for (const v1::Conversation& conversation : merge.conversations()) {
    const int64_t at = TimeUtil::TimestampToSeconds(conversation.opened_at());
    if (at >= first && at <= last) opened[interval_of(at)] += 1;
  }
  if (opened.empty()) return;
  for (int64_t start = opened.begin()->first; start <= last; start += length) {
    v1::StaffingInterval* interval = request->add_intervals();
    *interval->mutable_start() = TimeUtil::SecondsToTimestamp(start);
    const auto it = opened.find(start);
    interval->set_contacts(it == opened.end() ? 0 : it->second);
  }
}

}  // namespace

bool RunPipeline(ShopDay day, PipelineResult* result, std::string* error) {
  // 1. Who is who.
  result->identity_request = std::move(day.identity);
  result->identity = Timed(
      "ResolveIdentities", result->identity_request.records_size(),
      &cxkit::ResolveIdentities, result->identity_request, &result->timings);
  if (!Succeeded("ResolveIdentities", result->identity.status(), error)) {
    return false;
  }

  // 2. Which messages are one conversation: the profiles tell whose each
  // message is (every inbound message was also a contact record).
  result->merge_request = std::move(day.merge);
  *result->merge_request.mutable_customer_profiles() =
      result->identity.profiles();
  result->merge = Timed(
      "MergeConversations", result->merge_request.messages_size(),
      &cxkit::MergeConversations, result->merge_request, &result->timings);
  if (!Succeeded("MergeConversations", result->merge.status(), error)) {
    return false;
  }

  // 3. What is due: each conversation's messages as an SLA timeline.
  std::map<std::string, const v1::CustomerProfile*> profiles;
  for (const v1::CustomerProfile& profile : result->identity.profiles()) {
    profiles[profile.profile_id()] = &profile;
  }
  result->sla_request = std::move(day.sla);
  for (const v1::Conversation& conversation : result->merge.conversations()) {
    const auto profile = profiles.find(conversation.customer_id());
    const ConversationFacts& facts =
        result->facts[conversation.conversation_id()] =
            FactsOf(conversation, result->merge_request,
                    profile == profiles.end() ? nullptr : profile->second);
    *result->sla_request.add_conversations() =
        SlaTimeline(conversation, result->merge_request, facts);
  }
  result->sla =
      Timed("EvaluateSla", result->sla_request.conversations_size(),
            &cxkit::EvaluateSla, result->sla_request, &result->timings);
  if (!Succeeded("EvaluateSla", result->sla.status(), error)) return false;

  // 4. Who answers whom: every customer waiting for a reply is a work item.
  result->routing_request = std::move(day.routing);
  if (!result->routing_request.has_now()) {
    *result->routing_request.mutable_now() = result->sla_request.now();
  }
  for (const v1::ConversationSla& sla : result->sla.conversations()) {
    const v1::SlaCycle* waiting = WaitingReplyCycle(sla);
    if (waiting == nullptr) continue;
    *result->routing_request.add_items() =
        WorkItemFor(sla, *waiting, result->facts[sla.conversation_id()]);
  }
  result->routing = Timed(
      "RouteConversations", result->routing_request.items_size(),
      &cxkit::RouteConversations, result->routing_request, &result->timings);
  if (!Succeeded("RouteConversations", result->routing.status(), error)) {
    return false;
  }

  // 5. How many agents the day's load needs.
  result->staffing_request = std::move(day.staffing);
  AddStaffingIntervals(result->merge, result->sla_request.now(),
                       &result->staffing_request);
  result->staffing =
      Timed("PlanStaffing", result->staffing_request.intervals_size(),
            &cxkit::PlanStaffing, result->staffing_request, &result->timings);
  return Succeeded("PlanStaffing", result->staffing.status(), error);
}

}  // namespace cxkit_demo
