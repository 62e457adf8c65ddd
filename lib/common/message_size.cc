#include "lib/common/message_size.h"

#include <vector>

#include "google/protobuf/wire_format.h"
#include "google/protobuf/wire_format_lite.h"

namespace cxkit {

namespace pb = google::protobuf;

std::size_t SizeWithoutRepeatedField(const pb::Message& message,
                                     const pb::FieldDescriptor* field) {
  const pb::Reflection* reflection = message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  std::size_t size = pb::internal::WireFormat::ComputeUnknownFieldsSize(
      reflection->GetUnknownFields(message));
  for (const pb::FieldDescriptor* present : fields) {
    if (present != field) {
      size += pb::internal::WireFormat::FieldByteSize(present, message);
    }
  }
  return size;
}

std::size_t RepeatedElementSize(const pb::FieldDescriptor* field,
                                std::size_t body_bytes) {
  return pb::internal::WireFormat::TagSize(field->number(), field->type()) +
         pb::internal::WireFormatLite::LengthDelimitedSize(body_bytes);
}

}  // namespace cxkit
