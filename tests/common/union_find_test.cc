#include "lib/common/union_find.h"

#include "gtest/gtest.h"

namespace cxkit {
namespace {

TEST(UnionFind, JoinsSetsTransitively) {
  UnionFind sets(5);
  sets.UnionRoots(sets.Find(0), sets.Find(1));
  sets.UnionRoots(sets.Find(3), sets.Find(4));
  EXPECT_NE(sets.Find(1), sets.Find(3));
  sets.UnionRoots(sets.Find(1), sets.Find(4));
  EXPECT_EQ(sets.Find(0), sets.Find(3));
  EXPECT_NE(sets.Find(2), sets.Find(0));
}

}  // namespace
}  // namespace cxkit
