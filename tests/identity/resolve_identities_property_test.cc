// Properties: the response does not depend on the order of the input, and
// feeding the profiles back as previous profiles changes nothing.

#include <algorithm>
#include <random>
#include <string>

#include "cxkit/identity.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

using ::cxkit::testing::DeterministicBytes;

// A messy request: customers with overlapping e-mails, phones, cookies and CRM
// ids, hub values, junk, a CRM conflict, and records of several channels and
// sources.
v1::ResolveIdentitiesRequest MessyRequest(uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
  v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  request.mutable_policy()->mutable_email()->set_gmail_ignore_dots(true);
  // Two limited custom types, so limits of several rules can break at once.
  for (const char* name : {"loyalty_app", "marketplace"}) {
    v1::IdentifierRule* rule = request.mutable_policy()->add_rules();
    rule->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
    rule->set_custom_type(name);
    rule->set_max_per_profile(1);
  }
  v1::IdentifierRule* cookies = request.mutable_policy()->add_rules();
  cookies->set_type(v1::IDENTIFIER_TYPE_COOKIE);
  cookies->add_blocked_patterns("ck-4[0-9]");
  for (int i = 0; i < 400; ++i) {
    const uint32_t customer = pick(120);
    v1::ContactRecord* record = request.add_records();
    record->set_id("rec-" + std::to_string(i));
    record->set_channel(static_cast<v1::Channel>(1 + pick(12)));
    record->set_source(pick(2) ? "shop" : "crm");
    record->mutable_observed_at()->set_seconds(1790000000 + pick(86400));
    (*record->mutable_attributes())["name"] =
        "Name" + std::to_string(customer + pick(2));
    auto add = [&](v1::IdentifierType type, const std::string& value) {
      v1::Identifier* identifier = record->add_identifiers();
      identifier->set_type(type);
      identifier->set_value(value);
    };
    const std::string c = std::to_string(customer);
    if (pick(3) == 0)
      add(v1::IDENTIFIER_TYPE_EMAIL, "Cust." + c + "@Gmail.com");
    if (pick(3) == 0) add(v1::IDENTIFIER_TYPE_EMAIL, "cust" + c + "@gmail.com");
    if (pick(3) == 0)
      add(v1::IDENTIFIER_TYPE_PHONE,
          "8 916 " + std::to_string(1000000 + customer * 7));
    if (pick(4) == 0)
      add(v1::IDENTIFIER_TYPE_CRM_ID, "crm-" + std::to_string(customer / 2));
    if (pick(4) == 0)
      add(v1::IDENTIFIER_TYPE_COOKIE, "ck-" + std::to_string(customer % 50));
    if (pick(20) == 0)
      add(v1::IDENTIFIER_TYPE_PHONE, "+7 495 780-11-22");  // shop phone
    if (pick(20) == 0) add(v1::IDENTIFIER_TYPE_EMAIL, "null");
    for (const char* name : {"loyalty_app", "marketplace"}) {
      if (pick(6) != 0) continue;
      v1::Identifier* custom = record->add_identifiers();
      custom->set_type(v1::IDENTIFIER_TYPE_CUSTOM);
      custom->set_custom_type(name);
      custom->set_value(std::to_string(customer % 40 + pick(2)));
    }
  }
  return request;
}

// Shuffles the records, each record's identifiers and the policy's rules.
void Shuffle(v1::ResolveIdentitiesRequest* request, std::mt19937* rng) {
  auto* rules = request->mutable_policy()->mutable_rules();
  for (int i = rules->size() - 1; i > 0; --i) {
    rules->SwapElements(i, static_cast<int>((*rng)() % (i + 1)));
  }
  auto* records = request->mutable_records();
  for (int i = records->size() - 1; i > 0; --i) {
    records->SwapElements(i, static_cast<int>((*rng)() % (i + 1)));
  }
  for (auto& record : *records) {
    auto* ids = record.mutable_identifiers();
    for (int i = ids->size() - 1; i > 0; --i) {
      ids->SwapElements(i, static_cast<int>((*rng)() % (i + 1)));
    }
  }
}

// Issues carry the indices of the record and identifier, which legitimately
// move with them.
std::string OrderFreeBytes(v1::ResolveIdentitiesResponse response) {
  for (auto& issue : *response.mutable_record_issues()) {
    issue.clear_item_index();
    std::string field;  // "records[3].identifiers[1].value" ->
                        // "records[].identifiers[].value"
    bool in_index = false;
    for (char c : issue.field()) {
      if (c == ']') in_index = false;
      if (!in_index) field.push_back(c);
      if (c == '[') in_index = true;
    }
    issue.set_field(field);
  }
  std::sort(response.mutable_record_issues()->begin(),
            response.mutable_record_issues()->end(),
            [](const v1::ItemIssue& a, const v1::ItemIssue& b) {
              return DeterministicBytes(a) < DeterministicBytes(b);
            });
  return DeterministicBytes(response);
}

TEST(ResolveIdentitiesProperty, ShuffledInputGivesByteIdenticalResponses) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    v1::ResolveIdentitiesRequest request = MessyRequest(seed);
    const v1::ResolveIdentitiesResponse first = ResolveIdentities(request);
    ASSERT_EQ(first.status().code(), v1::STATUS_CODE_OK);
    ASSERT_GT(first.stats().multi_record_profiles(), 10u);
    ASSERT_GT(first.hub_values_size(), 0);
    ASSERT_GT(first.rejected_links_size(), 0);
    const std::string expected = OrderFreeBytes(first);
    std::mt19937 rng(seed);
    for (int round = 0; round < 25; ++round) {
      Shuffle(&request, &rng);
      ASSERT_EQ(OrderFreeBytes(ResolveIdentities(request)), expected)
          << "seed " << seed << " round " << round;
    }
  }
}

TEST(ResolveIdentitiesProperty, SameRequestGivesSameBytesIncludingIssueOrder) {
  const v1::ResolveIdentitiesRequest request = MessyRequest(9);
  EXPECT_EQ(DeterministicBytes(ResolveIdentities(request)),
            DeterministicBytes(ResolveIdentities(request)));
}

TEST(ResolveIdentitiesProperty, FeedingProfilesBackKeepsEveryId) {
  v1::ResolveIdentitiesRequest request = MessyRequest(4);
  const v1::ResolveIdentitiesResponse first = ResolveIdentities(request);
  for (const auto& profile : first.profiles()) {
    v1::KnownProfile* known = request.add_previous_profiles();
    known->set_profile_id(profile.profile_id());
    *known->mutable_record_ids() = profile.record_ids();
  }
  const v1::ResolveIdentitiesResponse second = ResolveIdentities(request);
  EXPECT_EQ(DeterministicBytes(second), DeterministicBytes(first));
}

}  // namespace
}  // namespace cxkit
