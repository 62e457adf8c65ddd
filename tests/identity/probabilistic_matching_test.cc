// Probabilistic matching inside ResolveIdentities: hand-computed weights,
// term-frequency adjustment, limits, suggestions, pair scores, EM on data with
// known truth, order independence and bad policies.

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "cxkit/identity.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

using ::cxkit::testing::AddRecord;
using ::cxkit::testing::DeterministicBytes;
using ::cxkit::testing::ProfileRecords;
using ::testing::ElementsAre;
using V = std::vector<std::string>;

v1::ContactRecord* AddPerson(v1::ResolveIdentitiesRequest* request,
                             const std::string& id, const std::string& family,
                             const std::string& birth_date) {
  v1::ContactRecord* record = AddRecord(request, id, {});
  if (!family.empty()) (*record->mutable_attributes())["family_name"] = family;
  if (!birth_date.empty()) {
    (*record->mutable_attributes())["birth_date"] = birth_date;
  }
  return record;
}

void AddLevels(v1::ProbabilisticModel* model, const std::string& comparison,
               std::vector<std::pair<double, double>> m_u) {
  auto* params = model->add_comparisons();
  params->set_comparison(comparison);
  for (auto [m, u] : m_u) {
    auto* level = params->add_levels();
    level->set_m_probability(m);
    level->set_u_probability(u);
  }
}

void AddScorePair(v1::ResolveIdentitiesRequest* request, const std::string& x,
                  const std::string& y) {
  auto* pair = request->add_score_pairs();
  pair->set_record_id(x);
  pair->set_other_record_id(y);
}

// Per scored pair, its comparisons' levels joined by spaces ("exact else ").
std::vector<std::string> PairLevels(
    const v1::ResolveIdentitiesResponse& response) {
  std::vector<std::string> levels;
  for (const auto& score : response.pair_scores()) {
    std::string row;
    for (const auto& c : score.match().comparisons()) row += c.level() + " ";
    levels.push_back(row);
  }
  return levels;
}

// family_name: EXACT; birth_date: EXACT; blocked on family_name; model given:
// prior 0.5 (weight 0), family exact m 0.9 u 0.1, else m 0.1 u 0.9; birth
// exact m 0.8 u 0.01, else m 0.2 u 0.99.
v1::ResolveIdentitiesRequest HandRequest() {
  v1::ResolveIdentitiesRequest request;
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  auto* family = matching->add_comparisons();
  family->set_attribute("family_name");
  family->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_EXACT);
  auto* birth = matching->add_comparisons();
  birth->set_attribute("birth_date");
  birth->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_EXACT);
  matching->add_blocking_rules()->add_keys()->set_comparison("family_name");
  matching->set_review_threshold(0.5);
  auto* model = matching->mutable_model();
  model->set_prior_match_probability(0.5);
  AddLevels(model, "family_name", {{0.9, 0.1}, {0.1, 0.9}});
  AddLevels(model, "birth_date", {{0.8, 0.01}, {0.2, 0.99}});
  AddPerson(&request, "r1", "Smirnova", "1990-01-02");
  AddPerson(&request, "r2", "Smirnova", "1990-01-02");
  AddPerson(&request, "r3", "Smirnova", "1985-05-05");
  AddPerson(&request, "r4", "Ivanov", "");
  return request;
}

