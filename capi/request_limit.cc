#include "request_limit.h"

#include <climits>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "cxkit/limits.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"

namespace cxkit::capi {
namespace {

namespace pb = google::protobuf;
using pb::internal::WireFormatLite;

// The fields named `names` from `type` down, when the last one is a uint64
// max_request_bytes; else empty.
std::vector<const pb::FieldDescriptor*> Resolve(
    const pb::Descriptor* type, std::initializer_list<const char*> names) {
  std::vector<const pb::FieldDescriptor*> path;
  for (const char* name : names) {
    const pb::FieldDescriptor* field =
        type == nullptr ? nullptr : type->FindFieldByName(name);
    if (field == nullptr || field->is_repeated()) return {};
    path.push_back(field);
    type = field->message_type();
  }
  if (path.back()->name() != "max_request_bytes" ||
      path.back()->type() != pb::FieldDescriptor::TYPE_UINT64) {
    return {};
  }
  return path;
}

std::vector<const pb::FieldDescriptor*> LimitPath(const pb::Descriptor* type) {
  std::vector<const pb::FieldDescriptor*> path =
      Resolve(type, {"limits", "max_request_bytes"});
  if (path.empty())
    path = Resolve(type, {"policy", "limits", "max_request_bytes"});
  return path;
}

// Reads the fields of one message up to the stream's current limit, entering
// only path[0] (a message) or reading it (the last element, a varint) into
// *value. Returns false when the bytes are malformed.
bool Read(const pb::FieldDescriptor* const* path, size_t length,
          pb::io::CodedInputStream* in, uint64_t* value) {
  const pb::FieldDescriptor* field = path[0];
  for (;;) {
    const uint32_t tag = in->ReadTag();
    if (tag == 0) return in->ConsumedEntireMessage();
    const bool on_path =
        WireFormatLite::GetTagFieldNumber(tag) == field->number();
    const auto wire_type = WireFormatLite::GetTagWireType(tag);
    if (on_path && length == 1 &&
        wire_type == WireFormatLite::WIRETYPE_VARINT) {
      if (!in->ReadVarint64(value)) return false;
    } else if (on_path && length > 1 &&
               wire_type == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t size;
      if (!in->ReadVarint32(&size) || size > INT_MAX) return false;
      const pb::io::CodedInputStream::Limit limit =
          in->PushLimit(static_cast<int>(size));
      if (!Read(path + 1, length - 1, in, value)) return false;
      in->PopLimit(limit);
    } else if (!WireFormatLite::SkipField(in, tag)) {
      return false;
    }
  }
}

}  // namespace

RequestByteLimit ReadRequestByteLimit(const pb::Descriptor* type,
                                      const void* data, size_t size) {
  RequestByteLimit result{std::string(), kDefaultMaxRequestBytes};
  const std::vector<const pb::FieldDescriptor*> path = LimitPath(type);
  if (path.empty()) return result;
  for (const pb::FieldDescriptor* field : path) {
    if (!result.field.empty()) result.field += '.';
    result.field += field->name();
  }
  if (size > static_cast<size_t>(INT_MAX)) return result;
  pb::io::CodedInputStream in(static_cast<const uint8_t*>(data),
                              static_cast<int>(size));
  uint64_t value = 0;
  Read(path.data(), path.size(), &in, &value);
  if (value != 0) result.bytes = value;
  return result;
}

bool RefuseBeforeParsing(const pb::Descriptor* type, const void* data,
                         size_t size, std::string* field,
                         std::string* message) {
  if (size <= kDefaultMaxRequestBytes) return false;
  RequestByteLimit limit = ReadRequestByteLimit(type, data, size);
  if (size <= limit.bytes) return false;
  *message = "request of " + std::to_string(size) + " bytes exceeds " +
             limit.field + " (" + std::to_string(limit.bytes) + ")";
  *field = std::move(limit.field);
  return true;
}

}  // namespace cxkit::capi
