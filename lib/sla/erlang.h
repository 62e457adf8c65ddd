// Queueing formulas for staffing: Erlang C (M/M/N) and Erlang A (M/M/N+M),
// written to stay accurate for thousands of agents.

#ifndef CXKIT_LIB_SLA_ERLANG_H_
#define CXKIT_LIB_SLA_ERLANG_H_

#include <cstdint>

namespace cxkit::sla {

// Predicted performance of `agents` agents.
struct QueueForecast {
  // Share of arrivals answered within the threshold (Erlang A: share that
  // would reach an agent within it).
  double service_level = 1;
  double probability_of_waiting = 0;
  // Mean wait of all arrivals, seconds.
  double average_speed_of_answer = 0;
  double occupancy = 0;
  // Erlang A only.
  double abandonment = 0;
  // False when the queue grows without bound (Erlang C with agents <= load).
  bool stable = true;
  // Erlang A: false when the service level would need more work than
  // kErlangAMaxWork or the caller's max_work (extreme rates x threshold); the
  // other figures are valid.
  bool computed = true;
  // Erlang A: work units the service level took (queue states x
  // uniformization steps); 0 for Erlang C.
  double work = 0;
};

// Most work units one Erlang A service level may take.
constexpr double kErlangAMaxWork = 2e8;

// Erlang B blocking probability by the recursion B(k) = A B(k-1) / (k + A
// B(k-1)), B(0) = 1: no factorials, no overflow.
double ErlangB(uint32_t agents, double erlangs);

// Erlang C for `agents` agents, offered load `erlangs` (arrival rate x
// handle time), handle time and threshold in seconds.
QueueForecast ErlangC(uint32_t agents, double erlangs, double handle_seconds,
                      double threshold_seconds);

// Erlang A (Palm): customers abandon after an exponential patience with mean
// `patience_seconds`. The stationary distribution is computed by ratio
// recursion in log space; the service level by uniformization of the queue
// ahead of an arriving customer. The service level is not computed
// (computed = false, work = its cost) when it would cost more than
// min(kErlangAMaxWork, max_work) units.
QueueForecast ErlangA(uint32_t agents, double erlangs, double handle_seconds,
                      double threshold_seconds, double patience_seconds,
                      double max_work = kErlangAMaxWork);

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_ERLANG_H_
