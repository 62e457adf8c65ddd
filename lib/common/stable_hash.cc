#include "lib/common/stable_hash.h"

#include <xxhash.h>

#include "absl/strings/str_format.h"

namespace cxkit {

uint64_t StableHash64(absl::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

std::string HashToHex(uint64_t hash) { return absl::StrFormat("%016x", hash); }

}  // namespace cxkit
