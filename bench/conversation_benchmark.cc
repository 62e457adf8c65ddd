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