TEST(ProbabilisticMatching, HandComputedWeights) {
  const v1::ResolveIdentitiesResponse response =
      ResolveIdentities(HandRequest());
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_THAT(ProfileRecords(response),
              ElementsAre(V{"r1", "r2"}, V{"r3"}, V{"r4"}));
  // r1-r2: log2(0.9 / 0.1) + log2(0.8 / 0.01) = log2(720).
  const v1::CustomerProfile* joined = nullptr;
  for (const auto& profile : response.profiles()) {
    if (profile.record_ids_size() == 2) joined = &profile;
  }
  ASSERT_NE(joined, nullptr);
  ASSERT_EQ(joined->links_size(), 1);
  const v1::IdentityLink& link = joined->links(0);
  EXPECT_EQ(link.type(), v1::IDENTIFIER_TYPE_UNSPECIFIED);
  EXPECT_NEAR(link.match().match_weight(), std::log2(720.0), 1e-12);
  EXPECT_NEAR(link.match().probability(), 720.0 / 721.0, 1e-12);
  ASSERT_EQ(link.match().comparisons_size(), 2);
  EXPECT_EQ(link.match().comparisons(0).comparison(), "family_name");
  EXPECT_EQ(link.match().comparisons(0).level(), "exact");
  EXPECT_NEAR(link.match().comparisons(0).partial_weight(), std::log2(9.0),
              1e-12);
  EXPECT_EQ(link.match().comparisons(1).level(), "exact");
  EXPECT_NEAR(link.match().comparisons(1).partial_weight(), std::log2(80.0),
              1e-12);
  // r1-r3 and r2-r3: log2(9) + log2(0.2 / 0.99) = log2(1.8181..), p 0.645:
  // suggestions, not links.
  ASSERT_EQ(response.suggestions_size(), 2);
  EXPECT_NE(response.suggestions(0).record_id(),
            response.suggestions(1).record_id());
  for (const auto& suggestion : response.suggestions()) {
    EXPECT_EQ(suggestion.other_record_id(), "r3");
    EXPECT_NEAR(suggestion.match().match_weight(), std::log2(9 * 0.2 / 0.99),
                1e-12);
    EXPECT_NEAR(suggestion.match().probability(),
                (9 * 0.2 / 0.99) / (1 + 9 * 0.2 / 0.99), 1e-12);
    EXPECT_EQ(suggestion.match().comparisons(1).level(), "else");
  }
  // r4's family name differs, its block has one record: 3 pairs compared.
  EXPECT_EQ(response.stats().candidate_pairs(), 3u);
  EXPECT_EQ(response.stats().compared_pairs(), 3u);
  EXPECT_EQ(response.stats().matched_pairs(), 1u);
  EXPECT_EQ(response.stats().probabilistic_links(), 1u);
  EXPECT_EQ(response.stats().suggestions(), 2u);
  EXPECT_EQ(response.stats().links_made(), 1u);
  // The model comes back with labels and weights.
  ASSERT_EQ(response.model().comparisons_size(), 2);
  EXPECT_EQ(response.model().comparisons(1).levels(0).label(), "exact");
  EXPECT_EQ(response.model().comparisons(1).levels(1).label(), "else");
  EXPECT_NEAR(response.model().comparisons(1).levels(0).match_weight(),
              std::log2(80.0), 1e-12);
}

TEST(ProbabilisticMatching, MissingValueWeighsNothing) {
  v1::ResolveIdentitiesRequest request = HandRequest();
  request.mutable_records(1)->mutable_attributes()->erase("birth_date");
  (*request.mutable_records(2)->mutable_attributes())["birth_date"] = "null";
  request.add_score_pairs()->set_record_id("r2");
  request.mutable_score_pairs(0)->set_other_record_id("r1");
  request.add_score_pairs()->set_record_id("r1");
  request.mutable_score_pairs(1)->set_other_record_id("r4");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  ASSERT_EQ(response.pair_scores_size(), 2);
  const v1::ScoredPair& score = response.pair_scores(0);
  EXPECT_EQ(score.record_id(), "r1");
  EXPECT_EQ(score.other_record_id(), "r2");
  EXPECT_NEAR(score.match().match_weight(), std::log2(9.0), 1e-12);
  EXPECT_EQ(score.match().comparisons(1).level(), "null");
  EXPECT_EQ(score.match().comparisons(1).partial_weight(), 0.0);
  // r1-r4: family else (log2(1/9)), birth null.
  EXPECT_NEAR(response.pair_scores(1).match().match_weight(),
              std::log2(1.0 / 9.0), 1e-12);
  // Scores link nothing: p(r1, r2) = 0.9 < 0.99.
  EXPECT_EQ(response.profiles_size(), 4);
}

TEST(ProbabilisticMatching, TermFrequencyWeighsRareValuesMore) {
  v1::ResolveIdentitiesRequest request = HandRequest();
  request.mutable_policy()
      ->mutable_probabilistic()
      ->mutable_comparisons(0)
      ->set_term_frequency_adjustment(true);
  request.add_score_pairs()->set_record_id("r1");
  request.mutable_score_pairs(0)->set_other_record_id("r2");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  // "smirnova" is held by 3 of the 4 records: log2(0.9 / 0.75).
  EXPECT_NEAR(response.pair_scores(0).match().comparisons(0).partial_weight(),
              std::log2(0.9 / 0.75), 1e-12);
}

