// PhoneNormalizer (fast path + cache) against the reference, libphonenumber
// alone (to the fixed point): the same answer, success or error, on every
// number of the bench corpus; and the fast path's answers against one pass of
// libphonenumber on numbers of every region libphonenumber knows.

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/generator/traffic_generator.h"
#include "gtest/gtest.h"
#include "lib/identity/phone_fast_path.h"
#include "lib/identity/phone_normalizer.h"

namespace cxkit::identity {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// "ok:+7..." or "error:<message>", so that successes and errors compare alike.
std::string Outcome(const absl::Status& status, const std::string& e164) {
  return status.ok() ? absl::StrCat("ok:", e164)
                     : absl::StrCat("error:", status.message());
}

std::string ReferenceOutcome(const std::string& raw,
                             const std::string& region) {
  std::string e164;
  const absl::Status status =
      NormalizePhoneWithLibphonenumber(raw, region, &e164);
  return Outcome(status, e164);
}

// One pass of libphonenumber, which the fast path re-states.
std::string OnePassOutcome(const std::string& raw, const std::string& region) {
  std::string e164;
  const absl::Status status =
      NormalizePhoneOnceWithLibphonenumber(raw, region, &e164);
  return Outcome(status, e164);
}

// Compares the fast path alone with one pass of the reference; returns false
// on a fast answer that differs. Counts the inputs the fast path answered.
bool FastPathAgrees(const std::string& raw, const std::string& region,
                    int* fast_answers) {
  std::string canonical;
  std::string e164;
  if (!CanonicalizePhone(raw, &canonical) ||
      NormalizeCanonicalPhone(canonical, region, &e164) !=
          FastPathResult::kNormalized) {
    return true;
  }
  ++*fast_answers;
  const std::string reference = OnePassOutcome(raw, region);
  EXPECT_EQ(reference, "ok:" + e164)
      << "raw \"" << raw << "\" region \"" << region << "\"";
  return reference == "ok:" + e164;
}

TEST(PhoneAgreementTest, AgreesWithLibphonenumberOnTheBenchCorpus) {
  size_t checked = 0;
  size_t accepted = 0;
  for (uint64_t seed : {1, 2, 3, 4}) {
    const std::vector<bench::PhoneSample> corpus =
        bench::GeneratePhoneCorpus(seed, 50000);
    PhoneNormalizer normalizer;
    // libphonenumber is deterministic: ask it once per distinct (region, raw)
    // pair.
    std::map<std::pair<std::string, std::string>, std::string> reference;
    int mismatches = 0;
    for (const bench::PhoneSample& sample : corpus) {
      std::string e164;
      const absl::Status status =
          normalizer.Normalize(sample.raw, sample.region, &e164);
      const std::string got = Outcome(status, e164);
      auto [it, inserted] =
          reference.try_emplace({sample.region, sample.raw}, std::string());
      if (inserted) it->second = ReferenceOutcome(sample.raw, sample.region);
      const std::string& want = it->second;
      if (got != want && ++mismatches <= 20) {
        ADD_FAILURE() << "seed " << seed << " raw \"" << sample.raw
                      << "\" region \"" << sample.region << "\": got " << got
                      << ", libphonenumber " << want;
      }
      ++checked;
      if (status.ok()) ++accepted;
    }
    EXPECT_EQ(mismatches, 0) << "seed " << seed;
    // The fast path, not the cache, must carry the mix: few values reach
    // libphonenumber.
    EXPECT_LT(normalizer.reference_calls() + normalizer.cached_answers(),
              corpus.size() / 10)
        << "seed " << seed;
  }
  EXPECT_EQ(checked, 200000u);
  EXPECT_GT(accepted, checked * 9 / 10);
}

// Example numbers of every region and type, lightly altered, in national,
// international and E.164 spellings, with and without the "+", dialled from
// other regions: every answer the fast path gives is libphonenumber's.
TEST(PhoneAgreementTest, FastPathAgreesOnNumbersOfEveryRegion) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> supported;
  util.GetSupportedRegions(&supported);
  const std::vector<std::string> regions(supported.begin(), supported.end());
  std::mt19937_64 random(20240603);
  auto any_region = [&] { return regions[random() % regions.size()]; };
  int fast_answers = 0;
  int failures = 0;
  auto check = [&](const std::string& raw, const std::string& region) {
    if (!FastPathAgrees(raw, region, &fast_answers)) ++failures;
  };
  for (const std::string& region : regions) {
    for (int type = PhoneNumberUtil::FIXED_LINE;
         type <= PhoneNumberUtil::VOICEMAIL; ++type) {
      PhoneNumber example;
      if (!util.GetExampleNumberForType(
              region, static_cast<PhoneNumberUtil::PhoneNumberType>(type),
              &example)) {
        continue;
      }
      for (int variant = 0; variant < 6 && failures < 20; ++variant) {
        PhoneNumber number = example;
        const uint64_t national = number.national_number();
        const uint64_t scale = variant == 0 ? 1 : (variant < 3 ? 100 : 10000);
        number.set_national_number(national - national % scale +
                                   random() % scale);
        std::string spelled;
        util.Format(number, PhoneNumberUtil::NATIONAL, &spelled);
        check(spelled, region);
        check(spelled, any_region());
        util.Format(number, PhoneNumberUtil::INTERNATIONAL, &spelled);
        check(spelled, region);
        check(spelled, "");
        util.Format(number, PhoneNumberUtil::E164, &spelled);
        check(spelled, region);
        check(spelled.substr(1), region);
        check(spelled.substr(1), any_region());
        const std::string from = any_region();
        util.FormatOutOfCountryCallingNumber(number, from, &spelled);
        check(spelled, from);
        check("00" + spelled, from);
      }
    }
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(fast_answers, 20000);
}

// Digit strings behind the prefixes that make parsing subtle (national
// prefixes, international prefixes, calling codes, "+0", carrier codes and
// transform rules), in every region and in none, with extra weight on the
// regions whose national prefix has a transform rule.
TEST(PhoneAgreementTest, FastPathAgreesOnDigitStringsBehindTrickyPrefixes) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> supported;
  util.GetSupportedRegions(&supported);
  std::vector<std::string> regions(supported.begin(), supported.end());
  regions.push_back("");
  regions.push_back("001");
  regions.push_back("ru");
  for (const char* transformed :
       {"AG", "AR", "BR", "CC", "GA", "GG", "JE", "MG", "NF", "SM", "VI"}) {
    for (int copies = 0; copies < 8; ++copies) regions.push_back(transformed);
  }
  const char* const prefixes[] = {
      "",      "+",     "0",       "00",    "8",      "810",     "8 10",
      "011",   "1",     "+0",      "7",     "49",     "44",      "0044",
      "+44 0", "+7 8",  "001",     "0011",  "+1",     "+39 0",   "009",
      "00 0",  "(0)",   "+49 (0)", "90",    "15",     "0 11 15", "021",
      "9",     "+54 9", "0 21 11", "1 268", "+1 268", "0549",    "1481"};
  std::mt19937_64 random(7);
  int fast_answers = 0;
  int failures = 0;
  for (int i = 0; i < 80000 && failures < 20; ++i) {
    const std::string& region = regions[random() % regions.size()];
    std::string raw =
        prefixes[random() % (sizeof(prefixes) / sizeof(*prefixes))];
    const int digits = static_cast<int>(random() % 14) + 2;
    for (int d = 0; d < digits; ++d) {
      raw.push_back(static_cast<char>('0' + random() % 10));
      if (random() % 5 == 0) raw.push_back(" -.()/"[random() % 6]);
    }
    if (!FastPathAgrees(raw, region, &fast_answers)) ++failures;
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(fast_answers, 10000);
}

}  // namespace
}  // namespace cxkit::identity
