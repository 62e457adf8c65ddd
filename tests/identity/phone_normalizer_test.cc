#include "lib/identity/phone_normalizer.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "lib/identity/phone_fast_path.h"

namespace cxkit::identity {
namespace {

// The E.164 form, or "error" when the number is refused.
std::string Normalized(PhoneNormalizer& normalizer, const std::string& raw,
                       const std::string& region) {
  std::string e164;
  const absl::Status status = normalizer.Normalize(raw, region, &e164);
  if (!status.ok()) {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << raw;
    return "error";
  }
  return e164;
}

std::string Reference(const std::string& raw, const std::string& region) {
  std::string e164;
  return NormalizePhoneWithLibphonenumber(raw, region, &e164).ok() ? e164
                                                                   : "error";
}

// One pass of libphonenumber, which the fast path re-states.
std::string ReferenceOnce(const std::string& raw, const std::string& region) {
  std::string e164;
  return NormalizePhoneOnceWithLibphonenumber(raw, region, &e164).ok()
             ? e164
             : "error";
}

// The fast path alone; "reference" when it leaves the number to libphonenumber.
std::string FastPath(const std::string& raw, const std::string& region) {
  std::string canonical;
  std::string e164;
  if (!CanonicalizePhone(raw, &canonical)) return "reference";
  return NormalizeCanonicalPhone(canonical, region, &e164) ==
                 FastPathResult::kNormalized
             ? e164
             : "reference";
}

TEST(PhoneNormalizerTest, NormalizesNationalAndInternationalSpellings) {
  PhoneNormalizer phones;
  EXPECT_EQ(Normalized(phones, "8 (916) 123-45-67", "RU"), "+79161234567");
  EXPECT_EQ(Normalized(phones, "+7 916 123 4567", ""), "+79161234567");
  EXPECT_EQ(Normalized(phones, "+7 916 123 4567", "DE"), "+79161234567");
  EXPECT_EQ(Normalized(phones, "89161234567", "RU"), "+79161234567");
  EXPECT_EQ(Normalized(phones, "+49 151 23456789", ""), "+4915123456789");
  EXPECT_EQ(Normalized(phones, "0151 23456789", "DE"), "+4915123456789");
  EXPECT_EQ(Normalized(phones, "(415) 555-2671", "US"), "+14155552671");
  EXPECT_EQ(Normalized(phones, "+1 415-555-2671", ""), "+14155552671");
  EXPECT_EQ(Normalized(phones, "020 7946 0018", "GB"), "+442079460018");
}

TEST(PhoneNormalizerTest, RefusesWhatIsNotAPhoneNumber) {
  PhoneNormalizer phones;
  std::string e164 = "unchanged";
  const absl::Status garbage = phones.Normalize("abc", "RU", &e164);
  EXPECT_EQ(garbage.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(e164, "unchanged");
  // No country code and no region to read the number in.
  const absl::Status no_region = phones.Normalize("8 916 123 45 67", "", &e164);
  EXPECT_EQ(no_region.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(no_region.message(),
            "no country code and no region to parse it in");
  EXPECT_EQ(Normalized(phones, "12", "RU"), "error");
  EXPECT_EQ(Normalized(phones, "+7 916", ""), "error");
  EXPECT_EQ(Normalized(phones, "+7 916 123 45 67 89 01 23", ""), "error");
  EXPECT_EQ(Normalized(phones, "", "RU"), "error");
  EXPECT_EQ(Normalized(phones, std::string(300, '1'), "RU"), "error");
}

TEST(PhoneNormalizerTest, RepeatedValuesGetTheSameAnswerFromTheCache) {
  PhoneNormalizer phones;
  // Letters (a vanity number) are libphonenumber's to read; cached by the raw
  // value.
  EXPECT_EQ(Normalized(phones, "1-800-FLOWERS", "US"), "+18003569377");
  EXPECT_EQ(phones.reference_calls(), 1u);
  EXPECT_EQ(Normalized(phones, "1-800-FLOWERS", "US"), "+18003569377");
  EXPECT_EQ(phones.cached_answers(), 1u);
  // Refusals are cached too, and spellings with the same canonical form share
  // an entry.
  EXPECT_EQ(Normalized(phones, "+0 151 23456789", "DE"), "error");
  EXPECT_EQ(Normalized(phones, "+0-151-2345-6789", "DE"), "error");
  EXPECT_EQ(phones.reference_calls(), 2u);
  EXPECT_EQ(phones.cached_answers(), 2u);
  // The same value in another region is another entry.
  EXPECT_EQ(Normalized(phones, "1-800-FLOWERS", ""), "error");
  EXPECT_EQ(phones.reference_calls(), 3u);
}

TEST(PhoneNormalizerTest, PlainSpellingsTakeTheFastPath) {
  PhoneNormalizer phones;
  EXPECT_EQ(Normalized(phones, "8 (916) 123-45-67", "RU"), "+79161234567");
  EXPECT_EQ(Normalized(phones, "(11) 91234-5678", "BR"), "+5511912345678");
  EXPECT_EQ(Normalized(phones, "0151/23456789", "DE"), "+4915123456789");
  EXPECT_EQ(Normalized(phones, "415.555.2671", "US"), "+14155552671");
  EXPECT_EQ(phones.reference_calls(), 0u);
  EXPECT_EQ(phones.cached_answers(), 0u);
}

TEST(PhoneNormalizerTest, CanonicalFormKeepsThePlusAndTheDigits) {
  std::string canonical;
  ASSERT_TRUE(CanonicalizePhone(" +7 (916) 123-45.67/", &canonical));
  EXPECT_EQ(canonical, "+79161234567");
  ASSERT_TRUE(CanonicalizePhone("8 (916) 123-45-67", &canonical));
  EXPECT_EQ(canonical, "89161234567");
  EXPECT_FALSE(CanonicalizePhone("8 916 123 45 67 ext. 12", &canonical));
  EXPECT_FALSE(CanonicalizePhone("916+1234567", &canonical));
  EXPECT_FALSE(CanonicalizePhone("++79161234567", &canonical));
  EXPECT_FALSE(CanonicalizePhone("1 2", &canonical));  // too few digits
  EXPECT_FALSE(
      CanonicalizePhone("８９１６１２３４５６７", &canonical));  // full-width
}

// Inputs where national prefixes, international prefixes and leading zeros
// interact; the fast path must give libphonenumber's answer (one pass) or leave
// the number to it, and the key is that answer unless a national prefix
// remains after the calling code.
TEST(PhoneNormalizerTest, FastPathAgreesWithLibphonenumberOnTrickyInputs) {
  struct Case {
    const char* raw;
    const char* region;
    const char* e164;
  };
  const Case cases[] = {
      // The RU national prefix 8 after the calling code.
      {"+7 8 916 123 45 67", "", "+79161234567"},
      // RU's international prefix 8~10.
      {"8 10 49 151 23456789", "RU", "+4915123456789"},
      {"810 1 415 555 2671", "RU", "+14155552671"},
      {"00 49 151 23456789", "DE", "+4915123456789"},
      {"011 44 20 7946 0018", "US", "+442079460018"},
      // The Italian leading zero stays after the calling code.
      {"+39 06 1234 5678", "", "+390612345678"},
      {"06 1234 5678", "IT", "+390612345678"},
      // The optional national prefix written after the calling code.
      {"+44 (0) 20 7946 0018", "", "+442079460018"},
      {"+49 (0)151 23456789", "", "+4915123456789"},
      // The region's own calling code without "+".
      {"7 916 123 45 67", "RU", "+79161234567"},
      // ... unless the digits also read as a national number: DE has numbers
      // starting 49.
      {"49 151 23456789", "DE", "+494915123456789"},
      {"1 415 555 2671", "US", "+14155552671"},
      // KZ shares calling code 7 with RU.
      {"8 (701) 123 45 67", "KZ", "+77011234567"},
      {"+7 701 123 45 67", "KZ", "+77011234567"},
      // A 0 right after an international prefix cannot start a calling code, so
      // "00" is
      // no international prefix here and DE's national prefix 0 is stripped
      // once.
      {"00 0151 23456789", "DE", "+490015123456789"},
      // National prefix transform rules: BR drops a carrier selection code, AR
      // turns the
      // mobile "15" into the "9" after the area code.
      {"(11) 91234-5678", "BR", "+5511912345678"},
      {"0 11 91234-5678", "BR", "+5511912345678"},
      {"0 21 11 91234-5678", "BR", "+5511912345678"},
      {"011 15 2345-6789", "AR", "+5491123456789"},
      // WhatsApp ids arrive as "+" and the digits.
      {"+4915123456789", "", "+4915123456789"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.raw);
    EXPECT_EQ(ReferenceOnce(c.raw, c.region), c.e164);
    EXPECT_EQ(FastPath(c.raw, c.region), c.e164);
    PhoneNormalizer phones;
    const std::string key = Normalized(phones, c.raw, c.region);
    EXPECT_EQ(key, Reference(c.raw, c.region));
    // "+49 0015123456789" still starts with DE's national prefix 0: two more
    // passes strip it twice.
    EXPECT_EQ(key, std::string(c.raw) == "00 0151 23456789" ? "+4915123456789"
                                                            : c.e164);
  }
}

// libphonenumber strips one national prefix per pass; the key is the fixed
// point, so a key normalizes to itself (tests/fuzz/findings/README.md,
// phone-not-idempotent).
TEST(PhoneNormalizerTest, KeyIsAFixedPoint) {
  EXPECT_EQ(ReferenceOnce("+6 (100) A86BC", "RU"), "+61028622");
  EXPECT_EQ(ReferenceOnce("+61028622", "RU"), "+6128622");
  EXPECT_EQ(FastPath("+61028622", "RU"), "+6128622");
  for (const char* raw : {"+6 (100) A86BC", "+61028622", "+6128622"}) {
    SCOPED_TRACE(raw);
    EXPECT_EQ(Reference(raw, "RU"), "+6128622");
    PhoneNormalizer phones;
    EXPECT_EQ(Normalized(phones, raw, "RU"), "+6128622");
    EXPECT_EQ(Normalized(phones, raw, "RU"), "+6128622");  // cached
  }
  // A plain number needs no second pass at all.
  EXPECT_FALSE(PhoneKeyMayChange("+79161234567", "RU"));
  EXPECT_FALSE(PhoneKeyMayChange("+4915123456789", "DE"));
  EXPECT_TRUE(PhoneKeyMayChange("+61028622", "RU"));
  EXPECT_TRUE(PhoneKeyMayChange("+490015123456789", ""));
}

TEST(PhoneNormalizerTest, LeavesUncertainCasesToLibphonenumber) {
  // "+0..." makes libphonenumber retry without the "+".
  EXPECT_EQ(FastPath("+0 151 23456789", "DE"), "reference");
  // Letters, and digits other than ASCII.
  EXPECT_EQ(FastPath("1-800-FLOWERS", "US"), "reference");
  EXPECT_EQ(FastPath("８９１６１２３４５６７", "RU"), "reference");
  // Errors are always libphonenumber's.
  EXPECT_EQ(FastPath("8 916 123 45 67", ""), "reference");
  EXPECT_EQ(FastPath("+999 1234 5678", ""), "reference");
  const std::pair<const char*, const char*> uncertain[] = {
      {"+0 151 23456789", "DE"},
      {"1-800-FLOWERS", "US"},
      {"８９１６１２３４５６７", "RU"}};
  for (const auto& [raw, region] : uncertain) {
    PhoneNormalizer phones;
    EXPECT_EQ(Normalized(phones, raw, region), Reference(raw, region)) << raw;
  }
}

}  // namespace
}  // namespace cxkit::identity
