// String comparators for probabilistic matching. All work on Unicode code
// points (decoded from UTF-8), never on bytes.

#ifndef CXKIT_LIB_IDENTITY_STRING_SIMILARITY_H_
#define CXKIT_LIB_IDENTITY_STRING_SIMILARITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace cxkit::identity {

// Decodes UTF-8 `text` into code points, appending to `out` (cleared first),
// with the strict rules of cxkit::DecodeUtf8At (lib/common/utf8.h): every
// byte that does not start a well-formed sequence (a stray or missing
// continuation byte, an overlong form, a surrogate, a value past U+10FFFF)
// decodes as its own U+FFFD and decoding goes on at the next byte. So
// "a\xC1\x81" is {'a', U+FFFD, U+FFFD}, never {'a', 'A'}.
void DecodeUtf8(absl::string_view text, std::u32string* out);

// The matching form of a value: letters lower-cased (ASCII, Latin-1 and
// Cyrillic), "ё" as "е", everything that is neither a letter nor a digit
// (invalid UTF-8 bytes included) dropped. "Anna-Maria O'Neil" ->
// "annamariaoneil".
std::string NormalizeForMatching(absl::string_view text);

// Jaro similarity in [0, 1]; 1 for two empty strings.
double Jaro(std::u32string_view a, std::u32string_view b);

// Jaro-Winkler similarity: Jaro plus 0.1 * common prefix (at most 4) * (1 -
// Jaro). MARTHA/MARHTA = 0.961, DWAYNE/DUANE = 0.84, DIXON/DICKSONX = 0.813.
double JaroWinkler(std::u32string_view a, std::u32string_view b);

// Levenshtein distance (insert, delete, substitute), capped: any distance
// above `cap` is returned as cap + 1. O(|a| * |b|) at most.
uint32_t Levenshtein(std::u32string_view a, std::u32string_view b,
                     uint32_t cap);

// Optimal-string-alignment Damerau-Levenshtein distance (adjacent
// transpositions count 1; no substring is edited twice, so "ca"/"abc" is 3),
// capped like Levenshtein().
uint32_t OsaDistance(std::u32string_view a, std::u32string_view b,
                     uint32_t cap);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_STRING_SIMILARITY_H_
