// Queue order: which waiting item is served first.

#ifndef CXKIT_LIB_ROUTING_QUEUE_ORDER_H_
#define CXKIT_LIB_ROUTING_QUEUE_ORDER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cxkit::routing {

struct QueueEntry {
  // Caller's index of the item.
  int index = 0;
  // Priority enum value, 1 (LOW) .. 4 (URGENT).
  int priority = 2;
  // Virtual original start of the wait.
  absl::Time start;
  absl::string_view id;
};

// Sorts `queue` into serving order. With `seconds_per_priority_point` == 0:
// higher priority first, then the earlier start, then the smaller id. With N >
// 0: the earlier start - priority x N s first (one priority point is worth N
// seconds of waiting), then higher priority, then the smaller id. A total
// order, so the result does not depend on the input order.
void SortQueue(uint32_t seconds_per_priority_point,
               std::vector<QueueEntry>* queue);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_QUEUE_ORDER_H_
