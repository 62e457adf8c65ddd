// What the C ABI may say about a JSON request that protobuf refused.
// protobuf 3.21's messages quote the input: a syntax error carries 20 bytes
// of it on each side of the error, an invalid value the value itself, an
// unknown key the key. The input may hold e-mails, phones and names, and
// cxkit's error messages carry ids and field paths only.

#ifndef CXKIT_CAPI_JSON_ERROR_H_
#define CXKIT_CAPI_JSON_ERROR_H_

#include <string>
#include <string_view>

#include "google/protobuf/descriptor.h"

namespace cxkit::capi {

// Describes protobuf's error `message` about JSON that does not parse into a
// `type`, with nothing of the input:
// - a syntax error: protobuf's fixed first line (e.g. "Expected a value."),
//   without the quoted context;
// - an error at a field: "<path>: unknown field <key> of <Type>", "<path>:
//   invalid value for type <Type>" or "<path>: invalid value", where <path>
//   is protobuf's location (e.g. "records[0].identifiers[0].type") when
//   every name in it is a field of `type` and its messages (else the error is
//   described without it), and an unknown <key> is repeated only when it is
//   spelled like a field name ([A-Za-z_][A-Za-z0-9_]*, at most 64 bytes);
// - anything else: "malformed JSON".
// The result is printable ASCII, at most a few hundred bytes.
std::string DescribeJsonParseError(const google::protobuf::Descriptor* type,
                                   std::string_view message);

}  // namespace cxkit::capi

#endif  // CXKIT_CAPI_JSON_ERROR_H_
