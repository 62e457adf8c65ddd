// The request-size limit of serialized request bytes, read before they are
// parsed, so that the C ABI refuses an oversized request without building
// it in memory first.

#ifndef CXKIT_CAPI_REQUEST_LIMIT_H_
#define CXKIT_CAPI_REQUEST_LIMIT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "google/protobuf/descriptor.h"

namespace cxkit::capi {

struct RequestByteLimit {
  // The limit's field path, e.g. "policy.limits.max_request_bytes"; empty
  // when `type` has no max_request_bytes.
  std::string field;
  // Its value in the bytes (the last one on the wire wins, as when
  // parsing), or cxkit::kDefaultMaxRequestBytes when it is unset or 0.
  uint64_t bytes;
};

// Reads the max_request_bytes of `size` bytes of a serialized `type`, which
// has it at limits.max_request_bytes or at policy.limits.max_request_bytes.
// Only the messages on that path are entered; other length-delimited fields
// are skipped by their length (groups are read to their end), so the cost
// grows with the number of fields at the path's levels (e.g. one per record),
// not with their size. Bytes that are not well-formed wire format give what
// was read before the malformation (the parser refuses them later).
// Allocates only the field path.
RequestByteLimit ReadRequestByteLimit(const google::protobuf::Descriptor* type,
                                      const void* data, size_t size);

// Whether `size` bytes of a serialized `type` must be refused before
// parsing: only beyond cxkit::kDefaultMaxRequestBytes (up to it, the
// capability checks the parsed request against its own limit), and then when
// the request's own limit does not allow them. When refused, `*field` is the
// limit's path and `*message` says "request of N bytes exceeds <field> (L)".
bool RefuseBeforeParsing(const google::protobuf::Descriptor* type,
                         const void* data, size_t size, std::string* field,
                         std::string* message);

}  // namespace cxkit::capi

#endif  // CXKIT_CAPI_REQUEST_LIMIT_H_
