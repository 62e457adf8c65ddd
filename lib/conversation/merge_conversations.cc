#include "cxkit/conversation.h"
#include "lib/common/field_status.h"
#include "lib/common/guarded_call.h"
#include "lib/conversation/conversation_linker.h"
#include "lib/conversation/conversation_writer.h"
#include "lib/conversation/message_issues.h"
#include "lib/conversation/message_preparation.h"
#include "lib/conversation/request_validation.h"

namespace cxkit {
namespace {

using cxkit::v1::MergeConversationsRequest;
using cxkit::v1::MergeConversationsResponse;

void Merge(const MergeConversationsRequest& request,
           MergeConversationsResponse* response) {
  absl::StatusOr<conversation::MergeSettings> settings =
      conversation::ValidateAndCompileSettings(request);
  if (!settings.ok()) {
    ToProtoStatus(settings.status(), response->mutable_status());
    return;
  }
  conversation::MessageIssues issues;
  conversation::LinkerInput input;
  conversation::PreparedMessages prepared =
      conversation::PrepareMessages(request, *settings, &issues, &input);
  input.settings = &*settings;
  input.facts = &prepared.facts;
  input.references = &prepared.references;
  input.customer_count = prepared.customers->size();
  const conversation::Linking linking =
      conversation::LinkMessages(std::move(input));
  conversation::WriteConversations(request, *settings, prepared, linking,
                                   response);
  issues.WriteTo(request, response);
  cxkit::v1::MergeStats* stats = response->mutable_stats();
  stats->set_messages(static_cast<uint32_t>(request.messages_size()));
  stats->set_messages_with_errors(prepared.messages_with_errors);
  stats->set_messages_with_host_customer(prepared.host_customers);
  stats->set_messages_with_linked_customer(prepared.linked_customers);
  stats->set_messages_with_implicit_customer(prepared.implicit_customers);
}

}  // namespace

void MergeConversationsInto(const MergeConversationsRequest& request,
                            MergeConversationsResponse* response) {
  GuardedCall("merging conversations", response,
              [&](MergeConversationsResponse* out) { Merge(request, out); });
}

MergeConversationsResponse MergeConversations(
    const MergeConversationsRequest& request) {
  MergeConversationsResponse response;
  MergeConversationsInto(request, &response);
  return response;
}

}  // namespace cxkit