TEST(ProbabilisticMatching, LinksObeyIdentifierLimits) {
  v1::ResolveIdentitiesRequest request = HandRequest();
  auto* crm = request.mutable_records(0)->add_identifiers();
  crm->set_type(v1::IDENTIFIER_TYPE_CRM_ID);
  crm->set_value("C1");
  crm = request.mutable_records(1)->add_identifiers();
  crm->set_type(v1::IDENTIFIER_TYPE_CRM_ID);
  crm->set_value("C2");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  EXPECT_THAT(ProfileRecords(response),
              ElementsAre(V{"r1"}, V{"r2"}, V{"r3"}, V{"r4"}));
  ASSERT_EQ(response.rejected_links_size(), 1);
  EXPECT_EQ(response.rejected_links(0).limited_type(),
            v1::IDENTIFIER_TYPE_CRM_ID);
  EXPECT_NEAR(response.rejected_links(0).match().match_weight(),
              std::log2(720.0), 1e-12);
  EXPECT_EQ(response.stats().probabilistic_links(), 0u);
  EXPECT_EQ(response.stats().links_rejected(), 1u);
}

TEST(ProbabilisticMatching, ComparatorLevelsInOrder) {
  v1::ResolveIdentitiesRequest request;
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  auto* name = matching->add_comparisons();
  name->set_attribute("name");
  name->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_EXACT);
  name->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT);
  auto* jw = name->add_levels();
  jw->set_kind(v1::COMPARISON_LEVEL_KIND_JARO_WINKLER);
  jw->set_threshold(0.95);
  auto* osa = name->add_levels();
  osa->set_kind(v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN);
  osa->set_max_distance(2);
  auto* date = matching->add_comparisons();
  date->set_attribute("dob");
  date->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT);
  date->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_DATE_TYPO);
  auto* age = matching->add_comparisons();
  age->set_attribute("age");
  auto* near = age->add_levels();
  near->set_kind(v1::COMPARISON_LEVEL_KIND_NUMERIC_DISTANCE);
  near->set_numeric_distance(2);
  matching->add_blocking_rules()->add_keys()->set_comparison("name");
  auto* model = matching->mutable_model();
  model->set_prior_match_probability(0.5);
  AddLevels(model, "name",
            {{0.5, 0.01}, {0.2, 0.02}, {0.1, 0.04}, {0.1, 0.08}, {0.1, 0.85}});
  AddLevels(model, "dob", {{0.8, 0.01}, {0.1, 0.02}, {0.1, 0.97}});
  AddLevels(model, "age", {{0.9, 0.1}, {0.1, 0.9}});
  auto add = [&](const std::string& id, const std::string& name,
                 const std::string& dob, const std::string& age) {
    auto* record = AddRecord(&request, id, {});
    (*record->mutable_attributes())["name"] = name;
    (*record->mutable_attributes())["dob"] = dob;
    (*record->mutable_attributes())["age"] = age;
  };
  add("a", "Martha", "1990-03-07", "34");
  add("b", "MARTHA", "07.03.1990", "36");  // normalized, exact date, near
  add("c", "Marhta", "1990-07-03", "40");  // jw 0.961, swapped date
  add("d", "Mrtah", "1991-03-07", "");     // osa 2, digit typo, null
  add("e", "Zoe", "2001-01-01", "34");     // else, else
  AddScorePair(&request, "a", "a");
  AddScorePair(&request, "a", "b");
  AddScorePair(&request, "a", "c");
  AddScorePair(&request, "a", "d");
  AddScorePair(&request, "a", "e");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_THAT(PairLevels(response),
              ElementsAre("exact normalized_exact numeric_2 ",
                          "normalized_exact date_typo numeric_2 ",
                          "jaro_winkler_0.95 date_typo else ",
                          "damerau_levenshtein_2 date_typo null ",
                          "else else numeric_2 "));
}

