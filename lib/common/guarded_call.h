// The boundary every public function shares: the contract promises no
// exceptions, so whatever escapes the work becomes the response's status.

#ifndef CXKIT_LIB_COMMON_GUARDED_CALL_H_
#define CXKIT_LIB_COMMON_GUARDED_CALL_H_

#include <exception>
#include <new>
#include <string>

#include "absl/status/status.h"
#include "lib/common/field_status.h"

namespace cxkit {

// Clears `*response`, then runs `work(response)`. If it throws, `*response`
// is cleared again and holds only a status: RESOURCE_EXHAUSTED "out of
// memory <doing>" for std::bad_alloc (the one exception expected), INTERNAL
// with the exception's message otherwise. `doing` names the work, e.g.
// "resolving identities". `Response` is a cxkit.v1 response message.
template <typename Response, typename Work>
void GuardedCall(const char* doing, Response* response, Work&& work) {
  response->Clear();
  try {
    work(response);
  } catch (const std::bad_alloc&) {
    response->Clear();
    ToProtoStatus(
        absl::ResourceExhaustedError(std::string("out of memory ") + doing),
        response->mutable_status());
  } catch (const std::exception& e) {
    response->Clear();
    ToProtoStatus(absl::InternalError(e.what()), response->mutable_status());
  } catch (...) {
    response->Clear();
    ToProtoStatus(
        absl::InternalError(std::string("unknown exception ") + doing),
        response->mutable_status());
  }
}

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_GUARDED_CALL_H_
