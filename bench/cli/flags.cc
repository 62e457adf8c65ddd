#include "bench/cli/flags.h"

#include <iostream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cxkit::bench {

FlagParser::FlagParser(std::string command, std::string summary)
    : command_(std::move(command)), summary_(std::move(summary)) {}

void FlagParser::AddUint64(const char* name, uint64_t* value, uint64_t min,
                           uint64_t max, const char* help) {
  flags_.push_back(
      {name, false, value, nullptr, min, max, help, absl::StrCat(*value)});
}

void FlagParser::AddBool(const char* name, bool* value, const char* help) {
  flags_.push_back(
      {name, true, nullptr, value, 0, 1, help, *value ? "true" : "false"});
}

const FlagParser::Flag* FlagParser::Find(const std::string& name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

absl::Status FlagParser::Set(const Flag& flag, const std::string& text) const {
  if (flag.is_bool) {
    if (text == "true" || text == "1") {
      *flag.bool_value = true;
    } else if (text == "false" || text == "0") {
      *flag.bool_value = false;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "--", flag.name, " takes true or false, not '", text, "'"));
    }
    return absl::OkStatus();
  }
  uint64_t value = 0;
  if (text.empty() || text[0] == '-' || text[0] == '+' ||
      !absl::SimpleAtoi(text, &value)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag.name, " takes a non-negative integer, not '", text, "'"));
  }
  if (value < flag.min || value > flag.max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag.name, " must be in [", flag.min, ", ", flag.max,
                     "], not ", value));
  }
  *flag.uint_value = value;
  return absl::OkStatus();
}

absl::Status FlagParser::Parse(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      return absl::OkStatus();
    }
    if (!absl::StartsWith(arg, "--") || arg.size() == 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument '", arg, "'"));
    }
    const size_t equals = arg.find('=');
    const std::string name = arg.substr(
        2, equals == std::string::npos ? std::string::npos : equals - 2);
    const Flag* flag = Find(name);
    if (flag == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag '--", name, "'"));
    }
    if (equals != std::string::npos) {
      absl::Status status = Set(*flag, arg.substr(equals + 1));
      if (!status.ok()) return status;
    } else if (flag->is_bool) {
      *flag->bool_value = true;
    } else if (i + 1 == args.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", name, " needs a value"));
    } else {
      absl::Status status = Set(*flag, args[++i]);
      if (!status.ok()) return status;
    }
  }
  return absl::OkStatus();
}

std::string FlagParser::Usage() const {
  std::string out = absl::StrCat("usage: cxkit-bench ", command_,
                                 " [flags]\n\n", summary_, "\n\nflags:\n");
  for (const Flag& flag : flags_) {
    const std::string spelled = flag.is_bool
                                    ? absl::StrCat("--", flag.name)
                                    : absl::StrCat("--", flag.name, " N");
    absl::StrAppendFormat(&out, "  %-22s %s (default: %s)\n", spelled,
                          flag.help, flag.default_text);
  }
  absl::StrAppend(&out, "  --help                 print this help\n");
  return out;
}

std::optional<int> ParseFlagsOrExitCode(FlagParser& parser,
                                        const std::vector<std::string>& args) {
  const absl::Status status = parser.Parse(args);
  if (!status.ok()) {
    std::cerr << "cxkit-bench: " << status.message() << "\n\n"
              << parser.Usage();
    return 2;
  }
  if (parser.help_requested()) {
    std::cout << parser.Usage();
    return 0;
  }
  return std::nullopt;
}

}  // namespace cxkit::bench
