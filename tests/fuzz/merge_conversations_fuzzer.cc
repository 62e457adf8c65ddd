// Fuzz target: any bytes, parsed as a MergeConversationsRequest when they
// parse, must give a response without crashing, and the same response twice.
// Built as a libFuzzer binary with -DCXKIT_BUILD_FUZZERS=ON (clang); under
// ctest, merge_conversations_replay runs it on mutated seeds.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cxkit/conversation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cxkit::v1::MergeConversationsRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  request.mutable_policy()->mutable_limits()->set_max_messages(2000);
  const cxkit::v1::MergeConversationsResponse first =
      cxkit::MergeConversations(request);
  const cxkit::v1::MergeConversationsResponse second =
      cxkit::MergeConversations(request);
  if (first.SerializeAsString() != second.SerializeAsString()) std::abort();
  return 0;
}
