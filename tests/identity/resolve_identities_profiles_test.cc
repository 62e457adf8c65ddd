// Profile ids, survivorship and the 360° summary.

#include "cxkit/identity.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/common/stable_hash.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

using ::cxkit::testing::AddRecord;
using ::cxkit::testing::Time;
using ::testing::ElementsAre;

constexpr auto kEmail = v1::IDENTIFIER_TYPE_EMAIL;

TEST(ResolveIdentitiesProfiles, NewProfileIdIsDerivedFromItsFirstRecordId) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r2", {{kEmail, "a@mail.ru"}});
  AddRecord(&request, "r1", {{kEmail, "a@mail.ru"}});
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).profile_id(),
            "p-" + HashToHex(StableHash64("r1")));
}

TEST(ResolveIdentitiesProfiles, PreviousProfileKeepsItsIdWhenRecordsArrive) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "r1", {{kEmail, "a@mail.ru"}});
  AddRecord(&request, "r9", {{kEmail, "a@mail.ru"}});
  v1::KnownProfile* known = request.add_previous_profiles();
  known->set_profile_id("cust-42");
  known->add_record_ids("r1");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).profile_id(), "cust-42");
  EXPECT_EQ(response.profiles(0).merged_profile_ids_size(), 0);
}

TEST(ResolveIdentitiesProfiles, WhenTwoProfilesMergeTheOlderIdSurvives) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "chat", {{kEmail, "a@mail.ru"}});
  AddRecord(&request, "call", {{v1::IDENTIFIER_TYPE_PHONE, "+79161234567"}});
  AddRecord(
      &request, "form",
      {{kEmail, "a@mail.ru"}, {v1::IDENTIFIER_TYPE_PHONE, "+79161234567"}});
  v1::KnownProfile* newer = request.add_previous_profiles();
  newer->set_profile_id("cust-1");
  newer->add_record_ids("chat");
  *newer->mutable_created_at() = Time("2026-03-01T00:00:00Z");
  v1::KnownProfile* older = request.add_previous_profiles();
  older->set_profile_id("cust-2");
  older->add_record_ids("call");
  *older->mutable_created_at() = Time("2025-01-01T00:00:00Z");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 1);
  EXPECT_EQ(response.profiles(0).profile_id(), "cust-2");
  EXPECT_THAT(response.profiles(0).merged_profile_ids(), ElementsAre("cust-1"));
  EXPECT_EQ(response.stats().previous_profiles_merged(), 1u);
}

TEST(ResolveIdentitiesProfiles, SplitProfileKeepsItsIdWhereMostRecordsAre) {
  v1::ResolveIdentitiesRequest request;
  AddRecord(&request, "a", {{kEmail, "a@mail.ru"}});
  AddRecord(&request, "b", {{kEmail, "b@mail.ru"}});
  AddRecord(&request, "c", {{kEmail, "b@mail.ru"}});
  v1::KnownProfile* known = request.add_previous_profiles();
  known->set_profile_id("cust-7");
  for (const char* id : {"a", "b", "c"}) known->add_record_ids(id);
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.profiles_size(), 2);
  EXPECT_EQ(response.profiles(0).profile_id(), "cust-7");
  EXPECT_THAT(response.profiles(0).record_ids(), ElementsAre("b", "c"));
  EXPECT_EQ(response.profiles(1).profile_id(),
            "p-" + HashToHex(StableHash64("a")));
}

v1::ResolveIdentitiesRequest ThreeSightingsOfAnna() {
  v1::ResolveIdentitiesRequest request;
  auto* crm = AddRecord(&request, "crm", {{kEmail, "anna@mail.ru"}});
  crm->set_source("crm");
  crm->set_channel(v1::CHANNEL_WEB_FORM);
  *crm->mutable_observed_at() = Time("2026-11-01T09:00:00Z");
  (*crm->mutable_attributes())["name"] = "Anna Smirnova";
  (*crm->mutable_attributes())["city"] = "Moscow";
  auto* chat = AddRecord(&request, "chat", {{kEmail, "anna@mail.ru"}});
  chat->set_source("chat");
  chat->set_channel(v1::CHANNEL_WHATSAPP);
  *chat->mutable_observed_at() = Time("2026-11-03T09:00:00Z");
  (*chat->mutable_attributes())["name"] = "Anya";
  auto* call = AddRecord(&request, "call", {{kEmail, "anna@mail.ru"}});
  call->set_source("chat");
  call->set_channel(v1::CHANNEL_WHATSAPP);
  *call->mutable_observed_at() = Time("2026-11-02T09:00:00Z");
  (*call->mutable_attributes())["name"] = "Anya";
  (*call->mutable_attributes())["city"] = "";
  return request;
}

