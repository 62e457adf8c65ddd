// Google Benchmark suite of routing: RouteConversations in both modes and the
// pair scorer alone, on generated queues.
//
//   cxkit_routing_benchmark --benchmark_filter=Greedy

#include <benchmark/benchmark.h>
#include <google/protobuf/arena.h>

#include "bench/generator/routing_queue.h"
#include "cxkit/routing.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"
#include "lib/routing/score_candidate.h"

namespace cxkit::bench {
namespace {

cxkit::v1::RouteConversationsRequest MakeRequest(
    int64_t items, int64_t agents, cxkit::v1::AssignmentMode mode) {
  cxkit::v1::RouteConversationsRequest request;
  RoutingQueueOptions options;
  options.items = static_cast<uint64_t>(items);
  options.agents = static_cast<uint64_t>(agents);
  GenerateRouteConversationsRequest(options, &request);
  request.mutable_policy()->set_mode(mode);
  request.mutable_policy()->mutable_limits()->set_max_optimal_pairs(
      static_cast<uint64_t>(items * agents));
  return request;
}

void RunRoute(benchmark::State& state, cxkit::v1::AssignmentMode mode) {
  const cxkit::v1::RouteConversationsRequest request =
      MakeRequest(state.range(0), state.range(1), mode);
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* response = google::protobuf::Arena::CreateMessage<
        cxkit::v1::RouteConversationsResponse>(&arena);
    cxkit::RouteConversationsInto(request, response);
    benchmark::DoNotOptimize(response->summary().assigned());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_RouteGreedy(benchmark::State& state) {
  RunRoute(state, cxkit::v1::ASSIGNMENT_MODE_GREEDY);
}
BENCHMARK(BM_RouteGreedy)
    ->Args({1000, 1000})
    ->Args({100000, 5000})
    ->Unit(benchmark::kMillisecond);

void BM_RouteOptimal(benchmark::State& state) {
  RunRoute(state, cxkit::v1::ASSIGNMENT_MODE_OPTIMAL);
}
BENCHMARK(BM_RouteOptimal)->Args({1000, 1000})->Unit(benchmark::kMillisecond);

// Every eligible pair scored once, without the protobuf layers.
void BM_ScoreEligiblePairs(benchmark::State& state) {
  const cxkit::v1::RouteConversationsRequest request = MakeRequest(
      state.range(0), state.range(1), cxkit::v1::ASSIGNMENT_MODE_GREEDY);
  cxkit::v1::RouteConversationsResponse issues;
  const routing::RoutingModel model =
      routing::BuildRoutingModel(request, &issues);
  const routing::CandidateIndex index(model);
  int64_t pairs = 0;
  for (auto _ : state) {
    for (const routing::ItemModel& item : model.items) {
      routing::ForEachEligibleAgent(model, index, item, [&](int32_t agent) {
        benchmark::DoNotOptimize(
            routing::ScoreCandidate(model, item, agent).total_micros);
        ++pairs;
        return true;
      });
    }
  }
  state.SetItemsProcessed(pairs);
}
BENCHMARK(BM_ScoreEligiblePairs)->Args({1000, 1000});

}  // namespace
}  // namespace cxkit::bench

BENCHMARK_MAIN();