// Levels of one kind with different caps in one comparison: each distance is
// computed once with the largest cap and must still pick the right level; a
// similarity level after them still runs when no distance level holds.
TEST(ProbabilisticMatching, LevelsOfOneKindWithDifferentCaps) {
  v1::ResolveIdentitiesRequest request;
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  auto* name = matching->add_comparisons();
  name->set_attribute("name");
  for (uint32_t cap : {1, 3}) {
    auto* level = name->add_levels();
    level->set_kind(v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN);
    level->set_max_distance(cap);
  }
  auto* jw = name->add_levels();
  jw->set_kind(v1::COMPARISON_LEVEL_KIND_JARO_WINKLER);
  jw->set_threshold(0.8);
  auto* city = matching->add_comparisons();
  city->set_attribute("city");
  for (uint32_t cap : {1, 3}) {
    auto* level = city->add_levels();
    level->set_kind(v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN);
    level->set_max_distance(cap);
  }
  matching->add_blocking_rules()->add_keys()->set_comparison("name");
  auto* model = matching->mutable_model();
  model->set_prior_match_probability(0.5);
  AddLevels(model, "name", {{0.5, 0.01}, {0.2, 0.02}, {0.2, 0.07}, {0.1, 0.9}});
  AddLevels(model, "city", {{0.6, 0.01}, {0.3, 0.04}, {0.1, 0.95}});
  auto add = [&](const std::string& id, const std::string& name,
                 const std::string& city) {
    auto* record = AddRecord(&request, id, {});
    (*record->mutable_attributes())["name"] = name;
    (*record->mutable_attributes())["city"] = city;
  };
  add("a", "Martha", "Moscow");
  add("b", "Marth", "Mocsow");     // Levenshtein 1; OSA 1 (transposition)
  add("c", "Mart", "Moskva");      // Levenshtein 2; OSA 3
  add("d", "Martinez", "Berlin");  // Levenshtein 4, Jaro-Winkler 0.833; OSA 6
  add("e", "Zoe", "Mosco");        // nothing close; OSA 1
  for (const char* other : {"b", "c", "d", "e"}) {
    AddScorePair(&request, "a", other);
  }
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_THAT(
      PairLevels(response),
      ElementsAre("levenshtein_1 damerau_levenshtein_1 ",
                  "levenshtein_3 damerau_levenshtein_3 ",
                  "jaro_winkler_0.8 else ", "else damerau_levenshtein_1 "));
}

// Given and family name written in each other's place: the SWAPPED level
// holds only when both values cross, both ways round, none missing.
TEST(ProbabilisticMatching, SwappedLevelNeedsBothValuesCrossed) {
  v1::ResolveIdentitiesRequest request;
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  for (const char* attribute : {"given_name", "family_name"}) {
    auto* comparison = matching->add_comparisons();
    comparison->set_attribute(attribute);
    comparison->add_levels()->set_kind(
        v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT);
    auto* swapped = comparison->add_levels();
    swapped->set_kind(v1::COMPARISON_LEVEL_KIND_SWAPPED);
    swapped->set_swapped_with(
        std::string(attribute) == "given_name" ? "family_name" : "given_name");
  }
  matching->add_blocking_rules()->add_keys()->set_comparison("given_name");
  auto* model = matching->mutable_model();
  model->set_prior_match_probability(0.5);
  AddLevels(model, "given_name", {{0.8, 0.05}, {0.1, 0.01}, {0.1, 0.94}});
  AddLevels(model, "family_name", {{0.8, 0.01}, {0.1, 0.01}, {0.1, 0.98}});
  auto add = [&](const std::string& id, const std::string& given,
                 const std::string& family) {
    auto* record = AddRecord(&request, id, {});
    (*record->mutable_attributes())["given_name"] = given;
    if (!family.empty())
      (*record->mutable_attributes())["family_name"] = family;
  };
  add("a", "Anna", "Smirnova");
  add("b", "SMIRNOVA", "anna");     // crossed both ways (normalized)
  add("c", "Smirnova", "Petrova");  // crossed one way only
  add("d", "Smirnova", "");         // the other value missing
  AddScorePair(&request, "a", "b");
  AddScorePair(&request, "a", "c");
  AddScorePair(&request, "a", "d");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_THAT(PairLevels(response),
              ElementsAre("swapped_with_family_name swapped_with_given_name ",
                          "else else ", "else null "));
  // a-b: prior 0 + log2(0.1 / 0.01) + log2(0.1 / 0.01).
  EXPECT_NEAR(response.pair_scores(0).match().match_weight(),
              2 * std::log2(10.0), 1e-12);
}

