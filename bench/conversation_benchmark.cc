// Google Benchmark suite of conversation merging and its parts, on the
// generated message stream.
//
//   cxkit_conversation_benchmark --benchmark_filter=Merge

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench/generator/message_generator.h"
#include "cxkit/conversation.h"
#include "google/protobuf/arena.h"
#include "lib/conversation/base_subject.h"
#include "lib/conversation/reference_extractor.h"

namespace cxkit::bench {
namespace {

cxkit::v1::MergeConversationsRequest MakeRequest(size_t messages) {
  cxkit::v1::MergeConversationsRequest request;
  MessageStreamOptions options;
  options.seed = 1;
  options.messages = messages;
  GenerateMergeConversationsRequest(options, &request);
  return request;
}

// The whole call, response on an arena as the C ABI and Python build it.
void BM_MergeConversations(benchmark::State& state) {
  cxkit::v1::MergeConversationsRequest request =
      MakeRequest(static_cast<size_t>(state.range(0)));
  if (state.range(1) != 0) {
    request.mutable_output()->set_omit_message_ids(true);
    request.mutable_output()->set_omit_merges(true);
  }
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* response = google::protobuf::Arena::CreateMessage<
        cxkit::v1::MergeConversationsResponse>(&arena);
    cxkit::MergeConversationsInto(request, response);
    benchmark::DoNotOptimize(response->stats().conversations());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
  state.SetLabel(state.range(1) != 0 ? "indexes-only" : "full");
}
BENCHMARK(BM_MergeConversations)
    ->Args({10000, 0})
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond);

// A hostile request within the default limits: two WhatsApp threads of one
// customer, each conversation holding `range(0)` never-merge tags whose
// partners are single messages elsewhere, plus one pair across them; then
// `range(1)` messages alternating between the threads, each mentioning the
// order the other thread mentioned last, so each proposes (and is refused)
// the same pair of conversations again.
cxkit::v1::MergeConversationsRequest MakeRefusedPairRequest(int tags,
                                                            int messages) {
  cxkit::v1::MergeConversationsRequest request;
  const int64_t start = 1717408800;  // 2024-06-03T10:00:00Z
  auto add = [&](const std::string& id, cxkit::v1::Channel channel, int64_t at,
                 const std::string& customer) {
    cxkit::v1::ConversationMessage* m = request.add_messages();
    m->set_id(id);
    m->set_channel(channel);
    m->set_author_kind(cxkit::v1::AUTHOR_KIND_CUSTOMER);
    m->set_direction(cxkit::v1::MESSAGE_DIRECTION_INBOUND);
    m->mutable_sent_at()->set_seconds(at);
    m->set_customer_id(customer);
    return m;
  };
  for (int i = 0; i < tags; ++i) {
    add("z" + std::to_string(i), cxkit::v1::CHANNEL_PHONE, start,
        "c" + std::to_string(i));
    for (const char* side : {"a0", "b0"}) {
      auto* pair = request.mutable_policy()->add_never_merge();
      pair->set_message_id(side);
      pair->set_other_message_id("z" + std::to_string(i));
    }
  }
  auto* crossing = request.mutable_policy()->add_never_merge();
  crossing->set_message_id("a0");
  crossing->set_other_message_id("b0");
  for (int i = 0; i < messages; ++i) {
    const std::string side = i % 2 == 0 ? "a" : "b";
    auto* m = add(side + std::to_string(i / 2), cxkit::v1::CHANNEL_WHATSAPP,
                  start + 60 + i, "anna");
    m->set_thread_key("wa-" + side);
    m->set_text("order 12345");
  }
  return request;
}

void BM_MergeConversationsRefusedPair(benchmark::State& state) {
  const cxkit::v1::MergeConversationsRequest request = MakeRefusedPairRequest(
      static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* response = google::protobuf::Arena::CreateMessage<
        cxkit::v1::MergeConversationsResponse>(&arena);
    cxkit::MergeConversationsInto(request, response);
    benchmark::DoNotOptimize(response->stats().refused_merges());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          request.messages_size());
}
BENCHMARK(BM_MergeConversationsRefusedPair)
    ->Args({40000, 10})
    ->Args({40000, 4000})
    ->Unit(benchmark::kMillisecond);

void BM_BaseSubject(benchmark::State& state) {
  const conversation::SubjectNormalizer subjects({});
  const std::vector<std::string> samples = {
      "Re: [shop-support] Order 123456", "AW: Re[2]: Заказ 654321",
      "Delivery question", "Отв: Вопрос по доставке (fwd)",
      "[Fwd: RE: Order 777777]"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(subjects.BaseSubjectKey(samples[i]));
    if (++i == samples.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_BaseSubject);

void BM_ExtractReferences(benchmark::State& state) {
  cxkit::v1::MergeLimits limits;
  limits.set_max_reference_patterns(100);
  auto extractor = conversation::ReferenceExtractor::Create(
      cxkit::v1::MergePolicy(), limits);
  const cxkit::v1::MergeConversationsRequest request = MakeRequest(5000);
  std::vector<conversation::FoundReference> found;
  int i = 0;
  for (auto _ : state) {
    found.clear();
    (*extractor)->Extract(request.messages(i).text(), &found);
    benchmark::DoNotOptimize(found.data());
    if (++i == request.messages_size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ExtractReferences);

}  // namespace
}  // namespace cxkit::bench

BENCHMARK_MAIN();
