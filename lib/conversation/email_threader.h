// E-mail threading by headers: the JWZ algorithm of RFC 5256 (REFERENCES),
// reduced to what grouping needs.

#ifndef CXKIT_LIB_CONVERSATION_EMAIL_THREADER_H_
#define CXKIT_LIB_CONVERSATION_EMAIL_THREADER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "cxkit/v1/conversation.pb.h"

namespace cxkit::conversation {

// Evidence that two messages belong together: `later` and `earlier` are
// positions in time order (later > earlier).
struct MessageLink {
  uint32_t later;
  uint32_t earlier;
  cxkit::v1::MergeRule rule;
  // A view into the request (a Message-ID, thread key, ...) or into storage
  // that outlives the merge.
  absl::string_view detail;
};

struct EmailThreads {
  // At most one per e-mail: to its nearest ancestor that is a message
  // (EMAIL_REPLY), or else to the earliest message of its thread
  // (EMAIL_SHARED_ANCESTOR, detail: the thread's root Message-ID).
  std::vector<MessageLink> links;
  // Per position: the e-mail had a usable In-Reply-To or References.
  std::vector<bool> has_reply_headers;
  // Positions of e-mails whose Message-ID an earlier one already had; they
  // are threaded by their own headers but nothing can reply to them.
  std::vector<uint32_t> duplicate_ids;
  // Positions of e-mails whose References held more than `max_references`
  // ids, of which only the last ones were read.
  std::vector<uint32_t> truncated_references;
};

// Threads the e-mails of `headers` (one entry per message in time order, null
// for messages that are not e-mails). As JWZ: one container per Message-ID,
// placeholders for referenced messages not in the request (so replies to a
// missing parent stay together, and replies that arrive before their parent
// are attached when it comes), References read left to right linking each id
// to the previous one, the message under its last reference, In-Reply-To's
// first msg-id only without References, a container's first parent kept, and
// no link that would make a loop. Only the last `max_references` ids of
// References are read. Messages are visited in time order, so the result is
// deterministic. O(total ids) time and memory.
EmailThreads ThreadEmails(
    const std::vector<const cxkit::v1::EmailHeaders*>& headers,
    uint32_t max_references);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_EMAIL_THREADER_H_
