#include "lib/identity/email_normalizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace cxkit::identity {
namespace {

bool IsGmail(absl::string_view domain) {
  return domain == "gmail.com" || domain == "googlemail.com";
}

// Providers that deliver "user+tag@" to "user@".
bool HasPlusTags(absl::string_view domain) {
  static constexpr absl::string_view kDomains[] = {
      "gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
      "live.com",  "icloud.com",     "me.com",      "mac.com",
      "yandex.ru", "ya.ru",          "fastmail.com"};
  for (absl::string_view d : kDomains) {
    if (domain == d) return true;
  }
  return false;
}

}  // namespace

absl::Status NormalizeEmail(absl::string_view trimmed,
                            const cxkit::v1::EmailNormalization& options,
                            std::string* key) {
  const size_t at = trimmed.rfind('@');
  if (at == absl::string_view::npos || at == 0 || at + 1 == trimmed.size()) {
    return absl::InvalidArgumentError(
        "not an e-mail address (no local@domain)");
  }
  for (char c : trimmed) {
    if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '<' || c == '>') {
      return absl::InvalidArgumentError(
          "not an e-mail address (contains a separator)");
    }
  }
  std::string local = absl::AsciiStrToLower(trimmed.substr(0, at));
  std::string domain = absl::AsciiStrToLower(trimmed.substr(at + 1));
  if (domain.find('.') == std::string::npos || absl::StartsWith(domain, ".") ||
      absl::EndsWith(domain, ".") || domain.find('@') != std::string::npos) {
    return absl::InvalidArgumentError("not an e-mail address (bad domain)");
  }
  if (options.strip_plus_tags() && HasPlusTags(domain)) {
    const size_t plus = local.find('+');
    if (plus != std::string::npos && plus > 0) local.resize(plus);
  }
  if (IsGmail(domain)) {
    if (options.gmail_ignore_dots()) absl::StrReplaceAll({{".", ""}}, &local);
    if (options.gmail_ignore_dots() || options.strip_plus_tags()) {
      domain = "gmail.com";
    }
  }
  if (local.empty()) {
    return absl::InvalidArgumentError(
        "not an e-mail address (empty local part)");
  }
  *key = absl::StrCat(local, "@", domain);
  return absl::OkStatus();
}

}  // namespace cxkit::identity
