// Where the generated customers live: names, cities, e-mail providers and how
// phone numbers are allocated and written in each region.

#ifndef CXKIT_BENCH_GENERATOR_REGION_PROFILES_H_
#define CXKIT_BENCH_GENERATOR_REGION_PROFILES_H_

#include <string>
#include <vector>

#include "bench/generator/seeded_random.h"

namespace cxkit::bench {

// A name as written in the region and its ASCII form for e-mail addresses.
struct LocalName {
  const char* native;
  const char* ascii;
};

// One kind of number in a region (mobile, a city's landlines).
struct NumberPlan {
  int weight;
  // First digits of the national significant number; one is drawn, the rest is
  // random.
  std::vector<std::string> prefixes;
  // Length of the national significant number.
  int length;
  // How people write such numbers. '#' takes the next digit of the national
  // significant number. Spellings starting with '+' are international; the
  // others need the region to be read (national formats, or the region's own
  // international prefix).
  std::vector<std::string> spellings;
};

struct RegionProfile {
  const char* code;          // CLDR region, "RU"
  const char* calling_code;  // "7"
  const char* locale;        // "ru-RU"
  // The international prefix as people there write it before a foreign number
  // ("8 10").
  const char* dial_out;
  int weight;  // share of the customers
  std::vector<LocalName> first_names;
  std::vector<LocalName> last_names;
  std::vector<const char*> cities;
  std::vector<const char*> email_domains;
  std::vector<NumberPlan> plans;
};

// The regions, in a fixed order. Immutable; safe for concurrent use.
const std::vector<RegionProfile>& RegionProfiles();

// A region drawn by customer share.
const RegionProfile& PickRegion(SeededRandom& random);

// A new national significant number of `region`, e.g. "9161234567" for RU;
// `plan` receives the index of its plan.
std::string MakeNationalNumber(const RegionProfile& region,
                               SeededRandom& random, size_t* plan);

// Fills the '#'s of `spelling` with the digits of `national_number` in order.
std::string FillSpelling(const std::string& spelling,
                         const std::string& national_number);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_REGION_PROFILES_H_
