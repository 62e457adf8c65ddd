#include "lib/identity/phone_parse_rules.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

// The metadata compiled into libphonenumber: the serialized
// PhoneMetadataCollection that PhoneNumberUtil itself parses at start-up
// (declared in libphonenumber's metadata.h, which Debian does not install;
// libphonenumber.so exports both symbols). Reading the very bytes
// PhoneNumberUtil reads, rather than hand-written country tables, keeps the
// fast path in step with the installed libphonenumber. The declarations are
// weak: a libphonenumber without them links all the same, and every number then
// takes the reference path.
namespace i18n::phonenumbers {
int metadata_size() __attribute__((weak));
const void* metadata_get() __attribute__((weak));
}  // namespace i18n::phonenumbers

namespace cxkit::identity {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr int kMaxLengthInBitSet = 31;

bool IsAsciiDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Fills `bits` from `lengths`; false when a length does not fit the bit set.
bool LengthsToBits(const google::protobuf::RepeatedField<int32_t>& lengths,
                   uint32_t* bits) {
  for (int length : lengths) {
    if (length < 1 || length > kMaxLengthInBitSet) return false;
    *bits |= uint32_t{1} << length;
  }
  return true;
}

// Parses a transform rule the way ICU's appendReplacement reads it, as far as
// the metadata needs: digits, and "$1" / "$2" naming an existing group. False
// for anything else.
bool ParseTransformRule(const std::string& rule, int groups,
                        std::vector<PhoneParseRules::TransformPiece>* pieces) {
  for (size_t i = 0; i < rule.size(); ++i) {
    const char c = rule[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      if (pieces->empty() || pieces->back().group != 0) {
        pieces->push_back({"", 0});
      }
      pieces->back().digits.push_back(c);
      continue;
    }
    // "$" and one digit; a second digit would make ICU read a two-digit group
    // number.
    if (c != '$' || i + 1 >= rule.size()) return false;
    const int group = rule[i + 1] - '0';
    if (group < 1 || group > 2 || group > groups) return false;
    if (i + 2 < rule.size() &&
        absl::ascii_isdigit(static_cast<unsigned char>(rule[i + 2]))) {
      return false;
    }
    pieces->push_back({"", group});
    ++i;
  }
  return true;
}

std::unique_ptr<PhoneParseRules> RulesFromMetadata(
    const PhoneMetadata& metadata) {
  auto rules = std::make_unique<PhoneParseRules>();
  rules->country_code = metadata.country_code();
  rules->country_code_digits = absl::StrCat(metadata.country_code());
  const std::string& national_pattern =
      metadata.general_desc().national_number_pattern();
  bool ok = rules->international_prefix.Init(metadata.international_prefix());
  ok &= rules->national_prefix_for_parsing.Init(
      metadata.national_prefix_for_parsing());
  ok &= rules->national_number.Init(national_pattern);
  rules->has_national_number_pattern = !national_pattern.empty();

  const auto& possible = metadata.general_desc().possible_length();
  if (possible.empty()) {
    ok = false;  // TestNumberLength would read past the end; leave it alone.
  } else if (possible.Get(0) == -1) {
    rules->first_possible_length = -1;
  } else {
    rules->first_possible_length = possible.Get(0);
    rules->last_possible_length = possible.Get(possible.size() - 1);
    ok &= LengthsToBits(possible, &rules->possible_lengths);
  }
  ok &= LengthsToBits(metadata.general_desc().possible_length_local_only(),
                      &rules->local_only_lengths);
  ok &=
      ParseTransformRule(metadata.national_prefix_transform_rule(),
                         rules->national_prefix_for_parsing.capturing_groups(),
                         &rules->national_prefix_transform);
  rules->usable = ok;
  return rules;
}

bool IsRegionCodeShape(absl::string_view region) {
  return region.size() == 2 && absl::ascii_isupper(region[0]) &&
         absl::ascii_isupper(region[1]);
}

int RegionIndex(absl::string_view region) {
  return (region[0] - 'A') * 26 + (region[1] - 'A');
}

}  // namespace

DigitPattern::DigitPattern() = default;
DigitPattern::~DigitPattern() = default;

bool DigitPattern::Init(const std::string& pattern) {
  pattern_ = pattern;
  is_literal_ = IsAsciiDigits(pattern);
  if (is_literal_) return true;
  RE2::Options options;
  options.set_log_errors(false);
  regexp_ = std::make_unique<RE2>(pattern, options);
  return regexp_->ok();
}

int DigitPattern::MatchPrefix(absl::string_view digits) const {
  if (is_literal_) {
    return absl::StartsWith(digits, pattern_)
               ? static_cast<int>(pattern_.size())
               : -1;
  }
  re2::StringPiece input(digits.data(), digits.size());
  if (!RE2::Consume(&input, *regexp_)) return -1;
  return static_cast<int>(digits.size() - input.size());
}

int DigitPattern::MatchPrefix(absl::string_view digits,
                              std::array<absl::string_view, 2>* groups) const {
  (*groups)[0] = absl::string_view();
  (*groups)[1] = absl::string_view();
  if (is_literal_) return MatchPrefix(digits);
  re2::StringPiece submatches[3];
  const int wanted = 1 + std::min(2, regexp_->NumberOfCapturingGroups());
  if (!regexp_->Match(re2::StringPiece(digits.data(), digits.size()), 0,
                      digits.size(), RE2::ANCHOR_START, submatches, wanted)) {
    return -1;
  }
  for (int g = 1; g < wanted; ++g) {
    if (submatches[g].data() != nullptr) {
      (*groups)[g - 1] =
          absl::string_view(submatches[g].data(), submatches[g].size());
    }
  }
  return static_cast<int>(submatches[0].size());
}

