// Joins records that share a value, by union-find, refusing links that break a
// limit.

#ifndef CXKIT_LIB_IDENTITY_LIMITED_LINKER_H_
#define CXKIT_LIB_IDENTITY_LIMITED_LINKER_H_

#include <cstdint>
#include <vector>

#include "cxkit/v1/identity.pb.h"
#include "lib/identity/identifier_rules.h"
#include "lib/identity/identity_index.h"
#include "lib/identity/probabilistic_matcher.h"

namespace cxkit::identity {

inline constexpr uint32_t kNoMatch = UINT32_MAX;

// A link made: `record` joined the group of `joined_record` through `key`, or,
// when `match` is not kNoMatch, through the probabilistic pair
// matcher->links()[match] (`key` is then meaningless).
struct MadeLink {
  uint32_t record;
  uint32_t joined_record;
  uint32_t key;
  uint32_t match = kNoMatch;
};

struct Clustering {
  // The group root of every record (records are request indices).
  std::vector<uint32_t> root;
  std::vector<MadeLink> links;
  // The matcher whose pairs the links with a `match` name; null without
  // probabilistic matching.
  const ProbabilisticMatcher* matcher = nullptr;
};

// Links, in order of (rule rank, key hash, key content), every record carrying
// a linking, non-hub key to the group of the key's first record in canonical
// order. A link is refused (and appended to `response->rejected_links`) when
// the joined group would hold more distinct values of a limited type than its
// max_per_profile, unless neither side adds one. Hubs and blocked values do not
// count towards limits. The result does not depend on the request's order.
// Time: O(n log^2 n) in the number of limited values: the smaller value set is
// merged into the larger.
//
// With a `matcher` (may be null), its pairs at or above the match threshold
// are linked after every identifier link, strongest first, through the same
// limit checks; refusals carry the pair's evidence.
Clustering LinkRecords(const cxkit::v1::ResolveIdentitiesRequest& request,
                       const IdentifierRules& rules, const IdentityIndex& index,
                       const ProbabilisticMatcher* matcher,
                       cxkit::v1::ResolveIdentitiesResponse* response);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_LIMITED_LINKER_H_
