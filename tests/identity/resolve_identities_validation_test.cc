// Bad input: whole-request errors name the field; per-record errors leave the
// batch going.

#include <limits>

#include "cxkit/identity.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

using ::cxkit::testing::AddRecord;
using ::cxkit::testing::ProfileRecords;
using ::testing::ElementsAre;
using V = std::vector<std::string>;

constexpr auto kEmail = v1::IDENTIFIER_TYPE_EMAIL;

void ExpectError(const v1::ResolveIdentitiesRequest& request,
                 v1::StatusCode code, const std::string& field,
                 const std::string& message) {
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.status().code(), code);
  EXPECT_EQ(response.status().field(), field);
  EXPECT_EQ(response.status().message(), message);
  EXPECT_EQ(response.profiles_size(), 0);
  const absl::Status status = ValidateResolveIdentitiesRequest(request);
  EXPECT_EQ(static_cast<int>(status.code()), static_cast<int>(code));
  EXPECT_EQ(status.message(), message);
}

TEST(ResolveIdentitiesValidation, MissingRecordIdNamesTheField) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {});
  AddRecord(&request, "", {});
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT, "records[1].id",
              "records[1].id: required");
}

TEST(ResolveIdentitiesValidation, DuplicateRecordIdNamesBothPlaces) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {});
  AddRecord(&request, "r2", {});
  AddRecord(&request, "r1", {});
  ExpectError(
      request, v1::STATUS_CODE_INVALID_ARGUMENT, "records[2].id",
      "records[2].id: duplicate record id \"r1\" (first at records[0])");
}

// The pattern itself is not quoted: a blocklist may hold literal e-mails.
TEST(ResolveIdentitiesValidation, BadPatternNamesItsFieldNotItsText) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->add_rules()->set_type(v1::IDENTIFIER_TYPE_PHONE);
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(kEmail);
  rule->add_blocked_patterns(".*@ok\\.ru");
  rule->add_blocked_patterns("(anna@mail\\.ru");
  ExpectError(
      request, v1::STATUS_CODE_INVALID_ARGUMENT,
      "policy.rules[1].blocked_patterns[1]",
      "policy.rules[1].blocked_patterns[1]: invalid RE2 pattern: missing )");
}

// `.*a.{k}` patterns need exponentially many DFA states; past RE2's memory
// budget the policy is refused up front rather than slowing every match.
TEST(ResolveIdentitiesValidation, PatternsBeyondTheMemoryBudgetAreRefused) {
  v1::ResolveIdentitiesRequest request;
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(v1::IDENTIFIER_TYPE_COOKIE);
  for (int k = 1; k <= 164; ++k) {
    rule->add_blocked_patterns(".*a.{" + std::to_string(k) + "}");
  }
  ExpectError(request, v1::STATUS_CODE_RESOURCE_EXHAUSTED,
              "policy.rules[0].blocked_patterns",
              "policy.rules[0].blocked_patterns: patterns exceed RE2's memory "
              "budget");
}

TEST(ResolveIdentitiesValidation, UnknownDefaultRegion) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("Russia");
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT,
              "policy.default_region",
              "policy.default_region: unknown CLDR region \"Russia\"");
}

TEST(ResolveIdentitiesValidation, TooManyRecordsIsResourceExhausted) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->mutable_limits()->set_max_records(2);
  for (const char* id : {"a", "b", "c"}) AddRecord(&request, id, {});
  ExpectError(request, v1::STATUS_CODE_RESOURCE_EXHAUSTED, "records",
              "records: 3 items exceed policy.limits.max_records (2)");
}

TEST(ResolveIdentitiesValidation, RulesMustBeUnambiguous) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->add_rules()->set_type(kEmail);
  request.mutable_policy()->add_rules()->set_type(kEmail);
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT, "policy.rules[1]",
              "policy.rules[1]: second rule for IDENTIFIER_TYPE_EMAIL");

  request.mutable_policy()->clear_rules();
  request.mutable_policy()->add_rules()->set_type(
      v1::IDENTIFIER_TYPE_WHATSAPP_ID);
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT, "policy.rules[0].type",
              "policy.rules[0].type: WhatsApp ids match as phone numbers; put "
              "the rule on "
              "IDENTIFIER_TYPE_PHONE");

  request.mutable_policy()->clear_rules();
  request.mutable_policy()->add_rules()->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT,
              "policy.rules[0].custom_type",
              "policy.rules[0].custom_type: custom_type is required for "
              "IDENTIFIER_TYPE_CUSTOM and only allowed there");
}

