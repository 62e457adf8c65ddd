// The exact serialized size of a request, computed in parts, so that a
// function that visits every element of its large repeated field anyway can
// size those elements in the same pass instead of a separate
// ByteSizeLong() traversal of the whole request.
//
// For a message m with a repeated message field f:
//   m.ByteSizeLong() == SizeWithoutRepeatedField(m, f)
//                       + sum over the elements e of f of
//                         RepeatedElementSize(f, e.ByteSizeLong())

#ifndef CXKIT_LIB_COMMON_MESSAGE_SIZE_H_
#define CXKIT_LIB_COMMON_MESSAGE_SIZE_H_

#include <cstddef>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace cxkit {

// The serialized size of every present field of `message` but `field`, plus
// its unknown fields.
std::size_t SizeWithoutRepeatedField(
    const google::protobuf::Message& message,
    const google::protobuf::FieldDescriptor* field);

// The bytes an element of `body_bytes` adds to its repeated message field
// `field`: its tag, its length prefix and its body.
std::size_t RepeatedElementSize(const google::protobuf::FieldDescriptor* field,
                                std::size_t body_bytes);

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_MESSAGE_SIZE_H_
