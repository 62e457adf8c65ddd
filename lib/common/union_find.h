// Disjoint sets over 0..n-1 with path halving and union by size.

#ifndef CXKIT_LIB_COMMON_UNION_FIND_H_
#define CXKIT_LIB_COMMON_UNION_FIND_H_

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace cxkit {

// Not thread-safe. Find() is amortized near-constant time.
class UnionFind {
 public:
  explicit UnionFind(uint32_t size) : parent_(size), size_(size, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // Joins the sets with roots `a` != `b`; returns the root of the union.
  // Callers that keep per-set data merge it into the returned root.
  uint32_t UnionRoots(uint32_t a, uint32_t b) {
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return a;
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
};

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_UNION_FIND_H_
