#include "lib/conversation/message_issues.h"

#include <algorithm>

namespace cxkit::conversation {

void MessageIssues::WriteTo(const cxkit::v1::MergeConversationsRequest& request,
                            cxkit::v1::MergeConversationsResponse* response) {
  std::stable_sort(issues_.begin(), issues_.end(),
                   [](const MessageIssue& a, const MessageIssue& b) {
                     return a.index < b.index;
                   });
  for (MessageIssue& issue : issues_) {
    cxkit::v1::ItemIssue* out = response->add_message_issues();
    out->set_item_id(request.messages(static_cast<int>(issue.index)).id());
    out->set_item_index(issue.index);
    out->set_severity(issue.severity);
    out->set_reason(issue.reason);
    out->set_field(std::move(issue.field));
    out->set_message(std::move(issue.message));
  }
}

}  // namespace cxkit::conversation
