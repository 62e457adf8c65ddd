// Fuzz target of cxkit_route_conversations: the input is a serialized
// cxkit.v1.RouteConversationsRequest. Invariants (fuzz_support.h,
// FuzzBinaryEntry): the response is always allocated, parses and re-serializes
// to the same bytes; the returned code is its status code and an error has a
// message; bytes that do not parse give INVALID_ARGUMENT on "request"; the C
// ABI equals a second call of cxkit::RouteConversations on the same
// (limit-capped) request.

#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_clamps.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cxkit::fuzz::FuzzBinaryEntry<cxkit::v1::RouteConversationsRequest,
                               cxkit::v1::RouteConversationsResponse>(
      data, size, &cxkit_route_conversations, &cxkit::RouteConversations,
      &cxkit::fuzz::ClampRequest);
  return 0;
}
