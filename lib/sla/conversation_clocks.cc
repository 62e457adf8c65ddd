#include "lib/sla/conversation_clocks.h"

#include "absl/container/inlined_vector.h"
#include "lib/sla/cycle_tracker.h"
#include "lib/sla/sla_time.h"

namespace cxkit::sla {
namespace {

using cxkit::v1::ConversationStatus;
using cxkit::v1::SlaMetric;

bool PausedBy(SlaMetric metric, ConversationStatus status) {
  switch (metric) {
    case cxkit::v1::SLA_METRIC_PAUSABLE_UPDATE:
    case cxkit::v1::SLA_METRIC_REQUESTER_WAIT:
      return status == cxkit::v1::CONVERSATION_STATUS_PENDING;
    case cxkit::v1::SLA_METRIC_AGENT_WORK_TIME:
      return status == cxkit::v1::CONVERSATION_STATUS_PENDING ||
             status == cxkit::v1::CONVERSATION_STATUS_ON_HOLD;
    default:
      return false;
  }
}

bool IsResolutionMetric(SlaMetric metric) {
  return metric == cxkit::v1::SLA_METRIC_REQUESTER_WAIT ||
         metric == cxkit::v1::SLA_METRIC_AGENT_WORK_TIME ||
         metric == cxkit::v1::SLA_METRIC_TOTAL_RESOLUTION;
}

bool IsUpdateMetric(SlaMetric metric) {
  return metric == cxkit::v1::SLA_METRIC_PERIODIC_UPDATE ||
         metric == cxkit::v1::SLA_METRIC_PAUSABLE_UPDATE;
}

// REOPENED behaves as OPEN once applied.
ConversationStatus Normalize(ConversationStatus status) {
  return status == cxkit::v1::CONVERSATION_STATUS_REOPENED
             ? cxkit::v1::CONVERSATION_STATUS_OPEN
             : status;
}

struct Metric {
  SlaMetric metric;
  CycleTracker tracker;
};

class Run {
 public:
  explicit Run(absl::InlinedVector<Metric, 8>* metrics) : metrics_(*metrics) {}

  CycleTracker* Find(SlaMetric metric) {
    for (Metric& m : metrics_) {
      if (m.metric == metric) return &m.tracker;
    }
    return nullptr;
  }

  void ApplyStatus(ConversationStatus status, int64_t t) {
    status = Normalize(status);
    if (status == status_) return;
    const ConversationStatus old = status_;
    status_ = status;
    if (status == cxkit::v1::CONVERSATION_STATUS_SOLVED) {
      for (Metric& m : metrics_) m.tracker.Stop(t);
      return;
    }
    if (old == cxkit::v1::CONVERSATION_STATUS_SOLVED) {
      for (Metric& m : metrics_) {
        if (IsResolutionMetric(m.metric)) {
          m.tracker.Start(t, PausedBy(m.metric, status));
        }
      }
      return;
    }
    for (Metric& m : metrics_)
      m.tracker.SetPaused(t, PausedBy(m.metric, status));
  }

  void StartResolution(int64_t t) {
    for (Metric& m : metrics_) {
      if (IsResolutionMetric(m.metric)) m.tracker.Start(t, false);
    }
  }

  void CustomerMessage(int64_t t, FirstReplyFacts* facts) {
    if (status_ == cxkit::v1::CONVERSATION_STATUS_SOLVED ||
        status_ == cxkit::v1::CONVERSATION_STATUS_PENDING) {
      ApplyStatus(cxkit::v1::CONVERSATION_STATUS_OPEN, t);
    }
    if (facts->first_message == kNoTime) {
      facts->first_message = t;
      if (CycleTracker* first = Find(cxkit::v1::SLA_METRIC_FIRST_REPLY)) {
        first->Start(t, false);
      }
    } else if (facts->first_reply != kNoTime) {
      if (CycleTracker* next = Find(cxkit::v1::SLA_METRIC_NEXT_REPLY)) {
        next->Start(t, false);  // no-op while one is armed
      }
    }
  }

