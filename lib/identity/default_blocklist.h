// Built-in junk values that never identify a customer.

#ifndef CXKIT_LIB_IDENTITY_DEFAULT_BLOCKLIST_H_
#define CXKIT_LIB_IDENTITY_DEFAULT_BLOCKLIST_H_

#include "absl/strings/string_view.h"
#include "cxkit/v1/common.pb.h"

namespace cxkit::identity {

// True when the normalized value `key` of matching type `type` is a placeholder
// rather than a customer's value: empty, "null", "undefined", "anonymous",
// "-1", only zeros or dashes, for e-mails the RFC 2606 / RFC 6761 reserved
// domains (example.com, *.test, *.invalid, localhost), test@test.com and
// no-reply mailboxes, for phones numbers whose last 7 digits are one repeated
// digit or that contain the run 1234567890.
bool IsDefaultBlocked(cxkit::v1::IdentifierType type, absl::string_view key);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_DEFAULT_BLOCKLIST_H_
