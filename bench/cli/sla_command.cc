// cxkit-bench sla: generates conversation timelines over several business
// calendars (not timed), runs EvaluateSla on them --repeat times and reports
// the median run's metric evaluations per second.

#include <iostream>

#include "bench/cli/commands.h"
#include "bench/cli/flags.h"
#include "bench/cli/report.h"
#include "bench/cli/timed_runs.h"
#include "bench/generator/sla_traffic.h"
#include "cxkit/sla.h"

namespace cxkit::bench {

int RunSlaCommand(const std::vector<std::string>& args) {
  uint64_t conversations = 100000;
  uint64_t seed = 1;
  uint64_t repeat = 3;
  uint64_t days = 7;
  uint64_t target_seconds = 0;
  bool all_business = false;
  bool json = false;
  bool c_abi = false;
  bool states_only = false;
  FlagParser flags(
      "sla",
      "Evaluates SLA clocks of generated conversations with "
      "cxkit::EvaluateSla\nand reports metric evaluations/s and peak memory.");
  flags.AddUint64("conversations", &conversations, 1, 10000000,
                  "conversations to generate");
  flags.AddUint64("seed", &seed, 0, UINT64_MAX, "generator seed");
  flags.AddUint64("repeat", &repeat, 1, 1000,
                  "timed runs; the median is reported");
  flags.AddUint64("days", &days, 1, 365,
                  "days the conversations start over, before now");
  flags.AddUint64("target-seconds", &target_seconds, 0, 366 * 86400,
                  "give every target this goal (0: the policies' own, from "
                  "30 s to 5 days)");
  flags.AddBool("business-hours", &all_business,
                "put chat and phone targets on a calendar too (24/7 one)");
  flags.AddBool("json", &json, "print one JSON object");
  flags.AddBool("c-abi", &c_abi, kCAbiHelp);
  flags.AddBool("states-only", &states_only,
                "omit completed cycles from the response "
                "(request.output.omit_completed_cycles)");
  if (auto exit_code = ParseFlagsOrExitCode(flags, args)) return *exit_code;

  cxkit::v1::EvaluateSlaRequest request;
  SlaTrafficOptions options;
  options.seed = seed;
  options.conversations = conversations;
  options.span_seconds = static_cast<int64_t>(days) * 86400;
  options.target_seconds = static_cast<int64_t>(target_seconds);
  options.all_business_hours = all_business;
  GenerateEvaluateSlaRequest(options, &request);
  request.mutable_output()->set_omit_completed_cycles(states_only);
  const uint64_t request_bytes = request.ByteSizeLong();

  cxkit::v1::SlaStats stats;
  double service_level = 0;
  TimedRuns runs;
  if (!TimeRuns(
          Capability<cxkit::v1::EvaluateSlaRequest,
                     cxkit::v1::EvaluateSlaResponse>{
              "EvaluateSla", &cxkit::EvaluateSlaInto, &cxkit_evaluate_sla},
          c_abi, repeat, request,
          [&](const cxkit::v1::EvaluateSlaResponse& response) {
            stats = response.stats();
            service_level = response.service_level().overall().service_level();
          },
          &runs)) {
    return kExitFailure;
  }
  const double median = runs.MedianWall();
  const double median_cpu = runs.MedianCpu();
  const double evaluations = static_cast<double>(stats.metric_evaluations());

  Report report;
  report.AddString("benchmark", "sla");
  report.AddString("entry", EntryName(c_abi));
  report.AddUint("conversations", conversations);
  report.AddUint("seed", seed);
  report.AddUint("repeat", repeat);
  report.AddUint("target_seconds", target_seconds);
  report.AddString("calendars", all_business ? "all-business" : "field");
  report.AddString("output", states_only ? "states-only" : "full");
  report.AddUint("request_bytes", request_bytes);
  report.AddUint("metric_evaluations", stats.metric_evaluations());
  report.AddDouble("seconds", median, "s");
  report.AddDouble("best_seconds", runs.BestWall(), "s");
  AddColdRunFigures(runs, &report);
  report.AddDouble("cpu_seconds", median_cpu, "s");
  report.AddDouble("evaluations_per_second", evaluations / median, "evals/s");
  report.AddDouble("evaluations_per_cpu_second", evaluations / median_cpu,
                   "evals/s");
  report.AddDouble("conversations_per_second",
                   static_cast<double>(conversations) / median, "conv/s");
  report.AddUint("peak_rss_bytes", PeakRssBytes());
  report.AddUint("breached_conversations", stats.breached_conversations());
  report.AddUint("warning_conversations", stats.warning_conversations());
  report.AddUint("conversations_with_errors",
                 stats.conversations_with_errors());
  report.AddDouble("overall_service_level", service_level);
  std::cout << (json ? report.ToJson() + "\n" : report.ToText());
  return kExitOk;
}

}  // namespace cxkit::bench
