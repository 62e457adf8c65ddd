// The fast path of phone normalization: libphonenumber's Parse +
// IsPossibleNumber + E.164 format, re-stated for the inputs where every step
// can be reproduced exactly.
//
// Inputs it takes: ASCII digits with the separators " -.()/" anywhere and at
// most one "+" before the first digit, at least three digits, at most
// kMaxRawPhoneBytes bytes. For such an input libphonenumber finds no extension,
// no second number, no letters to convert and no RFC 3966 parts, and deems it
// viable, so its result depends only on the region, on whether there is a
// "+", and on the digits: exactly what CanonicalizePhone() keeps. From there
// the fast path walks ParseHelper (MaybeExtractCountryCode with "+" / IDD / the
// region's calling code, MaybeStripNationalPrefixAndCarrierCode, the length
// checks, Italian leading zeros) and IsPossibleNumber with the rules
// libphonenumber's own metadata gives (phone_parse_rules.h).
//
// It answers only successes. Whatever would be an error, and every step it does
// not reproduce (a "+" followed by no known calling code, which libphonenumber
// retries without the "+"; metadata whose patterns RE2 cannot compile or whose
// transform rule is not digits and "$n"), is kNeedsReference: the caller then
// asks libphonenumber.

#ifndef CXKIT_LIB_IDENTITY_PHONE_FAST_PATH_H_
#define CXKIT_LIB_IDENTITY_PHONE_FAST_PATH_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace cxkit::identity {

// Longer raw values are rejected outright (see
// NormalizePhoneOnceWithLibphonenumber).
inline constexpr size_t kMaxRawPhoneBytes = 250;

// Reduces `raw` to its canonical form, "+" (when present) followed by the
// digits, e.g. "8 (916) 123-45-67" -> "89161234567" and " +7 916 123-45-67" ->
// "+79161234567". Returns false, leaving `*canonical` unspecified, when `raw`
// is not one of the inputs described above (other characters, a misplaced or
// second "+", fewer than three digits, too long); for those the spelling itself
// matters to libphonenumber.
bool CanonicalizePhone(absl::string_view raw, std::string* canonical);

enum class FastPathResult {
  // `*e164` holds exactly what NormalizePhoneOnceWithLibphonenumber (one pass
  // of libphonenumber) would store; the phone key is its fixed point (see
  // PhoneNormalizer).
  kNormalized,
  // Not decided here; `*e164` is unchanged.
  kNeedsReference,
};

// Normalizes a canonical form made by CanonicalizePhone() in `region` (as for
// NormalizePhoneOnceWithLibphonenumber; empty when unknown), one pass.
// Thread-safe; no allocation beyond
// `*e164`.
FastPathResult NormalizeCanonicalPhone(absl::string_view canonical,
                                       absl::string_view region,
                                       std::string* e164);

// False when normalizing `e164`, an E.164 form made by
// NormalizeCanonicalPhone() or libphonenumber in `region`, again in `region`
// surely gives `e164` itself: its national number does not start with what
// libphonenumber would strip as a national prefix of its calling code. True
// when it may change (libphonenumber strips one national prefix per pass, so
// "+61028622" becomes "+6128622") or when that is not decided here. O(length);
// thread-safe; no allocation.
bool PhoneKeyMayChange(absl::string_view e164, absl::string_view region);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PHONE_FAST_PATH_H_
