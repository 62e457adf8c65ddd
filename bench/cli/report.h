// What a cxkit-bench subcommand measured, printed as aligned text or as one
// JSON object, and the process memory figures the reports use.

#ifndef CXKIT_BENCH_CLI_REPORT_H_
#define CXKIT_BENCH_CLI_REPORT_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace cxkit::bench {

// Ordered key/value pairs. Keys are snake_case and become the JSON keys.
class Report {
 public:
  void AddString(absl::string_view key, absl::string_view value);
  void AddInt(absl::string_view key, int64_t value);
  void AddUint(absl::string_view key, uint64_t value);
  // `unit` only decorates the text form ("s", "/s", "B").
  void AddDouble(absl::string_view key, double value,
                 absl::string_view unit = "");

  // {"key": value, ...} on one line, keys in insertion order.
  std::string ToJson() const;
  // One "key  value" line per entry.
  std::string ToText() const;

 private:
  struct Entry {
    std::string key;
    std::string json;
    std::string text;
  };
  std::vector<Entry> entries_;
};

// The process's peak resident set size in bytes (getrusage ru_maxrss), 0 when
// unknown.
uint64_t PeakRssBytes();

// The process's current resident set size in bytes (/proc/self/statm), 0 when
// unknown.
uint64_t CurrentRssBytes();

// CPU time used by the process so far, in seconds (CLOCK_PROCESS_CPUTIME_ID).
// On a busy machine it shows what wall-clock time hides.
double ProcessCpuSeconds();

// Wall-clock and process CPU time since construction.
class Stopwatch {
 public:
  Stopwatch()
      : wall_start_(std::chrono::steady_clock::now()),
        cpu_start_(ProcessCpuSeconds()) {}
  double WallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         wall_start_)
        .count();
  }
  double CpuSeconds() const { return ProcessCpuSeconds() - cpu_start_; }

 private:
  std::chrono::steady_clock::time_point wall_start_;
  double cpu_start_;
};

// Median of `values` (the mean of the two middle ones for an even count); 0
// when empty.
double Median(std::vector<double> values);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_CLI_REPORT_H_
