#include "lib/sla/sla_policy.h"

namespace cxkit::sla {

using cxkit::v1::Channel;

int64_t DefaultFirstReplySeconds(Channel channel) {
  switch (channel) {
    case cxkit::v1::CHANNEL_LIVE_CHAT:
    case cxkit::v1::CHANNEL_IN_APP:
      return 30;
    case cxkit::v1::CHANNEL_PHONE:
      return 180;
    case cxkit::v1::CHANNEL_SMS:
    case cxkit::v1::CHANNEL_WHATSAPP:
    case cxkit::v1::CHANNEL_MESSENGER:
    case cxkit::v1::CHANNEL_INSTAGRAM:
    case cxkit::v1::CHANNEL_TELEGRAM:
    case cxkit::v1::CHANNEL_VIBER:
    case cxkit::v1::CHANNEL_SOCIAL_COMMENT:
      return 3600;
    default:
      return 86400;
  }
}

ResolvedPolicy DefaultPolicy() {
  ResolvedPolicy policy;
  policy.id = "default";
  ResolvedTarget first_reply;
  first_reply.metric = cxkit::v1::SLA_METRIC_FIRST_REPLY;
  for (auto& targets : policy.by_priority) targets.push_back(first_reply);
  return policy;
}

bool PolicyMatches(const ResolvedPolicy& policy, Channel channel,
                   cxkit::v1::Priority priority,
                   const cxkit::v1::SlaConversation& conversation) {
  static_assert(cxkit::v1::Channel_MAX < 64 && cxkit::v1::Priority_MAX < 64,
                "the condition masks hold every valid value");
  if (policy.channels != 0 && (policy.channels >> channel & 1) == 0) {
    return false;
  }
  if (policy.priorities != 0 && (policy.priorities >> priority & 1) == 0) {
    return false;
  }
  if (!policy.customer_tiers.empty()) {
    const std::string& tier = conversation.customer_tier();
    if (tier.empty() ? !policy.tiers_include_empty
                     : !policy.customer_tiers.contains(tier)) {
      return false;
    }
  }
  if (!policy.tags.empty()) {
    bool any = false;
    for (const std::string& tag : conversation.tags()) {
      if (policy.tags.contains(tag)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

}  // namespace cxkit::sla
