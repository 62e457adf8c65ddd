// Google Benchmark suite of the SLA clocks: whole EvaluateSla calls on
// generated traffic, and the business-calendar arithmetic alone, with
// 30-minute and 30-day targets side by side.
//
//   cxkit_sla_benchmark --benchmark_filter=Target

#include <benchmark/benchmark.h>
#include <google/protobuf/arena.h>

#include <cstdint>

#include "bench/generator/sla_traffic.h"
#include "cxkit/sla.h"
#include "lib/sla/business_calendar.h"
#include "lib/sla/calendar_spec.h"

namespace cxkit::bench {
namespace {

cxkit::v1::EvaluateSlaRequest MakeRequest(size_t conversations,
                                          int64_t target_seconds,
                                          bool all_business) {
  cxkit::v1::EvaluateSlaRequest request;
  SlaTrafficOptions options;
  options.conversations = conversations;
  options.target_seconds = target_seconds;
  options.all_business_hours = all_business;
  GenerateEvaluateSlaRequest(options, &request);
  return request;
}

// Whole calls, the response on an arena (as a bulk host should);
// items = metric evaluations.
void BM_EvaluateSla(benchmark::State& state) {
  const cxkit::v1::EvaluateSlaRequest request = MakeRequest(
      static_cast<size_t>(state.range(0)), state.range(1), state.range(2) != 0);
  uint64_t evaluations = 0;
  google::protobuf::ArenaOptions options;
  options.start_block_size = 1 << 16;
  options.max_block_size = 1 << 22;
  for (auto _ : state) {
    google::protobuf::Arena arena(options);
    auto* response =
        google::protobuf::Arena::CreateMessage<cxkit::v1::EvaluateSlaResponse>(
            &arena);
    cxkit::EvaluateSlaInto(request, response);
    evaluations += response->stats().metric_evaluations();
    benchmark::DoNotOptimize(response);
  }
  state.SetItemsProcessed(static_cast<int64_t>(evaluations));
}
BENCHMARK(BM_EvaluateSla)
    ->ArgNames({"conversations", "target_s", "all_business"})
    ->Args({10000, 0, 0})
    ->Args({10000, 0, 1})
    ->Args({10000, 1800, 1})
    ->Args({10000, 30 * 86400, 1})
    ->Unit(benchmark::kMillisecond);

// "Add N business seconds" on a Berlin office calendar (lunch, holidays):
// a 30-minute and a 30-day target cost the same binary search once the
// calendar covers the horizon.
void BM_AddBusinessTarget(benchmark::State& state) {
  cxkit::v1::EvaluateSlaRequest request = MakeRequest(1, 0, true);
  const sla::CalendarSpec spec =
      *sla::ParseCalendar(request.calendars(0), "calendars[0]", 1000);
  const int64_t now = request.now().seconds();
  sla::BusinessCalendar calendar(&spec, now - 30 * 86400, now + 3653LL * 86400);
  const int64_t target = state.range(0);
  (void)calendar.AddSeconds(now, target);  // covers the horizon once
  int64_t start = now - 20 * 86400;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.AddSeconds(start, target));
    start += 97;
    if (start > now) start = now - 20 * 86400;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddBusinessTarget)
    ->ArgName("target_s")
    ->Arg(1800)
    ->Arg(30 * 86400);

}  // namespace
}  // namespace cxkit::bench

BENCHMARK_MAIN();
