// The project's one UTF-8 decoder: strict RFC 3629 rules, one code point at a
// time, so each caller decides what an invalid byte means to it.

#ifndef CXKIT_LIB_COMMON_UTF8_H_
#define CXKIT_LIB_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace cxkit {

// One decoded code point.
struct Utf8CodePoint {
  // The code point; U+FFFD when !valid.
  char32_t code_point;
  // Bytes it takes: 1 to 4, always 1 when !valid (decoding goes on at the
  // next byte, which may start a valid sequence).
  uint32_t length;
  // False for a byte that does not start a well-formed sequence: a stray
  // continuation byte, 0xC0, 0xC1, 0xF5-0xFF, a sequence cut short by the end
  // of the text or by a byte that is not a continuation, an overlong form
  // ("\xC0\xA0" is not a space), a surrogate (U+D800-U+DFFF) or a value past
  // U+10FFFF.
  bool valid;
};

// The replacement character returned for invalid bytes.
inline constexpr char32_t kUtf8Replacement = 0xFFFD;

// Decodes the code point that starts at byte `pos` of `text` (pos <
// text.size()). O(1); never reads past the end of `text`. Inline: callers
// decode every code point of their values with it.
inline Utf8CodePoint DecodeUtf8At(absl::string_view text, size_t pos) {
  constexpr Utf8CodePoint kInvalid{kUtf8Replacement, 1, false};
  const auto* p = reinterpret_cast<const uint8_t*>(text.data()) + pos;
  const uint8_t b0 = p[0];
  if (b0 < 0x80) return Utf8CodePoint{b0, 1, true};
  uint32_t length;
  char32_t value;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    value = b0 & 0x07;
  } else {
    return kInvalid;  // a continuation byte or 0xF8-0xFF
  }
  if (text.size() - pos < length) return kInvalid;
  for (uint32_t i = 1; i < length; ++i) {
    if ((p[i] & 0xC0) != 0x80) return kInvalid;
    value = (value << 6) | (p[i] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[length] || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return kInvalid;
  }
  return Utf8CodePoint{value, length, true};
}

// Writes the UTF-8 encoding of `code_point` (a valid scalar value) to `out`,
// which has room for 4 bytes; returns its length.
size_t EncodeUtf8(char32_t code_point, char* out);

// Appends the UTF-8 encoding of `code_point` to `out`.
inline void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
    return;
  }
  char buffer[4];
  out->append(buffer, EncodeUtf8(code_point, buffer));
}

}  // namespace cxkit

#endif  // CXKIT_LIB_COMMON_UTF8_H_
