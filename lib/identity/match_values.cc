#include "lib/identity/match_values.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "lib/identity/date_similarity.h"
#include "lib/identity/string_similarity.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::ContactRecord;

bool IsPlaceholder(absl::string_view normalized) {
  static constexpr absl::string_view kPlaceholders[] = {
      "null",      "none",    "nan",       "na",   "nil",
      "undefined", "unknown", "anonymous", "test", "xxx"};
  for (absl::string_view p : kPlaceholders) {
    if (normalized == p) return true;
  }
  return normalized.find_first_not_of('0') == absl::string_view::npos;
}

// The derived value of record `r`: the smallest e-mail local part or the
// smallest 7-digit phone suffix among its normalized identifiers, leaving out
// blocked values (never indexed) and hubs, which say nothing about a person.
std::string DerivedValue(cxkit::v1::DerivedAttribute derived,
                         const IdentityIndex& index, uint32_t r) {
  std::string best;
  bool found = false;
  for (const Occurrence& occurrence : index.OccurrencesOf(r)) {
    const IdentityKey& key = index.keys[occurrence.key];
    if (key.hub) continue;
    std::string part;
    if (derived == cxkit::v1::DERIVED_ATTRIBUTE_EMAIL_LOCAL_PART) {
      if (key.type != cxkit::v1::IDENTIFIER_TYPE_EMAIL) continue;
      part = std::string(key.value.substr(0, key.value.rfind('@')));
    } else {
      if (key.type != cxkit::v1::IDENTIFIER_TYPE_PHONE) continue;
      for (char c : key.value) {
        if (c >= '0' && c <= '9') part.push_back(c);
      }
      if (part.size() < 7) continue;
      part.erase(0, part.size() - 7);
    }
    if (!found || part < best) best = std::move(part);
    found = true;
  }
  return best;
}

// The similarities of one pair of values, each computed on first use and at
// most once, whatever the number of levels that test it.
class PairSimilarity {
 public:
  PairSimilarity(const CompiledComparison& comparison, std::u32string_view a,
                 std::u32string_view b)
      : comparison_(comparison), a_(a), b_(b) {}

  // Whether `level` (JARO_WINKLER, LEVENSHTEIN or DAMERAU_LEVENSHTEIN) holds.
  bool Close(const CompiledLevel& level) {
    switch (level.kind) {
      case cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER:
        if (jaro_winkler_ < 0) jaro_winkler_ = JaroWinkler(a_, b_);
        return jaro_winkler_ >= level.threshold - 1e-12;
      case cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN:
        // Capped at the comparison's largest cap: exact up to it, above
        // every level's max_distance beyond it.
        if (levenshtein_ == kUnknown) {
          levenshtein_ = Levenshtein(a_, b_, comparison_.levenshtein_cap);
        }
        return levenshtein_ <= level.max_distance;
      default:
        if (osa_ == kUnknown) osa_ = OsaDistance(a_, b_, comparison_.osa_cap);
        return osa_ <= level.max_distance;
    }
  }

 private:
  static constexpr uint32_t kUnknown = UINT32_MAX;
  const CompiledComparison& comparison_;
  std::u32string_view a_;
  std::u32string_view b_;
  double jaro_winkler_ = -1;
  uint32_t levenshtein_ = kUnknown;
  uint32_t osa_ = kUnknown;
};

bool HasLevel(const CompiledComparison& comparison,
              std::initializer_list<cxkit::v1::ComparisonLevelKind> kinds) {
  for (const CompiledLevel& level : comparison.levels) {
    for (cxkit::v1::ComparisonLevelKind kind : kinds) {
      if (level.kind == kind) return true;
    }
  }
  return false;
}

// Ids 1, 2, ... of the distinct strings text(0) .. text(count - 1) (0 for an
// empty one), in order of first appearance.
template <typename Text>
std::vector<uint32_t> InternIds(uint32_t count, const Text& text,
                                uint32_t* distinct) {
  std::vector<uint32_t> ids(count, 0);
  absl::flat_hash_map<absl::string_view, uint32_t> id_of;
  for (uint32_t r = 0; r < count; ++r) {
    const absl::string_view t = text(r);
    if (t.empty()) continue;
    ids[r] = id_of.try_emplace(t, static_cast<uint32_t>(id_of.size()) + 1)
                 .first->second;
  }
  *distinct = static_cast<uint32_t>(id_of.size());
  return ids;
}

}  // namespace

