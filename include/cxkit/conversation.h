// Conversation merging.
//
// MergeConversations() groups messages, calls and e-mails into conversations,
// so that everything one customer says about one matter, on any channel, is
// read top to bottom by one agent. E-mails are threaded by their headers (the
// JWZ algorithm of RFC 5256), then by base subject as a fallback for the same
// customer; chat-like channels join by thread key and by customer within an
// idle gap; a customer's messages on other channels join an open conversation
// that mentions the same order or ticket reference, or that they follow within
// a short window. Customers come from the host (a customer id per message, the
// profiles of a ResolveIdentitiesResponse, or identifier links), else from the
// sender's own normalized identifier. Every merge carries its evidence.
//
// Example:
//   cxkit::v1::MergeConversationsRequest request;
//   auto* message = request.add_messages();
//   message->set_id("wa-1");
//   message->set_channel(cxkit::v1::CHANNEL_WHATSAPP);
//   message->set_author_kind(cxkit::v1::AUTHOR_KIND_CUSTOMER);
//   message->mutable_sent_at()->set_seconds(1717405200);
//   message->set_customer_id("p-anna");
//   message->set_text("Wrong size in order 12345");
//   cxkit::v1::MergeConversationsResponse response =
//       cxkit::MergeConversations(request);
//   if (response.status().code() != cxkit::v1::STATUS_CODE_OK) {
//     /* response.status().field() names the offending request field */
//   }

#ifndef CXKIT_CONVERSATION_H_
#define CXKIT_CONVERSATION_H_

#include "absl/status/status.h"
#include "cxkit/v1/conversation.pb.h"

namespace cxkit {

// Groups the messages of `request` into conversations.
//
// Pure and deterministic: the response depends only on the request and is
// byte-identical whatever the order of the messages (they are processed in
// time order, ties by id), except that message_issues and message_indexes name
// messages by their position. Thread-safe; never throws; keeps no reference to
// `request`; texts are read, never copied.
//
// Errors: a request that fails ValidateMergeConversationsRequest() gets that
// status (with the field path) and nothing else. A bad message (invalid time,
// too many identifiers, oversized header) is an ERROR in message_issues and is
// left out; an unusable identifier is a WARNING and the message goes on
// without it.
//
// Complexity: O(n log n) time and O(n) memory in the number of messages for
// any input within MergeLimits (which bound header sizes, the references read
// per message and the text scanned for order numbers; patterns are RE2, linear
// time).
cxkit::v1::MergeConversationsResponse MergeConversations(
    const cxkit::v1::MergeConversationsRequest& request);

// Same as MergeConversations(), writing into `*response` (cleared first).
// `response` may live on a google::protobuf::Arena, which makes a large
// response much cheaper to build and free. `response` must not be null.
void MergeConversationsInto(const cxkit::v1::MergeConversationsRequest& request,
                            cxkit::v1::MergeConversationsResponse* response);

// Returns the first problem that makes `request` unusable as a whole (missing
// or duplicate message ids, bad reference patterns or regions, negative
// durations, limits exceeded), with the field path, or OK. Never-merge pairs,
// splits and previous conversations may name messages that are not in the
// request (they were in an earlier call): those are ignored.
// MergeConversations() calls it first. Thread-safe; O(n).
absl::Status ValidateMergeConversationsRequest(
    const cxkit::v1::MergeConversationsRequest& request);

}  // namespace cxkit

#endif  // CXKIT_CONVERSATION_H_
