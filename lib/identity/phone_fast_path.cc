#include "lib/identity/phone_fast_path.h"

#include <array>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "lib/identity/phone_parse_rules.h"

namespace cxkit::identity {
namespace {

// PhoneNumberUtil's constants.
constexpr size_t kMinLengthForNsn = 2;
constexpr size_t kMaxLengthForNsn = 17;
constexpr size_t kMaxLengthCountryCode = 3;
// Fewer digits make libphonenumber's viability test depend on the punctuation.
constexpr size_t kMinCanonicalDigits = 3;

bool IsSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

// ExtractCountryCode: the calling code (1 to 3 digits, never starting with 0)
// that `*number` starts with, removed from it; 0 when there is none.
int ExtractCountryCode(const PhoneParseRuleTables& tables,
                       absl::string_view* number) {
  if (number->empty() || (*number)[0] == '0') return 0;
  int code = 0;
  for (size_t i = 0; i < kMaxLengthCountryCode && i < number->size(); ++i) {
    code = code * 10 + ((*number)[i] - '0');
    if (tables.IsCallingCode(code)) {
      number->remove_prefix(i + 1);
      return code;
    }
  }
  return 0;
}

// MaybeStripNationalPrefixAndCarrierCode: removes the national prefix from
// `*number`, or rewrites it by the transform rule, unless that turns a number
// matching the national number pattern into one that does not. Returns true
// when it changed `*number`, which then views a suffix of itself or
// `*transformed` (which must not be what `*number` views).
bool StripNationalPrefix(const PhoneParseRules& rules,
                         absl::string_view* number, std::string* transformed) {
  const DigitPattern& prefix_pattern = rules.national_prefix_for_parsing;
  if (number->empty() || prefix_pattern.pattern().empty()) return false;
  std::array<absl::string_view, 2> groups;
  const bool has_transform = !rules.national_prefix_transform.empty();
  const int prefix = has_transform
                         ? prefix_pattern.MatchPrefix(*number, &groups)
                         : prefix_pattern.MatchPrefix(*number);
  if (prefix < 0) return false;
  if (has_transform && prefix_pattern.capturing_groups() >= 1) {
    // libphonenumber consumes (carrier code, captured part) when the pattern
    // has two groups, else (captured part), and transforms only when the
    // captured part is not empty.
    const absl::string_view captured =
        prefix_pattern.capturing_groups() >= 2 ? groups[1] : groups[0];
    if (!captured.empty()) {
      transformed->clear();
      for (const PhoneParseRules::TransformPiece& piece :
           rules.national_prefix_transform) {
        if (piece.group == 0) {
          transformed->append(piece.digits);
        } else {
          const absl::string_view group = groups[piece.group - 1];
          transformed->append(group.data(), group.size());
        }
      }
      const absl::string_view rest = number->substr(prefix);
      transformed->append(rest.data(), rest.size());
      if (rules.MatchesNationalNumber(*number) &&
          !rules.MatchesNationalNumber(*transformed)) {
        return false;
      }
      *number = *transformed;
      return true;
    }
  }
  const absl::string_view rest = number->substr(prefix);
  if (rules.MatchesNationalNumber(*number) &&
      !rules.MatchesNationalNumber(rest)) {
    return false;
  }
  *number = rest;
  return true;
}

}  // namespace

bool CanonicalizePhone(absl::string_view raw, std::string* canonical) {
  if (raw.size() > kMaxRawPhoneBytes) return false;
  canonical->clear();
  size_t digits = 0;
  for (char c : raw) {
    if (c >= '0' && c <= '9') {
      canonical->push_back(c);
      ++digits;
    } else if (c == '+') {
      // ExtractPossibleNumber starts at the first "+" or digit; one "+" there
      // is the only one whose handling does not depend on what surrounds it.
      if (!canonical->empty()) return false;
      canonical->push_back('+');
    } else if (!IsSeparator(c)) {
      return false;
    }
  }
  return digits >= kMinCanonicalDigits;
}

FastPathResult NormalizeCanonicalPhone(absl::string_view canonical,
                                       absl::string_view region,
                                       std::string* e164) {
  const PhoneParseRuleTables* tables = PhoneParseRuleTables::Get();
  if (tables == nullptr) return FastPathResult::kNeedsReference;
  absl::string_view digits = canonical;
  const bool has_plus = absl::ConsumePrefix(&digits, "+");
  if (digits.size() < kMinCanonicalDigits) {
    return FastPathResult::kNeedsReference;
  }
  // GetMetadataForRegion(default_region).
  const PhoneParseRules* region_rules = tables->ForRegion(region);

  // Transformed numbers (national prefix transform rules); two, as the second
  // strip may read the result of the first.
  std::string first_transform;
  std::string second_transform;

  // MaybeExtractCountryCode.
  int country_code = 0;
  absl::string_view national = digits;
  if (has_plus) {
    // FROM_NUMBER_WITH_PLUS_SIGN. Without a known calling code libphonenumber
    // retries without the "+"; leave that to it.
    country_code = ExtractCountryCode(*tables, &national);
    if (country_code == 0) return FastPathResult::kNeedsReference;
  } else {
    // CheckRegionForParsing fails without a region.
    if (region_rules == nullptr || !region_rules->usable) {
      return FastPathResult::kNeedsReference;
    }
    // ParsePrefixAsIdd: an international prefix counts unless a 0 follows it.
    const int idd = region_rules->international_prefix.MatchPrefix(digits);
    if (idd >= 0 &&
        !(static_cast<size_t>(idd) < digits.size() && digits[idd] == '0')) {
      national.remove_prefix(idd);
      // TOO_SHORT_AFTER_IDD, or INVALID_COUNTRY_CODE_ERROR.
      if (national.size() <= kMinLengthForNsn) {
        return FastPathResult::kNeedsReference;
      }
      country_code = ExtractCountryCode(*tables, &national);
      if (country_code == 0) return FastPathResult::kNeedsReference;
    } else if (absl::StartsWith(digits, region_rules->country_code_digits)) {
      // FROM_DEFAULT_COUNTRY, starting with the region's own calling code: drop
      // it when the rest is a national number and the whole is not, or when the
      // whole is too long.
      absl::string_view rest =
          digits.substr(region_rules->country_code_digits.size());
      StripNationalPrefix(*region_rules, &rest, &first_transform);
      if ((!region_rules->MatchesNationalNumber(digits) &&
           region_rules->MatchesNationalNumber(rest)) ||
          region_rules->TestNumberLength(digits.size()) ==
              PhoneLengthCheck::kTooLong) {
        country_code = region_rules->country_code;
        national = rest;
      }
    }
  }

  // ParseHelper: the metadata of the number's calling code, unless the default
  // region is that calling code's main region (then the default region's,
  // possibly none).
  const PhoneParseRules* number_rules = region_rules;
  if (country_code != 0) {
    if (tables->MainRegion(country_code) != region) {
      number_rules = &tables->ForCallingCode(country_code);
    }
  } else {
    country_code = region_rules->country_code;
  }
  if (national.size() < kMinLengthForNsn) {
    return FastPathResult::kNeedsReference;
  }
  if (number_rules != nullptr) {
    if (!number_rules->usable) return FastPathResult::kNeedsReference;
    absl::string_view without_prefix = national;
    if (StripNationalPrefix(*number_rules, &without_prefix,
                            &second_transform)) {
      // Keep the national prefix when what remains cannot be a whole number.
      const PhoneLengthCheck check =
          number_rules->TestNumberLength(without_prefix.size());
      if (check != PhoneLengthCheck::kTooShort &&
          check != PhoneLengthCheck::kPossibleLocalOnly &&
          check != PhoneLengthCheck::kInvalidLength) {
        national = without_prefix;
      }
    }
  }
  if (national.size() < kMinLengthForNsn ||
      national.size() > kMaxLengthForNsn) {
    return FastPathResult::kNeedsReference;
  }

  // IsPossibleNumber, with the calling code's main rules. The national
  // significant number libphonenumber formats is `national` itself: leading
  // zeros are kept as Italian leading zeros and the rest fits a uint64.
  if (!tables->IsCallingCode(country_code)) {
    return FastPathResult::kNeedsReference;
  }
  const PhoneParseRules& main_rules = tables->ForCallingCode(country_code);
  if (!main_rules.usable) return FastPathResult::kNeedsReference;
  const PhoneLengthCheck possible =
      main_rules.TestNumberLength(national.size());
  if (possible != PhoneLengthCheck::kPossible &&
      possible != PhoneLengthCheck::kPossibleLocalOnly) {
    return FastPathResult::kNeedsReference;
  }
  e164->clear();
  e164->push_back('+');
  e164->append(main_rules.country_code_digits);
  e164->append(national.data(), national.size());
  return FastPathResult::kNormalized;
}

bool PhoneKeyMayChange(absl::string_view e164, absl::string_view region) {
  const PhoneParseRuleTables* tables = PhoneParseRuleTables::Get();
  if (tables == nullptr) return true;
  absl::string_view national = e164;
  if (!absl::ConsumePrefix(&national, "+")) return true;
  // As NormalizeCanonicalPhone: the calling code after the "+", then the
  // rules ParseHelper strips the national prefix with.
  const int country_code = ExtractCountryCode(*tables, &national);
  if (country_code == 0) return true;
  const PhoneParseRules* rules = tables->MainRegion(country_code) != region
                                     ? &tables->ForCallingCode(country_code)
                                     : tables->ForRegion(region);
  if (rules == nullptr) return false;  // nothing to strip with
  if (!rules->usable) return true;
  const DigitPattern& prefix_pattern = rules->national_prefix_for_parsing;
  return !prefix_pattern.pattern().empty() &&
         prefix_pattern.MatchPrefix(national) >= 0;
}

}  // namespace cxkit::identity
