// What the merging rules need to know about one message, computed once and
// kept compact (the texts stay in the request).

#ifndef CXKIT_LIB_CONVERSATION_MESSAGE_FACTS_H_
#define CXKIT_LIB_CONVERSATION_MESSAGE_FACTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/customer_directory.h"

namespace cxkit::conversation {

inline constexpr uint32_t kNoRank = UINT32_MAX;

// One usable message. Messages are processed in time order (ties: id); a
// message's position in that order is its rank.
//
// Everything the rules read is gathered here in one pass in request order, so
// the passes in time order do not jump around the request.
struct MessageFacts {
  absl::Time sent_at;
  // The message's id, and its e-mail headers (null when it is not an e-mail):
  // views into the request, so later passes need not find the message.
  absl::string_view id;
  const cxkit::v1::EmailHeaders* email;
  uint32_t index;     // position in request.messages
  uint32_t customer;  // kNoCustomer when unknown
  uint8_t channel;    // cxkit::v1::Channel
  bool from_customer;
  bool resolves;
  bool is_email;
  // Interned (channel, thread key), kNoThread without a key; the key itself.
  uint32_t thread;
  absl::string_view thread_key;
  // XXH3 of the folded base subject (never 0), 0 without one.
  uint64_t subject;
  // The message's references: MessageReferences::ids[refs_begin, +count).
  uint32_t refs_begin;
  uint32_t refs_count;
};

inline constexpr uint32_t kNoThread = UINT32_MAX;

// Distinct "kind:VALUE" references, interned, and the references of the
// messages (see MessageFacts::refs_begin).
struct MessageReferences {
  std::vector<std::string> names;  // "order:12345"
  std::vector<uint32_t> kinds;     // per name: ReferenceExtractor kind index
  std::vector<uint32_t> ids;       // indexes into names
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_MESSAGE_FACTS_H_
