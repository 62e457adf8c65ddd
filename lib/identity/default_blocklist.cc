#include "lib/identity/default_blocklist.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::IdentifierType;

bool IsPlaceholderWord(absl::string_view lower) {
  static constexpr absl::string_view kWords[] = {
      "null",    "nil",       "none",  "undefined",
      "unknown", "anonymous", "anon",  "n/a",
      "na",      "nan",       "-1",    "test",
      "false",   "true",      "guest", "[object object]",
      "0",       "empty"};
  for (absl::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// Only zeros, dashes, dots, spaces and plus signs: "0000", "---", "+0 000".
bool IsOnlyFiller(absl::string_view value) {
  for (char c : value) {
    if (c != '0' && c != '-' && c != '.' && c != ' ' && c != '+') return false;
  }
  return true;
}

// `domain` is `parent` or one of its subdomains.
bool IsWithin(absl::string_view domain, absl::string_view parent) {
  if (!absl::EndsWith(domain, parent)) return false;
  return domain.size() == parent.size() ||
         domain[domain.size() - parent.size() - 1] == '.';
}

bool IsReservedDomain(absl::string_view domain) {
  static constexpr absl::string_view kDomains[] = {
      "example.com", "example.org", "example.net", "test.com", "test.ru",
      "localhost",   "test",        "invalid",     "example"};
  for (absl::string_view d : kDomains) {
    if (IsWithin(domain, d)) return true;
  }
  return false;
}

bool IsJunkEmail(absl::string_view email) {
  const size_t at = email.rfind('@');
  if (at == absl::string_view::npos) return false;
  const absl::string_view local = email.substr(0, at);
  const absl::string_view domain = email.substr(at + 1);
  if (IsReservedDomain(domain)) return true;
  static constexpr absl::string_view kLocals[] = {
      "noreply",       "no-reply",   "no_reply",  "donotreply", "do-not-reply",
      "mailer-daemon", "postmaster", "null",      "none",       "nobody",
      "noemail",       "no-email",   "anonymous", "undefined"};
  for (absl::string_view l : kLocals) {
    if (local == l) return true;
  }
  return email == "a@a.com" || email == "test@gmail.com" ||
         email == "test@mail.ru";
}

// `e164` is "+" and digits.
bool IsJunkPhone(absl::string_view e164) {
  absl::ConsumePrefix(&e164, "+");
  if (e164.size() >= 7) {
    const absl::string_view tail = e164.substr(e164.size() - 7);
    if (tail.find_first_not_of(tail[0]) == absl::string_view::npos) return true;
  }
  return absl::StrContains(e164, "1234567890") ||
         absl::StrContains(e164, "0123456789");
}

}  // namespace

bool IsDefaultBlocked(IdentifierType type, absl::string_view key) {
  if (key.empty() || IsOnlyFiller(key)) return true;
  if (key.size() <= 16) {
    char lower[16];
    for (size_t i = 0; i < key.size(); ++i)
      lower[i] = absl::ascii_tolower(key[i]);
    if (IsPlaceholderWord(absl::string_view(lower, key.size()))) return true;
  }
  switch (type) {
    case cxkit::v1::IDENTIFIER_TYPE_EMAIL:
      return IsJunkEmail(key);
    case cxkit::v1::IDENTIFIER_TYPE_PHONE:
      return IsJunkPhone(key);
    default:
      return false;
  }
}

}  // namespace cxkit::identity
