#include "lib/common/stable_hash.h"

#include "gtest/gtest.h"

namespace cxkit {
namespace {

// Pinned: derived ids and canonical orders depend on these values never
// changing.
TEST(StableHash, IsXxh3WithSeedZero) {
  EXPECT_EQ(StableHash64(""), 0x2d06800538d394c2ULL);
  EXPECT_EQ(HashToHex(StableHash64("")), "2d06800538d394c2");
}

TEST(StableHash, HexIsZeroPadded) {
  EXPECT_EQ(HashToHex(0xabcULL), "0000000000000abc");
}

}  // namespace
}  // namespace cxkit
