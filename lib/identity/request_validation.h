// Whole-request checks of ResolveIdentitiesRequest.

#ifndef CXKIT_LIB_IDENTITY_REQUEST_VALIDATION_H_
#define CXKIT_LIB_IDENTITY_REQUEST_VALIDATION_H_

#include "absl/status/statusor.h"
#include "cxkit/v1/identity.pb.h"
#include "lib/identity/identifier_rules.h"

namespace cxkit::identity {

// Checks everything that makes `request` unusable as a whole and, when it is
// usable, returns the compiled identifier rules (so patterns are compiled once
// per call). Errors carry the field path (see FieldOf).
absl::StatusOr<IdentifierRules> ValidateAndCompileRules(
    const cxkit::v1::ResolveIdentitiesRequest& request);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_REQUEST_VALIDATION_H_
