// The shared strict UTF-8 decoder, with exact outputs.

#include "lib/common/utf8.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace cxkit {
namespace {

// (code point, length, valid) of every step of decoding `text`.
struct Step {
  char32_t code_point;
  uint32_t length;
  bool valid;
  bool operator==(const Step& o) const {
    return code_point == o.code_point && length == o.length && valid == o.valid;
  }
};

std::ostream& operator<<(std::ostream& os, const Step& s) {
  return os << "{U+" << std::hex << static_cast<uint32_t>(s.code_point)
            << std::dec << ", " << s.length << ", " << s.valid << "}";
}

std::vector<Step> Decode(absl::string_view text) {
  std::vector<Step> steps;
  for (size_t pos = 0; pos < text.size();) {
    const Utf8CodePoint d = DecodeUtf8At(text, pos);
    steps.push_back(Step{d.code_point, d.length, d.valid});
    pos += d.length;
  }
  return steps;
}

constexpr Step kBad{0xFFFD, 1, false};

TEST(Utf8Test, Ascii) {
  EXPECT_EQ(Decode(std::string("a Z\0~", 5)),
            (std::vector<Step>{{'a', 1, true},
                               {' ', 1, true},
                               {'Z', 1, true},
                               {0, 1, true},
                               {'~', 1, true}}));
}

TEST(Utf8Test, TwoThreeAndFourBytes) {
  // "ё" U+0451, "€" U+20AC, "😀" U+1F600, then the extremes of each length.
  EXPECT_EQ(Decode("\xD1\x91\xE2\x82\xAC\xF0\x9F\x98\x80"),
            (std::vector<Step>{
                {0x451, 2, true}, {0x20AC, 3, true}, {0x1F600, 4, true}}));
  EXPECT_EQ(Decode("\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80"
                   "\xF4\x8F\xBF\xBF"),
            (std::vector<Step>{{0x80, 2, true},
                               {0x7FF, 2, true},
                               {0x800, 3, true},
                               {0xFFFF, 3, true},
                               {0x10000, 4, true},
                               {0x10FFFF, 4, true}}));
}

TEST(Utf8Test, OverlongFormsAreInvalidBytes) {
  // "\xC0\xA0" would be a space, "\xC1\x81" an "A", "\xE0\x80\xA0" a space,
  // "\xF0\x80\x80\xA0" a space: every byte is invalid on its own.
  EXPECT_EQ(Decode("\xC0\xA0"), (std::vector<Step>{kBad, kBad}));
  EXPECT_EQ(Decode("\xC1\x81"), (std::vector<Step>{kBad, kBad}));
  EXPECT_EQ(Decode("\xE0\x80\xA0"), (std::vector<Step>{kBad, kBad, kBad}));
  EXPECT_EQ(Decode("\xF0\x80\x80\xA0"),
            (std::vector<Step>{kBad, kBad, kBad, kBad}));
}

TEST(Utf8Test, SurrogatesAreInvalidBytes) {
  EXPECT_EQ(Decode("\xED\xA0\x80"), (std::vector<Step>{kBad, kBad, kBad}));
  EXPECT_EQ(Decode("\xED\xBF\xBF"), (std::vector<Step>{kBad, kBad, kBad}));
  // U+D7FF and U+E000 around them are fine.
  EXPECT_EQ(Decode("\xED\x9F\xBF\xEE\x80\x80"),
            (std::vector<Step>{{0xD7FF, 3, true}, {0xE000, 3, true}}));
}

TEST(Utf8Test, PastU10FFFFIsInvalid) {
  EXPECT_EQ(Decode("\xF4\x90\x80\x80"),
            (std::vector<Step>{kBad, kBad, kBad, kBad}));
  EXPECT_EQ(Decode("\xF5\x80"), (std::vector<Step>{kBad, kBad}));
  EXPECT_EQ(Decode("\xF8\xFF"), (std::vector<Step>{kBad, kBad}));
}

TEST(Utf8Test, TruncatedAndBrokenSequences) {
  // Cut short by the end: each byte on its own.
  EXPECT_EQ(Decode("a\xD1"), (std::vector<Step>{{'a', 1, true}, kBad}));
  EXPECT_EQ(Decode("\xE2\x82"), (std::vector<Step>{kBad, kBad}));
  EXPECT_EQ(Decode("\xF0\x9F\x98"), (std::vector<Step>{kBad, kBad, kBad}));
  // Cut short by a byte that is not a continuation: decoding resumes there.
  EXPECT_EQ(Decode("\xE2\x82x\xD1\x91"),
            (std::vector<Step>{kBad, kBad, {'x', 1, true}, {0x451, 2, true}}));
  EXPECT_EQ(Decode("\xE2\xD1\x91"),
            (std::vector<Step>{kBad, {0x451, 2, true}}));
  // A stray continuation byte.
  EXPECT_EQ(Decode("\x80"), (std::vector<Step>{kBad}));
}

TEST(Utf8Test, DecodesAtAPositionWithoutReadingPastTheEnd) {
  const std::string text = "x\xD1\x91";
  EXPECT_EQ(DecodeUtf8At(text, 1).code_point, 0x451u);
  // A view that ends inside the sequence.
  EXPECT_FALSE(DecodeUtf8At(absl::string_view(text.data(), 2), 1).valid);
}

TEST(Utf8Test, EncodesEveryLength) {
  std::string out;
  for (char32_t cp : {U'a', char32_t{0x451}, char32_t{0x20AC},
                      char32_t{0x1F600}, char32_t{0x10FFFF}}) {
    AppendUtf8(cp, &out);
  }
  EXPECT_EQ(out, "a\xD1\x91\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  char buffer[4];
  EXPECT_EQ(EncodeUtf8(0x7FF, buffer), 2u);
  EXPECT_EQ(std::string(buffer, 2), "\xDF\xBF");
}

}  // namespace
}  // namespace cxkit
