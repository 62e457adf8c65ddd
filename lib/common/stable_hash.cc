#include "lib/common/stable_hash.h"

#include <xxhash.h>

namespace cxkit {

uint64_t StableHash64(absl::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

uint64_t StableHash64(absl::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string HashToHex(uint64_t hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[i] = kDigits[hash & 0xf];
  return hex;
}

}  // namespace cxkit
