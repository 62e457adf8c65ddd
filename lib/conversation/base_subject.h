// The base subject of an e-mail (RFC 5256 section 2.1), with reply and forward
// prefixes of many languages.

#ifndef CXKIT_LIB_CONVERSATION_BASE_SUBJECT_H_
#define CXKIT_LIB_CONVERSATION_BASE_SUBJECT_H_

#include <array>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace cxkit::conversation {

// Appends the simple case folding of the UTF-8 text `text` to `*out`: ASCII,
// Latin-1, Greek (final sigma as sigma) and Cyrillic letters to lower case,
// Turkish dotted and dotless I to "i"; other bytes unchanged (invalid UTF-8
// included).
void AppendFolded(absl::string_view text, std::string* out);

// Strips what RFC 5256 section 2.1 strips, with the prefix list extended:
// whitespace runs become one space; trailing "(fwd)"; leading reply/forward
// prefixes ("Re", "Fwd", "AW", "SV", "Отв", "回复", ... and the extra ones),
// each optionally followed by a counter "[2]" / "(2)" or a "[blob]", ended by
// ":" or the full-width "："; leading "[list tags]" when something follows;
// "[Fwd: ...]" wrappers. Repeats until nothing changes. Prefixes compare
// case-insensitively (AppendFolded). Immutable after construction: safe for
// concurrent use.
//
// Example:
//   SubjectNormalizer subjects({});
//   subjects.BaseSubject("AW: Re[2]: [shop] Order  12345 (fwd)")
//   // == "Order 12345"
class SubjectNormalizer {
 public:
  // `extra_prefixes`: more prefixes, without the colon.
  explicit SubjectNormalizer(const std::vector<std::string>& extra_prefixes);

  // The base subject in its original case.
  std::string BaseSubject(absl::string_view subject) const;

  // The base subject folded for comparison (AppendFolded of BaseSubject).
  std::string BaseSubjectKey(absl::string_view subject) const;

  // The same two, written to caller-owned buffers so that a loop over many
  // subjects does not allocate: the result is a view into `*buffer` (or
  // `*folded`; `*collapsed` is scratch), valid until the buffer changes.
  absl::string_view BaseSubject(absl::string_view subject,
                                std::string* buffer) const;
  absl::string_view BaseSubjectKey(absl::string_view subject,
                                   std::string* collapsed,
                                   std::string* folded) const;

  // The built-in prefixes, in no particular order.
  static const std::vector<std::string>& BuiltInPrefixes();

 private:
  // Length in bytes of the reply/forward leader at the start of `text`
  // (prefix, counter or blob, colon, following spaces), or 0. `folded`: the
  // text is already folded, so prefixes compare byte by byte.
  size_t LeaderLength(absl::string_view text, bool folded) const;

  // Steps (2) to (6) of RFC 5256 on whitespace-collapsed `text`.
  absl::string_view Strip(absl::string_view text, bool folded) const;

  // Folded prefixes, longest first .
  std::vector<std::string> prefixes_;
  // Indexes into prefixes_ by the first byte of the folded prefix, longest
  // first, and all of them.
  std::array<std::vector<uint32_t>, 256> by_first_byte_;
  std::vector<uint32_t> all_;
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_BASE_SUBJECT_H_
