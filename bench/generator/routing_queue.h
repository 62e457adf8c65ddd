// A seeded generator of realistic routing queues: waiting work items of an
// online shop's support (channel mix, languages, skills, priorities, VIPs,
// angry customers, SLA due times, sticky agents) and a team of agents with
// languages, skill levels, per-channel slots, total capacity units, current
// load and idle times.

#ifndef CXKIT_BENCH_GENERATOR_ROUTING_QUEUE_H_
#define CXKIT_BENCH_GENERATOR_ROUTING_QUEUE_H_

#include <cstdint>

#include "cxkit/v1/routing.pb.h"

namespace cxkit::bench {

struct RoutingQueueOptions {
  uint64_t seed = 1;
  uint64_t items = 1000;
  uint64_t agents = 1000;
  // Capacity units of a phone call (chats and e-mails take 1). 1 makes every
  // agent's units uniform, where OPTIMAL mode is always exact.
  uint32_t phone_units = 3;
};

// Fills `request` (cleared first) with `options.items` items and
// `options.agents` agents, `now` fixed at 2026-03-02T10:00:00Z, and a policy
// with the routing defaults plus phone calls at options.phone_units capacity
// units, a skill
// catalogue and bullseye relaxation (optional skills dropped after 1 min,
// levels lowered by 2 after 3 min, any team agent after 10 min). The same
// options give the same request on every platform.
void GenerateRouteConversationsRequest(
    const RoutingQueueOptions& options,
    cxkit::v1::RouteConversationsRequest* request);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_ROUTING_QUEUE_H_
