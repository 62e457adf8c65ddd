#include "lib/identity/phone_normalizer.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "lib/identity/phone_fast_path.h"

namespace cxkit::identity {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

}  // namespace

bool IsSupportedPhoneRegion(absl::string_view region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  return util.GetCountryCodeForRegion(std::string(region)) != 0;
}

absl::Status NormalizePhoneOnceWithLibphonenumber(absl::string_view raw,
                                                  absl::string_view region,
                                                  std::string* e164) {
  if (raw.size() > kMaxRawPhoneBytes) {
    return absl::InvalidArgumentError("phone number longer than 250 bytes");
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  const std::string parse_region = region.empty() ? "ZZ" : std::string(region);
  const PhoneNumberUtil::ErrorType error =
      util.Parse(std::string(raw), parse_region, &number);
  switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return absl::InvalidArgumentError(
          region.empty() ? "no country code and no region to parse it in"
                         : "unknown country code");
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
      return absl::InvalidArgumentError("too short to be a phone number");
    case PhoneNumberUtil::TOO_LONG_NSN:
      return absl::InvalidArgumentError("too long to be a phone number");
    default:
      return absl::InvalidArgumentError("not a phone number");
  }
  if (!util.IsPossibleNumber(number)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "impossible length for country code +", number.country_code()));
  }
  e164->clear();
  util.Format(number, PhoneNumberUtil::E164, e164);
  return absl::OkStatus();
}

absl::Status NormalizePhoneWithLibphonenumber(absl::string_view raw,
                                              absl::string_view region,
                                              std::string* e164) {
  std::string key;
  absl::Status status = NormalizePhoneOnceWithLibphonenumber(raw, region, &key);
  if (!status.ok()) return status;
  std::string next;
  for (int pass = 0; pass < kMaxExtraPhonePasses; ++pass) {
    if (!NormalizePhoneOnceWithLibphonenumber(key, region, &next).ok() ||
        next == key) {
      break;
    }
    key.swap(next);
  }
  *e164 = std::move(key);
  return absl::OkStatus();
}

// Out of line, so that users need not link Abseil's hash tables themselves.
PhoneNormalizer::PhoneNormalizer() = default;
PhoneNormalizer::~PhoneNormalizer() = default;

absl::Status PhoneNormalizer::Normalize(absl::string_view raw,
                                        absl::string_view region,
                                        std::string* e164) {
  absl::Status status = NormalizeOnce(raw, region, e164);
  if (!status.ok()) return status;
  // As NormalizePhoneWithLibphonenumber: a pass that would not change the
  // form is skipped, which is the common case.
  for (int pass = 0;
       pass < kMaxExtraPhonePasses && PhoneKeyMayChange(*e164, region);
       ++pass) {
    if (!NormalizeOnce(*e164, region, &next_pass_).ok() ||
        next_pass_ == *e164) {
      break;
    }
    e164->swap(next_pass_);
  }
  return absl::OkStatus();
}

absl::Status PhoneNormalizer::NormalizeOnce(absl::string_view raw,
                                            absl::string_view region,
                                            std::string* e164) {
  const bool canonical = CanonicalizePhone(raw, &canonical_);
  if (canonical && NormalizeCanonicalPhone(canonical_, region, e164) ==
                       FastPathResult::kNormalized) {
    return absl::OkStatus();
  }
  if (raw.size() > kMaxRawPhoneBytes) {
    return NormalizePhoneOnceWithLibphonenumber(raw, region, e164);
  }
  // Spellings with the same canonical form get the same answer from
  // libphonenumber (see phone_fast_path.h), so they share a cache entry; other
  // values are cached as written.
  key_.clear();
  absl::StrAppend(&key_, region.size(), ":", region, canonical ? "=" : "~",
                  canonical ? absl::string_view(canonical_) : raw);
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    ++reference_calls_;
    CachedResult result;
    absl::Status status =
        NormalizePhoneOnceWithLibphonenumber(raw, region, &result.value);
    result.ok = status.ok();
    if (!status.ok()) result.value = std::string(status.message());
    it = cache_.emplace(key_, std::move(result)).first;
  } else {
    ++cached_answers_;
  }
  if (!it->second.ok) return absl::InvalidArgumentError(it->second.value);
  *e164 = it->second.value;
  return absl::OkStatus();
}

}  // namespace cxkit::identity
