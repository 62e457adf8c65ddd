// cxkit-bench: throughput of cxkit's stages on generated omnichannel traffic.
//
//   cxkit-bench identity --records 1000000 --seed 1 --json
//   cxkit-bench phones --numbers 1000000 --seed 1
//
// Each subcommand prints a text report, or one JSON object with --json. Exit
// codes: 0 success, 1 the measured call failed, 2 bad usage.

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "bench/cli/commands.h"
#include "cxkit/version.h"

namespace {

using cxkit::bench::Command;

// One row per command.
constexpr Command kCommands[] = {
    {"identity", "ResolveIdentities on generated contact records",
     cxkit::bench::RunIdentityCommand},
    {"merge", "MergeConversations on a generated mixed-channel message stream",
     cxkit::bench::RunMergeCommand},
    {"phones", "phone normalization: fast path versus libphonenumber",
     cxkit::bench::RunPhonesCommand},
    {"sla", "EvaluateSla on generated conversation timelines",
     cxkit::bench::RunSlaCommand},
    {"route", "RouteConversations: greedy and optimal assignment",
     cxkit::bench::RunRouteCommand},
#ifdef CXKIT_BENCH_PIPELINE
    {"pipeline", "the four functions chained as in cxkit-demo",
     cxkit::bench::RunPipelineCommand},
#endif
};

void PrintUsage(std::ostream& out) {
  out << "usage: cxkit-bench <command> [flags]\n\n"
         "Measures cxkit on seeded, generated omnichannel traffic.\n\n"
         "commands:\n";
  for (const Command& command : kCommands) {
    out << absl::StrFormat("  %-12s %s\n", command.name, command.summary);
  }
  out << "\n'cxkit-bench <command> --help' lists the flags of a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return cxkit::bench::kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return cxkit::bench::kExitOk;
  }
  if (name == "--version") {
    std::cout << "cxkit-bench " << cxkit::VersionString() << "\n";
    return cxkit::bench::kExitOk;
  }
  for (const Command& command : kCommands) {
    if (name == command.name) {
      return command.run(std::vector<std::string>(argv + 2, argv + argc));
    }
  }
  std::cerr << "cxkit-bench: unknown command '" << name << "'\n\n";
  PrintUsage(std::cerr);
  return cxkit::bench::kExitUsage;
}