// Derived values come from the normalized identifiers: e-mails lower-cased,
// phones in E.164 (WhatsApp ids as phones); blocked values give none.
TEST(ProbabilisticMatching, DerivedValuesUseNormalizedIdentifiers) {
  v1::ResolveIdentitiesRequest request;
  auto* rule = request.mutable_policy()->add_rules();
  rule->set_type(v1::IDENTIFIER_TYPE_EMAIL);
  rule->add_blocked_values("info@shop.ru");
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  for (auto derived : {v1::DERIVED_ATTRIBUTE_EMAIL_LOCAL_PART,
                       v1::DERIVED_ATTRIBUTE_PHONE_SUFFIX}) {
    auto* comparison = matching->add_comparisons();
    comparison->set_derived(derived);
    comparison->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_EXACT);
  }
  matching->add_blocking_rules()->add_keys()->set_comparison("phone_suffix");
  auto* model = matching->mutable_model();
  model->set_prior_match_probability(0.5);
  AddLevels(model, "email_local_part", {{0.8, 0.01}, {0.2, 0.99}});
  AddLevels(model, "phone_suffix", {{0.8, 0.01}, {0.2, 0.99}});
  AddRecord(&request, "a",
            {{v1::IDENTIFIER_TYPE_EMAIL, "Anna.Smirnova@Mail.ru"},
             {v1::IDENTIFIER_TYPE_PHONE, "+1 (212) 555-0123"}});
  AddRecord(&request, "b",
            {{v1::IDENTIFIER_TYPE_EMAIL, "anna.smirnova@yandex.ru"},
             {v1::IDENTIFIER_TYPE_WHATSAPP_ID, "+33 1 45 55 01 23"}});
  AddRecord(&request, "c",
            {{v1::IDENTIFIER_TYPE_EMAIL, "INFO@shop.ru"},
             {v1::IDENTIFIER_TYPE_PHONE, "+1 212 555 0999"}});
  AddScorePair(&request, "a", "b");
  AddScorePair(&request, "a", "c");
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK)
      << response.status().message();
  // a-b: "anna.smirnova" both; 5550123 both (+12125550123, +33145550123).
  // a-c: c's e-mail is blocked (null); 5550999 differs.
  EXPECT_THAT(PairLevels(response), ElementsAre("exact exact ", "null else "));
}

// People with known truth: two or three records each, with typos and
// missing values; the model is estimated.
v1::ResolveIdentitiesRequest GeneratedRequest(
    uint32_t people, uint32_t seed, std::map<std::string, int>* truth) {
  static const char* kFamilies[] = {
      "smirnov",  "ivanov",    "kuznetsov", "popov",   "vasiliev", "petrov",
      "sokolov",  "mikhailov", "novikov",   "fedorov", "morozov",  "volkov",
      "alekseev", "lebedev",   "semenov",   "egorov",  "pavlov",   "kozlov",
      "stepanov", "nikolaev",  "orlov",     "andreev", "makarov",  "nikitin"};
  static const char* kGiven[] = {"anna",   "maria", "olga",  "elena", "irina",
                                 "sergey", "ivan",  "pavel", "oleg",  "dmitry",
                                 "nina",   "vera",  "artem", "denis", "kirill"};
  std::mt19937 rng(seed);
  auto typo = [&](std::string s) {
    if (s.size() > 3) {
      const size_t i = 1 + rng() % (s.size() - 2);
      std::swap(s[i], s[i + 1]);
    }
    return s;
  };
  v1::ResolveIdentitiesRequest request;
  for (uint32_t p = 0; p < people; ++p) {
    const std::string family =
        std::string(kFamilies[rng() % 24]) +
        std::string(1, static_cast<char>('a' + rng() % 26));
    const std::string given = kGiven[rng() % 15];
    const std::string dob = std::to_string(1950 + rng() % 50) + "-0" +
                            std::to_string(1 + rng() % 9) + "-1" +
                            std::to_string(rng() % 10);
    const std::string city = "city" + std::to_string(rng() % 40);
    const int copies = 2 + static_cast<int>(rng() % 2);
    for (int c = 0; c < copies; ++c) {
      const std::string id = "p" + std::to_string(p) + "-" + std::to_string(c);
      (*truth)[id] = static_cast<int>(p);
      auto* record = AddRecord(&request, id, {});
      auto& attributes = *record->mutable_attributes();
      attributes["family_name"] = rng() % 5 == 0 ? typo(family) : family;
      if (rng() % 6 != 0) attributes["given_name"] = given;
      attributes["birth_date"] = dob;
      if (rng() % 4 != 0) attributes["city"] = city;
    }
  }
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  for (const char* name : {"family_name", "given_name", "birth_date", "city"}) {
    auto* comparison = matching->add_comparisons();
    comparison->set_attribute(name);
    comparison->add_levels()->set_kind(v1::COMPARISON_LEVEL_KIND_EXACT);
    if (std::string(name) != "city") {
      auto* jw = comparison->add_levels();
      jw->set_kind(v1::COMPARISON_LEVEL_KIND_JARO_WINKLER);
      jw->set_threshold(0.9);
    }
  }
  auto* by_year = matching->add_blocking_rules()->add_keys();
  by_year->set_comparison("birth_date");
  by_year->set_transform(v1::BLOCKING_TRANSFORM_YEAR);
  auto* by_prefix = matching->add_blocking_rules()->add_keys();
  by_prefix->set_comparison("family_name");
  by_prefix->set_transform(v1::BLOCKING_TRANSFORM_PREFIX);
  by_prefix->set_length(3);
  matching->set_seed(7);
  return request;
}

