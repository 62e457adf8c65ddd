// Matching rules: normalization per type and what links.

#include "cxkit/identity.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

using ::cxkit::testing::AddRecord;
using ::cxkit::testing::ProfileRecords;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using V = std::vector<std::string>;

constexpr auto kEmail = v1::IDENTIFIER_TYPE_EMAIL;
constexpr auto kPhone = v1::IDENTIFIER_TYPE_PHONE;

TEST(ResolveIdentities, EmptyRequestIsOkWithNoProfiles) {
  const v1::ResolveIdentitiesResponse response = ResolveIdentities({});
  EXPECT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  EXPECT_EQ(response.profiles_size(), 0);
}

TEST(ResolveIdentities, MergesRecordsSharingAnEmailWrittenInAnotherCase) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "order-1", {{kEmail, " Anna.Smirnova@Gmail.com "}});
  AddRecord(&request, "chat-7", {{kEmail, "anna.smirnova@gmail.com"}});
  AddRecord(&request, "call-3", {{kEmail, "boris@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  EXPECT_THAT(ProfileRecords(response),
              ElementsAre(V{"call-3"}, V{"chat-7", "order-1"}));
  for (const auto& profile : response.profiles()) {
    if (profile.record_ids_size() != 2) continue;
    ASSERT_EQ(profile.identifiers_size(), 1);
    EXPECT_EQ(profile.identifiers(0).normalized_value(),
              "anna.smirnova@gmail.com");
    EXPECT_THAT(
        profile.identifiers(0).raw_values(),
        ElementsAre(" Anna.Smirnova@Gmail.com ", "anna.smirnova@gmail.com"));
    EXPECT_EQ(profile.identifiers(0).record_count(), 2u);
    ASSERT_EQ(profile.links_size(), 1);
    const v1::IdentityLink& link = profile.links(0);
    EXPECT_EQ(link.type(), kEmail);
    EXPECT_EQ(link.normalized_value(), "anna.smirnova@gmail.com");
    EXPECT_THAT((V{link.record_id(), link.joined_record_id()}),
                UnorderedElementsAre("chat-7", "order-1"));
  }
}

TEST(ResolveIdentities, KeepsEverySpellingButCountsEachRecordOnce) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(
      &request, "crm",
      {{kEmail, "Anna@Shop-Customer.de"}, {kEmail, "anna@shop-customer.de"}});
  AddRecord(&request, "chat", {{kEmail, "ANNA@SHOP-CUSTOMER.DE"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  const v1::ProfileIdentifier& email = response.profiles(0).identifiers(0);
  EXPECT_THAT(email.raw_values(),
              ElementsAre("ANNA@SHOP-CUSTOMER.DE", "Anna@Shop-Customer.de",
                          "anna@shop-customer.de"));
  EXPECT_EQ(email.record_count(), 2u);
}

TEST(ResolveIdentities,
     RussianNationalAndInternationalPhoneFormatsAreOneNumber) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  AddRecord(&request, "call-1", {{kPhone, "8 (916) 123-45-67"}});
  AddRecord(&request, "sms-1", {{kPhone, "+7 916 123 4567"}});
  AddRecord(&request, "wa-1",
            {{v1::IDENTIFIER_TYPE_WHATSAPP_ID, "79161234567"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  const v1::CustomerProfile& profile = response.profiles(0);
  EXPECT_THAT(profile.record_ids(), ElementsAre("call-1", "sms-1", "wa-1"));
  ASSERT_EQ(profile.identifiers_size(), 1);
  EXPECT_EQ(profile.identifiers(0).type(), kPhone);
  EXPECT_EQ(profile.identifiers(0).normalized_value(), "+79161234567");
  EXPECT_THAT(
      profile.identifiers(0).raw_values(),
      ElementsAre("+7 916 123 4567", "79161234567", "8 (916) 123-45-67"));
  EXPECT_EQ(profile.links_size(), 2);
}

TEST(ResolveIdentities, RecordRegionOverridesPolicyRegion) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  AddRecord(&request, "de-call", {{kPhone, "0151 23456789"}})->set_region("DE");
  AddRecord(&request, "de-sms", {{kPhone, "+49 151 23456789"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).identifiers(0).normalized_value(),
            "+4915123456789");
}

TEST(ResolveIdentities, GmailProviderRulesApplyOnlyWhenEnabled) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "a", {{kEmail, "anna.smirnova+shoes@gmail.com"}});
  AddRecord(&request, "b", {{kEmail, "annasmirnova@googlemail.com"}});
  EXPECT_EQ(ResolveIdentities(request).profiles_size(), 2);

  request.mutable_policy()->mutable_email()->set_gmail_ignore_dots(true);
  request.mutable_policy()->mutable_email()->set_strip_plus_tags(true);
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).identifiers(0).normalized_value(),
            "annasmirnova@gmail.com");
}

TEST(ResolveIdentities, PlusTagsAreKeptAtProvidersWithoutThem) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->mutable_email()->set_strip_plus_tags(true);
  AddRecord(&request, "a", {{kEmail, "anna+shop@mail.ru"}});
  AddRecord(&request, "b", {{kEmail, "anna@mail.ru"}});
  EXPECT_EQ(ResolveIdentities(request).profiles_size(), 2);
}

