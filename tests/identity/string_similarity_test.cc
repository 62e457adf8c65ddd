// The comparators of probabilistic matching against published values.

#include "lib/identity/string_similarity.h"

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
