// SizeWithoutRepeatedField and RepeatedElementSize (lib/common/message_size.h)
// add up to ByteSizeLong() exactly.

#include "lib/common/message_size.h"

#include <string>

#include "cxkit/v1/sla.pb.h"
#include "gtest/gtest.h"

namespace cxkit {
namespace {

using cxkit::v1::EvaluateSlaRequest;

size_t SizeInParts(const EvaluateSlaRequest& request) {
  const google::protobuf::FieldDescriptor* conversations =
      EvaluateSlaRequest::descriptor()->FindFieldByName("conversations");
  size_t size = SizeWithoutRepeatedField(request, conversations);
  for (const auto& conversation : request.conversations()) {
    size += RepeatedElementSize(conversations, conversation.ByteSizeLong());
  }
  return size;
}

TEST(MessageSize, EmptyRequestIsZero) {
  EXPECT_EQ(SizeInParts(EvaluateSlaRequest()), 0u);
}

// Scalars, submessages, other repeated fields, unknown fields, and elements
// whose length prefix takes one, two and three bytes.
TEST(MessageSize, PartsAddUpToByteSizeLong) {
  EvaluateSlaRequest request;
  request.mutable_now()->set_seconds(1767225600);
  request.mutable_limits()->set_max_conversations(7);
  request.add_calendars()->set_id("berlin");
  request.add_policies()->set_id("vip");
  for (size_t id_bytes : {1, 100, 200, 20000}) {
    auto* conversation = request.add_conversations();
    conversation->set_id(std::string(id_bytes, 'c'));
    conversation->add_events()->mutable_time()->set_seconds(1767225000);
  }
  request.GetReflection()->MutableUnknownFields(&request)->AddVarint(999, 5);
  request.GetReflection()->MutableUnknownFields(&request)->AddLengthDelimited(
      1000, std::string(300, 'u'));
  EXPECT_EQ(SizeInParts(request), request.ByteSizeLong());
  std::string bytes;
  ASSERT_TRUE(request.SerializeToString(&bytes));
  EXPECT_EQ(SizeInParts(request), bytes.size());
}

}  // namespace
}  // namespace cxkit
