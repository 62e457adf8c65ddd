// The request compiled for routing: names interned to dense ids (in sorted
// name order, so ids do not depend on input order), times turned into the
// numbers the scorer needs, items in queue order and agents in id order.
// Everything after BuildRoutingModel works on this canonical form, which is
// what makes the response independent of the order of the input.

#ifndef CXKIT_LIB_ROUTING_ROUTING_MODEL_H_
#define CXKIT_LIB_ROUTING_ROUTING_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/routing.pb.h"
#include "lib/routing/routing_params.h"

namespace cxkit::routing {

// A skill (interned id) at a level.
struct SkillNeed {
  int32_t skill = 0;
  uint32_t level = 0;
  // In ItemModel::scored only: what one level at or above `level` adds to the
  // weighted skill_fit, weights.skill_fit / (max_level - level + 1) / the
  // number of scored skills.
  double per_level = 0;
};

// One routable work item.
struct ItemModel {
  absl::string_view id;
  absl::string_view conversation_id;
  int channel = 0;
  // Capacity units the item uses (policy.channel_units of its channel).
  uint32_t units = 1;
  // Interned normalized language; -1: any.
  int32_t language = -1;
  // Interned team; -1: any.
  int32_t team = -1;
  cxkit::v1::RelaxationStep step = cxkit::v1::RELAXATION_STEP_NONE;
  // Requirements at `step`, sorted by skill id.
  absl::InlinedVector<SkillNeed, 2> required;
  // Skills that count in skill_fit: the required ones at their effective
  // levels and the optional ones at theirs; sorted by skill id.
  absl::InlinedVector<SkillNeed, 3> scored;
  // Agent indices (into RoutingModel::agents), sorted.
  absl::InlinedVector<int32_t, 1> preferred;
  absl::InlinedVector<int32_t, 1> excluded;
  bool sticky_active = false;
  // Component values in [0, 1] that depend on the item alone.
  double priority = 0;
  double customer_tier = 0;
  double sentiment = 0;
  double sla_urgency = 0;
  double wait_time = 0;
  // Sum of the weighted item-only components (priority, customer_tier,
  // sentiment, sla_urgency, wait_time) in millionths.
  int64_t item_micros = 0;
};

// One agent.
struct AgentModel {
  absl::string_view id;
  bool available = false;
  // Interned normalized languages, in the agent's order (first: native).
  absl::InlinedVector<int32_t, 2> languages;
  // Sorted by skill id.
  absl::InlinedVector<SkillNeed, 6> skills;
  // Sorted.
  std::vector<int32_t> teams;
  // Per channel: slots (0: channel not handled) and items held now.
  std::array<int32_t, kChannelCount> max_items{};
  std::array<int32_t, kChannelCount> active_items{};
  // Total units cap (0: none) and units in use before the batch.
  int64_t capacity_units = 0;
  int64_t used_units = 0;
  // How long the agent has been idle at `now`, in seconds (>= 0).
  double idle_seconds = 0;
  // idle_time component in [0, 1].
  double idle_time = 0;
  // Per channel: the load ratio before the batch (used / capacity units, or
  // active / max items of the channel without a total cap) and the weighted
  // load_balance component; the weighted idle_time component.
  std::array<double, kChannelCount> load_ratio{};
  std::array<double, kChannelCount> load_weighted{};
  double idle_weighted = 0;

  // Free slots of `channel` before the batch (may be <= 0).
  int32_t FreeSlots(int channel) const {
    return max_items[channel] - active_items[channel];
  }
  // Free units before the batch; INT64_MAX without a total cap.
  int64_t FreeUnits() const;
};

struct RoutingModel {
  RoutingParams params;
  // Routable items, in queue order (queue position = index).
  std::vector<ItemModel> items;
  // All agents, sorted by id.
  std::vector<AgentModel> agents;
  // Names of the interned skills and languages, by id.
  std::vector<absl::string_view> skill_names;
  std::vector<std::string> language_names;
};

// A non-negative score in millionths, rounded half up.
inline int64_t ToMicros(double points) {
  return static_cast<int64_t>(points * 1e6 + 0.5);
}

// Lowercase primary language subtag of a BCP 47 tag: "es-MX" and "ES" -> "es".
std::string NormalizeLanguage(absl::string_view tag);

// Compiles a validated `request`. Items that cannot be routed (no channel, no
// enqueued_at, invalid timestamps) are left out with an ERROR issue in
// `response->item_issues`; unknown agent references are WARNING issues.
// `request` must outlive the model (the model points into it).
RoutingModel BuildRoutingModel(
    const cxkit::v1::RouteConversationsRequest& request,
    cxkit::v1::RouteConversationsResponse* response);

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_ROUTING_MODEL_H_
