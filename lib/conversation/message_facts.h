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
struct MessageFacts {
  absl::Time sent_at;
  uint32_t index;     // position in request.messages
  uint32_t customer;  // kNoCustomer when unknown
  uint8_t channel;    // cxkit::v1::Channel
  bool from_customer;
  bool resolves;
  bool is_email;
};

// Distinct "kind:VALUE" references, interned, and the references of each
// message by rank.
struct MessageReferences {
  std::vector<std::string> names;  // "order:12345"
  std::vector<uint32_t> kinds;     // per name: ReferenceExtractor kind index
  std::vector<uint32_t> begin;     // per rank, into ids; size ranks + 1
  std::vector<uint32_t> ids;       // indexes into names
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_MESSAGE_FACTS_H_
