// cxkit-bench identity: generates contact records (not timed), runs
// ResolveIdentities on them
// --repeat times and reports the median run.

#include <google/protobuf/arena.h>

#include <iostream>

#include "bench/cli/commands.h"
#include "bench/cli/flags.h"
#include "bench/cli/report.h"
#include "bench/cli/timed_runs.h"
#include "bench/generator/fuzzy_people.h"
#include "bench/generator/traffic_generator.h"
#include "cxkit/identity.h"

namespace cxkit::bench {

int RunIdentityCommand(const std::vector<std::string>& args) {
  uint64_t records = 100000;
  uint64_t seed = 1;
  uint64_t repeat = 1;
  uint64_t days = 1;
  bool json = false;
  bool c_abi = false;
  FlagParser flags(
      "identity",
      "Resolves generated omnichannel contact records into customer "
      "profiles\nwith cxkit::ResolveIdentities and reports records/s, "
      "bytes/s and peak memory.");
  flags.AddUint64("records", &records, 1, 10000000,
                  "contact records to generate");
  flags.AddUint64("seed", &seed, 0, UINT64_MAX, "generator seed");
  flags.AddUint64("repeat", &repeat, 1, 1000,
                  "timed runs; the median is reported");
  flags.AddUint64("days", &days, 1, 3660, "days the records are spread over");
  flags.AddBool("json", &json, "print one JSON object");
  flags.AddBool("c-abi", &c_abi, kCAbiHelp);
  bool assignments_only = false;
  flags.AddBool("assignments-only", &assignments_only,
                "omit identifiers, links, attributes and summaries from the "
                "profiles (request.output), as a bulk re-resolution would");
  bool fuzzy = false;
  flags.AddBool("fuzzy", &fuzzy,
                "generate people with typos, nicknames, swapped and missing "
                "fields and known truth, turn probabilistic matching on (the "
                "bench's default policy) and report precision, recall and F1 "
                "of the clusters");
  if (auto exit_code = ParseFlagsOrExitCode(flags, args)) return *exit_code;

  google::protobuf::Arena arena(BenchArenaOptions());
  auto* request = google::protobuf::Arena::CreateMessage<
      cxkit::v1::ResolveIdentitiesRequest>(&arena);
  TrafficOptions options;
  options.seed = seed;
  options.records = records;
  options.span_seconds = static_cast<int64_t>(days) * 24 * 60 * 60;
  if (fuzzy) {
    FuzzyPeopleOptions fuzzy_options;
    fuzzy_options.seed = seed;
    fuzzy_options.records = records;
    GenerateFuzzyPeople(fuzzy_options, request);
    SetFuzzyMatchingPolicy(request->mutable_policy()->mutable_probabilistic());
  } else {
    GenerateResolveIdentitiesRequest(options, request);
  }
  if (assignments_only) {
    cxkit::v1::ProfileOutput* output = request->mutable_output();
    output->set_omit_identifiers(true);
    output->set_omit_links(true);
    output->set_omit_attributes(true);
    output->set_omit_summary(true);
  }
  const uint64_t request_bytes = request->ByteSizeLong();
  const uint64_t request_rss = CurrentRssBytes();

  // One-time set-up of the process (libphonenumber's metadata and regular
  // expressions), outside the timed runs: a call on a few records of another
  // seed.
  const Stopwatch init_timer;
  {
    cxkit::v1::ResolveIdentitiesRequest warm_up;
    TrafficOptions warm_up_options;
    warm_up_options.seed = seed + 1;
    warm_up_options.records = 50;
    GenerateResolveIdentitiesRequest(warm_up_options, &warm_up);
    (void)cxkit::ResolveIdentities(warm_up);
  }
  const double init_seconds = init_timer.WallSeconds();

  cxkit::v1::IdentityStats stats;
  uint64_t profiles = 0;
  TimedRuns runs;
  if (!TimeRuns(
          Capability<cxkit::v1::ResolveIdentitiesRequest,
                     cxkit::v1::ResolveIdentitiesResponse>{
              "ResolveIdentities", &cxkit::ResolveIdentitiesInto,
              &cxkit_resolve_identities},
          c_abi, repeat, *request,
          [&](const cxkit::v1::ResolveIdentitiesResponse& response) {
            stats = response.stats();
            profiles = static_cast<uint64_t>(response.profiles_size());
          },
          &runs)) {
    return kExitFailure;
  }
  const double median = runs.MedianWall();
  const double median_cpu = runs.MedianCpu();
  const double best = runs.BestWall();
  const uint64_t peak_rss = PeakRssBytes();
  // Cluster quality from one more, untimed run (assignments only).
  ClusterQuality quality;
  if (fuzzy) {
    cxkit::v1::ResolveIdentitiesRequest scored = *request;
    scored.mutable_output()->set_omit_identifiers(true);
    scored.mutable_output()->set_omit_links(true);
    scored.mutable_output()->set_omit_attributes(true);
    scored.mutable_output()->set_omit_summary(true);
    quality = MeasureClusters(cxkit::ResolveIdentities(scored));
  }

  Report report;
  report.AddString("benchmark", "identity");
  report.AddString("entry", EntryName(c_abi));
  report.AddUint("records", records);
  report.AddUint("seed", seed);
  report.AddString("output", assignments_only ? "assignments-only" : "full");
  report.AddString("matching", fuzzy ? "fuzzy" : "deterministic");
  report.AddUint("repeat", repeat);
  report.AddUint("request_bytes", request_bytes);
  report.AddDouble("init_seconds", init_seconds, "s");
  report.AddDouble("seconds", median, "s");
  report.AddDouble("best_seconds", best, "s");
  AddColdRunFigures(runs, &report);
  report.AddDouble("cpu_seconds", median_cpu, "s");
  report.AddDouble("records_per_cpu_second",
                   static_cast<double>(records) / median_cpu, "records/s");
  report.AddDouble("records_per_second", static_cast<double>(records) / median,
                   "records/s");
  report.AddDouble("bytes_per_second",
                   static_cast<double>(request_bytes) / median, "B/s");
  report.AddUint("peak_rss_bytes", peak_rss);
  report.AddDouble("peak_rss_bytes_per_record",
                   static_cast<double>(peak_rss) / static_cast<double>(records),
                   "B");
  report.AddUint("request_rss_bytes", request_rss);
  report.AddDouble(
      "resolve_rss_bytes_per_record",
      static_cast<double>(peak_rss > request_rss ? peak_rss - request_rss : 0) /
          static_cast<double>(records),
      "B");
  report.AddUint("profiles", profiles);
  report.AddUint("multi_record_profiles", stats.multi_record_profiles());
  report.AddUint("identifiers", stats.identifiers());
  report.AddUint("identifiers_unparseable", stats.identifiers_unparseable());
  report.AddUint("identifiers_blocked", stats.identifiers_blocked());
  report.AddUint("hub_values", stats.hub_values());
  report.AddUint("links_made", stats.links_made());
  report.AddUint("links_rejected", stats.links_rejected());
  if (fuzzy) {
    report.AddDouble("precision", quality.precision, "");
    report.AddDouble("recall", quality.recall, "");
    report.AddDouble("f1", quality.f1, "");
    report.AddUint("candidate_pairs", stats.candidate_pairs());
    report.AddUint("compared_pairs", stats.compared_pairs());
    report.AddUint("matched_pairs", stats.matched_pairs());
    report.AddUint("probabilistic_links", stats.probabilistic_links());
    report.AddUint("oversized_blocks", stats.oversized_blocks());
    report.AddUint("em_iterations", stats.em_iterations());
  }
  std::cout << (json ? report.ToJson() + "\n" : report.ToText());
  return kExitOk;
}

}  // namespace cxkit::bench
