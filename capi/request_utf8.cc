#include "request_utf8.h"

#include <climits>
#include <cstdint>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/stubs/common.h"
#include "google/protobuf/wire_format_lite.h"

namespace cxkit::capi {
namespace {

namespace pb = google::protobuf;
using pb::internal::WireFormatLite;

// protobuf's default recursion limit.
constexpr int kMaxDepth = 100;

bool IsProto3String(const pb::FieldDescriptor* field) {
  return field->type() == pb::FieldDescriptor::TYPE_STRING &&
         field->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO3;
}

// Scans the fields of one `type` message up to the stream's current limit.
// Returns false when the bytes are malformed or too deep (left to the
// parser); sets *bad to the first string field holding invalid UTF-8.
bool Scan(const pb::Descriptor* type, pb::io::CodedInputStream* in, int depth,
          const pb::FieldDescriptor** bad) {
  if (depth > kMaxDepth) return false;
  for (;;) {
    const uint32_t tag = in->ReadTag();
    if (tag == 0) return in->ConsumedEntireMessage();  // end of this message
    const pb::FieldDescriptor* field =
        type->FindFieldByNumber(WireFormatLite::GetTagFieldNumber(tag));
    if (field == nullptr ||
        WireFormatLite::GetTagWireType(tag) !=
            WireFormatLite::WIRETYPE_LENGTH_DELIMITED ||
        !(IsProto3String(field) ||
          field->type() == pb::FieldDescriptor::TYPE_MESSAGE)) {
      // Unknown fields, scalars, bytes and packed values (groups too, with
      // the stream's own recursion limit) hold no string to check.
      if (!WireFormatLite::SkipField(in, tag)) return false;
      continue;
    }
    uint32_t length;
    if (!in->ReadVarint32(&length) || length > INT_MAX) return false;
    if (IsProto3String(field)) {
      const void* data;
      int available;
      // The whole input is one flat buffer, so a complete field is in it.
      if (!in->GetDirectBufferPointer(&data, &available) ||
          static_cast<uint32_t>(available) < length) {
        return false;
      }
      if (!pb::internal::IsStructurallyValidUTF8(static_cast<const char*>(data),
                                                 static_cast<int>(length))) {
        *bad = field;
        return true;
      }
      in->Skip(static_cast<int>(length));
      continue;
    }
    const pb::io::CodedInputStream::Limit limit =
        in->PushLimit(static_cast<int>(length));
    if (!Scan(field->message_type(), in, depth + 1, bad)) return false;
    if (*bad != nullptr) return true;
    in->PopLimit(limit);
  }
}

}  // namespace

std::string FindInvalidUtf8(const pb::Descriptor* type, const void* data,
                            size_t size) {
  if (size > static_cast<size_t>(INT_MAX)) return std::string();
  pb::io::CodedInputStream in(static_cast<const uint8_t*>(data),
                              static_cast<int>(size));
  const pb::FieldDescriptor* bad = nullptr;
  Scan(type, &in, 0, &bad);
  // A malformed scan may still have found one before the malformation.
  return bad != nullptr ? bad->full_name() : std::string();
}

}  // namespace cxkit::capi
