#include "lib/identity/probabilistic_matcher.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "lib/identity/match_blocking.h"

namespace cxkit::identity {
namespace {

bool Stronger(const ScoredCandidate& x, const ScoredCandidate& y,
              const std::vector<uint32_t>& position) {
  if (x.weight != y.weight) return x.weight > y.weight;
  return std::make_tuple(position[x.a], position[x.b]) <
         std::make_tuple(position[y.a], position[y.b]);
}

}  // namespace

ProbabilisticMatcher::ProbabilisticMatcher(
    const cxkit::v1::ResolveIdentitiesRequest& request,
    const MatchPolicy& policy, const IdentityIndex& index)
    : request_(request),
      policy_(policy),
      index_(index),
      values_(request, policy, index) {}

ScoredCandidate ProbabilisticMatcher::Score(uint32_t x, uint32_t y) const {
  ScoredCandidate pair;
  const bool x_first =
      index_.canonical_position[x] <= index_.canonical_position[y];
  pair.a = x_first ? x : y;
  pair.b = x_first ? y : x;
  pair.levels = values_.Levels(pair.a, pair.b);
  pair.weight =
      PairWeight(policy_, model_, weights_, values_, pair.levels, pair.a);
  return pair;
}

void ProbabilisticMatcher::Run(cxkit::v1::ResolveIdentitiesResponse* response) {
  const std::vector<uint32_t>& position = index_.canonical_position;
  const uint32_t n = static_cast<uint32_t>(position.size());
  std::vector<uint32_t> record_at(n);
  for (uint32_t r = 0; r < n; ++r) record_at[position[r]] = r;

  CandidatePairs candidates = FindCandidatePairs(values_, policy_, position);
  cxkit::v1::IdentityStats* stats = response->mutable_stats();
  stats->set_candidate_pairs(candidates.block_pairs);
  stats->set_compared_pairs(candidates.pairs.size());
  stats->set_oversized_blocks(candidates.oversized_blocks);

  std::vector<uint64_t> levels(candidates.pairs.size());
  for (size_t i = 0; i < candidates.pairs.size(); ++i) {
    const uint32_t a = record_at[candidates.pairs[i] >> 32];
    const uint32_t b = record_at[candidates.pairs[i] & 0xFFFFFFFFu];
    levels[i] = values_.Levels(a, b);
  }

  if (policy_.has_model) {
    model_ = policy_.model;
  } else {
    std::vector<uint32_t> included;
    included.reserve(n);
    for (uint32_t p = 0; p < n; ++p) {
      if (!index_.excluded[record_at[p]]) included.push_back(record_at[p]);
    }
    EstimateU(values_, policy_, included, &model_);
    InitialM(policy_, &model_);
    stats->set_em_iterations(
        EstimateM(policy_, levels, included.size(), &model_));
  }
  weights_ = ComputeWeights(policy_, model_);
  ModelToProto(policy_, model_, response->mutable_model());

  const double review = policy_.review_threshold > 0 ? policy_.review_threshold
                                                     : policy_.match_threshold;
  for (size_t i = 0; i < candidates.pairs.size(); ++i) {
    ScoredCandidate pair;
    pair.a = record_at[candidates.pairs[i] >> 32];
    pair.b = record_at[candidates.pairs[i] & 0xFFFFFFFFu];
    pair.levels = levels[i];
    pair.weight =
        PairWeight(policy_, model_, weights_, values_, pair.levels, pair.a);
    const double probability = WeightToProbability(pair.weight);
    if (probability >= policy_.match_threshold) {
      links_.push_back(pair);
    } else if (policy_.review_threshold > 0 && probability >= review) {
      suggestions_.push_back(pair);
    }
  }
  auto stronger = [&](const ScoredCandidate& x, const ScoredCandidate& y) {
    return Stronger(x, y, position);
  };
  std::sort(links_.begin(), links_.end(), stronger);
  std::sort(suggestions_.begin(), suggestions_.end(), stronger);
  stats->set_matched_pairs(links_.size());
}

void ProbabilisticMatcher::FillEvidence(
    const ScoredCandidate& pair, cxkit::v1::MatchEvidence* evidence) const {
  evidence->set_match_weight(pair.weight);
  evidence->set_probability(WeightToProbability(pair.weight));
  for (uint32_t c = 0; c < policy_.comparisons.size(); ++c) {
    const CompiledComparison& comparison = policy_.comparisons[c];
    const uint8_t level = LevelOf(pair.levels, c);
    auto* outcome = evidence->add_comparisons();
    outcome->set_comparison(comparison.name);
    if (level == kNullLevel) {
      outcome->set_level("null");
      continue;
    }
    outcome->set_level(level < comparison.levels.size()
                           ? comparison.levels[level].label
                           : std::string("else"));
    outcome->set_partial_weight(
        PartialWeight(policy_, model_, weights_, values_, c, level, pair.a));
  }
}

void ProbabilisticMatcher::AddScoredPair(const ScoredCandidate& pair,
                                         cxkit::v1::ScoredPair* out) const {
  absl::string_view first = index_.records[pair.a].id;
  absl::string_view second = index_.records[pair.b].id;
  if (second < first) std::swap(first, second);
  out->set_record_id(first.data(), first.size());
  out->set_other_record_id(second.data(), second.size());
  FillEvidence(pair, out->mutable_match());
}

void ProbabilisticMatcher::AddSuggestionsAndScores(
    const std::vector<uint32_t>& root,
    cxkit::v1::ResolveIdentitiesResponse* response) {
  uint32_t suggestions = 0;
  for (const ScoredCandidate& pair : suggestions_) {
    if (root[pair.a] == root[pair.b]) continue;
    AddScoredPair(pair, response->add_suggestions());
    ++suggestions;
  }
  response->mutable_stats()->set_suggestions(suggestions);
  if (request_.score_pairs_size() == 0) return;
  absl::flat_hash_map<absl::string_view, uint32_t> record_of;
  for (uint32_t r = 0; r < index_.records.size(); ++r) {
    record_of.emplace(index_.records[r].id, r);
  }
  for (const auto& requested : request_.score_pairs()) {
    // Validation guarantees both ids exist.
    const uint32_t x = record_of.at(requested.record_id());
    const uint32_t y = record_of.at(requested.other_record_id());
    AddScoredPair(Score(x, y), response->add_pair_scores());
  }
}

}  // namespace cxkit::identity
