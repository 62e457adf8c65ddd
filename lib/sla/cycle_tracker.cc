#include "lib/sla/cycle_tracker.h"

#include <tuple>

#include "lib/sla/sla_time.h"

namespace cxkit::sla {

using cxkit::v1::SlaChangeKind;
using cxkit::v1::SlaCycle;
using cxkit::v1::SlaMetric;

void NextChange::Offer(int64_t t, SlaChangeKind k, SlaMetric m) {
  if (time == kNoTime || std::tie(t, k, m) < std::tie(time, kind, metric)) {
    time = t;
    kind = k;
    metric = m;
  }
}

CycleTracker::CycleTracker(SlaClock clock, int64_t goal,
                           const std::vector<int64_t>* warn_before,
                           cxkit::v1::SlaMetricResult* out, bool keep_completed)
    : clock_(clock),
      goal_(goal),
      warn_before_(warn_before),
      out_(out),
      keep_completed_(keep_completed) {}

void CycleTracker::Start(int64_t t, bool paused) {
  if (active_) return;
  active_ = true;
  paused_ = paused;
  start_ = t;
  run_start_ = t;
  elapsed_ = 0;
  due_.reset();
}

void CycleTracker::CloseRun(int64_t t) {
  const int64_t piece = clock_.Between(run_start_, t);
  if (!due_ && elapsed_ < goal_ && elapsed_ + piece >= goal_) {
    due_ = clock_.Add(run_start_, goal_ - elapsed_);
  }
  elapsed_ += piece;
}

void CycleTracker::SetPaused(int64_t t, bool paused) {
  if (!active_ || paused == paused_) return;
  if (paused) {
    CloseRun(t);
  } else {
    run_start_ = t;
  }
  paused_ = paused;
}

void CycleTracker::Stop(int64_t t) {
  if (!active_) return;
  if (!paused_) CloseRun(t);
  active_ = false;
  const bool breached = due_ && *due_ < t;
  ++completed_;
  breached_completed_ += breached;
  if (!keep_completed_) return;
  SlaCycle* cycle = out_->add_completed_cycles();
  SetTimestamp(start_, cycle->mutable_start());
  SetTimestamp(t, cycle->mutable_stop());
  SetDuration(goal_, cycle->mutable_goal());
  SetDuration(elapsed_, cycle->mutable_elapsed());
  SetDuration(goal_ - elapsed_, cycle->mutable_remaining());
  if (due_) SetTimestamp(*due_, cycle->mutable_due());
  cycle->set_breached(breached);
}

void CycleTracker::Finish(int64_t now, NextChange* next) {
  const SlaMetric metric = out_->metric();
  if (!active_) {
    out_->set_state(completed_ == 0           ? cxkit::v1::SLA_STATE_NOT_STARTED
                    : breached_completed_ > 0 ? cxkit::v1::SLA_STATE_MISSED
                                              : cxkit::v1::SLA_STATE_MET);
    return;
  }
  const int64_t before = elapsed_;
  int64_t elapsed = elapsed_;
  absl::optional<int64_t> due = due_;
  if (!paused_) {
    const int64_t piece = clock_.Between(run_start_, now);
    elapsed = before + piece;
    // Crossed already or still ahead: the same instant either way.
    if (!due) due = clock_.Add(run_start_, goal_ - before);
  }
  const bool breached = due && *due <= now;
  uint32_t level = 0;
  for (int64_t warn : *warn_before_) {
    const int64_t at_elapsed = goal_ - warn;
    if (at_elapsed <= 0 || elapsed >= at_elapsed) {
      ++level;
    } else if (!paused_) {
      absl::optional<int64_t> when =
          clock_.Add(run_start_, at_elapsed - before);
      if (when && *when > now) {
        next->Offer(*when, cxkit::v1::SLA_CHANGE_KIND_WARNING, metric);
      }
    }
  }
  const bool running = !paused_ && clock_.IsOpen(now);
  SlaCycle* cycle = out_->mutable_ongoing_cycle();
  SetTimestamp(start_, cycle->mutable_start());
  SetDuration(goal_, cycle->mutable_goal());
  SetDuration(elapsed, cycle->mutable_elapsed());
  SetDuration(goal_ - elapsed, cycle->mutable_remaining());
  if (due) SetTimestamp(*due, cycle->mutable_due());
  cycle->set_breached(breached);
  cycle->set_paused(paused_);
  cycle->set_running(running);
  cycle->set_warning_level(level);
  cycle->set_warning(level > 0 && !breached);
  out_->set_state(breached    ? cxkit::v1::SLA_STATE_BREACHED
                  : paused_   ? cxkit::v1::SLA_STATE_PAUSED
                  : level > 0 ? cxkit::v1::SLA_STATE_WARNING
                              : cxkit::v1::SLA_STATE_ACTIVE);
  if (paused_) return;
  if (due && *due > now)
    next->Offer(*due, cxkit::v1::SLA_CHANGE_KIND_DUE, metric);
  if (clock_.calendar != nullptr) {
    absl::optional<int64_t> edge = clock_.calendar->NextEdge(now);
    if (edge) {
      next->Offer(*edge,
                  running ? cxkit::v1::SLA_CHANGE_KIND_CALENDAR_CLOSES
                          : cxkit::v1::SLA_CHANGE_KIND_CALENDAR_OPENS,
                  metric);
    }
  }
}

}  // namespace cxkit::sla
