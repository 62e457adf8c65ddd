// The merge policy of a request with every default filled in and its patterns
// compiled: what the merging code reads instead of MergePolicy.

#ifndef CXKIT_LIB_CONVERSATION_MERGE_SETTINGS_H_
#define CXKIT_LIB_CONVERSATION_MERGE_SETTINGS_H_

#include <array>
#include <memory>

#include "absl/time/time.h"
#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/base_subject.h"
#include "lib/conversation/reference_extractor.h"

namespace cxkit::conversation {

// How one channel's messages form sessions.
struct ChannelSession {
  // False: messages of the channel never join by session.
  bool enabled = true;
  // True: messages without a thread key join by customer; both kinds of
  // session end after `idle_gap`. False: only the same thread key joins, at
  // any distance in time (e-mail, phone, web forms).
  bool chat_like = false;
  absl::Duration idle_gap = absl::InfiniteDuration();
};

// Channel enum values are small; one slot per value.
inline constexpr int kChannelSlots = 32;

struct MergeSettings {
  cxkit::v1::MergeLimits limits;  // every field non-zero
  bool email_threading = true;
  bool subject_fallback = true;
  bool reference_merging = true;
  bool cross_channel_window = true;
  absl::Duration subject_window;
  absl::Duration reference_window;
  absl::Duration cross_channel;
  absl::Duration reopen_window;
  std::array<ChannelSession, kChannelSlots> sessions;
  std::unique_ptr<SubjectNormalizer> subjects;
  // Null when reference merging is off or there are no patterns; shared
  // (the built-in one by every call).
  std::shared_ptr<const ReferenceExtractor> references;
};

// `limits` with each zero replaced by its documented default.
cxkit::v1::MergeLimits EffectiveMergeLimits(
    const cxkit::v1::MergeLimits& limits);

// The default session rule of `channel` (see SessionRule.idle_gap).
ChannelSession DefaultChannelSession(cxkit::v1::Channel channel);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_MERGE_SETTINGS_H_
