// The distinct values of limited types that a group of records holds, with a
// count per rule, cheap to merge small-into-large.

#ifndef CXKIT_LIB_IDENTITY_LIMITED_VALUE_SET_H_
#define CXKIT_LIB_IDENTITY_LIMITED_VALUE_SET_H_

#include <cstdint>
#include <memory>
#include <utility>

#include "absl/container/btree_set.h"
#include "absl/container/inlined_vector.h"

namespace cxkit::identity {

// Values are (rule << 32 | key). Small sets live inline and sorted; past 32
// values they move to a B-tree, so merging a set of m values into one of n
// costs O(m log n) whatever the limits are. Counts per rule are kept, so a
// limit check never scans the set.
class LimitedValueSet {
 public:
  static uint64_t Entry(uint32_t rule, uint32_t key) {
    return (static_cast<uint64_t>(rule) << 32) | key;
  }
  static uint32_t RuleOf(uint64_t entry) {
    return static_cast<uint32_t>(entry >> 32);
  }

  size_t size() const { return big_ ? big_->size() : small_.size(); }
  bool contains(uint64_t entry) const;
  // Distinct values of `rule` in the set.
  uint32_t CountOf(uint32_t rule) const;
  // Adds `entry`; a no-op when present.
  void Insert(uint64_t entry);
  // Calls f(entry) for every value, in increasing order.
  template <typename F>
  void ForEach(F&& f) const {
    if (big_) {
      for (uint64_t e : *big_) f(e);
    } else {
      for (uint64_t e : small_) f(e);
    }
  }
  void Clear() {
    small_.clear();
    big_.reset();
    counts_.clear();
  }
  void Swap(LimitedValueSet& other) {
    small_.swap(other.small_);
    big_.swap(other.big_);
    counts_.swap(other.counts_);
  }

 private:
  static constexpr size_t kMaxSmall = 32;
  absl::InlinedVector<uint64_t, 4> small_;  // sorted; used while big_ is null
  std::unique_ptr<absl::btree_set<uint64_t>> big_;
  absl::InlinedVector<std::pair<uint32_t, uint32_t>, 2> counts_;  // by rule
};

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_LIMITED_VALUE_SET_H_
