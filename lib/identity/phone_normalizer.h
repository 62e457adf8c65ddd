// Phone numbers to E.164.
//
// libphonenumber is the reference: a number is accepted when it parses and is a
// possible number (length) for its country, and its key is libphonenumber's
// E.164 output, normalized again while that changes it (a fixed point).
// PhoneNormalizer gives the same results much faster: a fast path that
// re-states libphonenumber's parsing for plainly written numbers
// (phone_fast_path.h), and a per-instance cache of libphonenumber's answers for
// the rest.

#ifndef CXKIT_LIB_IDENTITY_PHONE_NORMALIZER_H_
#define CXKIT_LIB_IDENTITY_PHONE_NORMALIZER_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace cxkit::identity {

// True when `region` is a CLDR region code libphonenumber knows ("RU", "DE",
// "US").
bool IsSupportedPhoneRegion(absl::string_view region);

// At most this many extra passes make a phone key a fixed point (see
// NormalizePhoneWithLibphonenumber). A pass that changes a key strips a
// national prefix, which is at least one digit of a national number of at most
// 17, leaving at least 2: 16 passes reach the fixed point. With a transform
// rule (e.g. AR, MX) a pass rewrites rather than strips: nothing here proves a
// fixed point then, the bound only keeps the cost finite, and the
// phone_normalizer fuzz target checks that keys normalize to themselves.
inline constexpr int kMaxExtraPhonePasses = 16;

// One pass of libphonenumber, no cache: Parse, IsPossibleNumber and the E.164
// format. On success stores the E.164 form of `raw` (e.g. "8 (916) 123-45-67"
// in region "RU" -> "+79161234567") in `*e164`. `region` is used when `raw` has
// no country code and may be empty otherwise. Thread-safe. Errors:
// InvalidArgument saying why (no region, not a number, impossible length).
// The fast path (phone_fast_path.h) re-states exactly this pass. It is not
// always idempotent: libphonenumber strips one national prefix per pass, so
// region RU, "+6 (100) A86BC" gives "+61028622" and that gives "+6128622".
absl::Status NormalizePhoneOnceWithLibphonenumber(absl::string_view raw,
                                                  absl::string_view region,
                                                  std::string* e164);

// The reference path: the phone key of `raw`, libphonenumber alone. The
// E.164 form of NormalizePhoneOnceWithLibphonenumber, normalized again (in
// the same region) while that changes it, at most kMaxExtraPhonePasses more
// times; a pass that fails keeps the form before it. So the key of a key is
// the key itself (region RU: "+6 (100) A86BC" and "+61028622" both give
// "+6128622"), and a host that stores keys and the raw numbers gets the same
// keys. Errors: those of the first pass. Thread-safe.
absl::Status NormalizePhoneWithLibphonenumber(absl::string_view raw,
                                              absl::string_view region,
                                              std::string* e164);

// Same results as NormalizePhoneWithLibphonenumber (the fixed point), for
// every input. Numbers
// written with digits, spaces, "-", ".", "(", ")", "/" and a leading "+" take
// the fast path (millions per second, no libphonenumber call) whenever it can
// reproduce libphonenumber's steps; the rest, and all errors, go to
// libphonenumber once per (region, canonical form) and are cached. Not
// thread-safe: use one instance per thread or call. Memory grows with the
// number of distinct values that needed libphonenumber. An E.164 form is
// normalized again only when PhoneKeyMayChange() says it may change, so plain
// numbers cost one pass.
//
// Example:
//   PhoneNormalizer phones;
//   std::string e164;
//   absl::Status status = phones.Normalize("8 (916) 123-45-67", "RU", &e164);
//   // status.ok(), e164 == "+79161234567"
class PhoneNormalizer {
 public:
  PhoneNormalizer();
  ~PhoneNormalizer();
  PhoneNormalizer(const PhoneNormalizer&) = delete;
  PhoneNormalizer& operator=(const PhoneNormalizer&) = delete;

  // See NormalizePhoneWithLibphonenumber. `*e164` is left unchanged on error.
  absl::Status Normalize(absl::string_view raw, absl::string_view region,
                         std::string* e164);

  // Calls that were answered by libphonenumber or by its cached answers, for
  // tests and benchmarks.
  size_t reference_calls() const { return reference_calls_; }
  size_t cached_answers() const { return cached_answers_; }

 private:
  // One pass: NormalizePhoneOnceWithLibphonenumber's answer, by the fast path
  // or the cache.
  absl::Status NormalizeOnce(absl::string_view raw, absl::string_view region,
                             std::string* e164);

  struct CachedResult {
    bool ok;
    std::string value;  // E.164 when ok, else the error message
  };
  absl::flat_hash_map<std::string, CachedResult> cache_;
  // Reused buffers, so that a call allocates nothing once they have grown.
  std::string canonical_;
  std::string key_;
  std::string next_pass_;
  size_t reference_calls_ = 0;
  size_t cached_answers_ = 0;
};

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PHONE_NORMALIZER_H_
