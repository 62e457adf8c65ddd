// Limits, ranks and hub protection.

#include <algorithm>
#include <string>

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

constexpr auto kCrm = v1::IDENTIFIER_TYPE_CRM_ID;
constexpr auto kEmail = v1::IDENTIFIER_TYPE_EMAIL;
constexpr auto kPhone = v1::IDENTIFIER_TYPE_PHONE;

// r1 and r2 are two CRM customers; r3 carries r1's e-mail and r2's phone.
v1::ResolveIdentitiesRequest TwoCrmCustomersBridgedByOneRecord() {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {{kCrm, "c-1"}, {kEmail, "anna@mail.ru"}});
  AddRecord(&request, "r2", {{kCrm, "c-2"}, {kPhone, "+7 916 123-45-67"}});
  AddRecord(&request, "r3",
            {{kEmail, "anna@mail.ru"}, {kPhone, "+79161234567"}});
  return request;
}

TEST(ResolveIdentitiesLimits, LinkBreakingTheCrmLimitIsRefusedAndReported) {
  const v1::ResolveIdentitiesResponse response =
      ResolveIdentities(TwoCrmCustomersBridgedByOneRecord());
  // E-mail (rank 2) links before phone (rank 3), so the phone link is the one
  // dropped.
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"r1", "r3"}, V{"r2"}));
  ASSERT_EQ(response.rejected_links_size(), 1);
  const v1::RejectedLink& rejected = response.rejected_links(0);
  EXPECT_THAT((V{rejected.record_id(), rejected.profile_record_id()}),
              UnorderedElementsAre("r2", "r3"));
  EXPECT_EQ(rejected.type(), kPhone);
  EXPECT_EQ(rejected.normalized_value(), "+79161234567");
  EXPECT_EQ(rejected.limited_type(), kCrm);
  EXPECT_EQ(rejected.limit(), 1u);
  EXPECT_EQ(rejected.reason(),
            "joining would give the profile 2 IDENTIFIER_TYPE_CRM_ID values; "
            "the limit is 1");
  EXPECT_EQ(response.stats().links_rejected(), 1u);
}

TEST(ResolveIdentitiesLimits, RankDecidesWhichLinkIsDropped) {
  v1::ResolveIdentitiesRequest request = TwoCrmCustomersBridgedByOneRecord();
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(kPhone);
  rule->set_rank(1);
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"r1"}, V{"r2", "r3"}));
  ASSERT_EQ(response.rejected_links_size(), 1);
  EXPECT_EQ(response.rejected_links(0).type(), kEmail);
}

TEST(ResolveIdentitiesLimits, UnlimitedCrmIdsLetEverythingJoin) {
  v1::ResolveIdentitiesRequest request = TwoCrmCustomersBridgedByOneRecord();
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(kCrm);
  rule->set_max_per_profile(0);
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"r1", "r2", "r3"}));
  EXPECT_EQ(response.rejected_links_size(), 0);
}

TEST(ResolveIdentitiesLimits, ShopPhoneOnManyCustomersIsAHubAndLinksNothing) {
  v1::ResolveIdentitiesRequest request;
  for (int i = 1; i <= 4; ++i) {
    AddRecord(&request, "h" + std::to_string(i),
              {{kCrm, "c-" + std::to_string(i)}, {kPhone, "+7 495 780-11-22"}});
  }
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.profiles_size(), 4);
  EXPECT_EQ(response.rejected_links_size(), 0);
  ASSERT_EQ(response.hub_values_size(), 1);
  const v1::HubValue& hub = response.hub_values(0);
  EXPECT_EQ(hub.type(), kPhone);
  EXPECT_EQ(hub.normalized_value(), "+74957801122");
  EXPECT_EQ(hub.record_count(), 4u);
  EXPECT_EQ(hub.crowded_type(), kCrm);
  EXPECT_EQ(hub.distinct_values(), 4u);
  EXPECT_EQ(hub.limit(), 1u);
  EXPECT_EQ(hub.reason(),
            "shared by 4 records holding 4 distinct IDENTIFIER_TYPE_CRM_ID "
            "values; one "
            "customer has at most 1");
  const v1::ProfileIdentifier& phone = response.profiles(0).identifiers(1);
  EXPECT_EQ(phone.normalized_value(), "+74957801122");
  EXPECT_TRUE(phone.hub());
  EXPECT_EQ(response.stats().hub_values(), 1u);
}

