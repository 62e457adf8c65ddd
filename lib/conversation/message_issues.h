// Per-message problems, collected while merging and written to the response
// in message order.

#ifndef CXKIT_LIB_CONVERSATION_MESSAGE_ISSUES_H_
#define CXKIT_LIB_CONVERSATION_MESSAGE_ISSUES_H_

#include <string>
#include <vector>

#include "cxkit/v1/conversation.pb.h"

namespace cxkit::conversation {

struct MessageIssue {
  uint32_t index;  // position in request.messages
  cxkit::v1::Severity severity;
  const char* reason;  // static UPPER_SNAKE_CASE
  std::string field;
  std::string message;
};

class MessageIssues {
 public:
  void Add(uint32_t index, cxkit::v1::Severity severity, const char* reason,
           std::string field, std::string message) {
    issues_.push_back(MessageIssue{index, severity, reason, std::move(field),
                                   std::move(message)});
  }
  // Appends the issues to response.message_issues, by message index (stable
  // within one message), with item ids from `request`.
  void WriteTo(const cxkit::v1::MergeConversationsRequest& request,
               cxkit::v1::MergeConversationsResponse* response);

 private:
  std::vector<MessageIssue> issues_;
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_MESSAGE_ISSUES_H_
