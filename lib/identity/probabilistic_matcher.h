// Probabilistic (Fellegi-Sunter) matching inside ResolveIdentities: blocking,
// model estimation or the given model, scoring, and the evidence of a pair.

#ifndef CXKIT_LIB_IDENTITY_PROBABILISTIC_MATCHER_H_
#define CXKIT_LIB_IDENTITY_PROBABILISTIC_MATCHER_H_

#include <cstdint>
#include <vector>

#include "cxkit/v1/identity.pb.h"
#include "lib/identity/fellegi_sunter.h"
#include "lib/identity/identity_index.h"
#include "lib/identity/match_policy.h"
#include "lib/identity/match_values.h"

namespace cxkit::identity {

// A scored pair of records (request indices); `a` has the smaller canonical
// position.
struct ScoredCandidate {
  uint32_t a = 0;
  uint32_t b = 0;
  double weight = 0;
  uint64_t levels = 0;
};

class ProbabilisticMatcher {
 public:
  // `request`, `policy` and `index` must outlive the matcher.
  ProbabilisticMatcher(const cxkit::v1::ResolveIdentitiesRequest& request,
                       const MatchPolicy& policy, const IdentityIndex& index);

  // Blocks, estimates the model unless the policy gives one, scores the
  // candidate pairs, and writes the model and the pair counts to `response`.
  void Run(cxkit::v1::ResolveIdentitiesResponse* response);

  // Pairs at or above match_threshold, strongest first (ties by canonical
  // positions): the order the linker tries them in.
  const std::vector<ScoredCandidate>& links() const { return links_; }

  // Writes the weight, probability and per-comparison levels of `pair`.
  void FillEvidence(const ScoredCandidate& pair,
                    cxkit::v1::MatchEvidence* evidence) const;

  // Appends the suggestions (pairs in [review_threshold, match_threshold)
  // whose records ended in different groups of `root`) and the scores of
  // request.score_pairs to `response`.
  void AddSuggestionsAndScores(const std::vector<uint32_t>& root,
                               cxkit::v1::ResolveIdentitiesResponse* response);

 private:
  ScoredCandidate Score(uint32_t x, uint32_t y) const;
  void AddScoredPair(const ScoredCandidate& pair,
                     cxkit::v1::ScoredPair* out) const;

  const cxkit::v1::ResolveIdentitiesRequest& request_;
  const MatchPolicy& policy_;
  const IdentityIndex& index_;
  MatchValues values_;
  MatchModel model_;
  MatchWeights weights_;
  std::vector<ScoredCandidate> links_;
  std::vector<ScoredCandidate> suggestions_;
};

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PROBABILISTIC_MATCHER_H_