TEST(ResolveIdentitiesLimits, ManyRecordsOfOneCustomerAreNotAHub) {
  v1::ResolveIdentitiesRequest request;
  for (int i = 0; i < 500; ++i) {
    AddRecord(&request, "visit-" + std::to_string(i),
              {{kEmail, "anna@mail.ru"},
               {kCrm, "c-1"},
               {v1::IDENTIFIER_TYPE_COOKIE, "ck-" + std::to_string(i % 7)}});
  }
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.hub_values_size(), 0);
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).record_ids_size(), 500);
  EXPECT_EQ(response.profiles(0).links_size(), 499);
}

TEST(ResolveIdentitiesLimits, FamilyEmailIsAHubUnlessToleranceAllowsIt) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "mum", {{kCrm, "c-1"}, {kEmail, "family@mail.ru"}});
  AddRecord(&request, "son", {{kCrm, "c-2"}, {kEmail, "family@mail.ru"}});
  v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.hub_values_size(), 1);
  EXPECT_EQ(response.profiles_size(), 2);

  request.mutable_policy()->mutable_hub_detection()->set_tolerance(2.0);
  response = ResolveIdentities(request);
  EXPECT_EQ(response.hub_values_size(), 0);
  EXPECT_EQ(response.profiles_size(), 2);
  ASSERT_EQ(response.rejected_links_size(), 1);
  EXPECT_EQ(response.rejected_links(0).limited_type(), kCrm);

  request.mutable_policy()->mutable_hub_detection()->set_disabled(true);
  EXPECT_EQ(ResolveIdentities(request).hub_values_size(), 0);
}

