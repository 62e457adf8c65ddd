// Runs the SLA metrics of one conversation over its timeline: which events
// start, pause, resume and stop which metric's cycles.

#ifndef CXKIT_LIB_SLA_CONVERSATION_CLOCKS_H_
#define CXKIT_LIB_SLA_CONVERSATION_CLOCKS_H_

#include <cstdint>
#include <vector>

#include "absl/types/optional.h"
#include "cxkit/v1/sla.pb.h"
#include "lib/sla/business_calendar.h"
#include "lib/sla/sla_policy.h"
#include "lib/sla/timeline.h"

namespace cxkit::sla {

// Facts the service-level report needs besides the metric results.
struct FirstReplyFacts {
  // Breached cycles, completed and ongoing.
  uint32_t breached_cycles = 0;
  // First customer message, kNoTime when none.
  int64_t first_message = kNoTime;
  // First reply after it, kNoTime when none.
  int64_t first_reply = kNoTime;
};

// Evaluates the targets of `policy` for `timeline` at `now` into `out`
// (conversation_id already set), and returns its first reply facts.
class ConversationClocks {
 public:
  // Returns the business clock of calendar index `index` of the request
  // (built on first use), or null when it is open every second.
  using CalendarLookup = BusinessCalendar* (*)(void* context, int index);

  ConversationClocks(CalendarLookup lookup, void* context)
      : lookup_(lookup), context_(context) {}

  FirstReplyFacts Evaluate(const Timeline& timeline,
                           const ResolvedPolicy& policy, int64_t now,
                           int64_t horizon_end, bool keep_completed,
                           cxkit::v1::ConversationSla* out);

 private:
  CalendarLookup lookup_;
  void* context_;
};

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_CONVERSATION_CLOCKS_H_
