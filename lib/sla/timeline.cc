#include "lib/sla/timeline.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/sla/sla_time.h"

namespace cxkit::sla {
namespace {

using cxkit::v1::SlaConversation;

// The proto3 Timestamp range, 0001-01-01..9999-12-31.
constexpr int64_t kMinSeconds = -62135596800;
constexpr int64_t kMaxSeconds = 253402300799;

bool Fail(const SlaConversation& conversation, int index,
          absl::string_view reason, const std::string& field,
          absl::string_view message, cxkit::v1::ItemIssue* issue) {
  issue->set_item_id(conversation.id());
  issue->set_item_index(static_cast<uint32_t>(index));
  issue->set_severity(cxkit::v1::SEVERITY_ERROR);
  issue->set_reason(std::string(reason));
  issue->set_field(field);
  issue->set_message(std::string(message));
  return false;
}

}  // namespace

bool BuildTimeline(const SlaConversation& conversation, int index,
                   const CompiledRequest& compiled, Timeline* out,
                   cxkit::v1::ItemIssue* issue) {
  // Field paths are only built for an issue.
  const auto field_path = [index] {
    return IndexedField("conversations", index);
  };
  out->events.clear();
  if (static_cast<uint32_t>(conversation.events_size()) >
      compiled.limits.max_events_per_conversation) {
    return Fail(conversation, index, "TOO_MANY_EVENTS",
                field_path() + ".events",
                absl::StrCat(conversation.events_size(),
                             " events exceed limits.max_events_per_"
                             "conversation (",
                             compiled.limits.max_events_per_conversation, ")"),
                issue);
  }
  if (static_cast<uint32_t>(conversation.tags_size()) >
      compiled.limits.max_tags) {
    return Fail(
        conversation, index, "TOO_MANY_TAGS", field_path() + ".tags",
        absl::StrCat(conversation.tags_size(), " tags exceed limits.max_tags (",
                     compiled.limits.max_tags, ")"),
        issue);
  }
  if (!cxkit::v1::Channel_IsValid(conversation.channel()) ||
      !cxkit::v1::Priority_IsValid(conversation.priority())) {
    return Fail(conversation, index, "INVALID_ENUM", field_path(),
                "unknown channel or priority", issue);
  }
  const int64_t oldest =
      std::max(kMinSeconds, compiled.now - compiled.limits.max_horizon_seconds);
  auto in_horizon = [&](int64_t t) { return t >= oldest; };
  int64_t start = kNoTime;
  bool has_start = false;
  if (conversation.has_created_at()) {
    if (!IsValidTimestamp(conversation.created_at()) ||
        !in_horizon(ToSeconds(conversation.created_at()))) {
      return Fail(
          conversation, index, "INVALID_TIME", field_path() + ".created_at",
          "invalid, or older than limits.max_horizon before now", issue);
    }
    start = ToSeconds(conversation.created_at());
    has_start = true;
  }
  for (int i = 0; i < conversation.events_size(); ++i) {
    const cxkit::v1::SlaEvent& event = conversation.events(i);
    const auto path = [&] { return IndexedField(field_path() + ".events", i); };
    // IsValidTimestamp inlined for the hot loop (the horizon bounds it below).
    const auto& time_proto = event.time();
    if (!event.has_time() || time_proto.nanos() < 0 ||
        time_proto.nanos() >= 1000000000 ||
        time_proto.seconds() > kMaxSeconds ||
        !in_horizon(time_proto.seconds())) {
      return Fail(conversation, index, "INVALID_TIME", path() + ".time",
                  "missing, invalid, or older than limits.max_horizon before "
                  "now",
                  issue);
    }
    if (event.kind() == cxkit::v1::SLA_EVENT_KIND_UNSPECIFIED ||
        !cxkit::v1::SlaEventKind_IsValid(event.kind())) {
      return Fail(conversation, index, "INVALID_EVENT", path() + ".kind",
                  "required event kind", issue);
    }
    if (!cxkit::v1::Channel_IsValid(event.channel()) ||
        !cxkit::v1::Priority_IsValid(event.priority()) ||
        !cxkit::v1::ConversationStatus_IsValid(event.status())) {
      return Fail(conversation, index, "INVALID_EVENT", path(),
                  "unknown channel, priority or status", issue);
    }
    if (event.kind() == cxkit::v1::SLA_EVENT_KIND_STATUS_CHANGE &&
        event.status() == cxkit::v1::CONVERSATION_STATUS_UNSPECIFIED) {
      return Fail(conversation, index, "INVALID_EVENT", path() + ".status",
                  "required for STATUS_CHANGE", issue);
    }
    if (event.kind() == cxkit::v1::SLA_EVENT_KIND_PRIORITY_CHANGE &&
        event.priority() == cxkit::v1::PRIORITY_UNSPECIFIED) {
      return Fail(conversation, index, "INVALID_EVENT", path() + ".priority",
                  "required for PRIORITY_CHANGE", issue);
    }
    const int64_t time = ToSeconds(event.time());
    if (!has_start || time < start) {
      start = time;
      has_start = true;
    }
    if (time > compiled.now) continue;
    out->events.push_back({time, event.kind(), event.status(), event.priority(),
                           event.channel()});
  }
  std::sort(out->events.begin(), out->events.end(),
            [](const TimelineEvent& a, const TimelineEvent& b) {
              return std::tie(a.time, a.kind, a.status, a.priority, a.channel) <
                     std::tie(b.time, b.kind, b.status, b.priority, b.channel);
            });
  out->start = has_start ? start : kNoTime;
  out->channel = conversation.channel();
  out->priority = conversation.priority() == cxkit::v1::PRIORITY_UNSPECIFIED
                      ? cxkit::v1::PRIORITY_NORMAL
                      : conversation.priority();
  for (const TimelineEvent& event : out->events) {
    if (event.kind == cxkit::v1::SLA_EVENT_KIND_CHANNEL_CHANGE) {
      out->channel = event.channel;
    } else if (event.kind == cxkit::v1::SLA_EVENT_KIND_PRIORITY_CHANGE) {
      out->priority = event.priority;
    }
  }
  return true;
}

}  // namespace cxkit::sla
