#include "lib/common/proto_time.h"

#include <algorithm>

#include "lib/common/field_status.h"

namespace cxkit {
namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the proto3 Timestamp range.
constexpr int64_t kMinSeconds = -62135596800;
constexpr int64_t kMaxSeconds = 253402300799;

}  // namespace

bool IsValidTimestamp(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() >= kMinSeconds &&
         timestamp.seconds() <= kMaxSeconds && timestamp.nanos() >= 0 &&
         timestamp.nanos() < 1000000000;
}

absl::Status ValidateTimestamp(const google::protobuf::Timestamp& timestamp,
                               absl::string_view field) {
  if (timestamp.seconds() < kMinSeconds || timestamp.seconds() > kMaxSeconds) {
    return InvalidField(field, "timestamp outside 0001-01-01..9999-12-31");
  }
  if (timestamp.nanos() < 0 || timestamp.nanos() >= 1000000000) {
    return InvalidField(field, "timestamp nanos outside [0, 999999999]");
  }
  return absl::OkStatus();
}

absl::Time FromProtoTimestamp(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) +
         absl::Nanoseconds(timestamp.nanos());
}

void ToProtoTimestamp(absl::Time time, google::protobuf::Timestamp* out) {
  const absl::Time lo = absl::FromUnixSeconds(kMinSeconds);
  // The last valid instant is 9999-12-31T23:59:59.999999999Z, not :59.0.
  const absl::Time hi =
      absl::FromUnixSeconds(kMaxSeconds) + absl::Nanoseconds(999999999);
  time = std::min(std::max(time, lo), hi);
  const int64_t seconds = absl::ToUnixSeconds(time);
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
}

}  // namespace cxkit
