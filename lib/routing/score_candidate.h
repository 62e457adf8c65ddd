// The score of an eligible (item, agent) pair, component by component.

#ifndef CXKIT_LIB_ROUTING_SCORE_CANDIDATE_H_
#define CXKIT_LIB_ROUTING_SCORE_CANDIDATE_H_

#include <algorithm>
#include <cstdint>

#include "cxkit/v1/routing.pb.h"
#include "lib/routing/routing_model.h"

namespace cxkit::routing {

// Weighted components (weight x value in [0, 1]) in ScoreBreakdown order, the
// total in millionths (the exact integer the assigners compare and sum), and
// the tie-breaks. The total is ItemModel::item_micros (the item-only
// components, summed and rounded) plus PairMicros (the others, summed and
// rounded), so ranking the agents of one item only needs PairMicros.
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

// Whether `agent_index` is a preferred agent of `item` while its stickiness
// lasts.
inline bool Sticky(const ItemModel& item, int32_t agent_index) {
  return item.sticky_active && !item.preferred.empty() &&
         std::binary_search(item.preferred.begin(), item.preferred.end(),
                            agent_index);
}

// The levels an agent holding a skill at `held` (>= `need`) scores on it when
// the item needs `need`: min(held, max) - min(need, max) + 1.
inline double LevelSteps(uint32_t held, uint32_t need, uint32_t max_level) {
  return static_cast<double>(std::min(held, max_level) -
                             std::min(need, max_level) + 1);
}

// weights.skill_fit x the mean over the item's scored skills of
// (level - min + 1) / (max - min + 1) for the skills the agent holds at their
// minimum (0 for the others); see SkillNeed::per_level.
double WeightedSkillFit(const ItemModel& item, const AgentModel& agent,
                        uint32_t max_level);

// The agent-dependent weighted components summed in the one order every
// scorer uses (so that all of them round to the same micros), in millionths.
inline int64_t SumPairParts(double skill_fit, double language, double sticky,
                            double load_balance, double idle_time) {
  double part = skill_fit;
  part += language;
  part += sticky;
  part += load_balance;
  part += idle_time;
  return ToMicros(part);
}

// The agent-dependent part of the score in millionths: skill_fit, language,
// sticky, load_balance and idle_time. Does not check eligibility.
int64_t PairMicros(const RoutingModel& model, const ItemModel& item,
                   int32_t agent_index);

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
