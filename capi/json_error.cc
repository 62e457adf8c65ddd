#include "json_error.h"

#include <cstddef>

namespace cxkit::capi {
namespace {

namespace pb = google::protobuf;

// Field paths longer than this are not repeated (nesting is bounded by
// protobuf's recursion limit, 100, but names can be long).
constexpr size_t kMaxPathBytes = 256;

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// protobuf's location, e.g. "records[0].identifiers[0].type", when each name
// is a field (proto or JSON name) of the message reached so far from `type`
// and each [..] an index; else empty. `*leaf` is the message type the path
// ends in (null when it ends in a scalar).
std::string ResolvePath(const pb::Descriptor* type, std::string_view location,
                        const pb::Descriptor** leaf) {
  std::string path;
  const pb::Descriptor* in = type;
  while (!location.empty()) {
    const size_t dot = location.find('.');
    std::string_view segment = location.substr(0, dot);
    location = dot == std::string_view::npos ? std::string_view()
                                             : location.substr(dot + 1);
    std::string_view index;
    if (const size_t open = segment.find('['); open != std::string_view::npos) {
      if (segment.back() != ']') return "";
      index = segment.substr(open + 1, segment.size() - open - 2);
      segment = segment.substr(0, open);
      if (!IsDigits(index)) return "";
    }
    if (in == nullptr) return "";
    const std::string name(segment);
    const pb::FieldDescriptor* field = in->FindFieldByName(name);
    if (field == nullptr) field = in->FindFieldByCamelcaseName(name);
    if (field == nullptr) return "";
    if (!path.empty()) path += '.';
    path += field->name();
    if (!index.empty()) path.append("[").append(index).append("]");
    if (path.size() > kMaxPathBytes) return "";
    in = field->message_type();
  }
  *leaf = in;
  return path;
}

// [A-Za-z_][A-Za-z0-9_]*, at most 64 bytes: how proto and JSON field names
// are spelled.
bool IsFieldName(std::string_view name) {
  if (name.empty() || name.size() > 64 || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '_';
    if (!plain) return false;
  }
  return true;
}

// (absl::EndsWith / StartsWith take Debian Abseil's own absl::string_view,
// which does not convert from std::string_view.)
bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The type named after protobuf's last " for type ", when it is a plain
// (possibly qualified) name: "cxkit.v1.IdentifierType", "TYPE_STRING".
std::string TypeNamed(std::string_view rest) {
  constexpr std::string_view kForType = " for type ";
  constexpr std::string_view kTypeUrl = "type.googleapis.com/";
  const size_t at = rest.rfind(kForType);
  if (at == std::string_view::npos) return "";
  std::string_view type = rest.substr(at + kForType.size());
  if (StartsWith(type, kTypeUrl)) type.remove_prefix(kTypeUrl.size());
  if (type.empty() || type.size() > 128) return "";
  for (char c : type) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!plain) return "";
  }
  return std::string(type);
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

std::string DescribeJsonParseError(const pb::Descriptor* type,
                                   std::string_view message) {
  // protobuf's errors at a field: "(<location>) <key>: Cannot find field."
  // and "(<location>): invalid value <value> for type <type>", without the
  // parenthesized location at the top level. Both the location and the key
  // are input, so the location is kept only when it resolves against `type`.
  constexpr std::string_view kInvalid = ": invalid value ";
  std::string_view location;
  std::string_view rest = message;
  if (StartsWith(message, "(")) {
    if (const size_t close = message.find(')');
        close != std::string_view::npos) {
      location = message.substr(1, close - 1);
      rest = message.substr(close + 1);
    }
  }
  const bool unknown = EndsWith(message, ": Cannot find field.");
  const bool invalid = StartsWith(rest, kInvalid);
  if (unknown || invalid) {
    const pb::Descriptor* leaf = type;
    const std::string path =
        location.empty() ? "" : ResolvePath(type, location, &leaf);
    if (!location.empty() && path.empty()) leaf = nullptr;
    std::string what;
    if (unknown) {
      // The key is named when it is spelled like a field name (a typo such as
      // "recordz" is the usual cause); anything else (an e-mail, a phone, a
      // name with a space) is not repeated.
      std::string_view key = rest.substr(0, rest.rfind(": Cannot find field."));
      while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
      what = "unknown field";
      // (A location that does not resolve was part of the key.)
      if (IsFieldName(key) && (location.empty() || !path.empty())) {
        what.append(" ").append(key);
      }
      if (leaf != nullptr) what += " of " + leaf->full_name();
    } else {
      const std::string named = TypeNamed(message);
      what =
          named.empty() ? "invalid value" : "invalid value for type " + named;
    }
    return path.empty() ? what : path + ": " + what;
  }
  const std::string_view first_line = message.substr(0, message.find('\n'));
  return IsFixedSentence(first_line) ? std::string(first_line)
                                     : "malformed JSON";
}

}  // namespace cxkit::capi
