// Fuzz target of the Message-ID parser (lib/conversation/message_id_parser.h):
// the input is a header value, given to NormalizeMessageId and ParseMessageIds.
// Invariants: results are views into the header; a normalized id has no
// whitespace and is its own normalization unless it still starts with "<";
// every parsed id is non-empty, holds "@" and no whitespace, "<" or ">"; there
// are no more ids than "@" in the header; appending keeps what was there.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "lib/conversation/message_id_parser.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

bool Inside(absl::string_view part, absl::string_view whole) {
  return part.empty() ||
         (part.data() >= whole.data() &&
          part.data() + part.size() <= whole.data() + whole.size());
}

bool HasSpace(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using cxkit::conversation::NormalizeMessageId;
  using cxkit::conversation::ParseMessageIds;
  const std::string copy(reinterpret_cast<const char*>(data), size);
  const absl::string_view header(copy);

  const absl::string_view id = NormalizeMessageId(header);
  CXKIT_FUZZ_CHECK(Inside(id, header), "the normalized id is in the header");
  CXKIT_FUZZ_CHECK(!HasSpace(id), "a normalized id has no whitespace");
  if (!absl::StartsWith(id, "<")) {
    CXKIT_FUZZ_CHECK(NormalizeMessageId(id) == id,
                     "a normalized id is its own normalization");
  }

  std::vector<absl::string_view> ids = {"kept"};
  ParseMessageIds(header, &ids);
  CXKIT_FUZZ_CHECK(!ids.empty() && ids[0] == "kept", "ParseMessageIds appends");
  size_t ats = 0;
  for (char c : header) ats += c == '@';
  CXKIT_FUZZ_CHECK(ids.size() - 1 <= ats, "no more ids than '@'");
  for (size_t i = 1; i < ids.size(); ++i) {
    const absl::string_view parsed = ids[i];
    CXKIT_FUZZ_CHECK(!parsed.empty() && Inside(parsed, header),
                     "a parsed id is a non-empty view into the header");
    CXKIT_FUZZ_CHECK(absl::StrContains(parsed, '@'), "a parsed id holds '@'");
    CXKIT_FUZZ_CHECK(!HasSpace(parsed) && !absl::StrContains(parsed, '<') &&
                         !absl::StrContains(parsed, '>'),
                     "a parsed id has no whitespace, '<' or '>'");
  }
  return 0;
}