MatchValues::MatchValues(const cxkit::v1::ResolveIdentitiesRequest& request,
                         const MatchPolicy& policy, const IdentityIndex& index)
    : policy_(policy),
      record_count_(static_cast<uint32_t>(request.records_size())),
      columns_(policy.comparisons.size()) {
  for (size_t c = 0; c < policy.comparisons.size(); ++c) {
    const CompiledComparison& comparison = policy.comparisons[c];
    Column& column = columns_[c];
    column.raw_begin.reserve(record_count_ + 1);
    column.normalized_begin.reserve(record_count_ + 1);
    column.raw_begin.push_back(0);
    column.normalized_begin.push_back(0);
    std::string derived;
    for (uint32_t r = 0; r < record_count_; ++r) {
      const ContactRecord& record = request.records(static_cast<int>(r));
      absl::string_view raw;
      if (!index.excluded[r]) {
        if (!comparison.attribute.empty()) {
          auto it = record.attributes().find(comparison.attribute);
          if (it != record.attributes().end()) raw = it->second;
        } else {
          derived = DerivedValue(comparison.derived, index, r);
          raw = derived;
        }
      }
      raw = absl::StripAsciiWhitespace(raw);
      std::string normalized = NormalizeForMatching(raw);
      if (IsPlaceholder(normalized)) normalized.clear();
      if (normalized.empty()) raw = absl::string_view();
      column.raw.append(raw.data(), raw.size());
      column.normalized += normalized;
      column.non_null += !normalized.empty();
      column.raw_begin.push_back(static_cast<uint32_t>(column.raw.size()));
      column.normalized_begin.push_back(
          static_cast<uint32_t>(column.normalized.size()));
    }
    Prepare(comparison, &column);
  }
  stride_ = static_cast<uint32_t>(columns_.size());
  ids_.resize(static_cast<size_t>(record_count_) * stride_);
  for (uint32_t c = 0; c < stride_; ++c) {
    std::vector<uint32_t> value_id = std::move(columns_[c].value_id);
    for (uint32_t r = 0; r < record_count_; ++r) {
      ids_[static_cast<size_t>(r) * stride_ + c] = value_id[r];
    }
  }
}

void MatchValues::Prepare(const CompiledComparison& comparison,
                          Column* column) const {
  const Column& values = *column;
  auto normalized = [&](uint32_t r) {
    return absl::string_view(
        values.normalized.data() + values.normalized_begin[r],
        values.normalized_begin[r + 1] - values.normalized_begin[r]);
  };
  auto raw = [&](uint32_t r) {
    return absl::string_view(values.raw.data() + values.raw_begin[r],
                             values.raw_begin[r + 1] - values.raw_begin[r]);
  };
  uint32_t distinct = 0;
  column->value_id = InternIds(record_count_, normalized, &distinct);
  if (HasLevel(comparison, {cxkit::v1::COMPARISON_LEVEL_KIND_EXACT})) {
    uint32_t distinct_raw = 0;
    column->raw_id = InternIds(record_count_, raw, &distinct_raw);
  }
  if (HasLevel(comparison,
               {cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER,
                cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN,
                cxkit::v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN})) {
    // Ids are given in record order, so the first record with each id
    // supplies its code points.
    column->code_points_begin.assign(1, 0);
    column->code_points_begin.reserve(distinct + 1);
    std::u32string decoded;
    for (uint32_t r = 0; r < record_count_; ++r) {
      if (column->value_id[r] != column->code_points_begin.size()) continue;
      DecodeUtf8(normalized(r), &decoded);
      column->code_points += decoded;
      column->code_points_begin.push_back(
          static_cast<uint32_t>(column->code_points.size()));
    }
  }
  if (HasLevel(comparison, {cxkit::v1::COMPARISON_LEVEL_KIND_DATE_TYPO})) {
    column->dates.resize(record_count_);
    for (uint32_t r = 0; r < record_count_; ++r) {
      if (column->value_id[r] != 0) column->dates[r] = ParseLooseDate(raw(r));
    }
  }
  if (HasLevel(comparison,
               {cxkit::v1::COMPARISON_LEVEL_KIND_NUMERIC_DISTANCE})) {
    column->numbers.resize(record_count_);
    for (uint32_t r = 0; r < record_count_; ++r) {
      if (column->value_id[r] != 0) column->numbers[r] = ParseNumber(raw(r));
    }
  }
  if (comparison.term_frequency) {
    column->records_with_value.assign(distinct + 1, 0);
    for (uint32_t id : column->value_id) ++column->records_with_value[id];
    column->records_with_value[0] = 0;  // missing values have no frequency
  }
}

