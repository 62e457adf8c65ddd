// The flags of one cxkit-bench subcommand: "--name value", "--name=value" and
// boolean
// "--name", each declared with a pointer to its variable, a default and a help
// line.

#ifndef CXKIT_BENCH_CLI_FLAGS_H_
#define CXKIT_BENCH_CLI_FLAGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace cxkit::bench {

class FlagParser {
 public:
  // `command` and `summary` head the usage text.
  FlagParser(std::string command, std::string summary);

  // Declares "--name N": a decimal integer in [min, max]. `*value` holds the
  // default.
  void AddUint64(const char* name, uint64_t* value, uint64_t min, uint64_t max,
                 const char* help);
  // Declares "--name": sets `*value` to true ("--name=false" sets false).
  void AddBool(const char* name, bool* value, const char* help);

  // Parses the arguments that follow the subcommand. Errors: InvalidArgument
  // naming the offending argument (unknown flag, missing or malformed value,
  // out of range, stray positional argument). "--help" / "-h" stops parsing and
  // sets help_requested().
  absl::Status Parse(const std::vector<std::string>& args);

  bool help_requested() const { return help_requested_; }

  // "usage: cxkit-bench <command> [flags]" and one line per flag with its
  // default.
  std::string Usage() const;

 private:
  struct Flag {
    std::string name;
    bool is_bool;
    uint64_t* uint_value;
    bool* bool_value;
    uint64_t min;
    uint64_t max;
    std::string help;
    std::string default_text;
  };
  const Flag* Find(const std::string& name) const;
  absl::Status Set(const Flag& flag, const std::string& text) const;

  std::string command_;
  std::string summary_;
  std::vector<Flag> flags_;
  bool help_requested_ = false;
};

// Parses `args` into `parser` for a subcommand's main: returns the process exit
// code when the command must not run (0 after printing the usage for --help; 2
// after printing the error and a hint to stderr), or nullopt to go on.
std::optional<int> ParseFlagsOrExitCode(FlagParser& parser,
                                        const std::vector<std::string>& args);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_CLI_FLAGS_H_
