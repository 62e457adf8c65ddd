// Blocking for probabilistic matching: which record pairs are compared at
// all. Each rule hashes a key per record; records sharing a key form a block;
// the pairs of every block of every rule, deduplicated, are the candidates.

#ifndef CXKIT_LIB_IDENTITY_MATCH_BLOCKING_H_
#define CXKIT_LIB_IDENTITY_MATCH_BLOCKING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lib/identity/match_policy.h"
#include "lib/identity/match_values.h"

namespace cxkit::identity {

struct CandidatePairs {
  // (canonical position of one record << 32) | canonical position of the
  // other, the smaller first; sorted, distinct.
  std::vector<uint64_t> pairs;
  // Pairs of all blocks used, counting a pair once per rule that found it.
  uint64_t block_pairs = 0;
  // Blocks larger than max_block_size, or skipped to stay within
  // max_candidate_pairs.
  uint32_t oversized_blocks = 0;
};

// Blocks `values` by `policy.blocking_rules`. Blocks are taken smallest first
// (ties by rule, then key hash); a block larger than max_block_size, or whose
// pairs would take the count past max_candidate_pairs, is skipped with every
// larger block. `canonical_position` is the index's order of records.
// Time O(n log n + pairs log pairs); memory O(n + pairs).
CandidatePairs FindCandidatePairs(
    const MatchValues& values, const MatchPolicy& policy,
    const std::vector<uint32_t>& canonical_position);

// A Soundex-style key of a normalized value: its first letter and the
// consonant classes of the rest (Cyrillic transliterated first).
std::string PhoneticKey(absl::string_view normalized);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_MATCH_BLOCKING_H_
