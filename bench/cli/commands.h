// The subcommands of cxkit-bench. Each takes the arguments after its name,
// prints its report on stdout (text, or one JSON object with --json) and
// returns the process exit code: 0 success, 1 the measured call failed, 2 bad
// usage (message on stderr).
//
// A new command is one more Run*Command function and one more row of
// kCommands in cxkit_bench.cc.

#ifndef CXKIT_BENCH_CLI_COMMANDS_H_
#define CXKIT_BENCH_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace cxkit::bench {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

// cxkit-bench identity: ResolveIdentities on generated contact records.
int RunIdentityCommand(const std::vector<std::string>& args);

// cxkit-bench merge: MergeConversations on a generated message stream.
int RunMergeCommand(const std::vector<std::string>& args);

// cxkit-bench phones: PhoneNormalizer versus libphonenumber on the generated
// phone mix.
int RunPhonesCommand(const std::vector<std::string>& args);

// cxkit-bench sla: EvaluateSla on generated conversation timelines.
int RunSlaCommand(const std::vector<std::string>& args);

// cxkit-bench route: RouteConversations (greedy and optimal) on a generated
// queue and team.
int RunRouteCommand(const std::vector<std::string>& args);

// cxkit-bench pipeline: the four functions chained on generated traffic, as
// in cxkit-demo (built with the examples).
int RunPipelineCommand(const std::vector<std::string>& args);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_CLI_COMMANDS_H_
