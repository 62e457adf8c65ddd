// Appending per-record problems to a response.

#ifndef CXKIT_LIB_IDENTITY_RECORD_ISSUES_H_
#define CXKIT_LIB_IDENTITY_RECORD_ISSUES_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"

namespace cxkit::identity {

// Appends an issue about request.records[index] to response->record_issues.
void AddRecordIssue(const cxkit::v1::ResolveIdentitiesRequest& request,
                    uint32_t index, cxkit::v1::Severity severity,
                    absl::string_view reason, const std::string& field,
                    absl::string_view message,
                    cxkit::v1::ResolveIdentitiesResponse* response);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_RECORD_ISSUES_H_
