// The probabilistic-matching section of an IdentityPolicy, validated and
// compiled once per call.

#ifndef CXKIT_LIB_IDENTITY_MATCH_POLICY_H_
#define CXKIT_LIB_IDENTITY_MATCH_POLICY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cxkit/v1/identity.pb.h"

namespace cxkit::identity {

// Level index of a pair whose value is missing on either side.
inline constexpr uint8_t kNullLevel = 0xF;
// Most comparisons and levels (so a pair's levels pack into 64 bits).
inline constexpr int kMaxComparisons = 16;
inline constexpr int kMaxLevels = 8;

struct CompiledLevel {
  cxkit::v1::ComparisonLevelKind kind;
  double threshold = 0;
  uint32_t max_distance = 0;
  double numeric_distance = 0;
  // SWAPPED: the comparison whose values are crossed with this one's.
  uint32_t swapped_with = 0;
  std::string label;
  // EXACT or NORMALIZED_EXACT: term-frequency adjustment applies.
  bool equality = false;
};

struct CompiledComparison {
  std::string name;
  std::string attribute;  // empty for derived values
  cxkit::v1::DerivedAttribute derived;
  // The listed levels; the "else" level is index levels.size().
  std::vector<CompiledLevel> levels;
  // The largest max_distance of its LEVENSHTEIN and of its
  // DAMERAU_LEVENSHTEIN levels (0 when none): each distance is computed once
  // per pair with that cap and serves every level of its kind.
  uint32_t levenshtein_cap = 0;
  uint32_t osa_cap = 0;
  bool term_frequency = false;
  uint32_t level_count() const {
    return static_cast<uint32_t>(levels.size()) + 1;
  }
};

struct CompiledBlockingKey {
  uint32_t comparison = 0;
  cxkit::v1::BlockingTransform transform;
  uint32_t length = 0;
};

// m and u per comparison level (including "else") and the prior.
struct MatchModel {
  double prior = 0;
  std::vector<std::vector<double>> m;
  std::vector<std::vector<double>> u;
};

struct MatchPolicy {
  std::vector<CompiledComparison> comparisons;
  std::vector<std::vector<CompiledBlockingKey>> blocking_rules;
  double match_threshold = 0.99;
  double review_threshold = 0;  // 0: no suggestions
  uint32_t em_max_iterations = 25;
  double em_tolerance = 1e-4;
  uint32_t u_sample_pairs = 200000;
  uint64_t seed = 0;
  uint32_t max_block_size = 1000;
  uint64_t max_candidate_pairs = 50000000;
  uint32_t max_score_pairs = 100000;
  bool has_model = false;
  MatchModel model;  // when has_model
};

// Validates `matching` (which must be enabled) and compiles it. Errors name
// the field under "policy.probabilistic".
absl::StatusOr<MatchPolicy> CompileMatchPolicy(
    const cxkit::v1::ProbabilisticMatching& matching);

// Writes `model` in the contract's form (labels and match weights included).
void ModelToProto(const MatchPolicy& policy, const MatchModel& model,
                  cxkit::v1::ProbabilisticModel* out);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_MATCH_POLICY_H_
