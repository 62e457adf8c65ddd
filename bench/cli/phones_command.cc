// cxkit-bench phones: PhoneNormalizer (fast path + cache) versus libphonenumber
// alone on the phone values of the generated traffic, on one core.

#include <algorithm>
#include <iostream>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "bench/cli/commands.h"
#include "bench/cli/flags.h"
#include "bench/cli/report.h"
#include "bench/generator/traffic_generator.h"
#include "lib/identity/phone_normalizer.h"

namespace cxkit::bench {
namespace {

double Rate(size_t items, double seconds) {
  return static_cast<double>(items) / seconds;
}

}  // namespace

int RunPhonesCommand(const std::vector<std::string>& args) {
  uint64_t numbers = 1000000;
  uint64_t seed = 1;
  uint64_t reference_numbers = 20000;
  bool json = false;
  FlagParser flags(
      "phones",
      "Normalizes the phone values of generated traffic to E.164 with "
      "PhoneNormalizer\n(fast path and cache) and with libphonenumber "
      "alone, and checks that they agree.\nRates are per second of wall "
      "time and per second of CPU time (one thread).");
  flags.AddUint64("numbers", &numbers, 1, 100000000,
                  "phone values to normalize");
  flags.AddUint64("seed", &seed, 0, UINT64_MAX, "generator seed");
  flags.AddUint64("reference-numbers", &reference_numbers, 1, 100000000,
                  "values timed with libphonenumber alone (the first ones)");
  flags.AddBool("json", &json, "print one JSON object");
  if (auto exit_code = ParseFlagsOrExitCode(flags, args)) return *exit_code;
  reference_numbers = std::min(reference_numbers, numbers);

  const std::vector<PhoneSample> corpus = GeneratePhoneCorpus(seed, numbers);
  std::vector<PhoneSample> distinct;
  {
    std::set<std::pair<std::string, std::string>> seen;
    for (const PhoneSample& s : corpus) {
      if (seen.emplace(s.raw, s.region).second) distinct.push_back(s);
    }
  }
  std::string e164;

  // One-time set-up, outside the timed loops: libphonenumber's metadata and
  // regular expressions, and the fast path's tables derived from them.
  const Stopwatch init_timer;
  {
    identity::PhoneNormalizer warm_up;
    (void)warm_up.Normalize("+1 415-555-2671", "", &e164);
    (void)warm_up.Normalize("not a number", "US", &e164);
  }
  const double init_seconds = init_timer.WallSeconds();

  // The mix as ResolveIdentities sees it: one fresh normalizer for the whole
  // batch.
  identity::PhoneNormalizer normalizer;
  uint64_t accepted = 0;
  const Stopwatch mix_timer;
  for (const PhoneSample& s : corpus) {
    accepted += normalizer.Normalize(s.raw, s.region, &e164).ok() ? 1 : 0;
  }
  const double mix_seconds = mix_timer.WallSeconds();
  const double mix_cpu = mix_timer.CpuSeconds();

  // Every spelling once, so that nothing repeats.
  identity::PhoneNormalizer distinct_normalizer;
  const Stopwatch distinct_timer;
  for (const PhoneSample& s : distinct) {
    (void)distinct_normalizer.Normalize(s.raw, s.region, &e164);
  }
  const double distinct_seconds = distinct_timer.WallSeconds();
  const double distinct_cpu = distinct_timer.CpuSeconds();

  std::vector<std::string> reference_results(reference_numbers);
  const Stopwatch reference_timer;
  for (size_t i = 0; i < reference_numbers; ++i) {
    const absl::Status status = identity::NormalizePhoneWithLibphonenumber(
        corpus[i].raw, corpus[i].region, &reference_results[i]);
    if (!status.ok()) reference_results[i] = "error";
  }
  const double reference_seconds = reference_timer.WallSeconds();
  const double reference_cpu = reference_timer.CpuSeconds();

  uint64_t mismatches = 0;
  identity::PhoneNormalizer checker;
  for (size_t i = 0; i < reference_numbers; ++i) {
    const absl::Status status =
        checker.Normalize(corpus[i].raw, corpus[i].region, &e164);
    if ((status.ok() ? e164 : "error") != reference_results[i]) ++mismatches;
  }

  Report report;
  report.AddString("benchmark", "phones");
  report.AddUint("numbers", corpus.size());
  report.AddUint("seed", seed);
  report.AddDouble("init_seconds", init_seconds, "s");
  report.AddDouble("seconds", mix_seconds, "s");
  report.AddDouble("cpu_seconds", mix_cpu, "s");
  report.AddDouble("numbers_per_second", Rate(corpus.size(), mix_seconds),
                   "numbers/s");
  report.AddDouble("numbers_per_cpu_second", Rate(corpus.size(), mix_cpu),
                   "numbers/s");
  report.AddUint("accepted", accepted);
  report.AddUint("libphonenumber_calls", normalizer.reference_calls());
  report.AddUint("cached_answers", normalizer.cached_answers());
  report.AddDouble("fast_path_share",
                   1.0 - static_cast<double>(normalizer.reference_calls() +
                                             normalizer.cached_answers()) /
                             static_cast<double>(corpus.size()));
  report.AddUint("distinct_numbers", distinct.size());
  report.AddDouble("distinct_numbers_per_second",
                   Rate(distinct.size(), distinct_seconds), "numbers/s");
  report.AddDouble("distinct_numbers_per_cpu_second",
                   Rate(distinct.size(), distinct_cpu), "numbers/s");
  report.AddUint("reference_numbers", reference_numbers);
  report.AddDouble("reference_numbers_per_second",
                   Rate(reference_numbers, reference_seconds), "numbers/s");
  report.AddDouble("reference_numbers_per_cpu_second",
                   Rate(reference_numbers, reference_cpu), "numbers/s");
  report.AddDouble(
      "speedup",
      Rate(corpus.size(), mix_cpu) / Rate(reference_numbers, reference_cpu),
      "x");
  report.AddUint("mismatches", mismatches);
  std::cout << (json ? report.ToJson() + "\n" : report.ToText());
  return mismatches == 0 ? kExitOk : kExitFailure;
}

}  // namespace cxkit::bench