TEST(ResolveIdentities, MessengerIdsMatchOnlyWithinTheirPage) {
  v1::ResolveIdentitiesRequest request;
  auto add_psid = [&](const std::string& id, const std::string& page) {
    auto* identifier = AddRecord(&request, id, {})->add_identifiers();
    identifier->set_type(v1::IDENTIFIER_TYPE_MESSENGER_PSID);
    identifier->set_value("4012345678");
    identifier->set_namespace_(page);
  };
  add_psid("m1", "page-shoes");
  add_psid("m2", "page-shoes");
  add_psid("m3", "page-electronics");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"m1", "m2"}, V{"m3"}));
}

TEST(ResolveIdentities, LinksAcrossTypesTransitively) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  AddRecord(&request, "messenger", {{kEmail, "anna@mail.ru"}});
  AddRecord(&request, "call",
            {{kPhone, "89161234567"}, {kEmail, "ANNA@mail.ru"}});
  AddRecord(&request, "form",
            {{kPhone, "+79161234567"}, {v1::IDENTIFIER_TYPE_ORDER_ID, "#a-1"}});
  AddRecord(&request, "email", {{v1::IDENTIFIER_TYPE_ORDER_ID, "A-1"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response),
              ElementsAre(V{"call", "email", "form", "messenger"}));
  EXPECT_EQ(response.profiles(0).links_size(), 3);
  EXPECT_EQ(response.stats().links_made(), 3u);
}

