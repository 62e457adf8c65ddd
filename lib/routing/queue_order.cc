#include "lib/routing/queue_order.h"

#include <algorithm>

namespace cxkit::routing {

void SortQueue(uint32_t seconds_per_priority_point,
               std::vector<QueueEntry>* queue) {
  const absl::Duration point = absl::Seconds(seconds_per_priority_point);
  std::sort(queue->begin(), queue->end(),
            [point](const QueueEntry& a, const QueueEntry& b) {
              if (point > absl::ZeroDuration()) {
                const absl::Time ka = a.start - a.priority * point;
                const absl::Time kb = b.start - b.priority * point;
                if (ka != kb) return ka < kb;
              }
              if (a.priority != b.priority) return a.priority > b.priority;
              if (a.start != b.start) return a.start < b.start;
              return a.id < b.id;
            });
}

}  // namespace cxkit::routing
