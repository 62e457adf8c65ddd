// Runs the MergeConversations fuzz target without libFuzzer: seeds built from
// valid requests (e-mail threads with loops and duplicates, chats, references,
// host constraints), then deterministic mutations of them (bit flips,
// truncations, splices) and random bytes. Usage:
// merge_conversations_replay [iterations]

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "cxkit/conversation.h"
#include "google/protobuf/stubs/logging.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds;
  cxkit::v1::MergeConversationsRequest request;
  const cxkit::v1::Channel channels[] = {
      cxkit::v1::CHANNEL_EMAIL, cxkit::v1::CHANNEL_LIVE_CHAT,
      cxkit::v1::CHANNEL_PHONE, cxkit::v1::CHANNEL_WHATSAPP};
  for (int i = 0; i < 16; ++i) {
    auto* m = request.add_messages();
    m->set_id("m" + std::to_string(i));
    m->set_channel(channels[i % 4]);
    m->mutable_sent_at()->set_seconds(1717400000 + 600 * (i % 7));
    m->set_customer_id(i % 3 == 0 ? "" : "c" + std::to_string(i % 2));
    m->set_text(i % 2 ? "order 12345 заказ № 777777" : "[#4711] hi");
    m->set_thread_key(i % 5 == 0 ? "t1" : "");
    m->set_resolves_conversation(i == 6);
    auto* sender = m->add_sender();
    sender->set_type(cxkit::v1::IDENTIFIER_TYPE_PHONE);
    sender->set_value("+7 916 123-45-6" + std::to_string(i % 3));
    if (m->channel() == cxkit::v1::CHANNEL_EMAIL) {
      m->mutable_email()->set_message_id("<" + std::to_string(i % 6) + "@x>");
      m->mutable_email()->set_references("<" + std::to_string((i + 1) % 6) +
                                         "@x> <" + std::to_string(i % 6) +
                                         "@x>");
      m->mutable_email()->set_subject("Re: AW: [list] Order (fwd)");
    }
    seeds.push_back(request.SerializeAsString());
  }
  request.mutable_policy()->add_split_before_message_ids("m4");
  auto* pair = request.mutable_policy()->add_never_merge();
  pair->set_message_id("m1");
  pair->set_other_message_id("m9");
  auto* previous = request.add_previous_conversations();
  previous->set_conversation_id("c-prev");
  previous->add_message_ids("m2");
  previous->add_message_ids("m3");
  previous->mutable_resolved_at()->set_seconds(1717401000);
  seeds.push_back(request.SerializeAsString());
  return seeds;
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 2000;
  std::mt19937_64 rng(54321);
  const std::vector<std::string> seeds = Seeds();
  google::protobuf::SetLogHandler(nullptr);  // parse failures are expected
  for (const std::string& seed : seeds) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(seed.data()),
                           seed.size());
  }
  for (long i = 0; i < iterations; ++i) {
    std::string input = seeds[rng() % seeds.size()];
    switch (rng() % 4) {
      case 0:  // bit flips
        for (int k = 0; k < 4 && !input.empty(); ++k) {
          input[rng() % input.size()] ^= static_cast<char>(1u << (rng() % 8));
        }
        break;
      case 1:  // truncation
        input.resize(input.empty() ? 0 : rng() % input.size());
        break;
      case 2: {  // splice of two seeds
        const std::string& other = seeds[rng() % seeds.size()];
        input =
            input.substr(0, input.size() / 2) + other.substr(other.size() / 2);
        break;
      }
      default:  // random bytes
        input.resize(rng() % 256);
        for (char& c : input) c = static_cast<char>(rng());
        break;
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()),
                           input.size());
  }
  std::printf("merge_conversations_replay: %ld inputs without a crash\n",
              iterations + static_cast<long>(seeds.size()));
  return 0;
}