TEST(ProbabilisticMatching, EmRecoversKnownTruth) {
  std::map<std::string, int> truth;
  const v1::ResolveIdentitiesRequest request =
      GeneratedRequest(400, 11, &truth);
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK)
      << response.status().message();
  EXPECT_GT(response.stats().em_iterations(), 1u);
  // Exact birth dates: nearly every true pair, few random ones.
  const auto& birth = response.model().comparisons(2);
  EXPECT_GT(birth.levels(0).m_probability(), 0.95);
  EXPECT_LT(birth.levels(0).u_probability(), 0.01);
  // A family name is typo'd in one record of five: both spellings agree in
  // about 0.8 * 0.8 of the true pairs.
  const auto& family = response.model().comparisons(0);
  EXPECT_GT(family.levels(0).m_probability(), 0.55);
  EXPECT_LT(family.levels(0).m_probability(), 0.75);
  EXPECT_GT(family.levels(0).m_probability() + family.levels(1).m_probability(),
            0.97);
  // Pairwise precision and recall of the clusters.
  uint64_t true_pairs = 0, predicted = 0, correct = 0;
  std::map<int, int> sizes;
  for (const auto& [id, person] : truth) ++sizes[person];
  for (const auto& [person, size] : sizes) true_pairs += size * (size - 1) / 2;
  for (const auto& profile : response.profiles()) {
    std::map<int, int> people;
    for (const auto& id : profile.record_ids()) ++people[truth[id]];
    const uint64_t n = profile.record_ids_size();
    predicted += n * (n - 1) / 2;
    for (const auto& [person, k] : people) correct += k * (k - 1) / 2;
  }
  EXPECT_GT(static_cast<double>(correct) / predicted, 0.95);
  EXPECT_GT(static_cast<double>(correct) / true_pairs, 0.95);
}

TEST(ProbabilisticMatching, EstimatedModelPassedBackGivesTheSameProfiles) {
  std::map<std::string, int> truth;
  v1::ResolveIdentitiesRequest request = GeneratedRequest(100, 3, &truth);
  const v1::ResolveIdentitiesResponse first = ResolveIdentities(request);
  ASSERT_EQ(first.status().code(), v1::STATUS_CODE_OK);
  *request.mutable_policy()->mutable_probabilistic()->mutable_model() =
      first.model();
  const v1::ResolveIdentitiesResponse second = ResolveIdentities(request);
  ASSERT_EQ(second.status().code(), v1::STATUS_CODE_OK);
  EXPECT_EQ(second.stats().em_iterations(), 0u);
  EXPECT_EQ(DeterministicBytes(second.model()),
            DeterministicBytes(first.model()));
  EXPECT_EQ(ProfileRecords(second), ProfileRecords(first));
}

TEST(ProbabilisticMatching, ShuffledInputGivesByteIdenticalResponse) {
  std::map<std::string, int> truth;
  v1::ResolveIdentitiesRequest request = GeneratedRequest(150, 5, &truth);
  request.mutable_policy()->mutable_probabilistic()->set_review_threshold(0.2);
  const std::string expected = DeterministicBytes(ResolveIdentities(request));
  std::mt19937 rng(99);
  for (int round = 0; round < 3; ++round) {
    auto* records = request.mutable_records();
    for (int i = records->size() - 1; i > 0; --i) {
      records->SwapElements(i, static_cast<int>(rng() % (i + 1)));
    }
    EXPECT_EQ(DeterministicBytes(ResolveIdentities(request)), expected)
        << "round " << round;
  }
}

