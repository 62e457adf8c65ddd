// The Fellegi-Sunter model: u from random pairs, m and the prior by
// expectation-maximisation over the candidate pairs, and match weights.

#ifndef CXKIT_LIB_IDENTITY_FELLEGI_SUNTER_H_
#define CXKIT_LIB_IDENTITY_FELLEGI_SUNTER_H_

#include <cstdint>
#include <vector>

#include "lib/identity/match_policy.h"
#include "lib/identity/match_values.h"

namespace cxkit::identity {

// u per level: the level frequencies among `policy.u_sample_pairs` random
// pairs of `records` (drawn by a SplitMix64 stream from policy.seed, so the
// same records and seed give the same u), Laplace-smoothed. `records` are in
// canonical order. With fewer than 2 records every level gets 1 / levels.
void EstimateU(const MatchValues& values, const MatchPolicy& policy,
               const std::vector<uint32_t>& records, MatchModel* model);

// Starting m values and prior for EM: the listed levels share 0.9, halving
// from the first; "else" gets 0.1; prior (of a candidate pair) 0.1.
void InitialM(const MatchPolicy& policy, MatchModel* model);

// Runs EM over `levels` (the packed levels of the candidate pairs) until no m
// moves by more than em_tolerance or em_max_iterations, and returns the
// iterations run. Every estimated m is at least about 0.01. EM fits m, the
// candidate pairs' own u (starting from model->u) and their match share;
// model->m gets the fitted m, model->u stays the random-pair u, and
// model->prior becomes the expected matches over all record_count *
// (record_count - 1) / 2 pairs, so weights and prior refer to the same
// population. Sums run over the distinct level patterns in ascending order, so
// the result is bit-for-bit reproducible.
uint32_t EstimateM(const MatchPolicy& policy,
                   const std::vector<uint64_t>& levels, uint64_t record_count,
                   MatchModel* model);

// Partial weights log2(m / u) per comparison and level, precomputed.
struct MatchWeights {
  double prior_weight = 0;  // log2(prior / (1 - prior))
  std::vector<std::vector<double>> partial;
};
MatchWeights ComputeWeights(const MatchPolicy& policy, const MatchModel& model);

// The partial weight of comparison `c` at `level` for records `a` and `b`,
// term-frequency adjusted where the policy says so; 0 for kNullLevel.
double PartialWeight(const MatchPolicy& policy, const MatchModel& model,
                     const MatchWeights& weights, const MatchValues& values,
                     uint32_t c, uint8_t level, uint32_t a);

// The match weight of a pair: prior weight plus partial weights, summed in
// comparison order.
double PairWeight(const MatchPolicy& policy, const MatchModel& model,
                  const MatchWeights& weights, const MatchValues& values,
                  uint64_t levels, uint32_t a);

// 2^w / (1 + 2^w).
double WeightToProbability(double weight);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_FELLEGI_SUNTER_H_
