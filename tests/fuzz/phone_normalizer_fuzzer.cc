// Fuzz target of phone normalization (lib/identity/phone_normalizer.h): the
// first byte picks the default region, the rest is the raw number.
// Invariants: PhoneNormalizer (fast path + cache) gives exactly the result of
// NormalizePhoneWithLibphonenumber, on the first call and again from its
// cache; on success the E.164 form is "+" and at most 3 + 17 digits
// (libphonenumber's longest country code and national number: vanity letters
// can make it longer than E.164's 15, see findings/README.md) and normalizes
// again to itself (the key is a fixed point); the output is left alone on
// error.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "lib/identity/phone_normalizer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kRegions[] = {"RU", "DE", "US", "GB", "",   "BR",
                                         "IN", "CN", "KZ", "FR", "ZZ", "IT"};
  if (size == 0) return 0;
  const char* region =
      kRegions[data[0] % (sizeof(kRegions) / sizeof(*kRegions))];
  const std::string raw(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::string reference = "untouched";
  const absl::Status reference_status =
      cxkit::identity::NormalizePhoneWithLibphonenumber(raw, region,
                                                        &reference);
  cxkit::identity::PhoneNormalizer phones;
  for (int call = 0; call < 2; ++call) {  // the second may be cached
    std::string e164 = "untouched";
    const absl::Status status = phones.Normalize(raw, region, &e164);
    CXKIT_FUZZ_CHECK(status.ok() == reference_status.ok(),
                     "PhoneNormalizer accepts what libphonenumber accepts");
    if (status.ok()) {
      CXKIT_FUZZ_CHECK(e164 == reference,
                       "PhoneNormalizer gives libphonenumber's E.164");
    } else {
      CXKIT_FUZZ_CHECK(e164 == "untouched", "the output is left on error");
      CXKIT_FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument,
                       "a bad number is INVALID_ARGUMENT");
    }
  }
  if (!reference_status.ok()) return 0;
  CXKIT_FUZZ_CHECK(
      reference.size() >= 3 && reference.size() <= 21 && reference[0] == '+',
      "E.164 is '+' and 2 to 20 digits");
  for (size_t i = 1; i < reference.size(); ++i) {
    CXKIT_FUZZ_CHECK(reference[i] >= '0' && reference[i] <= '9',
                     "E.164 has only digits after '+'");
  }
  // The key is a fixed point: normalizing it again gives itself, by both
  // paths (libphonenumber alone strips one national prefix per pass; the
  // normalizer repeats passes until nothing changes).
  std::string twice;
  std::string twice_reference;
  CXKIT_FUZZ_CHECK(
      phones.Normalize(reference, region, &twice).ok() && twice == reference,
      "a key normalizes to itself");
  CXKIT_FUZZ_CHECK(cxkit::identity::NormalizePhoneWithLibphonenumber(
                       reference, region, &twice_reference)
                           .ok() &&
                       twice_reference == reference,
                   "a key normalizes to itself with libphonenumber alone");
  return 0;
}