TEST(ResolveIdentitiesLimits,
     ARecordAlreadyOverALimitStillJoinsWhenNothingIsAdded) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "crm-export",
            {{kCrm, "c-1"}, {kCrm, "c-1-old"}, {kEmail, "a@mail.ru"}});
  AddRecord(&request, "order", {{kEmail, "a@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"crm-export", "order"}));
}

TEST(ResolveIdentitiesLimits, ToleranceBelowOneStillAllowsWhatOneRecordHolds) {
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->mutable_hub_detection()->set_tolerance(0.5);
  AddRecord(&request, "a", {{kCrm, "c-1"}, {kEmail, "anna@mail.ru"}});
  AddRecord(&request, "b", {{kCrm, "c-1"}, {kEmail, "anna@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.hub_values_size(), 0);
  EXPECT_THAT(ProfileRecords(response), ElementsAre(V{"a", "b"}));
}

// Two limited custom types are broken at once; the one reported is the first
// by (type, custom type), whatever the order of the policy's rules.
TEST(ResolveIdentitiesLimits, ReportedViolationDoesNotDependOnRuleOrder) {
  auto make = [](bool b_first) {
    v1::ResolveIdentitiesRequest request;
    request.mutable_policy()->mutable_hub_detection()->set_disabled(true);
    for (const char* name : b_first ? std::vector<const char*>{"b", "a"}
                                    : std::vector<const char*>{"a", "b"}) {
      v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
      rule->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
      rule->set_custom_type(name);
      rule->set_max_per_profile(1);
    }
    for (const char* id : {"r1", "r2"}) {
      v1::ContactRecord* record =
          AddRecord(&request, id, {{kEmail, "x@mail.ru"}});
      for (const char* name : {"a", "b"}) {
        v1::Identifier* custom = record->add_identifiers();
        custom->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
        custom->set_custom_type(name);
        custom->set_value(std::string(id) + name);
      }
    }
    return ResolveIdentities(request);
  };
  const v1::ResolveIdentitiesResponse ab = make(false);
  const v1::ResolveIdentitiesResponse ba = make(true);
  ASSERT_EQ(ab.rejected_links_size(), 1);
  EXPECT_EQ(ab.rejected_links(0).limited_custom_type(), "a");
  EXPECT_EQ(::cxkit::testing::DeterministicBytes(ab),
            ::cxkit::testing::DeterministicBytes(ba));
}

TEST(ResolveIdentitiesLimits,
     HighLimitsJoinLargeGroupsAndStillCountDistinctValues) {
  v1::ResolveIdentitiesRequest request;
  v1::IdentifierRule* orders = request.mutable_policy()->add_rules();
  orders->set_type(v1::IDENTIFIER_TYPE_ORDER_ID);
  orders->set_max_per_profile(3000);
  request.mutable_policy()->mutable_hub_detection()->set_disabled(true);
  for (int i = 0; i < 4000; ++i) {
    AddRecord(&request, "r" + std::to_string(i),
              {{v1::IDENTIFIER_TYPE_COOKIE, "kiosk-free-shared"},
               {v1::IDENTIFIER_TYPE_ORDER_ID, "A-" + std::to_string(i)}});
  }
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  // The first 3000 records join; each later one would add a 3001st order id,
  // so the last 1000 are refused there and form a second profile.
  ASSERT_EQ(response.rejected_links_size(), 1000);
  EXPECT_EQ(response.rejected_links(0).limit(), 3000u);
  ASSERT_EQ(response.profiles_size(), 2);
  EXPECT_EQ(response.profiles(0).record_ids_size() +
                response.profiles(1).record_ids_size(),
            4000);
  EXPECT_EQ(std::min(response.profiles(0).record_ids_size(),
                     response.profiles(1).record_ids_size()),
            1000);
}

// B and D share a phone with G; neither may join G's profile (its custom
// "k" values x1, x2 are at the limit of 2), but B and D together hold y1 and
// y2, so the phone still joins them, whichever record comes first.
TEST(ResolveIdentitiesLimits, RecordsRefusedByOneGroupStillJoinEachOther) {
  v1::ResolveIdentitiesRequest request;
  v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
  rule->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
  rule->set_custom_type("k");
  rule->set_max_per_profile(2);
  const auto custom = [](v1::ContactRecord* record, const std::string& value) {
    v1::Identifier* identifier = record->add_identifiers();
    identifier->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
    identifier->set_custom_type("k");
    identifier->set_value(value);
  };
  custom(AddRecord(&request, "G",
                   {{kEmail, "g@mail.ru"}, {kPhone, "+79161234567"}}),
         "x2");
  AddRecord(&request, "B", {{kEmail, "b@mail.ru"}, {kPhone, "+79161234567"}});
  AddRecord(&request, "D", {{kEmail, "d@mail.ru"}, {kPhone, "+79161234567"}});
  custom(AddRecord(&request, "G1", {{kEmail, "g@mail.ru"}}), "x1");
  custom(AddRecord(&request, "B1", {{kEmail, "b@mail.ru"}}), "y1");
  custom(AddRecord(&request, "D1", {{kEmail, "d@mail.ru"}}), "y2");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_THAT(ProfileRecords(response),
              ElementsAre(V{"B", "B1", "D", "D1"}, V{"G", "G1"}));
  ASSERT_EQ(response.rejected_links_size(), 2);
  for (const v1::RejectedLink& rejected : response.rejected_links()) {
    EXPECT_EQ(rejected.type(), kPhone);
    EXPECT_EQ(rejected.limited_custom_type(), "k");
    EXPECT_EQ(rejected.reason(),
              "joining would give the profile 3 IDENTIFIER_TYPE_CUSTOM (k) "
              "values; the limit is 2");
  }
}

// Five family members, each with an own e-mail, share family@: all their
// records as one customer would hold six e-mails, one more than a customer
// has, so family@ is a hub and joins none of them.
TEST(ResolveIdentitiesLimits, SharedValueCountsItselfAmongItsTypesValues) {
  v1::ResolveIdentitiesRequest request;
  for (int i = 0; i < 5; ++i) {
    AddRecord(&request, "m" + std::to_string(i),
              {{kEmail, "family@mail.ru"},
               {kEmail, "member" + std::to_string(i) + "@mail.ru"}});
  }
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.hub_values_size(), 1);
  EXPECT_EQ(response.hub_values(0).normalized_value(), "family@mail.ru");
  EXPECT_EQ(response.hub_values(0).distinct_values(), 6u);
  EXPECT_EQ(response.hub_values(0).limit(), 5u);
  EXPECT_EQ(response.profiles_size(), 5);
  EXPECT_EQ(response.rejected_links_size(), 0);

  // Four members: five e-mails, within the limit, so they join.
  request.mutable_records()->RemoveLast();
  const v1::ResolveIdentitiesResponse four = ResolveIdentities(request);
  EXPECT_EQ(four.hub_values_size(), 0);
  EXPECT_EQ(four.profiles_size(), 1);
}

}  // namespace
}  // namespace cxkit
