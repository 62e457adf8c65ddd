// The comparators of probabilistic matching against published values.

#include "lib/identity/string_similarity.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "lib/identity/date_similarity.h"
#include "lib/identity/match_blocking.h"

namespace cxkit::identity {
namespace {

std::u32string U(const char* utf8) {
  std::u32string out;
  DecodeUtf8(utf8, &out);
  return out;
}

TEST(StringSimilarity, JaroWinklerPublishedValues) {
  // Winkler (1990) / Wikipedia: rounded to 3 places.
  EXPECT_NEAR(JaroWinkler(U("MARTHA"), U("MARHTA")), 0.961, 0.0005);
  EXPECT_NEAR(JaroWinkler(U("DWAYNE"), U("DUANE")), 0.840, 0.0005);
  EXPECT_NEAR(JaroWinkler(U("DIXON"), U("DICKSONX")), 0.813, 0.0005);
  EXPECT_NEAR(Jaro(U("MARTHA"), U("MARHTA")), 0.944, 0.0005);
  EXPECT_DOUBLE_EQ(JaroWinkler(U("ANNA"), U("ANNA")), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler(U("ABC"), U("XYZ")), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler(U(""), U("A")), 0.0);
}

TEST(StringSimilarity, JaroWinklerCountsCodePoints) {
  // "Анна" / "Ана": as code points 3 matches of 4 and 3, no transpositions:
  // jaro = (3/4 + 3/3 + 1) / 3 = 0.91667, prefix 2 -> 0.93333.
  EXPECT_NEAR(JaroWinkler(U("анна"), U("ана")), 0.9333333, 1e-6);
}

TEST(StringSimilarity, LevenshteinKnownValues) {
  EXPECT_EQ(Levenshtein(U("kitten"), U("sitting"), 10), 3u);
  EXPECT_EQ(Levenshtein(U("flaw"), U("lawn"), 10), 2u);
  EXPECT_EQ(Levenshtein(U(""), U("abc"), 10), 3u);
  // Capped: anything above the cap is cap + 1.
  EXPECT_EQ(Levenshtein(U("kitten"), U("sitting"), 1), 2u);
  // One code point, two bytes.
  EXPECT_EQ(Levenshtein(U("ёлка"), U("елка"), 5), 1u);
}

TEST(StringSimilarity, OptimalStringAlignment) {
  EXPECT_EQ(OsaDistance(U("ca"), U("abc"), 10), 3u);  // true Damerau: 2
  EXPECT_EQ(OsaDistance(U("ab"), U("ba"), 10), 1u);
  EXPECT_EQ(Levenshtein(U("ab"), U("ba"), 10), 2u);
  EXPECT_EQ(OsaDistance(U("smirnova"), U("smrinova"), 10), 1u);
  EXPECT_EQ(OsaDistance(U("kitten"), U("sitting"), 10), 3u);
}

// The textbook dynamic programs, without caps, trimming or early exits.
uint32_t ReferenceDistance(std::u32string_view a, std::u32string_view b,
                           bool transpositions) {
  std::vector<std::vector<uint32_t>> d(a.size() + 1,
                                       std::vector<uint32_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<uint32_t>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
          a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// On many random strings over a three-letter alphabet (so that common
// prefixes, suffixes and transpositions abound), with every cap from 0 to 9,
// both distances equal the textbook ones capped at cap + 1.
TEST(StringSimilarity, DistancesMatchTheTextbookDynamicProgram) {
  std::mt19937 random(7);
  auto word = [&] {
    std::u32string text(random() % 9, U'a');
    for (char32_t& c : text) c = U'a' + random() % 3;
    return text;
  };
  for (int n = 0; n < 50000; ++n) {
    const std::u32string a = word(), b = word();
    const uint32_t cap = random() % 10;
    const uint32_t levenshtein = ReferenceDistance(a, b, false);
    const uint32_t osa = ReferenceDistance(a, b, true);
    ASSERT_EQ(Levenshtein(a, b, cap), std::min(levenshtein, cap + 1))
        << n << " cap " << cap;
    ASSERT_EQ(OsaDistance(a, b, cap), std::min(osa, cap + 1))
        << n << " cap " << cap;
  }
}

TEST(StringSimilarity, NormalizeForMatching) {
  EXPECT_EQ(NormalizeForMatching("  Anna-Maria O'Neil "), "annamariaoneil");
  EXPECT_EQ(NormalizeForMatching("АННА Ёлкина"), "аннаелкина");
  EXPECT_EQ(NormalizeForMatching("Müller"), "müller");
  EXPECT_EQ(NormalizeForMatching("--"), "");
}

TEST(StringSimilarity, InvalidUtf8DecodesAsReplacement) {
  std::u32string out;
  DecodeUtf8(
      "a\xff"
      "b\xd0",
      &out);
  EXPECT_EQ(out, (std::u32string{U'a', 0xFFFD, U'b', 0xFFFD}));
}

TEST(StringSimilarity, StrictUtf8EveryInvalidByteIsReplaced) {
  std::u32string out;
  // Overlong "A", a surrogate, past U+10FFFF: one U+FFFD per byte.
  DecodeUtf8(
      "\xC1\x81"
      "b\xED\xA0\x80"
      "\xF4\x90\x80\x80"
      "\xD1\x91",
      &out);
  EXPECT_EQ(out, (std::u32string{0xFFFD, 0xFFFD, U'b', 0xFFFD, 0xFFFD, 0xFFFD,
                                 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x451}));
  // Matching forms drop them.
  EXPECT_EQ(NormalizeForMatching("Ann\xC1\x81 \xED\xA0\x80\xD0\x81"), "annе");
}

TEST(DateSimilarity, ParsesCommonForms) {
  for (const char* text :
       {"1990-03-07", "19900307", "07.03.1990", "07/03/1990", "1990/03/07"}) {
    auto date = ParseLooseDate(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_EQ(date->year, 1990) << text;
    EXPECT_EQ(date->month, 3) << text;
    EXPECT_EQ(date->day, 7) << text;
  }
  EXPECT_FALSE(ParseLooseDate("1990-13-13").has_value());
  EXPECT_FALSE(ParseLooseDate("March 7").has_value());
}

TEST(DateSimilarity, SwappedDayMonthAndOneDigitTypo) {
  const LooseDate date{1990, 3, 7};
  EXPECT_TRUE(DatesNearlyEqual(date, {1990, 7, 3}));   // swapped
  EXPECT_TRUE(DatesNearlyEqual(date, {1991, 3, 7}));   // one digit
  EXPECT_TRUE(DatesNearlyEqual(date, {1990, 3, 17}));  // one digit
  EXPECT_FALSE(DatesNearlyEqual(date, {1991, 3, 8}));  // two digits
  EXPECT_FALSE(DatesNearlyEqual(date, {1990, 7, 4}));
}

TEST(DateSimilarity, Numbers) {
  EXPECT_EQ(ParseNumber(" 42 "), 42.0);
  EXPECT_EQ(ParseNumber("-3.5"), -3.5);
  EXPECT_FALSE(ParseNumber("12a").has_value());
  EXPECT_FALSE(ParseNumber("inf").has_value());
}

TEST(MatchBlocking, PhoneticKeys) {
  EXPECT_EQ(PhoneticKey("robert"), "r163");
  EXPECT_EQ(PhoneticKey("rupert"), "r163");
  EXPECT_EQ(PhoneticKey("smirnova"), "s565");
  EXPECT_EQ(PhoneticKey("смирнова"), "s565");
  EXPECT_EQ(PhoneticKey("123"), "");
}

}  // namespace
}  // namespace cxkit::identity
