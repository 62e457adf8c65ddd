#include "lib/identity/email_normalizer.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

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
  if (trimmed.find_first_of(" \t,;<>") != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        "not an e-mail address (contains a separator)");
  }
  // Built in place in `key`, which callers reuse, so no temporary strings.
  key->assign(trimmed.data(), trimmed.size());
  absl::AsciiStrToLower(key);
  absl::string_view domain = absl::string_view(*key).substr(at + 1);
  if (domain.find('.') == absl::string_view::npos || domain.front() == '.' ||
      domain.back() == '.') {
    return absl::InvalidArgumentError("not an e-mail address (bad domain)");
  }
  const bool gmail = IsGmail(domain);
  size_t local_end = at;
  if (options.strip_plus_tags() && HasPlusTags(domain)) {
    const size_t plus = key->find('+');
    if (plus != std::string::npos && plus > 0 && plus < at) local_end = plus;
  }
  if (gmail && options.gmail_ignore_dots()) {
    local_end = static_cast<size_t>(
        std::remove(key->begin(), key->begin() + local_end, '.') -
        key->begin());
  }
  if (local_end == 0) {
    return absl::InvalidArgumentError(
        "not an e-mail address (empty local part)");
  }
  const bool canonical_gmail =
      gmail && (options.gmail_ignore_dots() || options.strip_plus_tags());
  // key = local part, "@", domain (gmail.com for both Google domains when rules
  // apply).
  const size_t domain_start = at + 1;
  key->resize(local_end);
  key->push_back('@');
  if (canonical_gmail) {
    key->append("gmail.com");
  } else {
    for (size_t i = domain_start; i < trimmed.size(); ++i) {
      key->push_back(absl::ascii_tolower(trimmed[i]));
    }
  }
  return absl::OkStatus();
}

}  // namespace cxkit::identity
