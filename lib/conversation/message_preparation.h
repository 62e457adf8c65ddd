// From request messages to what the rules read: per-message checks, customers,
// time order, e-mail threads, references and the host's constraints by rank.

#ifndef CXKIT_LIB_CONVERSATION_MESSAGE_PREPARATION_H_
#define CXKIT_LIB_CONVERSATION_MESSAGE_PREPARATION_H_

#include <memory>
#include <vector>

#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/conversation_linker.h"
#include "lib/conversation/merge_settings.h"
#include "lib/conversation/message_facts.h"
#include "lib/conversation/message_issues.h"

namespace cxkit::conversation {

struct PreparedMessages {
  std::vector<MessageFacts> facts;  // by rank
  MessageReferences references;
  // Per rank: the previous conversation holding the message, or -1.
  std::vector<int32_t> previous_conversation;
  uint32_t messages_with_errors = 0;
  uint32_t host_customers = 0;
  uint32_t linked_customers = 0;
  uint32_t implicit_customers = 0;
  // Names the customers; keeps views into the request.
  std::unique_ptr<CustomerDirectory> customers;
};

// Checks each message (bad ones become ERROR issues and are left out),
// resolves customers, sorts by (sent_at, id), threads e-mails, extracts
// references and maps previous conversations, never-merge pairs and splits to
// ranks, filling `*linker` (all but request and settings, set by the caller).
PreparedMessages PrepareMessages(
    const cxkit::v1::MergeConversationsRequest& request,
    const MergeSettings& settings, MessageIssues* issues, LinkerInput* linker);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_MESSAGE_PREPARATION_H_
