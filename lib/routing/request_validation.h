// Whole-request checks of RouteConversationsRequest.

#ifndef CXKIT_LIB_ROUTING_REQUEST_VALIDATION_H_
#define CXKIT_LIB_ROUTING_REQUEST_VALIDATION_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/routing.pb.h"
#include "google/protobuf/duration.pb.h"

namespace cxkit::routing {

// Checks everything that makes `request` unusable as a whole; errors carry the
// field path (see FieldOf). Problems of single items are not checked here (see
// BuildRoutingModel).
absl::Status ValidateRequest(
    const cxkit::v1::RouteConversationsRequest& request);

// Checks that `duration` is a valid google.protobuf.Duration (|seconds| <=
// 315,576,000,000, nanos in (-1e9, 1e9) with the sign of seconds) and >= 0.
absl::Status ValidateNonNegativeDuration(
    const google::protobuf::Duration& duration, absl::string_view field);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_REQUEST_VALIDATION_H_
