#include "lib/identity/fellegi_sunter.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"

namespace cxkit::identity {
namespace {

constexpr double kFloor = 1e-9;
constexpr double kMinM = 0.01;

double Clamp(double p) { return std::min(1 - kFloor, std::max(kFloor, p)); }

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Below(uint64_t* state, uint64_t n) {
  return static_cast<uint64_t>(
      (static_cast<unsigned __int128>(SplitMix(state)) * n) >> 64);
}

}  // namespace

void EstimateU(const MatchValues& values, const MatchPolicy& policy,
               const std::vector<uint32_t>& records, MatchModel* model) {
  const size_t comparisons = policy.comparisons.size();
  std::vector<std::vector<uint64_t>> counts(comparisons);
  for (size_t c = 0; c < comparisons; ++c) {
    counts[c].assign(policy.comparisons[c].level_count(), 0);
  }
  if (records.size() >= 2) {
    uint64_t state = policy.seed;
    for (uint32_t s = 0; s < policy.u_sample_pairs; ++s) {
      const uint32_t a = records[Below(&state, records.size())];
      const uint32_t b = records[Below(&state, records.size())];
      if (a == b) continue;
      for (uint32_t c = 0; c < comparisons; ++c) {
        const uint8_t level = values.Level(c, a, b);
        if (level != kNullLevel) ++counts[c][level];
      }
    }
  }
  model->u.assign(comparisons, {});
  for (size_t c = 0; c < comparisons; ++c) {
    uint64_t total = 0;
    for (uint64_t count : counts[c]) total += count;
    const double levels = static_cast<double>(counts[c].size());
    for (uint64_t count : counts[c]) {
      model->u[c].push_back(Clamp((static_cast<double>(count) + 1.0) /
                                  (static_cast<double>(total) + levels)));
    }
  }
}

void InitialM(const MatchPolicy& policy, MatchModel* model) {
  model->prior = 0.1;
  model->m.assign(policy.comparisons.size(), {});
  for (size_t c = 0; c < policy.comparisons.size(); ++c) {
    const size_t listed = policy.comparisons[c].levels.size();
    double share = 0;
    for (size_t l = 0; l < listed; ++l) share += std::ldexp(1.0, -int(l));
    for (size_t l = 0; l < listed; ++l) {
      model->m[c].push_back(0.9 * std::ldexp(1.0, -int(l)) / share);
    }
    model->m[c].push_back(0.1);
  }
}

uint32_t EstimateM(const MatchPolicy& policy,
                   const std::vector<uint64_t>& levels, uint64_t record_count,
                   MatchModel* model) {
  if (levels.empty()) return 0;
  absl::flat_hash_map<uint64_t, uint64_t> count_of;
  for (uint64_t pattern : levels) ++count_of[pattern];
  std::vector<std::pair<uint64_t, uint64_t>> patterns(count_of.begin(),
                                                      count_of.end());
  std::sort(patterns.begin(), patterns.end());
  const uint32_t comparisons = static_cast<uint32_t>(policy.comparisons.size());
  std::vector<std::vector<double>> sum(comparisons);
  std::vector<std::vector<double>> sum_u(comparisons);
  // The non-match class of the candidate pairs is not the population of
  // random pairs (blocking makes its members alike), so EM fits its own u,
  // starting from the random-pair u; the final weights use the random-pair u.
  std::vector<std::vector<double>> u = model->u;
  double prior = model->prior;
  double expected_matches = 0;
  uint32_t iteration = 0;
  while (iteration < policy.em_max_iterations) {
    ++iteration;
    for (uint32_t c = 0; c < comparisons; ++c) {
      sum[c].assign(policy.comparisons[c].level_count(), 0.0);
      sum_u[c].assign(policy.comparisons[c].level_count(), 0.0);
    }
    double matches = 0;
    double total = 0;
    for (const auto& [pattern, count] : patterns) {
      double pm = prior;
      double pu = 1 - prior;
      for (uint32_t c = 0; c < comparisons; ++c) {
        const uint8_t level = LevelOf(pattern, c);
        if (level == kNullLevel) continue;
        pm *= model->m[c][level];
        pu *= u[c][level];
      }
      const double r = pm / (pm + pu);
      const double weighted = r * static_cast<double>(count);
      const double weighted_u = static_cast<double>(count) - weighted;
      matches += weighted;
      total += static_cast<double>(count);
      for (uint32_t c = 0; c < comparisons; ++c) {
        const uint8_t level = LevelOf(pattern, c);
        if (level == kNullLevel) continue;
        sum[c][level] += weighted;
        sum_u[c][level] += weighted_u;
      }
    }
    double largest_change = 0;
    for (uint32_t c = 0; c < comparisons; ++c) {
      double non_null = 0;
      for (double s : sum[c]) non_null += s;
      double non_null_u = 0;
      for (double s : sum_u[c]) non_null_u += s;
      // m of every level stays >= kMinM (then renormalized): a level EM
      // never sees among the matches early on (a move changes postcode, city
      // and street together) would otherwise veto every later match.
      double floored_total = 0;
      for (size_t l = 0; l < sum[c].size(); ++l) {
        floored_total += std::max(kMinM, sum[c][l] / non_null);
      }
      for (size_t l = 0; l < sum[c].size(); ++l) {
        if (non_null > 0) {
          const double m =
              Clamp(std::max(kMinM, sum[c][l] / non_null) / floored_total);
          largest_change =
              std::max(largest_change, std::fabs(m - model->m[c][l]));
          model->m[c][l] = m;
        }
        if (non_null_u > 0) u[c][l] = Clamp(sum_u[c][l] / non_null_u);
      }
    }
    prior = Clamp(matches / total);
    expected_matches = matches;
    if (largest_change <= policy.em_tolerance) break;
  }
  // The prior of the final model is over all pairs of records, matching the
  // random-pair u.
  const double n = static_cast<double>(record_count);
  const double all_pairs = n * (n - 1) / 2;
  if (all_pairs > 0) model->prior = Clamp(expected_matches / all_pairs);
  return iteration;
}

MatchWeights ComputeWeights(const MatchPolicy& policy,
                            const MatchModel& model) {
  MatchWeights weights;
  weights.prior_weight = std::log2(model.prior / (1 - model.prior));
  weights.partial.resize(policy.comparisons.size());
  for (size_t c = 0; c < policy.comparisons.size(); ++c) {
    for (size_t l = 0; l < model.m[c].size(); ++l) {
      weights.partial[c].push_back(std::log2(model.m[c][l] / model.u[c][l]));
    }
  }
  return weights;
}

double PartialWeight(const MatchPolicy& policy, const MatchModel& model,
                     const MatchWeights& weights, const MatchValues& values,
                     uint32_t c, uint8_t level, uint32_t a) {
  if (level == kNullLevel) return 0;
  const CompiledComparison& comparison = policy.comparisons[c];
  if (comparison.term_frequency && level < comparison.levels.size() &&
      comparison.levels[level].equality) {
    const double frequency =
        std::max(values.Frequency(c, a), model.u[c][level] / 100.0);
    return std::log2(model.m[c][level] / frequency);
  }
  return weights.partial[c][level];
}

double PairWeight(const MatchPolicy& policy, const MatchModel& model,
                  const MatchWeights& weights, const MatchValues& values,
                  uint64_t levels, uint32_t a) {
  double weight = weights.prior_weight;
  for (uint32_t c = 0; c < policy.comparisons.size(); ++c) {
    weight +=
        PartialWeight(policy, model, weights, values, c, LevelOf(levels, c), a);
  }
  return weight;
}

double WeightToProbability(double weight) {
  return 1.0 / (1.0 + std::exp2(-weight));
}

}  // namespace cxkit::identity
