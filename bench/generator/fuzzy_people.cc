#include "bench/generator/fuzzy_people.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "bench/generator/seeded_random.h"

namespace cxkit::bench {
namespace {

struct Nicknames {
  const char* name;
  const char* nickname;
};

constexpr Nicknames kGiven[] = {
    {"Alexander", "Alex"},    {"Elizabeth", "Liz"},    {"Robert", "Bob"},
    {"William", "Bill"},      {"Margaret", "Maggie"},  {"Katherine", "Kate"},
    {"Michael", "Mike"},      {"Jennifer", "Jen"},     {"Anna", "Anya"},
    {"Maria", "Masha"},       {"Olga", "Olya"},        {"Elena", "Lena"},
    {"Dmitry", "Dima"},       {"Sergey", "Seryozha"},  {"Ekaterina", "Katya"},
    {"Nikolai", "Kolya"},     {"Thomas", "Tom"},       {"Daniel", "Dan"},
    {"Christopher", "Chris"}, {"Patricia", "Pat"},     {"Susan", "Sue"},
    {"Joseph", "Joe"},        {"Richard", "Rick"},     {"Victoria", "Vika"},
    {"Johann", "Hans"},       {"Friedrich", "Fritz"},  {"Isabel", "Isa"},
    {"Francisco", "Paco"},    {"Giuseppe", "Beppe"},   {"Natalia", "Natasha"},
    {"Irina", "Ira"},         {"Pavel", "Pasha"},      {"Laura", "Laura"},
    {"Sofia", "Sonya"},       {"Lucas", "Luke"},       {"Emma", "Em"},
    {"Oliver", "Ollie"},      {"Charlotte", "Lottie"}, {"Henry", "Harry"},
    {"Amelia", "Millie"}};

constexpr const char* kSurnameStart[] = {
    "Smir", "Ivan",  "Kuz",   "Pop",   "Vasil", "Petr",  "Sokol", "Mikh",
    "Nov",  "Fedor", "Moroz", "Volk",  "Alek",  "Lebed", "Semen", "Egor",
    "Pavl", "Kozl",  "Step",  "Nikol", "Orl",   "Andr",  "Mak",   "Nikit",
    "Zakh", "Muel",  "Schmi", "Schn",  "Fisch", "Web",   "Mey",   "Wagn",
    "Beck", "Hoff",  "Sch",   "Kell",  "Rich",  "Wolf",  "Neum",  "Schw",
    "Gar",  "Rodr",  "Mart",  "Hern",  "Lop",   "Gonz",  "Per",   "Sanch",
    "Ram",  "Tor",   "Flor",  "Riv",   "John",  "Will",  "Brow",  "Jon",
    "Mill", "Dav",   "Wil",   "And",   "Tayl",  "Thom",  "Moor",  "Jack",
    "Whit", "Harr",  "Clar",  "Lew",   "Robin", "Walk"};
constexpr const char* kSurnameMiddle[] = {"",   "ov", "ev", "in", "er", "an",
                                          "el", "ar", "or", "ig", "ul", "ad"};
constexpr const char* kSurnameEnd[] = {"",    "a",   "ova", "sky", "son",
                                       "ez",  "man", "er",  "ini", "berg",
                                       "ton", "ley", "ski", "ich", "ett"};
constexpr const char* kCities[] = {
    "Springfield", "Riverton", "Lakeside",   "Fairview",   "Greenville",
    "Bristol",     "Clinton",  "Madison",    "Georgetown", "Salem",
    "Franklin",    "Ashland",  "Burlington", "Dover",      "Hudson",
    "Kingston",    "Milton",   "Newport",    "Oxford",     "Winchester"};
constexpr const char* kStreets[] = {
    "Main St",   "Oak Ave",    "Lenina St", "Park Rd",     "Cedar Ln",
    "Elm St",    "Maple Dr",   "Pine St",   "Lake Rd",     "Hill St",
    "Church St", "Mill Rd",    "River Rd",  "High St",     "Station Rd",
    "Garden Ln", "Bahnhofstr", "Gartenweg", "Calle Mayor", "Via Roma"};
// US area codes: phone numbers spread over a national numbering space, so two
// people share a number about as rarely as in real data.
constexpr const char* kAreaCodes[] = {
    "212", "213", "305", "312", "404", "415", "503", "617", "702", "713",
    "206", "303", "214", "602", "646", "718", "773", "818", "917", "949"};
constexpr const char* kDomains[] = {"gmail.com",   "yahoo.com", "mail.ru",
                                    "outlook.com", "web.de",    "yandex.ru"};

struct Person {
  std::string given;
  std::string nickname;
  std::string family;
  int year, month, day;
  std::string postcode;
  std::string city;
  std::string street;
  std::string email;
  std::string phone;
};

std::string Typo(std::string s, SeededRandom* random) {
  if (s.size() < 3) return s;
  const size_t i = 1 + random->Below(s.size() - 2);
  switch (random->Below(4)) {
    case 0:  // transposition
      std::swap(s[i], s[i - 1]);
      break;
    case 1:  // deletion
      s.erase(i, 1);
      break;
    case 2:  // substitution
      s[i] = static_cast<char>('a' + random->Below(26));
      break;
    default:  // insertion
      s.insert(i, 1, static_cast<char>('a' + random->Below(26)));
  }
  return s;
}

// "+1" area code, exchange 200-999, line number: 160 million numbers.
std::string PhoneNumber(SeededRandom* random) {
  return absl::StrCat("+1", random->Pick(kAreaCodes), random->Between(200, 999),
                      random->Digits(4));
}

std::string Date(int year, int month, int day) {
  char buffer[16];
  snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", year, month, day);
  return buffer;
}

Person MakePerson(SeededRandom* random, uint32_t id) {
  Person p;
  const Nicknames& given = random->Pick(kGiven);
  p.given = given.name;
  p.nickname = given.nickname;
  // A skewed surname: common starts are drawn more often.
  const size_t start = std::min(random->Below(70), random->Below(70));
  p.family = absl::StrCat(kSurnameStart[start], random->Pick(kSurnameMiddle),
                          random->Pick(kSurnameEnd));
  p.year = random->Between(1940, 2006);
  p.month = random->Between(1, 12);
  p.day = random->Between(1, 28);
  const int postcode = random->Between(10000, 99999);
  p.postcode = std::to_string(postcode);
  p.city = kCities[postcode % 20];
  p.street = absl::StrCat(random->Between(1, 250), " ", random->Pick(kStreets));
  std::string local = p.given + "." + p.family;
  std::transform(
      local.begin(), local.end(), local.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  p.email = absl::StrCat(local, id % 100, "@", random->Pick(kDomains));
  p.phone = PhoneNumber(random);
  return p;
}

void AddRecordOf(const Person& p, uint32_t person, int copy,
                 SeededRandom* random,
                 cxkit::v1::ResolveIdentitiesRequest* request) {
  auto* record = request->add_records();
  record->set_id(absl::StrCat("p", person, "-", copy));
  auto& a = *record->mutable_attributes();
  const bool noisy = copy > 0;
  auto chance = [&](int percent) { return noisy && random->Percent(percent); };
  std::string given = chance(10) ? p.nickname : p.given;
  if (chance(5)) given = Typo(given, random);
  std::string family = chance(8) ? Typo(p.family, random) : p.family;
  if (chance(3)) std::swap(given, family);
  if (chance(3)) {
    for (char& c : family) c = static_cast<char>(std::toupper(c));
  }
  if (!chance(5)) a["given_name"] = given;
  if (!chance(3)) a["family_name"] = family;
  int month = p.month;
  int day = p.day;
  const int year = p.year;
  if (chance(4) && day <= 12) std::swap(month, day);
  std::string birth_date = Date(year, month, day);
  if (chance(4)) {  // one digit mistyped
    static constexpr int kDigits[] = {2, 3, 5, 6, 8, 9};
    const int at = random->Pick(kDigits);
    birth_date[at] = static_cast<char>('0' + (birth_date[at] - '0' + 1) % 10);
  }
  if (!chance(5)) a["birth_date"] = birth_date;
  const bool moved = chance(10);
  if (!moved) {
    if (!chance(5))
      a["postcode"] = chance(3) ? Typo(p.postcode, random) : p.postcode;
    if (!chance(5)) a["city"] = p.city;
    if (!chance(10))
      a["street"] = chance(5) ? Typo(p.street, random) : p.street;
  } else {
    a["postcode"] = std::to_string(random->Between(10000, 99999));
    a["city"] = random->Pick(kCities);
    a["street"] =
        absl::StrCat(random->Between(1, 250), " ", random->Pick(kStreets));
  }
  // Contacts: the first record has both; later ones keep each with 30%,
  // else a new one (40%) or none.
  auto add_identifier = [&](cxkit::v1::IdentifierType type,
                            const std::string& value) {
    auto* identifier = record->add_identifiers();
    identifier->set_type(type);
    identifier->set_value(value);
  };
  if (!noisy || random->Percent(30)) {
    add_identifier(cxkit::v1::IDENTIFIER_TYPE_EMAIL, p.email);
  } else if (random->Percent(57)) {
    add_identifier(
        cxkit::v1::IDENTIFIER_TYPE_EMAIL,
        absl::StrCat("user", random->Digits(8), "@", random->Pick(kDomains)));
  }
  if (!noisy || random->Percent(30)) {
    add_identifier(cxkit::v1::IDENTIFIER_TYPE_PHONE, p.phone);
  } else if (random->Percent(57)) {
    add_identifier(cxkit::v1::IDENTIFIER_TYPE_PHONE, PhoneNumber(random));
  }
}

}  // namespace

std::vector<uint32_t> GenerateFuzzyPeople(
    const FuzzyPeopleOptions& options,
    cxkit::v1::ResolveIdentitiesRequest* request) {
  static constexpr int kCopyWeights[] = {40, 30, 20, 10};  // 1..4 records
  std::vector<uint32_t> person_of;
  person_of.reserve(options.records);
  request->mutable_records()->Reserve(static_cast<int>(options.records));
  uint32_t person = 0;
  while (person_of.size() < options.records) {
    SeededRandom random = SeededRandom::Derived(MixSeed(options.seed, person));
    const Person p = MakePerson(&random, person);
    const int copies = 1 + static_cast<int>(random.PickWeighted(kCopyWeights));
    for (int c = 0; c < copies && person_of.size() < options.records; ++c) {
      AddRecordOf(p, person, c, &random, request);
      person_of.push_back(person);
    }
    ++person;
  }
  return person_of;
}

void SetFuzzyMatchingPolicy(cxkit::v1::ProbabilisticMatching* matching) {
  using cxkit::v1::ComparisonLevelKind;
  matching->set_enabled(true);
  auto comparison = [&](const char* attribute,
                        cxkit::v1::DerivedAttribute derived, bool tf) {
    auto* c = matching->add_comparisons();
    if (attribute != nullptr) c->set_attribute(attribute);
    c->set_derived(derived);
    c->set_term_frequency_adjustment(tf);
    c->add_levels()->set_kind(
        cxkit::v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT);
    return c;
  };
  auto jaro = [](cxkit::v1::AttributeComparison* c, double threshold) {
    auto* l = c->add_levels();
    l->set_kind(cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER);
    l->set_threshold(threshold);
  };
  auto distance = [](cxkit::v1::AttributeComparison* c,
                     ComparisonLevelKind kind, uint32_t max) {
    auto* l = c->add_levels();
    l->set_kind(kind);
    l->set_max_distance(max);
  };
  auto swapped = [](cxkit::v1::AttributeComparison* c, const char* other) {
    auto* l = c->add_levels();
    l->set_kind(cxkit::v1::COMPARISON_LEVEL_KIND_SWAPPED);
    l->set_swapped_with(other);
  };
  const auto none = cxkit::v1::DERIVED_ATTRIBUTE_UNSPECIFIED;
  auto* given = comparison("given_name", none, true);
  jaro(given, 0.88);
  swapped(given, "family_name");
  auto* family = comparison("family_name", none, true);
  distance(family, cxkit::v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN, 1);
  jaro(family, 0.88);
  swapped(family, "given_name");
  comparison("birth_date", none, false)
      ->add_levels()
      ->set_kind(cxkit::v1::COMPARISON_LEVEL_KIND_DATE_TYPO);
  // No city comparison: the postcode implies the city, and a customer who
  // moved would otherwise count the same evidence twice (conditional
  // independence is the model's assumption).
  distance(comparison("postcode", none, false),
           cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN, 1);
  jaro(comparison("street", none, false), 0.9);
  jaro(
      comparison(nullptr, cxkit::v1::DERIVED_ATTRIBUTE_EMAIL_LOCAL_PART, false),
      0.9);
  distance(
      comparison(nullptr, cxkit::v1::DERIVED_ATTRIBUTE_PHONE_SUFFIX, false),
      cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN, 1);
  auto rule = [&](std::initializer_list<
                  std::pair<const char*, cxkit::v1::BlockingTransform>>
                      keys) {
    auto* r = matching->add_blocking_rules();
    for (const auto& [name, transform] : keys) {
      auto* k = r->add_keys();
      k->set_comparison(name);
      k->set_transform(transform);
    }
  };
  const auto value = cxkit::v1::BLOCKING_TRANSFORM_UNSPECIFIED;
  rule({{"family_name", cxkit::v1::BLOCKING_TRANSFORM_PHONETIC},
        {"birth_date", cxkit::v1::BLOCKING_TRANSFORM_YEAR}});
  rule({{"birth_date", value}, {"postcode", value}});
  // Records without a birth date still meet their neighbours.
  rule({{"family_name", cxkit::v1::BLOCKING_TRANSFORM_PHONETIC},
        {"postcode", value}});
  rule({{"given_name", cxkit::v1::BLOCKING_TRANSFORM_PHONETIC},
        {"birth_date", value}});
  rule({{"email_local_part", value}});
  rule({{"phone_suffix", value}});
  matching->set_seed(42);
}

uint32_t PersonOfRecordId(absl::string_view id) {
  uint32_t person = 0;
  for (size_t i = 1; i < id.size() && id[i] != '-'; ++i) {
    person = person * 10 + static_cast<uint32_t>(id[i] - '0');
  }
  return person;
}

ClusterQuality MeasureClusters(
    const cxkit::v1::ResolveIdentitiesResponse& response) {
  absl::flat_hash_map<uint32_t, uint64_t> person_size;
  uint64_t predicted = 0;
  uint64_t correct = 0;
  std::vector<uint32_t> people;
  for (const auto& profile : response.profiles()) {
    people.clear();
    for (const auto& id : profile.record_ids()) {
      people.push_back(PersonOfRecordId(id));
      ++person_size[people.back()];
    }
    std::sort(people.begin(), people.end());
    const uint64_t n = people.size();
    predicted += n * (n - 1) / 2;
    for (size_t i = 0; i < people.size();) {
      size_t j = i;
      while (j < people.size() && people[j] == people[i]) ++j;
      correct += (j - i) * (j - i - 1) / 2;
      i = j;
    }
  }
  uint64_t truth = 0;
  for (const auto& [person, size] : person_size) truth += size * (size - 1) / 2;
  ClusterQuality quality;
  quality.precision =
      predicted == 0 ? 1.0 : double(correct) / double(predicted);
  quality.recall = truth == 0 ? 1.0 : double(correct) / double(truth);
  quality.f1 = quality.precision + quality.recall == 0
                   ? 0
                   : 2 * quality.precision * quality.recall /
                         (quality.precision + quality.recall);
  return quality;
}

}  // namespace cxkit::bench