absl::string_view MatchValues::Raw(uint32_t c, uint32_t r) const {
  const Column& column = columns_[c];
  return absl::string_view(column.raw.data() + column.raw_begin[r],
                           column.raw_begin[r + 1] - column.raw_begin[r]);
}

absl::string_view MatchValues::Normalized(uint32_t c, uint32_t r) const {
  const Column& column = columns_[c];
  return absl::string_view(
      column.normalized.data() + column.normalized_begin[r],
      column.normalized_begin[r + 1] - column.normalized_begin[r]);
}

double MatchValues::Frequency(uint32_t c, uint32_t r) const {
  const Column& column = columns_[c];
  if (column.records_with_value.empty() || column.non_null == 0) return 0;
  return static_cast<double>(column.records_with_value[Id(c, r)]) /
         static_cast<double>(column.non_null);
}

uint8_t MatchValues::Level(uint32_t c, uint32_t a, uint32_t b) const {
  const Column& column = columns_[c];
  const uint32_t id_a = Id(c, a);
  const uint32_t id_b = Id(c, b);
  if (id_a == 0 || id_b == 0) return kNullLevel;
  const bool normalized_equal = id_a == id_b;
  const CompiledComparison& comparison = policy_.comparisons[c];
  const std::vector<CompiledLevel>& levels = comparison.levels;
  std::optional<PairSimilarity> similarity;  // made by the first that needs it
  for (size_t l = 0; l < levels.size(); ++l) {
    const CompiledLevel& level = levels[l];
    bool holds = false;
    switch (level.kind) {
      case cxkit::v1::COMPARISON_LEVEL_KIND_EXACT:
        holds = normalized_equal && column.raw_id[a] == column.raw_id[b];
        break;
      case cxkit::v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT:
        holds = normalized_equal;
        break;
      case cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER:
      case cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN:
      case cxkit::v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN:
        if (normalized_equal) {
          holds = true;
          break;
        }
        if (!similarity) {
          similarity.emplace(comparison, CodePoints(column, id_a),
                             CodePoints(column, id_b));
        }
        holds = similarity->Close(level);
        break;
      case cxkit::v1::COMPARISON_LEVEL_KIND_DATE_TYPO: {
        const std::optional<LooseDate>& da = column.dates[a];
        const std::optional<LooseDate>& db = column.dates[b];
        holds = da && db && DatesNearlyEqual(*da, *db);
        break;
      }
      case cxkit::v1::COMPARISON_LEVEL_KIND_NUMERIC_DISTANCE: {
        const std::optional<double>& xa = column.numbers[a];
        const std::optional<double>& xb = column.numbers[b];
        holds = xa && xb && std::fabs(*xa - *xb) <= level.numeric_distance;
        break;
      }
      case cxkit::v1::COMPARISON_LEVEL_KIND_SWAPPED: {
        const absl::string_view other_a = Normalized(level.swapped_with, a);
        const absl::string_view other_b = Normalized(level.swapped_with, b);
        holds = !other_a.empty() && !other_b.empty() &&
                Normalized(c, a) == other_b && Normalized(c, b) == other_a;
        break;
      }
      default:
        break;
    }
    if (holds) return static_cast<uint8_t>(l);
  }
  return static_cast<uint8_t>(levels.size());
}

uint64_t MatchValues::Levels(uint32_t a, uint32_t b) const {
  uint64_t levels = 0;
  for (uint32_t c = 0; c < columns_.size(); ++c) {
    levels |= static_cast<uint64_t>(Level(c, a, b)) << (4 * c);
  }
  return levels;
}

}  // namespace cxkit::identity
