// Phone numbers to E.164.
//
// libphonenumber is the reference: a number is accepted when it parses and is a possible
// number (length) for its country, and its normalized form is libphonenumber's E.164 output.
// PhoneNormalizer adds a per-instance cache by (region, raw value) in front of it.

#ifndef CXKIT_LIB_IDENTITY_PHONE_NORMALIZER_H_
#define CXKIT_LIB_IDENTITY_PHONE_NORMALIZER_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace cxkit::identity {

// True when `region` is a CLDR region code libphonenumber knows ("RU", "DE", "US").
bool IsSupportedPhoneRegion(absl::string_view region);

// The reference path: libphonenumber alone, no cache. On success stores the E.164 form of
// `raw` (e.g. "8 (916) 123-45-67" in region "RU" -> "+79161234567") in `*e164`. `region` is used
// when `raw` has no country code and may be empty otherwise. Thread-safe.
// Errors: InvalidArgument saying why (no region, not a number, impossible length).
absl::Status NormalizePhoneWithLibphonenumber(absl::string_view raw,
                                              absl::string_view region,
                                              std::string* e164);

// Same results as NormalizePhoneWithLibphonenumber, faster on repeated values.
// Not thread-safe: use one instance per thread or call.
class PhoneNormalizer {
 public:
  PhoneNormalizer() = default;
  PhoneNormalizer(const PhoneNormalizer&) = delete;
  PhoneNormalizer& operator=(const PhoneNormalizer&) = delete;

  // See NormalizePhoneWithLibphonenumber.
  absl::Status Normalize(absl::string_view raw, absl::string_view region,
                         std::string* e164);

 private:
  struct CachedResult {
    bool ok;
    std::string value;  // E.164 when ok, else the error message
  };
  absl::flat_hash_map<std::string, CachedResult> cache_;
};

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PHONE_NORMALIZER_H_
