// The flow network of OPTIMAL assignment (LEMON kept out of the header):
// source -> item (1) -> agent-channel (free slots, and at most free units /
// units) -> [agent (free units / smallest unit cost) ->] sink. The agent node
// exists only for agents whose total units can bind.

#ifndef CXKIT_LIB_ROUTING_ASSIGNMENT_NETWORK_H_
#define CXKIT_LIB_ROUTING_ASSIGNMENT_NETWORK_H_

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// An eligible (item, agent) pair and its score in millionths.
struct EligiblePair {
  int32_t item;
  int32_t agent;
  int64_t micros;
};

// What one agent may still take in this batch.
struct AgentCapacity {
  // Free slots per channel.
  std::array<int64_t, kChannelCount> slots{};
  // Free units; INT64_MAX without a cap.
  int64_t units = std::numeric_limits<int64_t>::max();
};

class AssignmentNetwork {
 public:
  // Builds the network of `pairs` (sorted by item, then agent, so that the
  // network and hence the optimum reached are canonical) with the structure
  // `capacity` implies. Later solves may only lower capacities.
  AssignmentNetwork(const RoutingModel& model,
                    const std::vector<EligiblePair>& pairs,
                    const std::vector<AgentCapacity>& capacity);
  ~AssignmentNetwork();
  AssignmentNetwork(const AssignmentNetwork&) = delete;
  AssignmentNetwork& operator=(const AssignmentNetwork&) = delete;

  // The agent of each item (-1: unassigned) in a flow of the most items that
  // has, among those, the largest total micros, under `capacity`.
  std::vector<int32_t> Solve(const std::vector<AgentCapacity>& capacity);

  // Agents whose total units can bind across channels of different unit
  // costs: the network only bounds them by units / smallest unit cost.
  const std::vector<bool>& relaxed_agents() const { return relaxed_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<bool> relaxed_;
};

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_ASSIGNMENT_NETWORK_H_
