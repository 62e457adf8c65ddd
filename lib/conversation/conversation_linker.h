// The merging rules applied in time order, with the host's constraints: which
// messages end up in one conversation, and the evidence of every merge.

#ifndef CXKIT_LIB_CONVERSATION_CONVERSATION_LINKER_H_
#define CXKIT_LIB_CONVERSATION_CONVERSATION_LINKER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/email_threader.h"
#include "lib/conversation/merge_settings.h"
#include "lib/conversation/message_facts.h"

namespace cxkit::conversation {

// Everything the linker reads (never the request itself). Positions are
// ranks.
struct LinkerInput {
  const MergeSettings* settings;
  const std::vector<MessageFacts>* facts;
  // E-mail and previous-conversation links, sorted by (later, rule, earlier).
  std::vector<MessageLink> links;
  std::vector<bool> has_reply_headers;
  const MessageReferences* references;
  // Customers are numbered 0..customer_count-1, threads 0..thread_count-1.
  uint32_t customer_count = 0;
  uint32_t thread_count = 0;
  std::vector<std::pair<uint32_t, uint32_t>> never_merge;
  std::vector<uint32_t> splits;
  // (rank of a previous conversation's latest message, its resolved_at).
  std::vector<std::pair<uint32_t, absl::Time>> previous_resolutions;
};

struct MergeRecord {
  uint32_t message;  // the joining message's rank
  uint32_t other;    // the rank it joined through
  cxkit::v1::MergeRule rule;
  bool reopened;
  absl::string_view detail;
};

struct RefusalRecord {
  uint32_t message;
  uint32_t other;
  cxkit::v1::MergeRule rule;
  const char* reason;
  absl::string_view detail;
};

struct Linking {
  // Per rank: the rank of its conversation's representative.
  std::vector<uint32_t> conversation_of;
  // Per representative: resolved_at, InfinitePast while open.
  std::vector<absl::Time> resolved_at;
  std::vector<MergeRecord> merges;  // in the order they were made
  std::vector<RefusalRecord> refusals;
  // (message rank, rank in the resolved conversation it follows).
  std::vector<std::pair<uint32_t, uint32_t>> follows;
  // Owns details that are not views into the request (base subjects).
  std::deque<std::string> detail_storage;
};

// Applies the rules of MergePolicy message by message in time order. Each
// decision depends only on earlier messages, except e-mail links: JWZ threads
// all e-mails at once, so a later e-mail's References can re-parent earlier
// ones. A later call with more messages therefore repeats the earlier
// decisions unless such a reply arrived; the previous-conversation links
// (applied last) then keep the host's earlier grouping. O(n α(n)) plus the
// work of the base subjects of e-mails.
Linking LinkMessages(LinkerInput input);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_CONVERSATION_LINKER_H_
