// SLA policies resolved for evaluation: targets per conversation priority,
// calendar references as indices, and the channel defaults of the field.

#ifndef CXKIT_LIB_SLA_SLA_POLICY_H_
#define CXKIT_LIB_SLA_SLA_POLICY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "cxkit/v1/sla.pb.h"

namespace cxkit::sla {

// Default first reply target of a channel, in seconds: live chat and in-app
// 30 s, phone 3 min, social networks and messengers 60 min, e-mail, web
// forms and anything else 24 h.
int64_t DefaultFirstReplySeconds(cxkit::v1::Channel channel);

struct ResolvedTarget {
  cxkit::v1::SlaMetric metric = cxkit::v1::SLA_METRIC_UNSPECIFIED;
  // 0 for FIRST_REPLY means the channel default.
  int64_t goal_seconds = 0;
  // Index into the request's calendars, -1 for calendar hours.
  int calendar = -1;
  std::string calendar_id;
  // Warning thresholds in seconds, largest first (level 1 is the largest).
  std::vector<int64_t> warn_before;
};

struct ResolvedPolicy {
  std::string id;
  // Null for the built-in default policy.
  const cxkit::v1::SlaPolicy* proto = nullptr;
  bool bot_replies_count = false;
  // The condition's channels and priorities, bit v for value v (every valid
  // value is below 64); 0 when the condition lists none (any matches).
  uint64_t channels = 0;
  uint64_t priorities = 0;
  // The condition's tags and customer tiers, for one lookup per value.
  absl::flat_hash_set<std::string> tags;
  absl::flat_hash_set<std::string> customer_tiers;
  // Whether customer_tiers holds "" (no lookup for the usual empty tier).
  bool tiers_include_empty = false;
  // Targets for a conversation of priority p (index = Priority value), in
  // SlaMetric order.
  std::vector<ResolvedTarget> by_priority[5];
};

// The built-in policy "default": FIRST_REPLY with the channel default.
ResolvedPolicy DefaultPolicy();

// Whether `policy` (not the default one) applies to a conversation with
// these attributes: O(conversation tags) lookups.
bool PolicyMatches(const ResolvedPolicy& policy, cxkit::v1::Channel channel,
                   cxkit::v1::Priority priority,
                   const cxkit::v1::SlaConversation& conversation);

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_SLA_POLICY_H_
