// A seeded generator of a realistic omnichannel message stream for
// MergeConversations, for benchmarks and tests.
//
// Customers (with an e-mail address, a phone number and a Messenger id) have
// matters ("episodes"), mostly about an order: an e-mail thread with real
// header shapes (Message-ID, In-Reply-To, References, "Re:" / "AW:" / "Отв:"
// subjects, list tags), live-chat bursts, WhatsApp and Messenger threads, phone
// calls with agent notes, and cross-channel follow-ups on another channel a
// little later or the next day with the order number in the text, in English
// and Russian. Half the messages carry the host's customer id; the others only
// their sender's identifiers (spelled as people write them), which the
// request's customer_profiles (normalized, as identity resolution gives them)
// resolve.
//
// Output depends only on the options (see seeded_random.h).
//
// Example:
//   cxkit::v1::MergeConversationsRequest request;
//   cxkit::bench::MessageStreamOptions options;
//   options.messages = 100000;
//   cxkit::bench::GenerateMergeConversationsRequest(options, &request);

#ifndef CXKIT_BENCH_GENERATOR_MESSAGE_GENERATOR_H_
#define CXKIT_BENCH_GENERATOR_MESSAGE_GENERATOR_H_

#include <cstddef>
#include <cstdint>

#include "cxkit/v1/conversation.pb.h"

namespace cxkit::bench {

struct MessageStreamOptions {
  uint64_t seed = 1;
  size_t messages = 10000;
  // 0: messages / 6.
  size_t customers = 0;
  int64_t start_unix_seconds = 1717372800;  // 2024-06-03T00:00:00Z
  int64_t span_seconds = 7 * 24 * 60 * 60;
  // Fill request.customer_profiles for the customers.
  bool with_profiles = true;
};

// Replaces the messages and customer profiles of `request` with a generated
// stream of exactly `options.messages` messages (ids "m00000000", ...), in
// generation order (by customer, not by time).
void GenerateMergeConversationsRequest(
    const MessageStreamOptions& options,
    cxkit::v1::MergeConversationsRequest* request);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_MESSAGE_GENERATOR_H_
