// The project's one hashing scheme for anything that must be the same in every
// process and on every machine (canonical orders, derived ids). absl::Hash is
// seeded per process and must not be used for these.

#ifndef CXKIT_LIB_COMMON_STABLE_HASH_H_
#define CXKIT_LIB_COMMON_STABLE_HASH_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace cxkit {

// XXH3-64 of `bytes` with seed 0: stable across processes, versions and
// platforms.
uint64_t StableHash64(absl::string_view bytes);

// XXH3-64 of `bytes` with `seed`; chain calls to hash several fields without
// concatenating them: StableHash64(b, StableHash64(a)).
uint64_t StableHash64(absl::string_view bytes, uint64_t seed);

// 16 lowercase hex digits of `hash`, zero-padded.
std::string HashToHex(uint64_t hash);

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_STABLE_HASH_H_
