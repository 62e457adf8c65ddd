// The values probabilistic matching compares, gathered once per call: per
// comparison and record the trimmed raw value and its normalized form, stored
// in one buffer per comparison (no string per record), plus value frequencies
// for term-frequency adjustment.

#ifndef CXKIT_LIB_IDENTITY_MATCH_VALUES_H_
#define CXKIT_LIB_IDENTITY_MATCH_VALUES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"
#include "lib/identity/match_policy.h"

namespace cxkit::identity {

// Scratch buffers for comparing one pair; reuse one per loop.
struct CompareScratch {
  std::u32string a;
  std::u32string b;
};

class MatchValues {
 public:
  // Reads the values of every record of `request`; records flagged in
  // `excluded` get only missing values. `policy` must outlive this.
  MatchValues(const cxkit::v1::ResolveIdentitiesRequest& request,
              const MatchPolicy& policy, const std::vector<bool>& excluded);

  uint32_t record_count() const { return record_count_; }
  bool IsNull(uint32_t comparison, uint32_t record) const {
    return Normalized(comparison, record).empty();
  }
  absl::string_view Raw(uint32_t comparison, uint32_t record) const;
  // Empty when the value is missing or a placeholder ("null", "n/a", ...).
  absl::string_view Normalized(uint32_t comparison, uint32_t record) const;
  // The share of records with a value whose normalized value is this one's;
  // computed only for comparisons with term-frequency adjustment (else 0).
  double Frequency(uint32_t comparison, uint32_t record) const;

  // The level (index into the comparison's levels, levels.size() for "else",
  // kNullLevel when a value is missing) of records `a` and `b`.
  uint8_t Level(uint32_t comparison, uint32_t a, uint32_t b,
                CompareScratch* scratch) const;
  // The levels of every comparison, 4 bits each, comparison 0 lowest.
  uint64_t Levels(uint32_t a, uint32_t b, CompareScratch* scratch) const;

 private:
  struct Column {
    std::string raw;
    std::string normalized;
    std::vector<uint32_t> raw_begin;         // record_count + 1 offsets
    std::vector<uint32_t> normalized_begin;  // record_count + 1 offsets
    std::vector<uint32_t> frequency;         // records with the same value
    uint32_t non_null = 0;
  };
  const MatchPolicy& policy_;
  uint32_t record_count_ = 0;
  std::vector<Column> columns_;
};

inline uint8_t LevelOf(uint64_t levels, uint32_t comparison) {
  return static_cast<uint8_t>((levels >> (4 * comparison)) & 0xF);
}

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_MATCH_VALUES_H_
