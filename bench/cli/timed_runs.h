// The timed loop the cxkit-bench commands share: call a capability `repeat`
// times, through its C++ `FooInto` function (each response on a fresh arena,
// building and freeing it timed) or through its C ABI entry, and keep wall and
// CPU times.

#ifndef CXKIT_BENCH_CLI_TIMED_RUNS_H_
#define CXKIT_BENCH_CLI_TIMED_RUNS_H_

#include <google/protobuf/arena.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench/cli/report.h"
#include "cxkit/arena.h"
#include "cxkit/cxkit_c.h"
#include "cxkit/v1/common.pb.h"

namespace cxkit::bench {

// The library's arena options (cxkit/arena.h: blocks growing to 4 MiB, the
// 4 MiB ones pooled) from a 64 KiB first block, for requests and responses.
inline google::protobuf::ArenaOptions BenchArenaOptions() {
  return cxkit::CallArenaOptions(1 << 16);
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

// Adds the first run's wall seconds ("first_seconds": cold, on fresh pages
// and an empty arena pool; later runs reuse pooled blocks, see cxkit/arena.h)
// and the pool's bytes after the runs ("arena_pool_bytes").
inline void AddColdRunFigures(const TimedRuns& runs, Report* report) {
  report->AddDouble("first_seconds", runs.wall.front(), "s");
  report->AddUint("arena_pool_bytes", cxkit::ArenaPoolRetainedBytes());
}

// The help line of every command's --c-abi flag, and the report's "entry".
inline constexpr char kCAbiHelp[] =
    "call the C ABI entry on the serialized request, as a PHP, Ruby or Go "
    "host does, instead of the C++ function";
inline const char* EntryName(bool via_c_abi) {
  return via_c_abi ? "c-abi" : "c++";
}

// A capability as cxkit-bench calls it.
template <typename Request, typename Response>
struct Capability {
  const char* name;  // e.g. "EvaluateSla", for messages
  void (*into)(const Request&, Response*);
  // The C ABI entry, e.g. cxkit_evaluate_sla.
  int (*c_entry)(const void* request, size_t request_size, void** response,
                 size_t* response_size);
};

// Runs the capability `repeat` (>= 1) times on `request`, calling
// `inspect(response)` after each run (to keep what the report needs), and
// appends each run's times to `runs`.
// - C++ (`via_c_abi` false): each run creates the response on a fresh arena,
//   calls `into`, and frees the arena, timed (`inspect` is not).
// - C ABI (`via_c_abi` true), as a PHP, Ruby or Go host calls cxkit: the
//   request is serialized once, untimed; each run times `c_entry` and
//   cxkit_free of its response; parsing the response for `inspect` and
//   `inspect` are not timed.
// Returns false, after printing "cxkit-bench: <name> failed: <message>" to
// stderr, when a response's status is not OK.
template <typename Request, typename Response, typename Inspect>
bool TimeRuns(const Capability<Request, Response>& capability, bool via_c_abi,
              uint64_t repeat, const Request& request, Inspect inspect,
              TimedRuns* runs) {
  const google::protobuf::ArenaOptions arena_options = BenchArenaOptions();
  std::string request_bytes;
  if (via_c_abi) request.SerializeToString(&request_bytes);
  for (uint64_t run = 0; run < repeat; ++run) {
    std::unique_ptr<google::protobuf::Arena> arena;
    Response* response = nullptr;
    void* response_bytes = nullptr;
    bool parsed = true;
    const Stopwatch call_timer;
    if (via_c_abi) {
      size_t size = 0;
      const int code = capability.c_entry(
          request_bytes.data(), request_bytes.size(), &response_bytes, &size);
      runs->wall.push_back(call_timer.WallSeconds());
      runs->cpu.push_back(call_timer.CpuSeconds());
      // Parsed only to inspect it, untimed: a host reads the bytes its own way.
      arena = std::make_unique<google::protobuf::Arena>(arena_options);
      response = google::protobuf::Arena::CreateMessage<Response>(arena.get());
      // No buffer (malloc failed) or bytes that do not parse, or a code that
      // is not the status's: a failed run, never an empty "OK" response.
      parsed =
          response_bytes != nullptr &&
          response->ParseFromArray(response_bytes, static_cast<int>(size)) &&
          code == response->status().code();
    } else {
      arena = std::make_unique<google::protobuf::Arena>(arena_options);
      response = google::protobuf::Arena::CreateMessage<Response>(arena.get());
      capability.into(request, response);
      runs->wall.push_back(call_timer.WallSeconds());
      runs->cpu.push_back(call_timer.CpuSeconds());
    }
    const bool ok =
        parsed && response->status().code() == cxkit::v1::STATUS_CODE_OK;
    const std::string message =
        parsed ? response->status().message()
               : "the C entry returned no response that parses with its code";
    inspect(*response);
    // Freeing what the call returned is part of the call.
    const Stopwatch free_timer;
    if (via_c_abi) {
      cxkit_free(response_bytes);
    } else {
      arena.reset();
    }
    runs->wall.back() += free_timer.WallSeconds();
    runs->cpu.back() += free_timer.CpuSeconds();
    if (!ok) {
      std::cerr << "cxkit-bench: " << capability.name << " failed: " << message
                << "\n";
      return false;
    }
  }
  return true;
}

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_CLI_TIMED_RUNS_H_
