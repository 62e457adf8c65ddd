// The one place where google.protobuf.Timestamp / Duration become absl::Time /
// absl::Duration.

#ifndef CXKIT_LIB_COMMON_PROTO_TIME_H_
#define CXKIT_LIB_COMMON_PROTO_TIME_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace cxkit {

// True when `timestamp` is inside 0001-01-01..9999-12-31 with nanos in [0,
// 1e9).
bool IsValidTimestamp(const google::protobuf::Timestamp& timestamp);

// Checks that `timestamp` is inside 0001-01-01..9999-12-31 with nanos in [0,
// 1e9), as the proto3 JSON mapping requires; the error names `field`.
absl::Status ValidateTimestamp(const google::protobuf::Timestamp& timestamp,
                               absl::string_view field);

// Converts a valid timestamp (see ValidateTimestamp) to absl::Time.
absl::Time FromProtoTimestamp(const google::protobuf::Timestamp& timestamp);

// Converts `time` to a timestamp; InfinitePast/InfiniteFuture clamp to the
// proto3 range.
void ToProtoTimestamp(absl::Time time, google::protobuf::Timestamp* out);

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_PROTO_TIME_H_