TEST(ResolveIdentities, DefaultJunkValuesAreWarningsAndDoNotLink) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {{kEmail, "null"}, {kEmail, "test@example.com"}});
  AddRecord(&request, "r2", {{kEmail, "NULL"}, {kEmail, "test@example.com"}});
  AddRecord(&request, "r3", {{v1::IDENTIFIER_TYPE_COOKIE, "undefined"}});
  AddRecord(&request, "r4", {{v1::IDENTIFIER_TYPE_COOKIE, "undefined"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.profiles_size(), 4);
  // "null" is not an address at all; the example.com address is a reserved test
  // domain.
  ASSERT_EQ(response.record_issues_size(), 6);
  EXPECT_EQ(response.record_issues(0).reason(), "UNPARSEABLE_EMAIL");
  EXPECT_EQ(response.record_issues(0).field(),
            "records[0].identifiers[0].value");
  EXPECT_EQ(response.record_issues(1).reason(), "BLOCKED_VALUE");
  EXPECT_EQ(response.record_issues(1).field(),
            "records[0].identifiers[1].value");
  EXPECT_EQ(response.record_issues(1).severity(), v1::SEVERITY_WARNING);
  EXPECT_EQ(response.record_issues(4).reason(), "BLOCKED_VALUE");
  EXPECT_EQ(response.record_issues(4).item_id(), "r3");
  EXPECT_EQ(response.stats().identifiers_blocked(), 4u);
  EXPECT_EQ(response.stats().identifiers_unparseable(), 2u);
}

TEST(ResolveIdentities, PolicyBlockedValuesAndPatternsDoNotLink) {
  v1::ResolveIdentitiesRequest request;
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(kEmail);
  rule->add_blocked_values("support@shop.ru");
  rule->add_blocked_patterns(R"(.*@marketplace\.invalid-relay\.com)");
  AddRecord(&request, "a", {{kEmail, "Support@Shop.ru"}});
  AddRecord(&request, "b", {{kEmail, "support@shop.ru"}});
  AddRecord(&request, "c", {{kEmail, "x1@marketplace.invalid-relay.com"}});
  AddRecord(&request, "d", {{kEmail, "x1@marketplace.invalid-relay.com"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.profiles_size(), 4);
  EXPECT_EQ(response.stats().identifiers_blocked(), 4u);
}

// Blocked values may be written as a person would: each is also normalized
// like an identifier of its type (phones in the policy's default region).
TEST(ResolveIdentities, PolicyBlockedValuesAreNormalizedLikeIdentifiers) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  v1::IdentifierRule* phones = request.mutable_policy()->add_rules();
  phones->set_type(kPhone);
  phones->add_blocked_values("8 (495) 780-11-22");  // the shop's own line
  v1::IdentifierRule* emails = request.mutable_policy()->add_rules();
  emails->set_type(kEmail);
  emails->add_blocked_values(" Info@Shop.RU ");
  v1::IdentifierRule* orders = request.mutable_policy()->add_rules();
  orders->set_type(v1::IDENTIFIER_TYPE_ORDER_ID);
  orders->add_blocked_values("#test-order");
  AddRecord(&request, "a",
            {{kPhone, "+7 495 780 11 22"},
             {kEmail, "info@shop.ru"},
             {v1::IDENTIFIER_TYPE_ORDER_ID, "TEST-ORDER"}});
  AddRecord(&request, "b",
            {{kPhone, "+74957801122"},
             {kEmail, "INFO@shop.ru"},
             {v1::IDENTIFIER_TYPE_ORDER_ID, "test-order"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.profiles_size(), 2);
  EXPECT_EQ(response.stats().identifiers_blocked(), 6u);
}

TEST(ResolveIdentities, UnparseablePhoneIsAWarningAndTheBatchGoesOn) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  AddRecord(&request, "r1",
            {{kPhone, "call me maybe"}, {kEmail, "anna@mail.ru"}});
  AddRecord(&request, "r2", {{kEmail, "anna@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"r1", "r2"}));
  ASSERT_EQ(response.record_issues_size(), 1);
  EXPECT_EQ(response.record_issues(0).reason(), "UNPARSEABLE_PHONE");
  EXPECT_EQ(response.record_issues(0).field(),
            "records[0].identifiers[0].value");
}

TEST(ResolveIdentities, NationalPhoneWithoutAnyRegionIsAWarning) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {{kPhone, "8 (916) 123-45-67"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.record_issues_size(), 1);
  EXPECT_EQ(response.record_issues(0).message(),
            "no country code and no region to parse it in");
}

TEST(ResolveIdentities, UnknownRecordRegionIsAWarningNotAnError) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {{kPhone, "+7 916 123 4567"}})->set_region("XX");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  ASSERT_EQ(response.record_issues_size(), 1);
  EXPECT_EQ(response.record_issues(0).reason(), "UNKNOWN_REGION");
  EXPECT_EQ(response.record_issues(0).field(), "records[0].region");
}

TEST(ResolveIdentities, NonLinkingTypeStaysOnProfileButJoinsNothing) {
  v1::ResolveIdentitiesRequest request;
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(v1::IDENTIFIER_TYPE_COOKIE);
  rule->set_links(false);
  AddRecord(&request, "a", {{v1::IDENTIFIER_TYPE_COOKIE, "ck-1"}});
  AddRecord(&request, "b", {{v1::IDENTIFIER_TYPE_COOKIE, "ck-1"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 2);
  EXPECT_EQ(response.profiles(0).identifiers(0).normalized_value(), "ck-1");
}

TEST(ResolveIdentities, CustomTypesMatchOnlyTheirOwnName) {
  v1::ResolveIdentitiesRequest request;
  auto add = [&](const std::string& id, const std::string& custom) {
    auto* identifier = AddRecord(&request, id, {})->add_identifiers();
    identifier->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
    identifier->set_custom_type(custom);
    identifier->set_value("777");
  };
  add("a", "ozon_buyer");
  add("b", "ozon_buyer");
  add("c", "wb_buyer");
  EXPECT_THAT(ProfileRecords(ResolveIdentities(request)),
              ElementsAre(V{"a", "b"}, V{"c"}));
}

}  // namespace
}  // namespace cxkit
