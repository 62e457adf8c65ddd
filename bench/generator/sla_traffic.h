// Seeded, realistic SLA workloads: conversation timelines over several
// business calendars (office hours with lunch and holidays, extended hours,
// an overnight shift, 24/7) and policies with the field's default targets.

#ifndef CXKIT_BENCH_GENERATOR_SLA_TRAFFIC_H_
#define CXKIT_BENCH_GENERATOR_SLA_TRAFFIC_H_

#include <cstddef>
#include <cstdint>

#include "cxkit/v1/sla.pb.h"

namespace cxkit::bench {

struct SlaTrafficOptions {
  uint64_t seed = 1;
  size_t conversations = 10000;
  // Conversations start uniformly over [now - span, now).
  int64_t now_unix_seconds = 1717977600;  // 2024-06-10T00:00:00Z
  int64_t span_seconds = 7 * 24 * 60 * 60;
  // Overrides every target's goal when > 0 (e.g. 30 days versus 30 minutes).
  int64_t target_seconds = 0;
  // Put every target on a business calendar (true) or leave chat and phone
  // in calendar hours as the field does (false).
  bool all_business_hours = false;
};

// Replaces `request` with `options.conversations` conversations (ids
// "s0000000", ...), four calendars, five policies and `now`.
void GenerateEvaluateSlaRequest(const SlaTrafficOptions& options,
                                cxkit::v1::EvaluateSlaRequest* request);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_SLA_TRAFFIC_H_
