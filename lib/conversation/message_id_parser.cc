#include "lib/conversation/message_id_parser.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace cxkit::conversation {
namespace {

bool HasSpace(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_isspace(c)) return true;
  }
  return false;
}

bool IsMsgId(absl::string_view id) {
  return !id.empty() && absl::StrContains(id, '@') && !HasSpace(id) &&
         !absl::StrContains(id, '<') && !absl::StrContains(id, '>');
}

}  // namespace

absl::string_view NormalizeMessageId(absl::string_view header) {
  absl::string_view id = absl::StripAsciiWhitespace(header);
  if (absl::ConsumePrefix(&id, "<")) absl::ConsumeSuffix(&id, ">");
  id = absl::StripAsciiWhitespace(id);
  if (id.empty() || HasSpace(id)) return absl::string_view();
  return id;
}

void ParseBracketedMessageIds(absl::string_view header,
                              std::vector<absl::string_view>* ids) {
  size_t pos = 0;
  while (pos < header.size()) {
    const size_t open = header.find('<', pos);
    if (open == absl::string_view::npos) break;
    const size_t close = header.find('>', open + 1);
    if (close == absl::string_view::npos) break;
    const absl::string_view id = header.substr(open + 1, close - open - 1);
    // "<a <b@x>": the inner "<" starts the next candidate.
    const size_t inner = id.rfind('<');
    if (inner != absl::string_view::npos) {
      pos = open + 1 + inner;
      continue;
    }
    if (IsMsgId(id)) ids->push_back(id);
    pos = close + 1;
  }
}

void ParseMessageIds(absl::string_view header,
                     std::vector<absl::string_view>* ids) {
  if (absl::StrContains(header, '<')) {
    ParseBracketedMessageIds(header, ids);
    return;
  }
  for (absl::string_view word :
       absl::StrSplit(header, absl::ByAnyChar(" \t\r\n,"), absl::SkipEmpty())) {
    if (IsMsgId(word)) ids->push_back(word);
  }
}

}  // namespace cxkit::conversation