  void Reply(int64_t t, FirstReplyFacts* facts) {
    if (facts->first_message != kNoTime && facts->first_reply == kNoTime) {
      facts->first_reply = t;
    }
    for (Metric& m : metrics_) {
      if (m.metric == cxkit::v1::SLA_METRIC_FIRST_REPLY ||
          m.metric == cxkit::v1::SLA_METRIC_NEXT_REPLY) {
        m.tracker.Stop(t);
      } else if (IsUpdateMetric(m.metric)) {
        m.tracker.Stop(t);
        if (status_ != cxkit::v1::CONVERSATION_STATUS_SOLVED) {
          m.tracker.Start(t, PausedBy(m.metric, status_));
        }
      }
    }
  }

 private:
  absl::InlinedVector<Metric, 8>& metrics_;
  ConversationStatus status_ = cxkit::v1::CONVERSATION_STATUS_NEW;
};

}  // namespace

FirstReplyFacts ConversationClocks::Evaluate(const Timeline& timeline,
                                             const ResolvedPolicy& policy,
                                             int64_t now, int64_t horizon_end,
                                             bool keep_completed,
                                             cxkit::v1::ConversationSla* out) {
  FirstReplyFacts facts;
  out->set_policy_id(policy.id);
  out->set_channel(timeline.channel);
  out->set_priority(timeline.priority);
  const std::vector<ResolvedTarget>& targets =
      policy.by_priority[timeline.priority];
  absl::InlinedVector<Metric, 8> metrics;
  out->mutable_metrics()->Reserve(static_cast<int>(targets.size()));
  for (const ResolvedTarget& target : targets) {
    cxkit::v1::SlaMetricResult* result = out->add_metrics();
    result->set_metric(target.metric);
    const int64_t goal = target.goal_seconds > 0
                             ? target.goal_seconds
                             : DefaultFirstReplySeconds(timeline.channel);
    SetDuration(goal, result->mutable_target());
    SlaClock clock;
    clock.horizon_end = horizon_end;
    if (target.calendar >= 0) {
      clock.calendar = lookup_(context_, target.calendar);
      result->set_calendar_id(target.calendar_id);
    }
    metrics.push_back(
        {target.metric, CycleTracker(clock, goal, &target.warn_before, result,
                                     keep_completed)});
  }
  Run run(&metrics);
  bool started = false;
  const bool bot_counts = policy.bot_replies_count;
  for (const TimelineEvent& event : timeline.events) {
    if (!started && timeline.start != kNoTime && timeline.start <= event.time) {
      run.StartResolution(timeline.start);
      started = true;
    }
    switch (event.kind) {
      case cxkit::v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE:
        run.CustomerMessage(event.time, &facts);
        break;
      case cxkit::v1::SLA_EVENT_KIND_AGENT_REPLY:
        run.Reply(event.time, &facts);
        break;
      case cxkit::v1::SLA_EVENT_KIND_BOT_REPLY:
        if (bot_counts) run.Reply(event.time, &facts);
        break;
      case cxkit::v1::SLA_EVENT_KIND_STATUS_CHANGE:
        run.ApplyStatus(event.status, event.time);
        break;
      default:
        break;
    }
  }
  if (!started && timeline.start != kNoTime && timeline.start <= now) {
    run.StartResolution(timeline.start);
  }
  NextChange next;
  for (Metric& m : metrics) {
    m.tracker.Finish(now, &next);
    facts.breached_cycles += m.tracker.breached_completed();
  }
  bool breached = false, warning = false;
  for (const auto& result : out->metrics()) {
    breached |= result.ongoing_cycle().breached();
    warning |= result.ongoing_cycle().warning();
    facts.breached_cycles += result.ongoing_cycle().breached();
  }
  out->set_breached(breached);
  out->set_warning(warning);
  if (next.time != kNoTime) {
    SetTimestamp(next.time, out->mutable_next_change());
    out->set_next_change_kind(next.kind);
    out->set_next_change_metric(next.metric);
  }
  return facts;
}

}  // namespace cxkit::sla
