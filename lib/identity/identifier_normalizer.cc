#include "lib/identity/identifier_normalizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/identity/email_normalizer.h"

namespace cxkit::identity {

using cxkit::v1::IdentifierType;

IdentifierType MatchingType(IdentifierType type) {
  return type == cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID
             ? cxkit::v1::IDENTIFIER_TYPE_PHONE
             : type;
}

bool IgnoresNamespace(IdentifierType matching_type) {
  return matching_type == cxkit::v1::IDENTIFIER_TYPE_EMAIL ||
         matching_type == cxkit::v1::IDENTIFIER_TYPE_PHONE;
}

absl::Status NormalizeIdentifier(const cxkit::v1::Identifier& identifier,
                                 absl::string_view region,
                                 const cxkit::v1::EmailNormalization& email,
                                 PhoneNormalizer* phones, std::string* key) {
  const absl::string_view value =
      absl::StripAsciiWhitespace(identifier.value());
  switch (identifier.type()) {
    case cxkit::v1::IDENTIFIER_TYPE_EMAIL:
      return NormalizeEmail(value, email, key);
    case cxkit::v1::IDENTIFIER_TYPE_PHONE:
      return phones->Normalize(value, region, key);
    case cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID:
      // A wa_id is the number in international format without the "+".
      if (absl::StartsWith(value, "+"))
        return phones->Normalize(value, "", key);
      return phones->Normalize(absl::StrCat("+", value), "", key);
    case cxkit::v1::IDENTIFIER_TYPE_ORDER_ID:
    case cxkit::v1::IDENTIFIER_TYPE_LOYALTY_CARD: {
      absl::string_view v = value;
      absl::ConsumePrefix(&v, "#");
      *key = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(v));
      return absl::OkStatus();
    }
    case cxkit::v1::IDENTIFIER_TYPE_TELEGRAM_ID:
      *key = absl::StartsWith(value, "@") ? absl::AsciiStrToLower(value)
                                          : std::string(value);
      return absl::OkStatus();
    default:
      *key = std::string(value);
      return absl::OkStatus();
  }
}

const char* UnparseableReason(IdentifierType type) {
  switch (MatchingType(type)) {
    case cxkit::v1::IDENTIFIER_TYPE_EMAIL:
      return "UNPARSEABLE_EMAIL";
    case cxkit::v1::IDENTIFIER_TYPE_PHONE:
      return "UNPARSEABLE_PHONE";
    default:
      return "UNPARSEABLE_VALUE";
  }
}

}  // namespace cxkit::identity
