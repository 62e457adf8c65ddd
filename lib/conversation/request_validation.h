// Whole-request checks of MergeConversationsRequest, and the settings they
// produce.

#ifndef CXKIT_LIB_CONVERSATION_REQUEST_VALIDATION_H_
#define CXKIT_LIB_CONVERSATION_REQUEST_VALIDATION_H_

#include "absl/status/statusor.h"
#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/merge_settings.h"

namespace cxkit::conversation {

// Checks everything that makes `request` unusable as a whole and, when it is
// usable, returns its settings with patterns compiled once. Errors carry the
// field path (see FieldOf).
absl::StatusOr<MergeSettings> ValidateAndCompileSettings(
    const cxkit::v1::MergeConversationsRequest& request);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_REQUEST_VALIDATION_H_
