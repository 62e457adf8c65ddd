// Whole-second time for the SLA code: Unix seconds inside, proto Timestamp
// and Duration at the edge (the one place they convert).

#ifndef CXKIT_LIB_SLA_SLA_TIME_H_
#define CXKIT_LIB_SLA_SLA_TIME_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace cxkit::sla {

// "No time" for optional instants: below every valid Timestamp (year 1 is
// -62135596800), so pre-1970 times such as -1 stay ordinary times.
inline constexpr int64_t kNoTime = INT64_MIN;

// Seconds of a valid timestamp, nanos truncated.
inline int64_t ToSeconds(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds();
}

inline void SetTimestamp(int64_t seconds, google::protobuf::Timestamp* out) {
  out->set_seconds(seconds);
}

inline void SetDuration(int64_t seconds, google::protobuf::Duration* out) {
  out->set_seconds(seconds);
}

// Whole seconds of a duration that must be >= 0 (> 0 when `positive`),
// nanos truncated; the error names `field`.
absl::StatusOr<int64_t> NonNegativeSeconds(
    const google::protobuf::Duration& duration, absl::string_view field,
    bool positive);

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_SLA_TIME_H_
