#include "bench/generator/traffic_generator.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "bench/generator/customer.h"
#include "bench/generator/message_generator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace cxkit::bench {
namespace {

using cxkit::v1::ResolveIdentitiesRequest;

using cxkit::testing::DeterministicBytes;

ResolveIdentitiesRequest Generate(uint64_t seed, size_t records) {
  ResolveIdentitiesRequest request;
  TrafficOptions options;
  options.seed = seed;
  options.records = records;
  GenerateResolveIdentitiesRequest(options, &request);
  return request;
}

TEST(TrafficGeneratorTest, SameSeedGivesByteIdenticalRequests) {
  const std::string first = DeterministicBytes(Generate(7, 3000));
  const std::string second = DeterministicBytes(Generate(7, 3000));
  EXPECT_GT(first.size(), 100000u);
  EXPECT_EQ(first, second);
}

// The same values whichever compiler built the generator: the arguments of
// one call are evaluated in an order each compiler picks, so the generator
// draws each value in a statement of its own. Clang once gave other merge
// figures than GCC because of one such call.
TEST(TrafficGeneratorTest, SeededValuesDoNotDependOnTheCompiler) {
  const Customer customer = MakeCustomer(1, 0);
  EXPECT_EQ(customer.device_id, "c2239b27-baae-485c-a1a4-1ce76a884da5");
  EXPECT_EQ(MessengerPsid(1, customer, 0), "1174923827033385");
  cxkit::v1::MergeConversationsRequest messages;
  MessageStreamOptions options;
  options.messages = 3000;
  GenerateMergeConversationsRequest(options, &messages);
  EXPECT_EQ(DeterministicBytes(messages).size(), 483182u);
}

TEST(TrafficGeneratorTest, DifferentSeedsGiveDifferentRequests) {
  EXPECT_NE(DeterministicBytes(Generate(7, 1000)),
            DeterministicBytes(Generate(8, 1000)));
}

TEST(TrafficGeneratorTest, GeneratesTheRequestedRecordsWithUniqueIds) {
  const ResolveIdentitiesRequest request = Generate(3, 2500);
  ASSERT_EQ(request.records_size(), 2500);
  std::set<std::string> ids;
  for (const auto& record : request.records()) ids.insert(record.id());
  EXPECT_EQ(ids.size(), 2500u);
  EXPECT_EQ(request.records(0).id(), "r0000000");
  EXPECT_EQ(request.records(2499).id(), "r0002499");
  EXPECT_TRUE(request.policy().email().gmail_ignore_dots());
  EXPECT_TRUE(request.policy().email().strip_plus_tags());
}

TEST(TrafficGeneratorTest, ObservedAtStaysWithinTheSpan) {
  TrafficOptions options;
  options.records = 2000;
  options.span_seconds = 30 * 24 * 60 * 60;
  ResolveIdentitiesRequest request;
  GenerateResolveIdentitiesRequest(options, &request);
  int64_t first = INT64_MAX;
  int64_t last = INT64_MIN;
  for (const auto& record : request.records()) {
    first = std::min(first, record.observed_at().seconds());
    last = std::max(last, record.observed_at().seconds());
  }
  EXPECT_GE(first, options.start_unix_seconds);
  EXPECT_LT(last, options.start_unix_seconds + options.span_seconds);
  // Spread over the month, not bunched at its start.
  EXPECT_GT(last - first, options.span_seconds * 9 / 10);
}

TEST(TrafficGeneratorTest, RecordsCarryTheRealWorldMix) {
  const ResolveIdentitiesRequest request = Generate(1, 20000);
  std::map<cxkit::v1::IdentifierType, int> types;
  std::map<std::string, int> values;
  std::set<cxkit::v1::Channel> channels;
  int national_phones_with_region = 0;
  int national_phones_without_region = 0;
  int gmail_tags = 0;
  int mixed_case_emails = 0;
  for (const auto& record : request.records()) {
    channels.insert(record.channel());
    for (const auto& identifier : record.identifiers()) {
      ++types[identifier.type()];
      ++values[identifier.value()];
      const std::string& v = identifier.value();
      const auto digits = std::count_if(
          v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
      // Real numbers (not junk like "0000000000") spelled without "+".
      if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_PHONE &&
          digits >= 7 && v[0] != '+' && v != "0000000000") {
        (record.region().empty() ? national_phones_without_region
                                 : national_phones_with_region)++;
      }
      if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_EMAIL) {
        if (absl::StrContains(v, "+") && absl::StrContains(v, "@gmail.com")) {
          ++gmail_tags;
        }
        if (v != absl::AsciiStrToLower(v)) ++mixed_case_emails;
      }
      if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID) {
        EXPECT_THAT(v, ::testing::MatchesRegex("[1-9][0-9]{9,13}"));
      }
      if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID) {
        EXPECT_FALSE(identifier.namespace_().empty());
      }
    }
  }
  for (auto type :
       {cxkit::v1::IDENTIFIER_TYPE_CRM_ID, cxkit::v1::IDENTIFIER_TYPE_EMAIL,
        cxkit::v1::IDENTIFIER_TYPE_PHONE,
        cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID,
        cxkit::v1::IDENTIFIER_TYPE_INSTAGRAM_ID,
        cxkit::v1::IDENTIFIER_TYPE_TELEGRAM_ID,
        cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID,
        cxkit::v1::IDENTIFIER_TYPE_COOKIE, cxkit::v1::IDENTIFIER_TYPE_DEVICE_ID,
        cxkit::v1::IDENTIFIER_TYPE_ORDER_ID}) {
    EXPECT_GT(types[type], 100) << cxkit::v1::IdentifierType_Name(type);
  }
  EXPECT_GE(channels.size(), 10u);
  // National spellings always come with the region that reads them.
  EXPECT_GT(national_phones_with_region, 1000);
  EXPECT_EQ(national_phones_without_region, 0);
  EXPECT_GT(gmail_tags, 10);
  EXPECT_GT(mixed_case_emails, 500);
  // Junk values, and hub values on the records of many customers.
  EXPECT_GT(values["test@test.com"], 5);
  EXPECT_GT(values["null"], 5);
  EXPECT_GT(values["0000000000"], 5);
  EXPECT_GT(values["+49 30 20459000"], 100);
  EXPECT_GT(values["kiosk-berlin-alexanderplatz-01"], 20);
  int family_records = 0;
  for (const auto& [value, count] : values) {
    if (absl::StartsWith(absl::AsciiStrToLower(value), "family.")) {
      family_records += count;
    }
  }
  EXPECT_GT(family_records, 50);
}

TEST(TrafficGeneratorTest, PhoneCorpusIsDeterministicAndSized) {
  const std::vector<PhoneSample> first = GeneratePhoneCorpus(5, 10000);
  const std::vector<PhoneSample> second = GeneratePhoneCorpus(5, 10000);
  ASSERT_EQ(first.size(), 10000u);
  ASSERT_EQ(second.size(), 10000u);
  std::set<std::string> regions;
  int international = 0;
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].raw, second[i].raw);
    EXPECT_EQ(first[i].region, second[i].region);
    regions.insert(first[i].region);
    if (absl::StartsWith(first[i].raw, "+")) ++international;
  }
  EXPECT_GE(regions.size(), 8u);
  EXPECT_GT(international, 2000);
  const std::vector<PhoneSample> other_seed = GeneratePhoneCorpus(6, 100);
  int same = 0;
  for (size_t i = 0; i < other_seed.size(); ++i) {
    if (other_seed[i].raw == first[i].raw) ++same;
  }
  EXPECT_LT(same, 20);
}

}  // namespace
}  // namespace cxkit::bench
