// The parts of libphonenumber's metadata that its Parse() and
// IsPossibleNumber() consult, read from libphonenumber itself so that the phone
// fast path (phone_fast_path.h) applies exactly the rules the reference
// applies.

#ifndef CXKIT_LIB_IDENTITY_PHONE_PARSE_RULES_H_
#define CXKIT_LIB_IDENTITY_PHONE_PARSE_RULES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace cxkit::identity {

// A pattern of the metadata over ASCII digits, matched the way libphonenumber
// matches it. Patterns made only of digits (most national and international
// prefixes) are compared as literals; the others are compiled with RE2, whose
// leftmost-first semantics agree with the ICU matcher libphonenumber uses for
// these patterns (libphonenumber supports RE2 as its own regular-expression
// engine on the same metadata).
class DigitPattern {
 public:
  DigitPattern();
  ~DigitPattern();
  DigitPattern(const DigitPattern&) = delete;
  DigitPattern& operator=(const DigitPattern&) = delete;

  // Compiles `pattern`. Returns false when RE2 cannot compile it.
  bool Init(const std::string& pattern);

  // Length of the match anchored at the start of `digits` (libphonenumber's
  // Consume), or -1.
  int MatchPrefix(absl::string_view digits) const;

  // Like MatchPrefix, also storing capture groups 1 and 2 in (*groups)[0] and
  // (*groups)[1]; a group that does not exist or did not take part in the match
  // is empty (as ICU's group()).
  int MatchPrefix(absl::string_view digits,
                  std::array<absl::string_view, 2>* groups) const;

  // Number of capturing groups of the pattern.
  int capturing_groups() const;

  // True when the pattern matches all of `digits` (libphonenumber's FullMatch).
  bool MatchesFully(absl::string_view digits) const;

  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  bool is_literal_ = true;
  std::unique_ptr<re2::RE2> regexp_;
};

// libphonenumber's ValidationResult of TestNumberLength() for a type-less
// number.
enum class PhoneLengthCheck {
  kPossible,
  kPossibleLocalOnly,
  kTooShort,
  kTooLong,
  kInvalidLength,
};

// The parsing facts of one PhoneMetadata (one region, or one non-geographic
// calling code).
struct PhoneParseRules {
  int country_code = 0;
  // The country code in decimal, e.g. "7".
  std::string country_code_digits;
  // PhoneMetadata.international_prefix, e.g. "810" for RU, "00" for DE, "011"
  // for US.
  DigitPattern international_prefix;
  // PhoneMetadata.national_prefix_for_parsing, e.g. "8" for RU; empty when
  // there is none.
  DigitPattern national_prefix_for_parsing;
  // PhoneMetadata.national_prefix_transform_rule ("9$1" for AR, "$2" for BR) as
  // pieces: digits to copy, or capture group 1 or 2 of
  // national_prefix_for_parsing. Empty when there is none.
  struct TransformPiece {
    std::string digits;
    int group;  // 0 for digits
  };
  std::vector<TransformPiece> national_prefix_transform;
  // general_desc().national_number_pattern(); empty matches nothing (as
  // RegexBasedMatcher).
  DigitPattern national_number;
  bool has_national_number_pattern = false;
  // general_desc().possible_length() and possible_length_local_only() as bit
  // sets, plus the first and last listed lengths that TestNumberLength compares
  // with.
  uint32_t possible_lengths = 0;
  uint32_t local_only_lengths = 0;
  int first_possible_length = 0;
  int last_possible_length = 0;
  // False when the fast path must leave numbers of these rules to
  // libphonenumber: a pattern RE2 cannot compile, a transform rule other than
  // digits and "$1" / "$2", or lengths outside what the bit sets hold.
  bool usable = false;

  // libphonenumber's TestNumberLength(number, metadata, UNKNOWN) for a number
  // of `length` digits.
  PhoneLengthCheck TestNumberLength(size_t length) const;

  // libphonenumber's MatchNationalNumber(number, general_desc, false).
  bool MatchesNationalNumber(absl::string_view digits) const {
    return has_national_number_pattern && national_number.MatchesFully(digits);
  }
};

// All rules, built once on first use from the metadata compiled into
// libphonenumber and checked against PhoneNumberUtil's public API. Immutable
// afterwards; safe for concurrent use.
class PhoneParseRuleTables {
 public:
  // The tables, or null when libphonenumber's metadata could not be read or
  // disagrees with PhoneNumberUtil, in which case every number must take the
  // reference path. Thread-safe.
  static const PhoneParseRuleTables* Get();

  // The rules of a region libphonenumber knows ("RU"), or null for anything
  // else, including "001", "ZZ", "" and lower case (as
  // PhoneNumberUtil::GetMetadataForRegion).
  const PhoneParseRules* ForRegion(absl::string_view region) const;

  // True when `calling_code` is a country calling code libphonenumber knows.
  bool IsCallingCode(int calling_code) const {
    return calling_code > 0 && calling_code < kCallingCodes &&
           calling_code_region_[calling_code] != nullptr;
  }

  // The region PhoneNumberUtil::GetRegionCodeForCountryCode returns ("RU" for
  // 7, "001" for 800). Requires IsCallingCode(calling_code).
  absl::string_view MainRegion(int calling_code) const {
    return *calling_code_region_[calling_code];
  }

  // The rules libphonenumber applies to numbers of `calling_code` (its main
  // region's, or the non-geographic entity's). Requires
  // IsCallingCode(calling_code).
  const PhoneParseRules& ForCallingCode(int calling_code) const {
    return *calling_code_rules_[calling_code];
  }

 private:
  static constexpr int kCallingCodes = 1000;
  static PhoneParseRuleTables* Build();

  PhoneParseRuleTables() = default;

  std::vector<std::unique_ptr<PhoneParseRules>> rules_;
  std::vector<std::unique_ptr<std::string>> region_names_;
  // Indexed by (first letter - 'A') * 26 + (second letter - 'A').
  std::array<const PhoneParseRules*, 26 * 26> region_rules_{};
  std::array<const std::string*, kCallingCodes> calling_code_region_{};
  std::array<const PhoneParseRules*, kCallingCodes> calling_code_rules_{};
};

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PHONE_PARSE_RULES_H_
