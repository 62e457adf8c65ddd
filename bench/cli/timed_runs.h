// The timed loop the cxkit-bench commands share: call a `FooInto` function
// `repeat` times, each response on a fresh arena (building and freeing it
// timed), and keep wall and CPU times.

#ifndef CXKIT_BENCH_CLI_TIMED_RUNS_H_
#define CXKIT_BENCH_CLI_TIMED_RUNS_H_

#include <google/protobuf/arena.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench/cli/report.h"
#include "cxkit/v1/common.pb.h"

namespace cxkit::bench {

// Arena blocks of 64 KiB growing to 4 MiB, for requests and responses.
inline google::protobuf::ArenaOptions BenchArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 1 << 16;
  options.max_block_size = 1 << 22;
  return options;
}

// Wall and CPU seconds of each run.
struct TimedRuns {
  std::vector<double> wall;
  std::vector<double> cpu;

  double MedianWall() const { return Median(wall); }
  double MedianCpu() const { return Median(cpu); }
  double BestWall() const {
    return *std::min_element(wall.begin(), wall.end());
  }
};

// Runs `into(request, response)` `repeat` (>= 1) times. Each run creates the
// response on a fresh arena, calls `inspect(*response)` (to keep what the
// report needs) and frees the arena, all timed. Returns false, after printing
// "cxkit-bench: <function> failed: <message>" to stderr, when a response's
// status is not OK.
template <typename Request, typename Response, typename Inspect>
bool TimeRuns(const char* function, uint64_t repeat,
              void (*into)(const Request&, Response*), const Request& request,
              Inspect inspect, TimedRuns* runs) {
  const google::protobuf::ArenaOptions arena_options = BenchArenaOptions();
  for (uint64_t run = 0; run < repeat; ++run) {
    const Stopwatch timer;
    auto arena = std::make_unique<google::protobuf::Arena>(arena_options);
    auto* response =
        google::protobuf::Arena::CreateMessage<Response>(arena.get());
    into(request, response);
    const bool ok = response->status().code() == cxkit::v1::STATUS_CODE_OK;
    const std::string message = response->status().message();
    inspect(*response);
    arena.reset();
    runs->wall.push_back(timer.WallSeconds());
    runs->cpu.push_back(timer.CpuSeconds());
    if (!ok) {
      std::cerr << "cxkit-bench: " << function << " failed: " << message
                << "\n";
      return false;
    }
  }
  return true;
}

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_CLI_TIMED_RUNS_H_