TEST(ResolveIdentitiesProfiles, MostRecentSurvivorshipIsTheDefault) {
  const v1::ResolveIdentitiesResponse response =
      ResolveIdentities(ThreeSightingsOfAnna());
  ASSERT_EQ(response.profiles_size(), 1);
  const auto& attributes = response.profiles(0).attributes();
  ASSERT_EQ(attributes.size(), 2);
  EXPECT_EQ(attributes[0].name(), "city");
  EXPECT_EQ(attributes[0].value(), "Moscow");  // the empty value does not count
  EXPECT_EQ(attributes[1].name(), "name");
  EXPECT_EQ(attributes[1].value(), "Anya");
  EXPECT_EQ(attributes[1].record_id(), "chat");
  EXPECT_EQ(attributes[1].strategy(), v1::SURVIVORSHIP_STRATEGY_MOST_RECENT);
}

TEST(ResolveIdentitiesProfiles, SourcePriorityAndMostFrequentSurvivorship) {
  v1::ResolveIdentitiesRequest request = ThreeSightingsOfAnna();
  request.mutable_policy()->add_source_priority("crm");
  v1::SurvivorshipRule* rule = request.mutable_policy()->add_survivorship();
  rule->set_attribute("name");
  rule->set_strategy(v1::SURVIVORSHIP_STRATEGY_SOURCE_PRIORITY);
  EXPECT_EQ(ResolveIdentities(request).profiles(0).attributes(1).value(),
            "Anna Smirnova");

  rule->set_strategy(v1::SURVIVORSHIP_STRATEGY_MOST_FREQUENT);
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  const v1::ProfileAttribute& name = response.profiles(0).attributes(1);
  EXPECT_EQ(name.value(), "Anya");
  EXPECT_EQ(name.record_id(), "chat");  // the most recent of the two
}

TEST(ResolveIdentitiesProfiles, SummaryCountsChannelsSourcesAndTimes) {
  const v1::ResolveIdentitiesResponse response =
      ResolveIdentities(ThreeSightingsOfAnna());
  const v1::ProfileSummary& summary = response.profiles(0).summary();
  EXPECT_EQ(summary.record_count(), 3u);
  EXPECT_THAT(summary.channels(),
              ElementsAre(v1::CHANNEL_WHATSAPP, v1::CHANNEL_WEB_FORM));
  ASSERT_EQ(summary.channel_counts_size(), 2);
  EXPECT_EQ(summary.channel_counts(0).records(), 2u);
  EXPECT_EQ(summary.channel_counts(1).records(), 1u);
  ASSERT_EQ(summary.source_counts_size(), 2);
  EXPECT_EQ(summary.source_counts(0).source(), "chat");
  EXPECT_EQ(summary.source_counts(0).records(), 2u);
  EXPECT_EQ(summary.source_counts(1).source(), "crm");
  EXPECT_EQ(summary.first_seen().seconds(),
            Time("2026-11-01T09:00:00Z").seconds());
  EXPECT_EQ(summary.last_seen().seconds(),
            Time("2026-11-03T09:00:00Z").seconds());
}

}  // namespace
}  // namespace cxkit

namespace cxkit {
namespace {

TEST(ResolveIdentitiesProfiles, OutputOptionsOmitEvidenceButKeepAssignments) {
  v1::ResolveIdentitiesRequest request = ThreeSightingsOfAnna();
  const v1::ResolveIdentitiesResponse full = ResolveIdentities(request);
  request.mutable_output()->set_omit_identifiers(true);
  request.mutable_output()->set_omit_links(true);
  request.mutable_output()->set_omit_attributes(true);
  request.mutable_output()->set_omit_summary(true);
  const v1::ResolveIdentitiesResponse lean = ResolveIdentities(request);
  ASSERT_EQ(lean.profiles_size(), 1);
  const v1::CustomerProfile& profile = lean.profiles(0);
  EXPECT_EQ(profile.profile_id(), full.profiles(0).profile_id());
  EXPECT_THAT(profile.record_ids(), ElementsAre("call", "chat", "crm"));
  EXPECT_EQ(profile.identifiers_size(), 0);
  EXPECT_EQ(profile.links_size(), 0);
  EXPECT_EQ(profile.attributes_size(), 0);
  EXPECT_FALSE(profile.has_summary());
  EXPECT_EQ(lean.stats().links_made(), 2u);
}

}  // namespace
}  // namespace cxkit
