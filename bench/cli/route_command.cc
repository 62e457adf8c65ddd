// cxkit-bench route: generates a routing queue (not timed), then measures
// scoring alone, RouteConversations in GREEDY mode and in OPTIMAL mode, each
// --repeat times, reporting the medians.

#include <iostream>
#include <string>
#include <vector>

#include "bench/cli/commands.h"
#include "bench/cli/flags.h"
#include "bench/cli/report.h"
#include "bench/cli/timed_runs.h"
#include "bench/generator/routing_queue.h"
#include "cxkit/routing.h"
#include "lib/routing/candidate_index.h"
#include "lib/routing/routing_model.h"
#include "lib/routing/score_candidate.h"

namespace cxkit::bench {
namespace {

struct ModeRun {
  double median_ms = 0;
  double best_ms = 0;
  double median_cpu_ms = 0;
  cxkit::v1::RoutingSummary summary;
  bool failed = false;  // TimeRuns printed why
};

// Runs RouteConversations `repeat` times with `mode` (see TimeRuns).
ModeRun RunMode(const cxkit::v1::RouteConversationsRequest& base,
                cxkit::v1::AssignmentMode mode, uint64_t repeat, bool c_abi) {
  cxkit::v1::RouteConversationsRequest request = base;
  request.mutable_policy()->set_mode(mode);
  ModeRun run;
  TimedRuns runs;
  const auto keep_summary =
      [&run](const cxkit::v1::RouteConversationsResponse& response) {
        run.summary = response.summary();
      };
  const Capability<cxkit::v1::RouteConversationsRequest,
                   cxkit::v1::RouteConversationsResponse>
      route{"RouteConversations", &cxkit::RouteConversationsInto,
            &cxkit_route_conversations};
  if (!TimeRuns(route, c_abi, repeat, request, keep_summary, &runs)) {
    run.failed = true;
    return run;
  }
  run.median_ms = runs.MedianWall() * 1e3;
  run.median_cpu_ms = runs.MedianCpu() * 1e3;
  run.best_ms = runs.BestWall() * 1e3;
  return run;
}

// Scores every eligible pair once (the work of candidates and of OPTIMAL
// mode), outside the protobuf layers: returns the median CPU ms and the
// pairs.
double TimeScoring(const cxkit::v1::RouteConversationsRequest& request,
                   uint64_t repeat, uint64_t* pairs) {
  cxkit::v1::RouteConversationsResponse issues;
  const routing::RoutingModel model =
      routing::BuildRoutingModel(request, &issues);
  const routing::CandidateIndex index(model);
  std::vector<double> ms;
  int64_t checksum = 0;
  for (uint64_t r = 0; r < repeat; ++r) {
    const Stopwatch timer;
    *pairs = 0;
    for (const routing::ItemModel& item : model.items) {
      routing::ForEachEligibleAgent(model, index, item, [&](int32_t agent) {
        checksum += routing::ScoreCandidate(model, item, agent).total_micros;
        ++*pairs;
        return true;
      });
    }
    ms.push_back(timer.CpuSeconds() * 1e3);
  }
  if (checksum == 42) std::cerr << "";  // keeps the loop from being elided
  return Median(ms);
}

}  // namespace

int RunRouteCommand(const std::vector<std::string>& args) {
  uint64_t items = 1000;
  uint64_t agents = 1000;
  uint64_t seed = 1;
  uint64_t repeat = 5;
  bool json = false;
  bool c_abi = false;
  bool skip_optimal = false;
  uint64_t phone_units = 3;
  FlagParser flags(
      "route",
      "Routes a generated queue of work items to a generated team with\n"
      "cxkit::RouteConversations (GREEDY and OPTIMAL) and reports the time\n"
      "of scoring, greedy and optimal assignment and peak memory.");
  flags.AddUint64("items", &items, 1, 1000000, "work items to generate");
  flags.AddUint64("agents", &agents, 1, 100000, "agents to generate");
  flags.AddUint64("seed", &seed, 0, UINT64_MAX, "generator seed");
  flags.AddUint64("repeat", &repeat, 1, 1000,
                  "timed runs per measurement; medians are reported");
  flags.AddUint64("phone-units", &phone_units, 1, 10,
                  "capacity units of a phone call (1: uniform units, where "
                  "OPTIMAL is always exact)");
  flags.AddBool("skip-optimal", &skip_optimal,
                "do not run OPTIMAL mode (for very large queues)");
  flags.AddBool("json", &json, "print one JSON object");
  flags.AddBool("c-abi", &c_abi, kCAbiHelp);
  if (auto exit_code = ParseFlagsOrExitCode(flags, args)) return *exit_code;

  cxkit::v1::RouteConversationsRequest request;
  RoutingQueueOptions options;
  options.seed = seed;
  options.items = items;
  options.agents = agents;
  options.phone_units = static_cast<uint32_t>(phone_units);
  GenerateRouteConversationsRequest(options, &request);
  // Bulk runs: limits sized to the queue.
  request.mutable_policy()->mutable_limits()->set_max_optimal_pairs(items *
                                                                    agents);

  uint64_t pairs = 0;
  const double scoring_ms = TimeScoring(request, repeat, &pairs);
  const ModeRun greedy =
      RunMode(request, cxkit::v1::ASSIGNMENT_MODE_GREEDY, repeat, c_abi);
  if (greedy.failed) return kExitFailure;
  ModeRun optimal;
  if (!skip_optimal) {
    optimal =
        RunMode(request, cxkit::v1::ASSIGNMENT_MODE_OPTIMAL, repeat, c_abi);
    if (optimal.failed) return kExitFailure;
  }

  Report report;
  report.AddString("benchmark", "route");
  report.AddString("entry", EntryName(c_abi));
  report.AddUint("items", items);
  report.AddUint("agents", agents);
  report.AddUint("seed", seed);
  report.AddUint("repeat", repeat);
  report.AddUint("phone_units", phone_units);
  report.AddUint("eligible_pairs", pairs);
  report.AddDouble("scoring_cpu_ms", scoring_ms, "ms");
  report.AddDouble("pairs_scored_per_second",
                   scoring_ms > 0 ? pairs / (scoring_ms / 1e3) : 0, "pairs/s");
  report.AddDouble("greedy_ms", greedy.median_ms, "ms");
  report.AddDouble("greedy_best_ms", greedy.best_ms, "ms");
  report.AddDouble("greedy_cpu_ms", greedy.median_cpu_ms, "ms");
  report.AddUint("greedy_pairs_scored", greedy.summary.pairs_scored());
  report.AddUint("greedy_assigned", greedy.summary.assigned());
  report.AddDouble("greedy_total_score", greedy.summary.total_score());
  if (!skip_optimal) {
    report.AddDouble("optimal_ms", optimal.median_ms, "ms");
    report.AddDouble("optimal_best_ms", optimal.best_ms, "ms");
    report.AddDouble("optimal_cpu_ms", optimal.median_cpu_ms, "ms");
    report.AddUint("optimal_assigned", optimal.summary.assigned());
    report.AddDouble("optimal_total_score", optimal.summary.total_score());
    report.AddString("optimality",
                     cxkit::v1::Optimality_Name(optimal.summary.optimality()));
    if (optimal.summary.optimality() == cxkit::v1::OPTIMALITY_REPAIRED) {
      report.AddUint("optimal_bound_assigned",
                     optimal.summary.bound_assigned());
      report.AddDouble("optimal_bound_total_score",
                       optimal.summary.bound_total_score());
    }
  }
  report.AddUint("peak_rss_bytes", PeakRssBytes());
  std::cout << (json ? report.ToJson() + "\n" : report.ToText());
  return kExitOk;
}

}  // namespace cxkit::bench
