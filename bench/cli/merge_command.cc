// cxkit-bench merge: generates a mixed-channel message stream (not timed),
// runs MergeConversations on it --repeat times and reports the median run.

#include <google/protobuf/arena.h>

#include <iostream>

#include "bench/cli/commands.h"
#include "bench/cli/flags.h"
#include "bench/cli/report.h"
#include "bench/cli/timed_runs.h"
#include "bench/generator/message_generator.h"
#include "cxkit/conversation.h"

namespace cxkit::bench {

int RunMergeCommand(const std::vector<std::string>& args) {
  uint64_t messages = 100000;
  uint64_t seed = 1;
  uint64_t repeat = 1;
  uint64_t days = 7;
  bool json = false;
  bool c_abi = false;
  bool no_profiles = false;
  FlagParser flags(
      "merge",
      "Merges a generated omnichannel message stream (e-mail threads, chats, "
      "calls,\ncross-channel follow-ups, order numbers) into conversations "
      "with\ncxkit::MergeConversations and reports messages/s and peak "
      "memory.");
  flags.AddUint64("messages", &messages, 1, 10000000, "messages to generate");
  flags.AddUint64("seed", &seed, 0, UINT64_MAX, "generator seed");
  flags.AddUint64("repeat", &repeat, 1, 1000,
                  "timed runs; the median is reported");
  flags.AddUint64("days", &days, 1, 3660, "days the stream is spread over");
  flags.AddBool("json", &json, "print one JSON object");
  flags.AddBool("c-abi", &c_abi, kCAbiHelp);
  flags.AddBool("no-profiles", &no_profiles,
                "leave request.customer_profiles empty: senders without a "
                "host customer id become implicit customers");
  bool indexes_only = false;
  flags.AddBool("indexes-only", &indexes_only,
                "omit message ids and merge evidence from the conversations "
                "(request.output), as a bulk caller would");
  if (auto exit_code = ParseFlagsOrExitCode(flags, args)) return *exit_code;

  google::protobuf::Arena arena(BenchArenaOptions());
  auto* request = google::protobuf::Arena::CreateMessage<
      cxkit::v1::MergeConversationsRequest>(&arena);
  MessageStreamOptions options;
  options.seed = seed;
  options.messages = messages;
  options.span_seconds = static_cast<int64_t>(days) * 24 * 60 * 60;
  options.with_profiles = !no_profiles;
  GenerateMergeConversationsRequest(options, request);
  if (indexes_only) {
    request->mutable_output()->set_omit_message_ids(true);
    request->mutable_output()->set_omit_merges(true);
  }
  const uint64_t request_bytes = request->ByteSizeLong();
  const uint64_t request_rss = CurrentRssBytes();

  cxkit::v1::MergeStats stats;
  uint64_t response_bytes = 0;
  TimedRuns runs;
  if (!TimeRuns(
          Capability<cxkit::v1::MergeConversationsRequest,
                     cxkit::v1::MergeConversationsResponse>{
              "MergeConversations", &cxkit::MergeConversationsInto,
              &cxkit_merge_conversations},
          c_abi, repeat, *request,
          [&](const cxkit::v1::MergeConversationsResponse& response) {
            stats = response.stats();
            // Sized once: ByteSizeLong walks the whole response.
            if (response_bytes == 0) response_bytes = response.ByteSizeLong();
          },
          &runs)) {
    return kExitFailure;
  }
  const double median = runs.MedianWall();
  const double median_cpu = runs.MedianCpu();
  const double best = runs.BestWall();
  const uint64_t peak_rss = PeakRssBytes();
  const double n = static_cast<double>(messages);

  Report report;
  report.AddString("benchmark", "merge");
  report.AddString("entry", EntryName(c_abi));
  report.AddUint("messages", messages);
  report.AddUint("seed", seed);
  report.AddUint("days", days);
  report.AddString("customers", no_profiles ? "implicit" : "profiles");
  report.AddString("output", indexes_only ? "indexes-only" : "full");
  report.AddUint("repeat", repeat);
  report.AddUint("request_bytes", request_bytes);
  report.AddUint("response_bytes", response_bytes);
  report.AddDouble("seconds", median, "s");
  report.AddDouble("best_seconds", best, "s");
  AddColdRunFigures(runs, &report);
  report.AddDouble("cpu_seconds", median_cpu, "s");
  report.AddDouble("messages_per_second", n / median, "messages/s");
  report.AddDouble("messages_per_cpu_second", n / median_cpu, "messages/s");
  report.AddDouble("bytes_per_second",
                   static_cast<double>(request_bytes) / median, "B/s");
  report.AddUint("peak_rss_bytes", peak_rss);
  report.AddUint("request_rss_bytes", request_rss);
  report.AddDouble(
      "merge_rss_bytes_per_message",
      static_cast<double>(peak_rss > request_rss ? peak_rss - request_rss : 0) /
          n,
      "B");
  report.AddUint("conversations", stats.conversations());
  report.AddUint("multi_message_conversations",
                 stats.multi_message_conversations());
  report.AddUint("cross_channel_conversations",
                 stats.cross_channel_conversations());
  report.AddUint("references_found", stats.references_found());
  report.AddUint("merges", stats.merges());
  report.AddUint("refused_merges", stats.refused_merges());
  std::cout << (json ? report.ToJson() + "\n" : report.ToText());
  return kExitOk;
}

}  // namespace cxkit::bench
