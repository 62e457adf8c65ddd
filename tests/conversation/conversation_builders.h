// Builders for MergeConversationsRequest messages in tests.

#ifndef CXKIT_TESTS_CONVERSATION_CONVERSATION_BUILDERS_H_
#define CXKIT_TESTS_CONVERSATION_CONVERSATION_BUILDERS_H_

#include <string>
#include <vector>

#include "cxkit/conversation.h"
#include "tests/test_support.h"

namespace cxkit::testing {

// A customer message at `rfc3339` from `customer` on `channel`.
inline cxkit::v1::ConversationMessage* AddMessage(
    cxkit::v1::MergeConversationsRequest* request, const std::string& id,
    cxkit::v1::Channel channel, const std::string& rfc3339,
    const std::string& customer = "", const std::string& text = "") {
  cxkit::v1::ConversationMessage* m = request->add_messages();
  m->set_id(id);
  m->set_channel(channel);
  m->set_author_kind(cxkit::v1::AUTHOR_KIND_CUSTOMER);
  m->set_direction(cxkit::v1::MESSAGE_DIRECTION_INBOUND);
  *m->mutable_sent_at() = Time(rfc3339);
  m->set_customer_id(customer);
  m->set_text(text);
  return m;
}

// An e-mail with headers; `references` space separated.
inline cxkit::v1::ConversationMessage* AddEmail(
    cxkit::v1::MergeConversationsRequest* request, const std::string& id,
    const std::string& rfc3339, const std::string& customer,
    const std::string& message_id, const std::string& in_reply_to,
    const std::string& references, const std::string& subject) {
  cxkit::v1::ConversationMessage* m =
      AddMessage(request, id, cxkit::v1::CHANNEL_EMAIL, rfc3339, customer);
  m->mutable_email()->set_message_id(message_id);
  m->mutable_email()->set_in_reply_to(in_reply_to);
  m->mutable_email()->set_references(references);
  m->mutable_email()->set_subject(subject);
  return m;
}

// The message ids of every conversation, in response order.
inline std::vector<std::vector<std::string>> Groups(
    const cxkit::v1::MergeConversationsResponse& response) {
  std::vector<std::vector<std::string>> out;
  for (const auto& c : response.conversations()) {
    out.emplace_back(c.message_ids().begin(), c.message_ids().end());
  }
  return out;
}

inline std::string StatusText(const cxkit::v1::Status& status) {
  return cxkit::v1::StatusCode_Name(status.code()) + " " + status.field() +
         ": " + status.message();
}

}  // namespace cxkit::testing

#endif  // CXKIT_TESTS_CONVERSATION_CONVERSATION_BUILDERS_H_
