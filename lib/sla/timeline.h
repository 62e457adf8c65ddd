// A conversation's timeline checked and sorted for the SLA clocks.

#ifndef CXKIT_LIB_SLA_TIMELINE_H_
#define CXKIT_LIB_SLA_TIMELINE_H_

#include <cstdint>
#include <vector>

#include "cxkit/v1/sla.pb.h"
#include "lib/sla/compiled_request.h"
#include "lib/sla/sla_time.h"

namespace cxkit::sla {

struct TimelineEvent {
  int64_t time;
  cxkit::v1::SlaEventKind kind;
  cxkit::v1::ConversationStatus status;
  cxkit::v1::Priority priority;
  cxkit::v1::Channel channel;
};

struct Timeline {
  // The events at or before now, sorted by (time, kind, status, priority,
  // channel).
  std::vector<TimelineEvent> events;
  // created_at, or the first event if earlier or unset; kNoTime when
  // neither.
  int64_t start = kNoTime;
  // Channel and priority in force at now.
  cxkit::v1::Channel channel = cxkit::v1::CHANNEL_UNSPECIFIED;
  cxkit::v1::Priority priority = cxkit::v1::PRIORITY_NORMAL;
};

// Checks conversations[index] and builds its timeline into `*out` (reused
// between calls). Returns false and fills `issue` when the conversation
// cannot be evaluated.
bool BuildTimeline(const cxkit::v1::SlaConversation& conversation, int index,
                   const CompiledRequest& compiled, Timeline* out,
                   cxkit::v1::ItemIssue* issue);

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_TIMELINE_H_
