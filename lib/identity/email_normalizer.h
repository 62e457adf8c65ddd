// E-mail addresses to their matching key.

#ifndef CXKIT_LIB_IDENTITY_EMAIL_NORMALIZER_H_
#define CXKIT_LIB_IDENTITY_EMAIL_NORMALIZER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"

namespace cxkit::identity {

// Normalizes a trimmed address: ASCII-lowercases it, then applies the provider
// rules that `options` enables (Gmail dots; "+tag" suffixes at Gmail,
// Outlook/Hotmail/Live, iCloud, Yandex, Fastmail; googlemail.com becomes
// gmail.com). Stores the key in `*key`. Errors: InvalidArgument when the value
// is not local@domain with a dotted domain.
absl::Status NormalizeEmail(absl::string_view trimmed,
                            const cxkit::v1::EmailNormalization& options,
                            std::string* key);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_EMAIL_NORMALIZER_H_
