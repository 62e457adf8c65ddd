// The score of an eligible (item, agent) pair, component by component.

#ifndef CXKIT_LIB_ROUTING_SCORE_CANDIDATE_H_
#define CXKIT_LIB_ROUTING_SCORE_CANDIDATE_H_

#include <cstdint>

#include "cxkit/v1/routing.pb.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// Weighted components (weight x value in [0, 1]) in ScoreBreakdown order, the
// total in millionths (the exact integer the assigners compare and sum), and
// the tie-breaks.
struct PairScore {
  enum Component {
    kSkillFit,
    kLanguage,
    kPriority,
    kCustomerTier,
    kSentiment,
    kSlaUrgency,
    kWaitTime,
    kSticky,
    kLoadBalance,
    kIdleTime,
    kComponentCount
  };
  double weighted[kComponentCount] = {};
  int64_t total_micros = 0;
  // Load ratio before the batch (lower wins a tie), idle seconds (higher wins).
  double load_ratio = 0;
  double idle_seconds = 0;
  int32_t agent = 0;
};

// Scores `agent_index` for `item`. Does not check eligibility.
PairScore ScoreCandidate(const RoutingModel& model, const ItemModel& item,
                         int32_t agent_index);

// True when `a` ranks before `b` for the same item: higher total, then lower
// load ratio, then longer idle, then smaller agent index (id order).
inline bool RanksBefore(const PairScore& a, const PairScore& b) {
  if (a.total_micros != b.total_micros) return a.total_micros > b.total_micros;
  if (a.load_ratio != b.load_ratio) return a.load_ratio < b.load_ratio;
  if (a.idle_seconds != b.idle_seconds) return a.idle_seconds > b.idle_seconds;
  return a.agent < b.agent;
}

// Writes `score` (and the item's relaxation step) as a ScoreBreakdown.
void ToProtoBreakdown(const PairScore& score, cxkit::v1::RelaxationStep step,
                      cxkit::v1::ScoreBreakdown* out);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_SCORE_CANDIDATE_H_
