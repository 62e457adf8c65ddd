#include "lib/routing/greedy_assigner.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/routing/dense_agent_facts.h"

namespace cxkit::routing {
namespace {

// An agent of a bucket and the part of its pair score that does not depend
// on the item beyond its channel and language: language + load_balance +
// idle_time (weighted).
struct Entry {
  int32_t agent;
  double fixed_part;
  // Bit s set when the agent holds skill id s (ids below 64 only): a cheap
  // necessary condition for the skill requirements.
  uint64_t skill_mask;
  // The weighted components of fixed_part, for SumPairParts.
  double language;
  double load_balance;
  double idle_time;
};

uint64_t SkillMask(const AgentModel& agent) {
  uint64_t mask = 0;
  for (const SkillNeed& held : agent.skills) {
    if (held.skill < 64) mask |= uint64_t{1} << held.skill;
  }
  return mask;
}

uint64_t RequiredMask(const ItemModel& item) {
  uint64_t mask = 0;
  for (const SkillNeed& need : item.required) {
    if (need.skill < 64) mask |= uint64_t{1} << need.skill;
  }
  return mask;
}

// The live state of the batch: capacity left, and per bucket the agents that
// may still take one of its items, best fixed part first.
class GreedyState {
 public:
  GreedyState(const RoutingModel& model, const CandidateIndex& index)
      : model_(model), index_(index) {
    free_slots_.resize(model.agents.size());
    free_units_.resize(model.agents.size());
    for (size_t a = 0; a < model.agents.size(); ++a) {
      const AgentModel& agent = model.agents[a];
      for (int c = 0; c < kChannelCount; ++c) {
        free_slots_[a][c] = agent.FreeSlots(c);
      }
      free_units_[a] = agent.FreeUnits();
    }
  }

  bool HasRoom(int32_t agent, const ItemModel& item) const {
    return free_slots_[agent][item.channel] > 0 &&
           free_units_[agent] >= static_cast<int64_t>(item.units);
  }

  void Take(int32_t agent, const ItemModel& item) {
    --free_slots_[agent][item.channel];
    free_units_[agent] -= item.units;
  }

  // The bucket of `item`'s channel and language, built and sorted on first
  // use: fixed part descending, then RanksBefore's tie-breaks. Agents that
  // fill up are marked dead (agent -1) and swept out once they are half of
  // the bucket, which keeps the order without quadratic erasing.
  std::vector<Entry>& Bucket(const ItemModel& item) {
    const int64_t key = CandidateIndex::Key(item.channel, item.language);
    auto [it, inserted] = buckets_.try_emplace(key);
    if (inserted) {
      const Weights& w = model_.params.weights;
      for (int32_t agent : index_.Agents(item.channel, item.language)) {
        const AgentModel& a = model_.agents[agent];
        double language = 0;
        if (item.language >= 0) {
          language = a.languages.front() == item.language ? w.language
                                                          : w.language * 0.5;
        }
        const double load = a.load_weighted[item.channel];
        it->second.push_back({agent, language + load + a.idle_weighted,
                              SkillMask(a), language, load, a.idle_weighted});
      }
      const int channel = item.channel;
      std::sort(it->second.begin(), it->second.end(),
                [this, channel](const Entry& x, const Entry& y) {
                  if (x.fixed_part != y.fixed_part) {
                    return x.fixed_part > y.fixed_part;
                  }
                  const AgentModel& ax = model_.agents[x.agent];
                  const AgentModel& ay = model_.agents[y.agent];
                  if (ax.load_ratio[channel] != ay.load_ratio[channel]) {
                    return ax.load_ratio[channel] < ay.load_ratio[channel];
                  }
                  if (ax.idle_seconds != ay.idle_seconds) {
                    return ax.idle_seconds > ay.idle_seconds;
                  }
                  return x.agent < y.agent;
                });
    }
    std::vector<Entry>& bucket = it->second;
    size_t& dead = dead_[it->first];
    if (dead * 2 > bucket.size()) {
      bucket.erase(std::remove_if(bucket.begin(), bucket.end(),
                                  [](const Entry& e) { return e.agent < 0; }),
                   bucket.end());
      dead = 0;
    }
    return bucket;
  }

  // Marks `entry` of `item`'s bucket dead.
  void Kill(const ItemModel& item, Entry* entry) {
    entry->agent = -1;
    ++dead_[CandidateIndex::Key(item.channel, item.language)];
  }

 private:
  const RoutingModel& model_;
  const CandidateIndex& index_;
  std::vector<std::array<int32_t, kChannelCount>> free_slots_;
  std::vector<int64_t> free_units_;
  absl::flat_hash_map<int64_t, std::vector<Entry>> buckets_;
  absl::flat_hash_map<int64_t, size_t> dead_;
};

// Keeps the agent that ranks first (RanksBefore) among those offered.
class BestCandidate {
 public:
  BestCandidate(const RoutingModel& model, const ItemModel& item)
      : model_(model), channel_(item.channel) {}

  void Offer(int32_t agent, int64_t micros) {
    if (best_ >= 0 && !Better(agent, micros)) return;
    best_ = agent;
    micros_ = micros;
  }
  int32_t agent() const { return best_; }
  int64_t micros() const { return micros_; }

 private:
  bool Better(int32_t agent, int64_t micros) const {
    if (micros != micros_) return micros > micros_;
    const AgentModel& a = model_.agents[agent];
    const AgentModel& b = model_.agents[best_];
    if (a.load_ratio[channel_] != b.load_ratio[channel_]) {
      return a.load_ratio[channel_] < b.load_ratio[channel_];
    }
    if (a.idle_seconds != b.idle_seconds) {
      return a.idle_seconds > b.idle_seconds;
    }
    return agent < best_;
  }

