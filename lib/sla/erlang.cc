#include "lib/sla/erlang.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace cxkit::sla {
namespace {

// log(exp(a) + exp(b)) without overflow.
double LogAdd(double a, double b) {
  if (a == -std::numeric_limits<double>::infinity()) return b;
  if (b == -std::numeric_limits<double>::infinity()) return a;
  const double hi = std::max(a, b);
  return hi + std::log1p(std::exp(std::min(a, b) - hi));
}

}  // namespace

double ErlangB(uint32_t agents, double erlangs) {
  double b = 1;
  for (uint32_t k = 1; k <= agents; ++k) b = erlangs * b / (k + erlangs * b);
  return b;
}

QueueForecast ErlangC(uint32_t agents, double erlangs, double handle_seconds,
                      double threshold_seconds) {
  QueueForecast forecast;
  if (erlangs <= 0) return forecast;
  if (agents <= erlangs) {
    forecast.stable = false;
    forecast.service_level = 0;
    forecast.probability_of_waiting = 1;
    forecast.average_speed_of_answer = std::numeric_limits<double>::infinity();
    forecast.occupancy = 1;
    return forecast;
  }
  const double n = agents;
  const double b = ErlangB(agents, erlangs);
  const double c = n * b / (n - erlangs * (1 - b));
  forecast.probability_of_waiting = c;
  forecast.service_level =
      1 - c * std::exp(-(n - erlangs) * threshold_seconds / handle_seconds);
  forecast.average_speed_of_answer = c * handle_seconds / (n - erlangs);
  forecast.occupancy = erlangs / n;
  return forecast;
}

QueueForecast ErlangA(uint32_t agents, double erlangs, double handle_seconds,
                      double threshold_seconds, double patience_seconds,
                      double max_work) {
  QueueForecast forecast;
  if (erlangs <= 0) return forecast;
  const double mu = 1 / handle_seconds;
  const double theta = 1 / patience_seconds;
  const double lambda = erlangs * mu;
  // A load so small that the arrival rate underflows is no load (and would
  // divide 0 by 0 below).
  if (!(lambda > 0)) return forecast;
  const double n = agents;
  const double neg_inf = -std::numeric_limits<double>::infinity();
  // Queue states j >= 1 relative to state n: term_j = prod_{i<=j} lambda /
  // (n mu + i theta); kept in logs. Stop once terms are negligible and
  // falling.
  std::vector<double> log_terms = {0.0};  // j = 0
  double log_tail = neg_inf, log_queue = neg_inf, log_term = 0;
  // Bounded: beyond kMaxQueueStates waiting customers (deep overload with
  // very patient customers) the tail is cut, which only affects staffing
  // levels far below the answer.
  constexpr uint32_t kMaxQueueStates = 200000;
  for (uint32_t j = 1; j < kMaxQueueStates; ++j) {
    log_term += std::log(lambda / (n * mu + j * theta));
    log_terms.push_back(log_term);
    log_tail = LogAdd(log_tail, log_term);
    log_queue = LogAdd(log_queue, log_term + std::log(static_cast<double>(j)));
    if (lambda < n * mu + j * theta && log_term < log_tail - 40) break;
  }
  // pi_n = B / (1 + B (1 + tail) - B) with B the Erlang B of the first n
  // states: sum_{k<=n} pi_k = pi_n / B.
  const double log_b =
      agents == 0 ? 0.0 : std::log(std::max(ErlangB(agents, erlangs), 1e-300));
  const double log_rest = LogAdd(log_b + log_tail, 0.0);  // 1 + B tail
  const double log_pi_n = log_b - log_rest;
  const double log_wait = log_pi_n + LogAdd(0.0, log_tail);
  forecast.probability_of_waiting = std::min(1.0, std::exp(log_wait));
  const double queue = std::exp(log_pi_n + log_queue);
  forecast.abandonment = std::min(1.0, theta * queue / lambda);
  forecast.average_speed_of_answer = queue / lambda;
  // Busy agents = served load = offered load x (1 - abandonment).
  forecast.occupancy =
      agents == 0 ? 1.0
                  : std::min(1.0, erlangs * (1 - forecast.abandonment) / n);
  // P(virtual wait > t): an arrival finding j waiting is served after the
  // j+1 steps of a death chain with rates n mu + i theta (i = j..0).
  // Uniformize with rate L and weight the chain by Poisson(L t).
  const size_t states = log_terms.size();
  const double rate = n * mu + states * theta;
  const double lt = rate * threshold_seconds;
  if (agents == 0) {
    forecast.service_level = 0;
    return forecast;
  }
  std::vector<double> weight(states), survive(states, 1.0), next(states);
  for (size_t j = 0; j < states; ++j) {
    weight[j] = std::exp(log_pi_n + log_terms[j]);
  }
  const double steps = lt + 12 * std::sqrt(lt) + 30;
  if (steps * static_cast<double>(states) >
      std::min(kErlangAMaxWork, max_work)) {
    forecast.work = steps * static_cast<double>(states);
    forecast.computed = false;
    forecast.service_level = 0;
    return forecast;
  }
  const uint32_t max_steps = static_cast<uint32_t>(steps);
  forecast.work = steps * static_cast<double>(states);
  double late = 0;
  double log_poisson = -lt;  // log P(M = 0)
  for (uint32_t m = 0; m <= max_steps; ++m) {
    if (m > 0) log_poisson += std::log(lt / m);
    double alive = 0;
    for (size_t j = 0; j < states; ++j) alive += weight[j] * survive[j];
    if (log_poisson > -745) late += std::exp(log_poisson) * alive;
    // Everyone is served: later steps add nothing.
    if (alive < 1e-18) break;
    for (size_t j = 0; j < states; ++j) {
      const double p = (n * mu + j * theta) / rate;
      next[j] = (1 - p) * survive[j] + (j > 0 ? p * survive[j - 1] : 0.0);
    }
    survive.swap(next);
  }
  forecast.service_level = std::max(0.0, std::min(1.0, 1 - late));
  return forecast;
}

}  // namespace cxkit::sla
