// E-mails for the adversarial threading tests (large inputs and edges).

#ifndef CXKIT_TESTS_ADVERSARIAL_MAIL_BUILDERS_H_
#define CXKIT_TESTS_ADVERSARIAL_MAIL_BUILDERS_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "cxkit/v1/conversation.pb.h"

namespace cxkit::testing {

// E-mail "e<i>" from customer "cust", sent i seconds after
// 2026-03-30T10:00:00Z, with Message-ID "<m<i>@shop.example>" and the given
// In-Reply-To and References.
inline cxkit::v1::ConversationMessage* AddMail(
    cxkit::v1::MergeConversationsRequest* request, int i,
    const std::string& in_reply_to, const std::string& references) {
  auto* m = request->add_messages();
  m->set_id(absl::StrCat("e", i));
  m->set_channel(cxkit::v1::CHANNEL_EMAIL);
  m->set_author_kind(cxkit::v1::AUTHOR_KIND_CUSTOMER);
  m->set_direction(cxkit::v1::MESSAGE_DIRECTION_INBOUND);
  m->mutable_sent_at()->set_seconds(1774864800 + i);
  m->set_customer_id("cust");
  m->mutable_email()->set_message_id(absl::StrCat("<m", i, "@shop.example>"));
  m->mutable_email()->set_in_reply_to(in_reply_to);
  m->mutable_email()->set_references(references);
  // Subjects differ, so only the headers can join them.
  m->mutable_email()->set_subject(absl::StrCat("question ", i));
  return m;
}

}  // namespace cxkit::testing

#endif  // CXKIT_TESTS_ADVERSARIAL_MAIL_BUILDERS_H_
