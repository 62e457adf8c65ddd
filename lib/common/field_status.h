// Errors that name the request field they are about, and their conversion to
// the contract's cxkit.v1.Status. Internal code returns absl::Status; the
// public boundary converts once with ToProtoStatus().

#ifndef CXKIT_LIB_COMMON_FIELD_STATUS_H_
#define CXKIT_LIB_COMMON_FIELD_STATUS_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/common.pb.h"

namespace cxkit {

// Returns a status with `code` whose message is "<field>: <message>" and which
// carries `field` as its field path. Example:
// FieldError(absl::StatusCode::kInvalidArgument, "records[2].id", "duplicate
// record id \"r1\"").
absl::Status FieldError(absl::StatusCode code, absl::string_view field,
                        absl::string_view message);

// Shorthand for FieldError(kInvalidArgument, ...).
absl::Status InvalidField(absl::string_view field, absl::string_view message);

// RESOURCE_EXHAUSTED on `field` (the list): "<count> items exceed
// <limit_path> (<limit>)", for a list longer than a request limit allows.
// `limit_path` is the limit's full path from the request root, where the host
// sets it: e.g. "policy.limits.max_records" in a ResolveIdentitiesRequest,
// "limits.max_conversations" in an EvaluateSlaRequest.
absl::Status TooManyItems(absl::string_view field, uint64_t count,
                          absl::string_view limit_path, uint64_t limit);

// RESOURCE_EXHAUSTED on `limit_field`, the limit's full path from the request
// root (e.g. "policy.limits.max_request_bytes"), which is both the status's
// field and the name in its message, when a request's serialized size `bytes`
// exceeds `limit`; OK otherwise.
absl::Status CheckRequestBytes(uint64_t bytes, absl::string_view limit_field,
                               uint64_t limit);

// A user-given id or value for an error message: quoted, cut to its first
// kQuotedIdBytes bytes ("..." after the quote marks a cut) and C-escaped, so
// a message stays short, printable ASCII and valid UTF-8 whatever the input.
// Only ids and codes may be quoted: never e-mails, phones, subjects or texts.
inline constexpr size_t kQuotedIdBytes = 64;
std::string QuotedId(absl::string_view id);

// The field path carried by `status`, or "" when it names none.
std::string FieldOf(const absl::Status& status);

// Fills `out` with the code, message and field path of `status`.
void ToProtoStatus(const absl::Status& status, cxkit::v1::Status* out);

// Builds "records[3].identifiers[0]" style paths.
std::string IndexedField(absl::string_view list, size_t index);

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_FIELD_STATUS_H_
