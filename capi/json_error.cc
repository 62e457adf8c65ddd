#include "json_error.h"

#include <cstddef>

namespace cxkit::capi {
namespace {

bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

// A field name as a proto or JSON name spells it: [A-Za-z_][A-Za-z0-9_]*,
// at most 64 bytes.
bool IsPlainName(std::string_view name) {
  if (name.empty() || name.size() > 64 || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (char c : name) {
    if (!IsIdentifierChar(c)) return false;
  }
  return true;
}

// protobuf's location ("records[0].attributes[\"key\"]") as a field path of
// names and indexes, map keys replaced by [...]; empty when it holds
// anything else.
std::string PathOf(std::string_view location) {
  std::string path;
  size_t i = 0;
  while (i < location.size()) {
    const char c = location[i];
    if (IsIdentifierChar(c) || c == '.') {
      path += c;
      ++i;
    } else if (c == '[' && i + 1 < location.size() && location[i + 1] == '"') {
      // A map key, C-escaped by protobuf: up to the first unescaped quote.
      size_t j = i + 2;
      while (j < location.size() && location[j] != '"') {
        j += location[j] == '\\' ? 2 : 1;
      }
      if (j + 1 >= location.size() || location[j + 1] != ']') return "";
      path += "[...]";
      i = j + 2;
    } else if (c == '[') {
      const size_t close = location.find(']', i);
      if (close == std::string_view::npos || close == i + 1) return "";
      for (size_t k = i + 1; k < close; ++k) {
        if (location[k] < '0' || location[k] > '9') return "";
      }
      path.append(location.substr(i, close - i + 1));
      i = close + 1;
    } else {
      return "";
    }
  }
  return path;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

// The text of a located error after "(<location>)", e.g. "valu: Cannot find
// field." or ": invalid value \"x\" for type type.googleapis.com/T".
std::string DescribeAtField(std::string_view rest) {
  constexpr std::string_view kUnknown = ": Cannot find field.";
  constexpr std::string_view kMissing = ": missing field ";
  constexpr std::string_view kForType = " for type ";
  constexpr std::string_view kTypeUrl = "type.googleapis.com/";
  if (EndsWith(rest, kUnknown)) {
    std::string_view name = rest.substr(0, rest.size() - kUnknown.size());
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    return IsPlainName(name) ? "unknown field " + std::string(name)
                             : "unknown field";
  }
  if (rest.substr(0, kMissing.size()) == kMissing) {
    const std::string_view name = rest.substr(kMissing.size());
    return IsPlainName(name) ? "missing field " + std::string(name)
                             : "missing field";
  }
  const size_t for_type = rest.rfind(kForType);
  if (rest.substr(0, 15) == ": invalid value" &&
      for_type != std::string_view::npos) {
    std::string_view type = rest.substr(for_type + kForType.size());
    if (type.substr(0, kTypeUrl.size()) == kTypeUrl) {
      type.remove_prefix(kTypeUrl.size());
    }
    bool plain = !type.empty() && type.size() <= 128;
    for (char c : type) plain = plain && (IsIdentifierChar(c) || c == '.');
    if (plain) return "invalid value for type " + std::string(type);
  }
  return "invalid value";
}

// protobuf's syntax messages are fixed sentences of letters, spaces and
// JSON punctuation ("Expected , or } after key:value pair."); the input
// follows on the next lines.
bool IsFixedSentence(std::string_view line) {
  if (line.empty() || line.size() > 100 || line.back() != '.') return false;
  for (char c : line) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         c == ' ' || c == ',' || c == ':' || c == '.' ||
                         c == '{' || c == '}' || c == '[' || c == ']';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

std::string DescribeJsonParseError(std::string_view message) {
  if (!message.empty() && message.front() == '(') {
    // "(<location>)<rest>": the location ends at the first ')' that a ':'
    // or a ' ' follows (a map key may hold either, and then the path is
    // refused below).
    size_t close = message.find(')');
    while (close != std::string_view::npos && close + 1 < message.size() &&
           message[close + 1] != ':' && message[close + 1] != ' ') {
      close = message.find(')', close + 1);
    }
    if (close != std::string_view::npos) {
      const std::string path = PathOf(message.substr(1, close - 1));
      const std::string what = DescribeAtField(message.substr(close + 1));
      return path.empty() ? what : path + ": " + what;
    }
    return "malformed JSON";
  }
  // An error at the top level has no location: "<name>: Cannot find field."
  // or ": invalid value ...".
  if (EndsWith(message, ": Cannot find field.") ||
      (!message.empty() && message.front() == ':')) {
    return DescribeAtField(message);
  }
  const std::string_view first_line = message.substr(0, message.find('\n'));
  return IsFixedSentence(first_line) ? std::string(first_line)
                                     : "malformed JSON";
}

}  // namespace cxkit::capi
