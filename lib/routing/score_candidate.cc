#include "lib/routing/score_candidate.h"

#include <algorithm>
#include <cmath>

namespace cxkit::routing {
namespace {

// Mean over the item's scored skills of (level - min + 1) / (max - min + 1)
// for the skills the agent holds at their minimum, 0 for the others.
double SkillFit(const ItemModel& item, const AgentModel& agent,
                uint32_t max_level) {
  if (item.scored.empty()) return 0;
  double sum = 0;
  auto held = agent.skills.begin();
  for (const SkillNeed& need : item.scored) {
    while (held != agent.skills.end() && held->skill < need.skill) ++held;
    if (held == agent.skills.end() || held->skill != need.skill ||
        held->level < need.level) {
      continue;
    }
    const uint32_t level = std::min(held->level, max_level);
    const uint32_t floor = std::min(need.level, max_level);
    sum += static_cast<double>(level - floor + 1) / (max_level - floor + 1);
  }
  return sum / item.scored.size();
}

double LanguageFit(const ItemModel& item, const AgentModel& agent) {
  if (item.language < 0 || agent.languages.empty()) return 0;
  if (agent.languages.front() == item.language) return 1;
  return std::find(agent.languages.begin(), agent.languages.end(),
                   item.language) != agent.languages.end()
             ? 0.5
             : 0;
}

double LoadRatio(const ItemModel& item, const AgentModel& agent) {
  if (agent.capacity_units > 0) {
    return std::min(1.0, static_cast<double>(agent.used_units) /
                             static_cast<double>(agent.capacity_units));
  }
  const int32_t max_items = agent.max_items[item.channel];
  if (max_items <= 0) return 1;
  return std::min(
      1.0, static_cast<double>(agent.active_items[item.channel]) / max_items);
}

}  // namespace

PairScore ScoreCandidate(const RoutingModel& model, const ItemModel& item,
                         int32_t agent_index) {
  const AgentModel& agent = model.agents[agent_index];
  const Weights& w = model.params.weights;
  PairScore score;
  score.agent = agent_index;
  score.load_ratio = LoadRatio(item, agent);
  score.idle_seconds = agent.idle_seconds;
  double* out = score.weighted;
  out[PairScore::kSkillFit] =
      w.skill_fit * SkillFit(item, agent, model.params.max_skill_level);
  out[PairScore::kLanguage] = w.language * LanguageFit(item, agent);
  out[PairScore::kPriority] = w.priority * item.priority;
  out[PairScore::kCustomerTier] = w.customer_tier * item.customer_tier;
  out[PairScore::kSentiment] = w.sentiment * item.sentiment;
  out[PairScore::kSlaUrgency] = w.sla_urgency * item.sla_urgency;
  out[PairScore::kWaitTime] = w.wait_time * item.wait_time;
  const bool sticky = item.sticky_active &&
                      std::binary_search(item.preferred.begin(),
                                         item.preferred.end(), agent_index);
  out[PairScore::kSticky] = sticky ? w.sticky : 0;
  out[PairScore::kLoadBalance] = w.load_balance * (1 - score.load_ratio);
  out[PairScore::kIdleTime] = w.idle_time * agent.idle_time;
  double total = 0;
  for (double part : score.weighted) total += part;
  score.total_micros = std::llround(total * 1e6);
  return score;
}

void ToProtoBreakdown(const PairScore& score, cxkit::v1::RelaxationStep step,
                      cxkit::v1::ScoreBreakdown* out) {
  const double* w = score.weighted;
  out->set_skill_fit(w[PairScore::kSkillFit]);
  out->set_language(w[PairScore::kLanguage]);
  out->set_priority(w[PairScore::kPriority]);
  out->set_customer_tier(w[PairScore::kCustomerTier]);
  out->set_sentiment(w[PairScore::kSentiment]);
  out->set_sla_urgency(w[PairScore::kSlaUrgency]);
  out->set_wait_time(w[PairScore::kWaitTime]);
  out->set_sticky(w[PairScore::kSticky]);
  out->set_load_balance(w[PairScore::kLoadBalance]);
  out->set_idle_time(w[PairScore::kIdleTime]);
  out->set_total(static_cast<double>(score.total_micros) / 1e6);
  out->set_relaxation_step(step);
}

}  // namespace cxkit::routing
