// An EvaluateSlaRequest checked as a whole and compiled once: calendars
// parsed with their zones loaded, policies resolved, limits with defaults.

#ifndef CXKIT_LIB_SLA_COMPILED_REQUEST_H_
#define CXKIT_LIB_SLA_COMPILED_REQUEST_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "cxkit/v1/sla.pb.h"
#include "lib/sla/calendar_spec.h"
#include "lib/sla/sla_policy.h"

namespace cxkit::sla {

struct SlaLimitValues {
  uint32_t max_conversations;
  uint32_t max_events_per_conversation;
  uint32_t max_calendars;
  uint32_t max_policies;
  uint32_t max_intervals_per_calendar;
  int64_t max_horizon_seconds;
  uint64_t max_request_bytes;
  uint32_t max_calendar_intervals;
  uint32_t max_tags;
};

// Limits of `limits` with 0 replaced by the documented defaults.
SlaLimitValues ResolveLimits(const cxkit::v1::SlaLimits& limits);

struct ChannelThresholdValue {
  int64_t threshold_seconds;
  double target_share;
};

struct CompiledRequest {
  int64_t now = 0;
  SlaLimitValues limits;
  // Same order as request.calendars().
  std::vector<CalendarSpec> calendars;
  // Same order as request.policies() (first match wins).
  std::vector<ResolvedPolicy> policies;
  ResolvedPolicy default_policy;
  // Indexed by Channel value.
  std::vector<ChannelThresholdValue> thresholds;
  std::vector<double> percentiles;
  // Indices of request.conversations() sorted by id.
  std::vector<int> order;
  // The earliest time any conversation needs: its earliest valid created_at
  // or event time at or after now - limits.max_horizon, or now. The common
  // origin of the call's business clocks.
  int64_t origin = 0;
};

// Checks everything that makes `request` unusable as a whole and compiles
// it. Errors carry the field path (see FieldOf).
absl::StatusOr<CompiledRequest> CompileRequest(
    const cxkit::v1::EvaluateSlaRequest& request);

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_COMPILED_REQUEST_H_
