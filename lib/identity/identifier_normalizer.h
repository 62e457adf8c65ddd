// One identifier to its matching type and key.

#ifndef CXKIT_LIB_IDENTITY_IDENTIFIER_NORMALIZER_H_
#define CXKIT_LIB_IDENTITY_IDENTIFIER_NORMALIZER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"
#include "lib/identity/phone_normalizer.h"

namespace cxkit::identity {

// The type under which an identifier matches: WHATSAPP_ID matches as PHONE,
// every other type as itself.
cxkit::v1::IdentifierType MatchingType(cxkit::v1::IdentifierType type);

// True for types whose values are global (e-mail, phone), so
// Identifier.namespace is ignored.
bool IgnoresNamespace(cxkit::v1::IdentifierType matching_type);

// Normalizes `identifier.value` per type into `*key`: surrounding whitespace is
// trimmed; e-mails per NormalizeEmail; phones to E.164 with `region`; WhatsApp
// ids as international phone numbers; order ids and loyalty cards upper-cased
// without a leading '#'; Telegram @usernames lower-cased; other types as given.
// `phones` caches phone results. Errors: InvalidArgument saying why the value
// is unusable.
absl::Status NormalizeIdentifier(const cxkit::v1::Identifier& identifier,
                                 absl::string_view region,
                                 const cxkit::v1::EmailNormalization& email,
                                 PhoneNormalizer* phones, std::string* key);

// The machine-readable reason for an unusable value of `type`, e.g.
// "UNPARSEABLE_PHONE".
const char* UnparseableReason(cxkit::v1::IdentifierType type);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_IDENTIFIER_NORMALIZER_H_
