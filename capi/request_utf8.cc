#include "request_utf8.h"

#include <cstdint>

#include "google/protobuf/stubs/common.h"

namespace cxkit::capi {
namespace {

namespace pb = google::protobuf;

// protobuf's default recursion limit.
constexpr int kMaxDepth = 100;

struct Reader {
  const uint8_t* pos;
  const uint8_t* end;

  bool Varint(uint64_t* out) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64 && pos < end; shift += 7) {
      const uint8_t byte = *pos++;
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        *out = value;
        return true;
      }
    }
    return false;
  }
  bool Skip(uint64_t n) {
    if (n > static_cast<uint64_t>(end - pos)) return false;
    pos += n;
    return true;
  }
};

// Scans one message (until `end_group` when inside a group). Returns false
// when the bytes are malformed or too deep (left to the parser); sets *bad
// to the first invalid field.
bool Scan(const pb::Descriptor* type, Reader* in, int depth, uint32_t end_group,
          const pb::FieldDescriptor** bad) {
  if (depth > kMaxDepth) return false;
  while (in->pos < in->end) {
    uint64_t tag;
    if (!in->Varint(&tag) || tag > UINT32_MAX) return false;
    const uint32_t number = static_cast<uint32_t>(tag >> 3);
    const int wire_type = static_cast<int>(tag & 7);
    if (number == 0) return false;
    const pb::FieldDescriptor* field =
        type != nullptr ? type->FindFieldByNumber(static_cast<int>(number))
                        : nullptr;
    switch (wire_type) {
      case 0: {  // varint
        uint64_t ignored;
        if (!in->Varint(&ignored)) return false;
        break;
      }
      case 1:
        if (!in->Skip(8)) return false;
        break;
      case 5:
        if (!in->Skip(4)) return false;
        break;
      case 2: {  // length-delimited
        uint64_t length;
        if (!in->Varint(&length) ||
            length > static_cast<uint64_t>(in->end - in->pos)) {
          return false;
        }
        Reader inner{in->pos, in->pos + length};
        in->pos += length;
        if (field == nullptr) break;
        if (field->type() == pb::FieldDescriptor::TYPE_STRING &&
            field->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO3 &&
            !pb::internal::IsStructurallyValidUTF8(
                reinterpret_cast<const char*>(inner.pos),
                static_cast<int>(length))) {
          *bad = field;
          return true;
        }
        if (field->type() == pb::FieldDescriptor::TYPE_MESSAGE) {
          if (!Scan(field->message_type(), &inner, depth + 1, 0, bad)) {
            return false;
          }
          if (*bad != nullptr) return true;
        }
        break;
      }
      case 3:  // start group: only unknown fields here (proto3)
        if (!Scan(nullptr, in, depth + 1, number, bad)) return false;
        break;
      case 4:  // end group
        return number == end_group;
      default:
        return false;
    }
  }
  return end_group == 0;
}

}  // namespace

std::string FindInvalidUtf8(const pb::Descriptor* type, const void* data,
                            size_t size) {
  const auto* begin = static_cast<const uint8_t*>(data);
  Reader in{begin, begin + size};
  const pb::FieldDescriptor* bad = nullptr;
  if (Scan(type, &in, 0, 0, &bad) && bad != nullptr) return bad->full_name();
  // A malformed scan may still have found one before the malformation.
  return bad != nullptr ? bad->full_name() : std::string();
}

}  // namespace cxkit::capi
