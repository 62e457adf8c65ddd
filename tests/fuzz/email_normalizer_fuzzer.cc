// Fuzz target of e-mail normalization (lib/identity/email_normalizer.h): the
// first byte's two low bits are the options (Gmail dots, plus tags), the rest
// is the trimmed address. Invariants: on success the key is no longer than
// the address, holds '@' with a dotted domain, has no ASCII upper case, and
// normalizing the key gives the key (idempotence); the same input gives the
// same result; on error the key is untouched.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "lib/identity/email_normalizer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  cxkit::v1::EmailNormalization options;
  options.set_gmail_ignore_dots(data[0] & 1);
  options.set_strip_plus_tags(data[0] & 2);
  const std::string address(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::string key = "untouched";
  const absl::Status status =
      cxkit::identity::NormalizeEmail(address, options, &key);
  std::string again = "untouched";
  const absl::Status status_again =
      cxkit::identity::NormalizeEmail(address, options, &again);
  CXKIT_FUZZ_CHECK(status == status_again && key == again,
                   "the same address gives the same result");
  if (!status.ok()) {
    CXKIT_FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument,
                     "a bad address is INVALID_ARGUMENT");
    return 0;
  }
  CXKIT_FUZZ_CHECK(key.size() <= address.size(),
                   "the key is no longer than the address");
  const size_t at = key.rfind('@');
  CXKIT_FUZZ_CHECK(at != std::string::npos && at > 0 &&
                       key.find('.', at) != std::string::npos,
                   "the key is local@dotted.domain");
  for (char c : key) {
    CXKIT_FUZZ_CHECK(!(c >= 'A' && c <= 'Z'), "the key has no upper case");
  }
  std::string twice;
  CXKIT_FUZZ_CHECK(cxkit::identity::NormalizeEmail(key, options, &twice).ok() &&
                       twice == key,
                   "normalizing a normalized address gives itself");
  return 0;
}
