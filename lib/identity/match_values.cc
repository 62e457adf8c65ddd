#include "lib/identity/match_values.h"

#include <algorithm>
#include <cmath>

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

// The smallest e-mail local part, lower-cased, of the record's e-mails.
std::string EmailLocalPart(const ContactRecord& record) {
  std::string best;
  bool found = false;
  for (const auto& identifier : record.identifiers()) {
    if (identifier.type() != cxkit::v1::IDENTIFIER_TYPE_EMAIL) continue;
    absl::string_view value = absl::StripAsciiWhitespace(identifier.value());
    const size_t at = value.rfind('@');
    if (at == absl::string_view::npos) continue;
    std::string local = absl::AsciiStrToLower(value.substr(0, at));
    const size_t plus = local.find('+');
    if (plus != std::string::npos) local.resize(plus);
    if (!found || local < best) best = std::move(local);
    found = true;
  }
  return best;
}

// The smallest 7-digit suffix of the record's phone numbers.
std::string PhoneSuffix(const ContactRecord& record) {
  std::string best;
  bool found = false;
  for (const auto& identifier : record.identifiers()) {
    if (identifier.type() != cxkit::v1::IDENTIFIER_TYPE_PHONE &&
        identifier.type() != cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID) {
      continue;
    }
    std::string digits;
    for (char c : identifier.value()) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    if (digits.size() < 7) continue;
    digits = digits.substr(digits.size() - 7);
    if (!found || digits < best) best = std::move(digits);
    found = true;
  }
  return best;
}

bool DecodedEqualOrClose(const CompiledLevel& level, absl::string_view a,
                         absl::string_view b, CompareScratch* scratch) {
  DecodeUtf8(a, &scratch->a);
  DecodeUtf8(b, &scratch->b);
  switch (level.kind) {
    case cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER:
      return JaroWinkler(scratch->a, scratch->b) >= level.threshold - 1e-12;
    case cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN:
      return Levenshtein(scratch->a, scratch->b, level.max_distance) <=
             level.max_distance;
    default:
      return OsaDistance(scratch->a, scratch->b, level.max_distance) <=
             level.max_distance;
  }
}

}  // namespace

MatchValues::MatchValues(const cxkit::v1::ResolveIdentitiesRequest& request,
                         const MatchPolicy& policy,
                         const std::vector<bool>& excluded)
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
      if (!excluded[r]) {
        if (!comparison.attribute.empty()) {
          auto it = record.attributes().find(comparison.attribute);
          if (it != record.attributes().end()) raw = it->second;
        } else {
          derived = comparison.derived ==
                            cxkit::v1::DERIVED_ATTRIBUTE_EMAIL_LOCAL_PART
                        ? EmailLocalPart(record)
                        : PhoneSuffix(record);
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
    if (comparison.term_frequency) {
      absl::flat_hash_map<absl::string_view, uint32_t> counts;
      for (uint32_t r = 0; r < record_count_; ++r) {
        if (!IsNull(static_cast<uint32_t>(c), r)) {
          ++counts[Normalized(static_cast<uint32_t>(c), r)];
        }
      }
      column.frequency.resize(record_count_, 0);
      for (uint32_t r = 0; r < record_count_; ++r) {
        if (!IsNull(static_cast<uint32_t>(c), r)) {
          column.frequency[r] = counts[Normalized(static_cast<uint32_t>(c), r)];
        }
      }
    }
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
  if (column.frequency.empty() || column.non_null == 0) return 0;
  return static_cast<double>(column.frequency[r]) /
         static_cast<double>(column.non_null);
}

uint8_t MatchValues::Level(uint32_t c, uint32_t a, uint32_t b,
                           CompareScratch* scratch) const {
  const absl::string_view na = Normalized(c, a);
  const absl::string_view nb = Normalized(c, b);
  if (na.empty() || nb.empty()) return kNullLevel;
  const bool normalized_equal = na == nb;
  const std::vector<CompiledLevel>& levels = policy_.comparisons[c].levels;
  for (size_t l = 0; l < levels.size(); ++l) {
    const CompiledLevel& level = levels[l];
    bool holds = false;
    switch (level.kind) {
      case cxkit::v1::COMPARISON_LEVEL_KIND_EXACT:
        holds = normalized_equal && Raw(c, a) == Raw(c, b);
        break;
      case cxkit::v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT:
        holds = normalized_equal;
        break;
      case cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER:
      case cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN:
      case cxkit::v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN:
        holds = normalized_equal || DecodedEqualOrClose(level, na, nb, scratch);
        break;
      case cxkit::v1::COMPARISON_LEVEL_KIND_DATE_TYPO: {
        const auto da = ParseLooseDate(Raw(c, a));
        const auto db = ParseLooseDate(Raw(c, b));
        holds = da && db && DatesNearlyEqual(*da, *db);
        break;
      }
      case cxkit::v1::COMPARISON_LEVEL_KIND_NUMERIC_DISTANCE: {
        const auto xa = ParseNumber(Raw(c, a));
        const auto xb = ParseNumber(Raw(c, b));
        holds = xa && xb && std::fabs(*xa - *xb) <= level.numeric_distance;
        break;
      }
      default:
        break;
    }
    if (holds) return static_cast<uint8_t>(l);
  }
  return static_cast<uint8_t>(levels.size());
}

uint64_t MatchValues::Levels(uint32_t a, uint32_t b,
                             CompareScratch* scratch) const {
  uint64_t levels = 0;
  for (uint32_t c = 0; c < columns_.size(); ++c) {
    levels |= static_cast<uint64_t>(Level(c, a, b, scratch)) << (4 * c);
  }
  return levels;
}

}  // namespace cxkit::identity