TEST(ResolveIdentitiesValidation, HubToleranceMustBeFiniteAndInRange) {
  for (double tolerance : {-1.0, std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(), 2e6}) {
    v1::ResolveIdentitiesRequest request;
    request.mutable_policy()->mutable_hub_detection()->set_tolerance(tolerance);
    ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT,
                "policy.hub_detection.tolerance",
                "policy.hub_detection.tolerance: must be a number in [0, 1e6]");
  }
}

TEST(ResolveIdentitiesValidation, RuleWithANegativeTypeFromTheWireIsRejected) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->add_rules()->set_type(
      static_cast<v1::IdentifierType>(-5));
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT, "policy.rules[0].type",
              "policy.rules[0].type: a rule needs a known identifier type");
}

TEST(ResolveIdentitiesValidation, RecordInTwoPreviousProfiles) {
  v1::ResolveIdentitiesRequest request;
  v1::KnownProfile* p1 = request.add_previous_profiles();
  p1->set_profile_id("p1");
  p1->add_record_ids("r1");
  v1::KnownProfile* p2 = request.add_previous_profiles();
  p2->set_profile_id("p2");
  p2->add_record_ids("r1");
  ExpectError(request, v1::STATUS_CODE_INVALID_ARGUMENT,
              "previous_profiles[1].record_ids[0]",
              "previous_profiles[1].record_ids[0]: record \"r1\" is already in "
              "previous_profiles[0]");
}

TEST(ResolveIdentitiesValidation,
     RecordWithTooManyIdentifiersIsLeftOutAndTheBatchGoesOn) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->mutable_limits()->set_max_identifiers_per_record(2);
  AddRecord(&request, "ok", {{kEmail, "a@mail.ru"}});
  AddRecord(
      &request, "huge",
      {{kEmail, "a@mail.ru"}, {kEmail, "b@mail.ru"}, {kEmail, "c@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"ok"}));
  ASSERT_EQ(response.record_issues_size(), 1);
  const v1::ItemIssue& issue = response.record_issues(0);
  EXPECT_EQ(issue.item_id(), "huge");
  EXPECT_EQ(issue.item_index(), 1u);
  EXPECT_EQ(issue.severity(), v1::SEVERITY_ERROR);
  EXPECT_EQ(issue.reason(), "TOO_MANY_IDENTIFIERS");
  EXPECT_EQ(issue.field(), "records[1].identifiers");
  EXPECT_EQ(issue.message(),
            "3 identifiers exceed policy.limits.max_identifiers_per_record "
            "(2)");
  EXPECT_EQ(response.stats().records_with_errors(), 1u);
}

TEST(ResolveIdentitiesValidation, BadTimestampAndOversizedValuesArePerRecord) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->mutable_limits()->set_max_value_bytes(32);
  AddRecord(&request, "bad-time", {{kEmail, "a@mail.ru"}})
      ->mutable_observed_at()
      ->set_nanos(-5);
  AddRecord(&request, "long", {{kEmail, std::string(40, 'x') + "@mail.ru"}});
  AddRecord(&request, "fine", {{kEmail, "a@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"fine"}, V{"long"}));
  ASSERT_EQ(response.record_issues_size(), 2);
  EXPECT_EQ(response.record_issues(0).reason(), "INVALID_TIMESTAMP");
  EXPECT_EQ(response.record_issues(0).field(), "records[0].observed_at");
  EXPECT_EQ(response.record_issues(1).reason(), "VALUE_TOO_LONG");
  EXPECT_EQ(response.record_issues(1).severity(), v1::SEVERITY_WARNING);
  EXPECT_EQ(response.record_issues(1).field(),
            "records[1].identifiers[0].value");
  EXPECT_EQ(response.record_issues(1).message(),
            "longer than policy.limits.max_value_bytes (32)");
}

TEST(ResolveIdentitiesValidation, UnknownIdentifierTypeIsAWarning) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r", {{static_cast<v1::IdentifierType>(99), "x"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.profiles_size(), 1);
  ASSERT_EQ(response.record_issues_size(), 1);
  EXPECT_EQ(response.record_issues(0).reason(), "UNKNOWN_TYPE");
}

}  // namespace
}  // namespace cxkit
