// Limits that every capability shares.

#ifndef CXKIT_LIMITS_H_
#define CXKIT_LIMITS_H_

#include <cstdint>

namespace cxkit {

// The default of every request's max_request_bytes (0 in the request): 256
// MiB. The C++ functions compare it with the request's ByteSizeLong(); the C
// ABI compares it with the bytes it receives, before parsing them.
inline constexpr uint64_t kDefaultMaxRequestBytes = uint64_t{256} << 20;

}  // namespace cxkit

#endif  // CXKIT_LIMITS_H_
