#include "lib/identity/limited_value_set.h"

#include <algorithm>

namespace cxkit::identity {

bool LimitedValueSet::contains(uint64_t entry) const {
  if (big_) return big_->contains(entry);
  return std::binary_search(small_.begin(), small_.end(), entry);
}

uint32_t LimitedValueSet::CountOf(uint32_t rule) const {
  for (const auto& [r, count] : counts_) {
    if (r == rule) return count;
  }
  return 0;
}

void LimitedValueSet::Insert(uint64_t entry) {
  if (big_) {
    if (!big_->insert(entry).second) return;
  } else {
    auto it = std::lower_bound(small_.begin(), small_.end(), entry);
    if (it != small_.end() && *it == entry) return;
    small_.insert(it, entry);
    if (small_.size() > kMaxSmall) {
      big_ = std::make_unique<absl::btree_set<uint64_t>>(small_.begin(),
                                                         small_.end());
      small_.clear();
      small_.shrink_to_fit();
    }
  }
  const uint32_t rule = RuleOf(entry);
  for (auto& [r, count] : counts_) {
    if (r == rule) {
      ++count;
      return;
    }
  }
  counts_.emplace_back(rule, 1);
}

}  // namespace cxkit::identity