  const RoutingModel& model_;
  int channel_;
  int32_t best_ = -1;
  int64_t micros_ = 0;
};

// Whether `agent` is in `item`'s bucket (available, handles the channel,
// speaks the language, had room before the batch).
bool InBucket(const RoutingModel& model, const ItemModel& item, int32_t agent) {
  const AgentModel& a = model.agents[agent];
  if (!a.available || a.max_items[item.channel] <= 0 ||
      a.FreeSlots(item.channel) <= 0 ||
      a.FreeUnits() < static_cast<int64_t>(item.units)) {
    return false;
  }
  return item.language < 0 || std::find(a.languages.begin(), a.languages.end(),
                                        item.language) != a.languages.end();
}

// What decides whether an item without exclusions finds an agent with room:
// channel, language, team, units and required skills, as bytes.
void Signature(const ItemModel& item, std::string* out) {
  out->clear();
  const int32_t head[] = {item.channel, item.language, item.team,
                          static_cast<int32_t>(item.units)};
  out->append(reinterpret_cast<const char*>(head), sizeof(head));
  for (const SkillNeed& need : item.required) {
    const int32_t pair[] = {need.skill, static_cast<int32_t>(need.level)};
    out->append(reinterpret_cast<const char*>(pair), sizeof(pair));
  }
}

}  // namespace

absl::Status TooManyVisits(uint64_t limit) {
  return FieldError(
      absl::StatusCode::kResourceExhausted, "policy.limits.max_visits",
      absl::StrCat("the assignment would examine more than ", limit,
                   " (item, agent) pairs; raise "
                   "policy.limits.max_visits or split the queue"));
}

absl::StatusOr<BatchAssignment> AssignGreedily(const RoutingModel& model,
                                               const CandidateIndex& index) {
  const size_t item_count = model.items.size();
  BatchAssignment result;
  result.optimality = cxkit::v1::OPTIMALITY_GREEDY;
  result.agent_of_item.assign(item_count, -1);
  result.score_of_item.resize(item_count);
  result.had_eligible_agent.assign(item_count, false);
  GreedyState state(model, index);
  const DenseAgentFacts facts(model);
  const double sticky_weight = model.params.weights.sticky;
  const uint64_t max_visits = model.params.limits.max_visits();
  uint64_t visits = 0;
  // Signatures of items that found no agent -> had_eligible_agent.
  absl::flat_hash_map<std::string, bool> unserved;
  std::string signature;

  for (size_t i = 0; i < item_count; ++i) {
    const ItemModel& item = model.items[i];
    const bool cacheable = item.excluded.empty();
    if (cacheable) {
      Signature(item, &signature);
      auto it = unserved.find(signature);
      if (it != unserved.end()) {
        result.had_eligible_agent[i] = it->second;
        continue;
      }
    }
    BestCandidate best(model, item);
    // Preferred agents first: their sticky component is not in the bound.
    if (item.sticky_active) {
      for (int32_t agent : item.preferred) {
        ++visits;
        if (InBucket(model, item, agent) && state.HasRoom(agent, item) &&
            PassesItemChecks(item, agent, model.agents[agent])) {
          best.Offer(agent, PairMicros(model, item, agent));
          ++result.pairs_scored;
        }
      }
    }
    // The rest in descending fixed part; the skill component adds at most
    // weights.skill_fit, so the scan stops once no later agent can reach the
    // best score (2 micros of margin for rounding).
    const double skill_bound =
        item.scored.empty() ? 0 : model.params.weights.skill_fit;
    std::vector<Entry>& bucket = state.Bucket(item);
    const uint64_t required_mask = RequiredMask(item);
    const bool dense_skills = DenseAgentFacts::HasDenseSkills(item);
    for (size_t k = 0; k < bucket.size();) {
      if (++visits > max_visits) return TooManyVisits(max_visits);
      const Entry entry = bucket[k];
      if (entry.agent < 0) {
        ++k;
        continue;
      }
      if (best.agent() >= 0 && (entry.fixed_part + skill_bound) * 1e6 + 2 <
                                   static_cast<double>(best.micros())) {
        break;
      }
      if ((entry.skill_mask & required_mask) != required_mask) {
        ++k;
        continue;
      }
      if (!state.HasRoom(entry.agent, item)) {
        // Full for this bucket's channel and units for the rest of the batch.
        state.Kill(item, &bucket[k]);
        ++k;
        continue;
      }
      ++k;
      if (!facts.PassesItemChecks(item, dense_skills, entry.agent)) continue;
      // PairMicros from the entry's cached components.
      const double skill_fit =
          item.scored.empty() ? 0
                              : facts.SkillFit(item, dense_skills, entry.agent);
      best.Offer(entry.agent,
                 SumPairParts(skill_fit, entry.language,
                              Sticky(item, entry.agent) ? sticky_weight : 0,
                              entry.load_balance, entry.idle_time));
      ++result.pairs_scored;
    }
    if (best.agent() >= 0) {
      result.agent_of_item[i] = best.agent();
      result.score_of_item[i] = ScoreCandidate(model, item, best.agent());
      result.had_eligible_agent[i] = true;
      state.Take(best.agent(), item);
    } else {
      bool any = false;
      ForEachEligibleAgent(model, index, item, [&any](int32_t) {
        any = true;
        return false;
      });
      visits += index.Agents(item.channel, item.language).size();
      if (visits > max_visits) return TooManyVisits(max_visits);
      result.had_eligible_agent[i] = any;
      if (cacheable) unserved.emplace(signature, any);
    }
  }
  return result;
}

}  // namespace cxkit::routing
