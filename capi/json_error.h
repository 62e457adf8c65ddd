// What the C ABI may say about a JSON request that protobuf refused.
// protobuf 3.21's messages quote the input: a syntax error carries 20 bytes
// of it on each side of the error, an invalid value the value itself, an
// unknown field its name. The input may hold e-mails, phones and names, and
// cxkit's error messages carry ids and field paths only.

#ifndef CXKIT_CAPI_JSON_ERROR_H_
#define CXKIT_CAPI_JSON_ERROR_H_

#include <string>
#include <string_view>

namespace cxkit::capi {

// Describes protobuf's JSON parse error `message` with nothing of the input
// but field paths and field names:
// - a syntax error: protobuf's fixed first line (e.g. "Expected a value."),
//   without the quoted context;
// - an error at a field: "<path>: unknown field <name>", "<path>: invalid
//   value for type <Type>", "<path>: missing field <name>" or "<path>:
//   invalid value", where <path> is protobuf's location (e.g.
//   "records[0].identifiers[0].type", a map key shown as [...]) and <name>
//   appears only when it is a plain identifier;
// - anything else: "malformed JSON".
// The result is printable ASCII.
std::string DescribeJsonParseError(std::string_view message);

}  // namespace cxkit::capi

#endif  // CXKIT_CAPI_JSON_ERROR_H_
