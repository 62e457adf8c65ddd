// Seeded generator of people for probabilistic identity matching: several
// records per person with realistic typos, nicknames, swapped fields, moves,
// missing values and changed contacts, and the known truth (record id
// "p<person>-<copy>").

#ifndef CXKIT_BENCH_GENERATOR_FUZZY_PEOPLE_H_
#define CXKIT_BENCH_GENERATOR_FUZZY_PEOPLE_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"

namespace cxkit::bench {

struct FuzzyPeopleOptions {
  uint64_t seed = 1;
  uint64_t records = 10000;
};

// Appends `options.records` records to `request` and returns the person of
// each record (by request index). Same options, same records.
std::vector<uint32_t> GenerateFuzzyPeople(
    const FuzzyPeopleOptions& options,
    cxkit::v1::ResolveIdentitiesRequest* request);

// The bench's default probabilistic policy for these attributes (given_name,
// family_name, birth_date, postcode, street, e-mail local part, phone
// suffix): enabled, model estimated, match threshold 0.99.
void SetFuzzyMatchingPolicy(cxkit::v1::ProbabilisticMatching* matching);

// The person encoded in a generated record id ("p12-0" -> 12).
uint32_t PersonOfRecordId(absl::string_view id);

// Pairwise precision, recall and F1 of `response`'s profiles against
// `person` (by request index of `request`).
struct ClusterQuality {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};
ClusterQuality MeasureClusters(
    const cxkit::v1::ResolveIdentitiesResponse& response);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_FUZZY_PEOPLE_H_
