// Fuzz target of cxkit_call_json: the first byte selects the method (modulo
// 6: the five capabilities, then an unknown name), the rest is the request
// JSON. Invariants (fuzz_support.h, FuzzJsonMethod): the output is
// NUL-terminated valid JSON with a "status" object that parses into the
// method's response message; the returned code is its status code; the same
// text gives the same JSON twice; text that does not parse gives
// INVALID_ARGUMENT on "request"; a parsed request gives the C++ function's
// exact answer; an unknown method gives UNIMPLEMENTED on "method".

#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/fuzz_clamps.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cxkit::v1;  // NOLINT: the ten message types below
  namespace fuzz = cxkit::fuzz;
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 6) {
    case 0:
      fuzz::FuzzJsonMethod<ResolveIdentitiesRequest, ResolveIdentitiesResponse>(
          "ResolveIdentities", text, &cxkit::ResolveIdentities,
          &fuzz::ClampRequest);
      break;
    case 1:
      fuzz::FuzzJsonMethod<MergeConversationsRequest,
                           MergeConversationsResponse>(
          "MergeConversations", text, &cxkit::MergeConversations,
          &fuzz::ClampRequest);
      break;
    case 2:
      fuzz::FuzzJsonMethod<EvaluateSlaRequest, EvaluateSlaResponse>(
          "EvaluateSla", text, &cxkit::EvaluateSla, &fuzz::ClampRequest);
      break;
    case 3:
      fuzz::FuzzJsonMethod<PlanStaffingRequest, PlanStaffingResponse>(
          "PlanStaffing", text, &cxkit::PlanStaffing, &fuzz::ClampRequest);
      break;
    case 4:
      fuzz::FuzzJsonMethod<RouteConversationsRequest,
                           RouteConversationsResponse>(
          "RouteConversations", text, &cxkit::RouteConversations,
          &fuzz::ClampRequest);
      break;
    default: {
      fuzz::QuietProtobuf();
      ResolveIdentitiesResponse response;  // {"status":...} fits every type
      int code = 0;
      fuzz::CallJsonEntry("NoSuchMethod", text, &response, &code);
      CXKIT_FUZZ_CHECK(
          code == CXKIT_UNIMPLEMENTED && response.status().field() == "method",
          "an unknown method gives UNIMPLEMENTED on \"method\"");
      break;
    }
  }
  return 0;
}
