// Finds invalid UTF-8 in the string fields of serialized protobuf bytes
// before they are parsed. protobuf 3.21 logs "String field ... contains
// invalid UTF-8 data" to stderr from inside the parser when a proto3 string
// is invalid; the only ways to silence that are process-wide (a log handler
// or LogSilencer), which belong to the host. Scanning first lets the C ABI
// refuse such bytes itself, with the field's name, and never reach the log.

#ifndef CXKIT_CAPI_REQUEST_UTF8_H_
#define CXKIT_CAPI_REQUEST_UTF8_H_

#include <cstddef>
#include <string>

#include "google/protobuf/descriptor.h"

namespace cxkit::capi {

// Walks `size` bytes of a serialized `type` and returns the full name of the
// first string field (e.g. "cxkit.v1.Identifier.value") whose value is not
// valid UTF-8, or "" when there is none. Bytes that are not well-formed wire
// format are left to the parser (""): the scan only looks where a parse
// would log. Nesting deeper than the parser's recursion limit (100) is not
// scanned either: the parser refuses it. O(size), no allocation.
std::string FindInvalidUtf8(const google::protobuf::Descriptor* type,
                            const void* data, size_t size);

}  // namespace cxkit::capi

#endif  // CXKIT_CAPI_REQUEST_UTF8_H_
