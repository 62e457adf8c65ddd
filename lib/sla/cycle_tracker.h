// One SLA metric's clock over a conversation: Jira-style cycles that start,
// pause, resume and stop, measured in business time of a calendar (or real
// time), with due and warning instants.

#ifndef CXKIT_LIB_SLA_CYCLE_TRACKER_H_
#define CXKIT_LIB_SLA_CYCLE_TRACKER_H_

#include <climits>
#include <cstdint>
#include <vector>

#include "absl/types/optional.h"
#include "cxkit/v1/sla.pb.h"
#include "lib/sla/business_calendar.h"
#include "lib/sla/sla_time.h"

namespace cxkit::sla {

// Business time of one calendar, or real time when `calendar` is null.
struct SlaClock {
  BusinessCalendar* calendar = nullptr;
  // Real time: instants after this are beyond the horizon (a calendar keeps
  // its own).
  int64_t horizon_end = INT64_MAX;

  int64_t Between(int64_t a, int64_t b) const {
    return calendar ? calendar->SecondsBetween(a, b) : (b > a ? b - a : 0);
  }
  absl::optional<int64_t> Add(int64_t a, int64_t n) const {
    if (calendar) return calendar->AddSeconds(a, n);
    if (n > horizon_end - a) return absl::nullopt;
    return a + n;
  }
  bool IsOpen(int64_t t) const { return calendar ? calendar->IsOpen(t) : true; }
};

// The earliest future instant at which a conversation changes.
struct NextChange {
  int64_t time = kNoTime;
  cxkit::v1::SlaChangeKind kind = cxkit::v1::SLA_CHANGE_KIND_UNSPECIFIED;
  cxkit::v1::SlaMetric metric = cxkit::v1::SLA_METRIC_UNSPECIFIED;

  // Keeps the earliest; ties by kind, then metric, so the result does not
  // depend on the order of offers.
  void Offer(int64_t t, cxkit::v1::SlaChangeKind k, cxkit::v1::SlaMetric m);
};

class CycleTracker {
 public:
  // `warn_before` (largest first) must outlive the tracker; completed and
  // ongoing cycles are written into `out`.
  // With `keep_completed` false, completed cycles are counted (state,
  // breaches) but not written.
  CycleTracker(SlaClock clock, int64_t goal,
               const std::vector<int64_t>* warn_before,
               cxkit::v1::SlaMetricResult* out, bool keep_completed = true);

  // Completed cycles that were breached.
  uint32_t breached_completed() const { return breached_completed_; }

  // Starts a cycle at `t` (no-op when one is active).
  void Start(int64_t t, bool paused);
  // Pauses or resumes the active cycle at `t`.
  void SetPaused(int64_t t, bool paused);
  // Completes the active cycle at `t` (no-op when none).
  void Stop(int64_t t);
  // Writes the ongoing cycle at `now` (if any), the metric's state, and
  // offers its future changes to `next`.
  void Finish(int64_t now, NextChange* next);

 private:
  // Adds the running piece [run_start_, t) to the elapsed time.
  void CloseRun(int64_t t);

  SlaClock clock_;
  int64_t goal_;
  const std::vector<int64_t>* warn_before_;
  cxkit::v1::SlaMetricResult* out_;
  bool active_ = false;
  bool paused_ = false;
  int64_t start_ = 0;
  int64_t run_start_ = 0;
  int64_t elapsed_ = 0;
  absl::optional<int64_t> due_;
  bool keep_completed_;
  uint32_t completed_ = 0;
  uint32_t breached_completed_ = 0;
};

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_CYCLE_TRACKER_H_
