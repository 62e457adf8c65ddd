#include "lib/routing/score_candidate.h"

#include <algorithm>
#include <cmath>

namespace cxkit::routing {
namespace {

double LanguageFit(const ItemModel& item, const AgentModel& agent) {
  if (item.language < 0 || agent.languages.empty()) return 0;
  if (agent.languages.front() == item.language) return 1;
  return std::find(agent.languages.begin(), agent.languages.end(),
                   item.language) != agent.languages.end()
             ? 0.5
             : 0;
}

}  // namespace

double WeightedSkillFit(const ItemModel& item, const AgentModel& agent,
                        uint32_t max_level) {
  double sum = 0;
  auto held = agent.skills.begin();
  for (const SkillNeed& need : item.scored) {
    while (held != agent.skills.end() && held->skill < need.skill) ++held;
    if (held == agent.skills.end() || held->skill != need.skill ||
        held->level < need.level) {
      continue;
    }
    sum += need.per_level * LevelSteps(held->level, need.level, max_level);
  }
  return sum;
}

int64_t PairMicros(const RoutingModel& model, const ItemModel& item,
                   int32_t agent_index) {
  const AgentModel& agent = model.agents[agent_index];
  const Weights& w = model.params.weights;
  return SumPairParts(
      item.scored.empty()
          ? 0
          : WeightedSkillFit(item, agent, model.params.max_skill_level),
      w.language * LanguageFit(item, agent),
      Sticky(item, agent_index) ? w.sticky : 0,
      agent.load_weighted[item.channel], agent.idle_weighted);
}

PairScore ScoreCandidate(const RoutingModel& model, const ItemModel& item,
                         int32_t agent_index) {
  const AgentModel& agent = model.agents[agent_index];
  const Weights& w = model.params.weights;
  PairScore score;
  score.agent = agent_index;
  score.load_ratio = agent.load_ratio[item.channel];
  score.idle_seconds = agent.idle_seconds;
  double* out = score.weighted;
  out[PairScore::kSkillFit] =
      item.scored.empty()
          ? 0
          : WeightedSkillFit(item, agent, model.params.max_skill_level);
  out[PairScore::kLanguage] = w.language * LanguageFit(item, agent);
  out[PairScore::kPriority] = w.priority * item.priority;
  out[PairScore::kCustomerTier] = w.customer_tier * item.customer_tier;
  out[PairScore::kSentiment] = w.sentiment * item.sentiment;
  out[PairScore::kSlaUrgency] = w.sla_urgency * item.sla_urgency;
  out[PairScore::kWaitTime] = w.wait_time * item.wait_time;
  out[PairScore::kSticky] = Sticky(item, agent_index) ? w.sticky : 0;
  out[PairScore::kLoadBalance] = agent.load_weighted[item.channel];
  out[PairScore::kIdleTime] = agent.idle_weighted;
  score.total_micros = item.item_micros + PairMicros(model, item, agent_index);
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
