// The values probabilistic matching compares, gathered once per call: per
// comparison and record the trimmed raw value and its normalized form, stored
// in one buffer per comparison (no string per record), plus everything a
// comparison level needs prepared once instead of per pair: value ids (equal
// ids = equal values), the code points of each distinct value, parsed dates
// and numbers, and value frequencies for term-frequency adjustment.

#ifndef CXKIT_LIB_IDENTITY_MATCH_VALUES_H_
#define CXKIT_LIB_IDENTITY_MATCH_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"
#include "lib/identity/date_similarity.h"
#include "lib/identity/identity_index.h"
#include "lib/identity/match_policy.h"

namespace cxkit::identity {

class MatchValues {
 public:
  // Reads the values of every record of `request`: attributes from the
  // request, derived values from the normalized identifiers of `index` (after
  // hub detection). Records `index` excludes get only missing values.
  // `policy` must outlive this.
  MatchValues(const cxkit::v1::ResolveIdentitiesRequest& request,
              const MatchPolicy& policy, const IdentityIndex& index);

  uint32_t record_count() const { return record_count_; }
  absl::string_view Raw(uint32_t comparison, uint32_t record) const;
  // Empty when the value is missing or a placeholder ("null", "n/a", ...).
  absl::string_view Normalized(uint32_t comparison, uint32_t record) const;
  // The share of records with a value whose normalized value is this one's;
  // computed only for comparisons with term-frequency adjustment (else 0).
  double Frequency(uint32_t comparison, uint32_t record) const;

  // The level (index into the comparison's levels, levels.size() for "else",
  // kNullLevel when a value is missing) of records `a` and `b`.
  uint8_t Level(uint32_t comparison, uint32_t a, uint32_t b) const;
  // The levels of every comparison, 4 bits each, comparison 0 lowest.
  uint64_t Levels(uint32_t a, uint32_t b) const;

 private:
  struct Column {
    std::string raw;
    std::string normalized;
    std::vector<uint32_t> raw_begin;         // record_count + 1 offsets
    std::vector<uint32_t> normalized_begin;  // record_count + 1 offsets
    // Per record while preparing (then moved into ids_): 0 when the value is
    // missing, else the id of its normalized value (1 + index into
    // code_points_begin).
    std::vector<uint32_t> value_id;
    // Per record, only with an EXACT level: ids of the trimmed raw values.
    std::vector<uint32_t> raw_id;
    // Per value id - 1, only with a string-distance level: its code points.
    std::u32string code_points;
    std::vector<uint32_t> code_points_begin;  // values + 1 offsets
    // Per record, only with a DATE_TYPO / NUMERIC_DISTANCE level.
    std::vector<std::optional<LooseDate>> dates;
    std::vector<std::optional<double>> numbers;
    // Per value id, only with term-frequency adjustment: records holding it.
    std::vector<uint32_t> records_with_value;
    uint32_t non_null = 0;
  };
  // The value id of record `r` in comparison `c`.
  uint32_t Id(uint32_t c, uint32_t r) const {
    return ids_[static_cast<size_t>(r) * stride_ + c];
  }
  void Prepare(const CompiledComparison& comparison, Column* column) const;
  std::u32string_view CodePoints(const Column& column, uint32_t id) const {
    return std::u32string_view(
        column.code_points.data() + column.code_points_begin[id - 1],
        column.code_points_begin[id] - column.code_points_begin[id - 1]);
  }
  const MatchPolicy& policy_;
  uint32_t record_count_ = 0;
  std::vector<Column> columns_;
  // Value ids by record, then comparison: the ids of one pair's comparisons
  // share a cache line or two instead of one per comparison.
  uint32_t stride_ = 0;
  std::vector<uint32_t> ids_;
};

inline uint8_t LevelOf(uint64_t levels, uint32_t comparison) {
  return static_cast<uint8_t>((levels >> (4 * comparison)) & 0xF);
}

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_MATCH_VALUES_H_
