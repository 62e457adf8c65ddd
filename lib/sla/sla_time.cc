#include "lib/sla/sla_time.h"

#include "lib/common/field_status.h"

namespace cxkit::sla {

absl::StatusOr<int64_t> NonNegativeSeconds(
    const google::protobuf::Duration& duration, absl::string_view field,
    bool positive) {
  // 10,000 years, the proto3 Duration range.
  constexpr int64_t kMaxSeconds = 315576000000;
  if (duration.seconds() < 0 || duration.nanos() < 0) {
    return InvalidField(field, "must not be negative");
  }
  if (duration.seconds() > kMaxSeconds || duration.nanos() >= 1000000000) {
    return InvalidField(field, "outside the Duration range");
  }
  if (positive && duration.seconds() == 0) {
    return InvalidField(field, "must be at least 1 second");
  }
  return duration.seconds();
}

}  // namespace cxkit::sla
