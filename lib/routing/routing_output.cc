#include "lib/routing/routing_output.h"

#include <algorithm>
#include <string>
#include <vector>

namespace cxkit::routing {

void WriteAssignments(const cxkit::v1::RouteConversationsRequest& request,
                      const RoutingModel& model, const BatchAssignment& batch,
                      cxkit::v1::RouteConversationsResponse* response) {
  const bool breakdowns = !request.output().omit_breakdowns();
  int64_t total_micros = 0;
  uint32_t assigned = 0;
  for (size_t i = 0; i < model.items.size(); ++i) {
    const ItemModel& item = model.items[i];
    const int32_t agent = batch.agent_of_item[i];
    if (agent < 0) {
      cxkit::v1::UnassignedItem* out = response->add_unassigned();
      out->set_item_id(std::string(item.id));
      out->set_conversation_id(std::string(item.conversation_id));
      out->set_reason(batch.had_eligible_agent[i]
                          ? cxkit::v1::UNASSIGNED_REASON_CAPACITY_TAKEN
                          : cxkit::v1::UNASSIGNED_REASON_NO_ELIGIBLE_AGENT);
      out->set_queue_position(static_cast<uint32_t>(i));
      out->set_relaxation_step(item.step);
      continue;
    }
    const PairScore& score = batch.score_of_item[i];
    cxkit::v1::Assignment* out = response->add_assignments();
    out->set_item_id(std::string(item.id));
    out->set_conversation_id(std::string(item.conversation_id));
    out->set_agent_id(std::string(model.agents[agent].id));
    out->set_channel(static_cast<cxkit::v1::Channel>(item.channel));
    out->set_units(item.units);
    out->set_score(static_cast<double>(score.total_micros) / 1e6);
    if (breakdowns)
      ToProtoBreakdown(score, item.step, out->mutable_breakdown());
    out->set_queue_position(static_cast<uint32_t>(i));
    total_micros += score.total_micros;
    ++assigned;
  }
  cxkit::v1::RoutingSummary* summary = response->mutable_summary();
  summary->set_mode(model.params.mode);
  summary->set_optimality(batch.optimality);
  summary->set_items(static_cast<uint32_t>(request.items_size()));
  summary->set_agents(static_cast<uint32_t>(request.agents_size()));
  summary->set_assigned(assigned);
  summary->set_unassigned(static_cast<uint32_t>(model.items.size()) - assigned);
  summary->set_total_score(static_cast<double>(total_micros) / 1e6);
  summary->set_pairs_scored(batch.pairs_scored);
}

void WriteCandidates(const RoutingModel& model, const CandidateIndex& index,
                     uint32_t per_item,
                     cxkit::v1::RouteConversationsResponse* response) {
  std::vector<PairScore> scores;
  for (const ItemModel& item : model.items) {
    scores.clear();
    ForEachEligibleAgent(model, index, item, [&](int32_t agent) {
      scores.push_back(ScoreCandidate(model, item, agent));
      return true;
    });
    const size_t keep = std::min<size_t>(per_item, scores.size());
    std::partial_sort(scores.begin(), scores.begin() + keep, scores.end(),
                      RanksBefore);
    cxkit::v1::ItemCandidates* out = response->add_candidates();
    out->set_item_id(std::string(item.id));
    for (size_t k = 0; k < keep; ++k) {
      cxkit::v1::Candidate* candidate = out->add_candidates();
      candidate->set_agent_id(std::string(model.agents[scores[k].agent].id));
      candidate->set_rank(static_cast<uint32_t>(k + 1));
      ToProtoBreakdown(scores[k], item.step, candidate->mutable_breakdown());
    }
  }
}

void WriteIneligiblePairs(const RoutingModel& model,
                          cxkit::v1::RouteConversationsResponse* response) {
  std::vector<const ItemModel*> by_id;
  by_id.reserve(model.items.size());
  for (const ItemModel& item : model.items) by_id.push_back(&item);
  std::sort(
      by_id.begin(), by_id.end(),
      [](const ItemModel* a, const ItemModel* b) { return a->id < b->id; });
  std::string detail;
  for (const ItemModel* item : by_id) {
    for (size_t a = 0; a < model.agents.size(); ++a) {
      const cxkit::v1::IneligibleReason reason = CheckStaticEligibility(
          model, *item, static_cast<int32_t>(a), &detail);
      if (reason == cxkit::v1::INELIGIBLE_REASON_UNSPECIFIED) continue;
      cxkit::v1::IneligiblePair* out = response->add_ineligible();
      out->set_item_id(std::string(item->id));
      out->set_agent_id(std::string(model.agents[a].id));
      out->set_reason(reason);
      out->set_detail(detail);
    }
  }
}

}  // namespace cxkit::routing