int DigitPattern::capturing_groups() const {
  return is_literal_ ? 0 : regexp_->NumberOfCapturingGroups();
}

bool DigitPattern::MatchesFully(absl::string_view digits) const {
  if (is_literal_) return digits == pattern_;
  return RE2::FullMatch(re2::StringPiece(digits.data(), digits.size()),
                        *regexp_);
}

PhoneLengthCheck PhoneParseRules::TestNumberLength(size_t length) const {
  if (first_possible_length == -1) return PhoneLengthCheck::kInvalidLength;
  const bool in_bit_set = length <= kMaxLengthInBitSet;
  if (in_bit_set && ((local_only_lengths >> length) & 1)) {
    return PhoneLengthCheck::kPossibleLocalOnly;
  }
  const size_t first = static_cast<size_t>(first_possible_length);
  if (first == length) return PhoneLengthCheck::kPossible;
  if (first > length) return PhoneLengthCheck::kTooShort;
  if (static_cast<size_t>(last_possible_length) < length) {
    return PhoneLengthCheck::kTooLong;
  }
  return in_bit_set && ((possible_lengths >> length) & 1)
             ? PhoneLengthCheck::kPossible
             : PhoneLengthCheck::kInvalidLength;
}

const PhoneParseRuleTables* PhoneParseRuleTables::Get() {
  // Built once, never destroyed: no destruction-order hazards at exit.
  static const PhoneParseRuleTables* const tables = Build();
  return tables;
}

const PhoneParseRules* PhoneParseRuleTables::ForRegion(
    absl::string_view region) const {
  if (!IsRegionCodeShape(region)) return nullptr;
  return region_rules_[RegionIndex(region)];
}

PhoneParseRuleTables* PhoneParseRuleTables::Build() {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  if (i18n::phonenumbers::metadata_get == nullptr ||
      i18n::phonenumbers::metadata_size == nullptr) {
    return nullptr;
  }
  PhoneMetadataCollection collection;
  if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                 i18n::phonenumbers::metadata_size())) {
    return nullptr;
  }
  std::unique_ptr<PhoneParseRuleTables> tables(new PhoneParseRuleTables);
  // As PhoneNumberUtil's constructor: "ZZ" is skipped, "001" entries are keyed
  // by calling code, and the first entry of an id wins.
  absl::flat_hash_map<std::string, const PhoneParseRules*> by_region;
  absl::flat_hash_map<std::string, const PhoneMetadata*> metadata_by_region;
  absl::flat_hash_map<int, const PhoneParseRules*> non_geographic;
  for (const PhoneMetadata& metadata : collection.metadata()) {
    if (metadata.id() == "ZZ") continue;
    tables->rules_.push_back(RulesFromMetadata(metadata));
    const PhoneParseRules* rules = tables->rules_.back().get();
    if (metadata.id() == "001") {
      non_geographic.emplace(metadata.country_code(), rules);
    } else {
      by_region.emplace(metadata.id(), rules);
      metadata_by_region.emplace(metadata.id(), &metadata);
    }
  }

  // The regions must be exactly PhoneNumberUtil's, with the same calling codes
  // and national prefixes; otherwise these are not the bytes PhoneNumberUtil
  // parsed.
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  if (regions.size() != by_region.size()) return nullptr;
  for (const std::string& region : regions) {
    auto it = by_region.find(region);
    if (!IsRegionCodeShape(region) || it == by_region.end()) return nullptr;
    if (it->second->country_code != util.GetCountryCodeForRegion(region)) {
      return nullptr;
    }
    std::string national_prefix;
    util.GetNddPrefixForRegion(region, /*strip_non_digits=*/false,
                               &national_prefix);
    if (metadata_by_region.at(region)->national_prefix() != national_prefix) {
      return nullptr;
    }
    tables->region_rules_[RegionIndex(region)] = it->second;
  }

  std::set<int> calling_codes;
  util.GetSupportedCallingCodes(&calling_codes);
  for (int calling_code : calling_codes) {
    if (calling_code <= 0 || calling_code >= kCallingCodes) return nullptr;
  }
  for (int calling_code = 1; calling_code < kCallingCodes; ++calling_code) {
    std::string region;
    util.GetRegionCodeForCountryCode(calling_code, &region);
    if (region == "ZZ") {
      if (calling_codes.count(calling_code) != 0) return nullptr;
      continue;
    }
    const PhoneParseRules* rules = nullptr;
    if (region == "001") {
      auto it = non_geographic.find(calling_code);
      if (it != non_geographic.end()) rules = it->second;
    } else {
      auto it = by_region.find(region);
      if (it != by_region.end()) rules = it->second;
    }
    if (rules == nullptr || rules->country_code != calling_code ||
        calling_codes.count(calling_code) == 0) {
      return nullptr;
    }
    tables->region_names_.push_back(std::make_unique<std::string>(region));
    tables->calling_code_region_[calling_code] =
        tables->region_names_.back().get();
    tables->calling_code_rules_[calling_code] = rules;
  }
  return tables.release();
}

}  // namespace cxkit::identity
