#include "lib/conversation/merge_settings.h"

#include "cxkit/limits.h"

namespace cxkit::conversation {

using cxkit::v1::Channel;

cxkit::v1::MergeLimits EffectiveMergeLimits(
    const cxkit::v1::MergeLimits& limits) {
  cxkit::v1::MergeLimits out = limits;
  auto fill = [](uint32_t value, uint32_t fallback) {
    return value == 0 ? fallback : value;
  };
  out.set_max_messages(fill(limits.max_messages(), 10000000));
  out.set_max_identifiers_per_message(
      fill(limits.max_identifiers_per_message(), 32));
  out.set_max_value_bytes(fill(limits.max_value_bytes(), 1024));
  out.set_max_header_bytes(fill(limits.max_header_bytes(), 16384));
  out.set_max_references_per_message(
      fill(limits.max_references_per_message(), 100));
  out.set_max_scanned_text_bytes(fill(limits.max_scanned_text_bytes(), 4096));
  out.set_max_reference_patterns(fill(limits.max_reference_patterns(), 100));
  out.set_max_host_items(fill(limits.max_host_items(), 100000));
  out.set_max_subject_prefixes(fill(limits.max_subject_prefixes(), 1000));
  out.set_max_request_bytes(limits.max_request_bytes() == 0
                                ? kDefaultMaxRequestBytes
                                : limits.max_request_bytes());
  return out;
}

ChannelSession DefaultChannelSession(Channel channel) {
  ChannelSession session;
  switch (channel) {
    case cxkit::v1::CHANNEL_LIVE_CHAT:
    case cxkit::v1::CHANNEL_IN_APP:
      session.chat_like = true;
      session.idle_gap = absl::Minutes(30);
      break;
    case cxkit::v1::CHANNEL_SMS:
    case cxkit::v1::CHANNEL_WHATSAPP:
    case cxkit::v1::CHANNEL_MESSENGER:
    case cxkit::v1::CHANNEL_INSTAGRAM:
    case cxkit::v1::CHANNEL_TELEGRAM:
    case cxkit::v1::CHANNEL_VIBER:
    case cxkit::v1::CHANNEL_SOCIAL_COMMENT:
      session.chat_like = true;
      session.idle_gap = absl::Hours(24);
      break;
    default:  // e-mail, phone, web form, unspecified: thread key only
      break;
  }
  return session;
}

}  // namespace cxkit::conversation