void ExpectInvalid(const v1::ResolveIdentitiesRequest& request,
                   const std::string& field, const std::string& message) {
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  EXPECT_EQ(response.status().code(), v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().field(), field);
  EXPECT_EQ(response.status().message(), field + ": " + message);
  EXPECT_EQ(response.profiles_size(), 0);
}

TEST(ProbabilisticMatching, BadPoliciesNameTheField) {
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    request.mutable_policy()
        ->mutable_probabilistic()
        ->mutable_blocking_rules(0)
        ->mutable_keys(0)
        ->set_comparison("surname");
    ExpectInvalid(request,
                  "policy.probabilistic.blocking_rules[0].keys[0].comparison",
                  "unknown attribute \"surname\": not a comparison of the "
                  "policy");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    request.mutable_policy()->mutable_probabilistic()->set_match_threshold(1.5);
    ExpectInvalid(request, "policy.probabilistic.match_threshold",
                  "must be in (0, 1]");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    request.mutable_policy()->mutable_probabilistic()->set_review_threshold(-1);
    ExpectInvalid(request, "policy.probabilistic.review_threshold",
                  "must be in [0, match_threshold]");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    request.mutable_policy()->mutable_probabilistic()->clear_blocking_rules();
    ExpectInvalid(request, "policy.probabilistic.blocking_rules",
                  "at least one when enabled (without blocking every pair of "
                  "records would be compared)");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    request.mutable_policy()
        ->mutable_probabilistic()
        ->mutable_model()
        ->mutable_comparisons(1)
        ->mutable_levels(0)
        ->set_m_probability(1.0);
    ExpectInvalid(request,
                  "policy.probabilistic.model.comparisons[1].levels[0]."
                  "m_probability",
                  "must be in (0, 1)");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    auto* level = request.mutable_policy()
                      ->mutable_probabilistic()
                      ->mutable_comparisons(0)
                      ->mutable_levels(0);
    level->set_kind(v1::COMPARISON_LEVEL_KIND_JARO_WINKLER);
    level->set_threshold(1.2);
    ExpectInvalid(request,
                  "policy.probabilistic.comparisons[0].levels[0].threshold",
                  "must be in (0, 1]");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    request.mutable_policy()
        ->mutable_probabilistic()
        ->mutable_comparisons(1)
        ->set_derived(v1::DERIVED_ATTRIBUTE_PHONE_SUFFIX);
    ExpectInvalid(request, "policy.probabilistic.comparisons[1]",
                  "set exactly one of attribute and derived");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    auto* level = request.mutable_policy()
                      ->mutable_probabilistic()
                      ->mutable_comparisons(1)
                      ->mutable_levels(0);
    level->set_kind(v1::COMPARISON_LEVEL_KIND_SWAPPED);
    level->set_swapped_with("birth_date");
    ExpectInvalid(request,
                  "policy.probabilistic.comparisons[1].levels[0].swapped_with",
                  "\"birth_date\" must name another comparison of the policy");
  }
  {
    v1::ResolveIdentitiesRequest request = HandRequest();
    auto* pair = request.add_score_pairs();
    pair->set_record_id("r1");
    pair->set_other_record_id("r9");
    ExpectInvalid(request, "score_pairs[0].other_record_id",
                  "unknown record id \"r9\"");
  }
}

TEST(ProbabilisticMatching, DisabledSectionIsIgnored) {
  v1::ResolveIdentitiesRequest request = HandRequest();
  request.mutable_policy()->mutable_probabilistic()->set_enabled(false);
  request.mutable_policy()->mutable_probabilistic()->clear_blocking_rules();
  const v1::ResolveIdentitiesResponse response = ResolveIdentities(request);
  ASSERT_EQ(response.status().code(), v1::STATUS_CODE_OK);
  EXPECT_EQ(response.profiles_size(), 4);
  EXPECT_FALSE(response.has_model());
  EXPECT_EQ(response.stats().candidate_pairs(), 0u);
}

}  // namespace
}  // namespace cxkit
