#include <algorithm>
#include <memory>
#include <numeric>

#include "absl/strings/str_cat.h"
#include "cxkit/sla.h"
#include "lib/common/field_status.h"
#include "lib/common/guarded_call.h"
#include "lib/sla/business_calendar.h"
#include "lib/sla/compiled_request.h"
#include "lib/sla/conversation_clocks.h"
#include "lib/sla/service_level.h"
#include "lib/sla/timeline.h"

namespace cxkit {
namespace {

using cxkit::v1::EvaluateSlaRequest;
using cxkit::v1::EvaluateSlaResponse;

// The last instant due times are searched for: now + limits.max_horizon,
// within the proto3 Timestamp range.
int64_t HorizonEnd(const sla::CompiledRequest& compiled) {
  constexpr int64_t kMaxTimestampSeconds = 253402300799;  // 9999-12-31
  return std::min(kMaxTimestampSeconds,
                  compiled.now + compiled.limits.max_horizon_seconds);
}

// The business clocks of a call, built on first use from a common origin.
class Calendars {
 public:
  Calendars(const sla::CompiledRequest* compiled, int64_t origin)
      : compiled_(compiled),
        origin_(origin),
        clocks_(compiled->calendars.size()) {
    budget_.remaining = compiled->limits.max_calendar_intervals;
  }

  static sla::BusinessCalendar* Lookup(void* self, int index) {
    return static_cast<Calendars*>(self)->Get(index);
  }

  // Whether some calendar ran out of limits.max_calendar_intervals.
  bool exhausted() const { return budget_.exhausted; }

 private:
  // Null (real time) for a calendar that is open every second.
  sla::BusinessCalendar* Get(int index) {
    if (compiled_->calendars[index].always_open) return nullptr;
    auto& clock = clocks_[index];
    if (clock == nullptr) {
      clock = std::make_unique<sla::BusinessCalendar>(
          &compiled_->calendars[index], origin_, HorizonEnd(*compiled_),
          &budget_);
    }
    return clock.get();
  }

  const sla::CompiledRequest* compiled_;
  int64_t origin_;
  // Open intervals all calendars may build (about 24 bytes each): bounds
  // the memory of long spans on many fragmented calendars.
  sla::IntervalBudget budget_;
  std::vector<std::unique_ptr<sla::BusinessCalendar>> clocks_;
};

const sla::ResolvedPolicy& MatchPolicy(
    const sla::CompiledRequest& compiled,
    const cxkit::v1::SlaConversation& conversation,
    const sla::Timeline& timeline) {
  for (const sla::ResolvedPolicy& policy : compiled.policies) {
    if (sla::PolicyMatches(policy, timeline.channel, timeline.priority,
                           conversation)) {
      return policy;
    }
  }
  return compiled.default_policy;
}

void Evaluate(const EvaluateSlaRequest& request,
              EvaluateSlaResponse* response) {
  absl::StatusOr<sla::CompiledRequest> compiled = sla::CompileRequest(request);
  if (!compiled.ok()) {
    ToProtoStatus(compiled.status(), response->mutable_status());
    return;
  }
  const int n = request.conversations_size();
  Calendars calendars(&*compiled, compiled->origin);
  sla::ConversationClocks clocks(&Calendars::Lookup, &calendars);
  sla::ServiceLevelCollector service_level(&*compiled);
  sla::Timeline timeline;
  cxkit::v1::SlaStats* stats = response->mutable_stats();
  response->mutable_conversations()->Reserve(n);
  uint64_t evaluations = 0;
  uint32_t breached = 0, warning = 0, with_errors = 0;
  cxkit::v1::ItemIssue issue;
  for (int index : compiled->order) {
    const cxkit::v1::SlaConversation& conversation =
        request.conversations(index);
    if (!sla::BuildTimeline(conversation, index, *compiled, &timeline,
                            &issue)) {
      *response->add_conversation_issues() = issue;
      ++with_errors;
      continue;
    }
    cxkit::v1::ConversationSla* result = response->add_conversations();
    result->set_conversation_id(conversation.id());
    const sla::FirstReplyFacts facts = clocks.Evaluate(
        timeline, MatchPolicy(*compiled, conversation, timeline), compiled->now,
        HorizonEnd(*compiled), !request.output().omit_completed_cycles(),
        result);
    evaluations += static_cast<uint64_t>(result->metrics_size());
    breached += result->breached();
    warning += result->warning();
    service_level.Add(*result, facts);
  }
  if (calendars.exhausted()) {
    // Some answers were cut short: refuse the call rather than let one
    // conversation's result depend on the others of its batch.
    response->Clear();
    ToProtoStatus(
        FieldError(absl::StatusCode::kResourceExhausted,
                   "limits.max_calendar_intervals",
                   absl::StrCat("the calendars need more than ",
                                compiled->limits.max_calendar_intervals,
                                " open intervals between the earliest time "
                                "and the due times searched")),
        response->mutable_status());
    return;
  }
  service_level.WriteReport(response->mutable_service_level());
  stats->set_conversations(static_cast<uint32_t>(n));
  stats->set_conversations_with_errors(with_errors);
  stats->set_metric_evaluations(evaluations);
  stats->set_breached_conversations(breached);
  stats->set_warning_conversations(warning);
}

}  // namespace

void EvaluateSlaInto(const EvaluateSlaRequest& request,
                     EvaluateSlaResponse* response) {
  GuardedCall("evaluating SLA", response,
              [&](EvaluateSlaResponse* out) { Evaluate(request, out); });
}

EvaluateSlaResponse EvaluateSla(const EvaluateSlaRequest& request) {
  EvaluateSlaResponse response;
  EvaluateSlaInto(request, &response);
  return response;
}

absl::Status ValidateEvaluateSlaRequest(const EvaluateSlaRequest& request) {
  absl::StatusOr<sla::CompiledRequest> compiled = sla::CompileRequest(request);
  return compiled.ok() ? absl::OkStatus() : compiled.status();
}

}  // namespace cxkit
