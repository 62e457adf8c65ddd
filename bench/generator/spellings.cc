#include "bench/generator/spellings.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace cxkit::bench {
namespace {

std::string GmailVariant(const std::string& local, const std::string& domain,
                         SeededRandom& random) {
  std::string out;
  if (random.Percent(50)) {
    // Dots moved: "anna.smirnova" -> "annasmirnova" or "a.nnasmirnova".
    for (char c : local) {
      if (c != '.') out.push_back(c);
    }
    if (random.Percent(50) && out.size() > 2) out.insert(1, ".");
  } else {
    out = absl::StrCat(local, "+", random.Percent(50) ? "shop" : "orders");
  }
  return absl::StrCat(out, "@", domain);
}

// Spaces every three digits: "9161234567" -> "916 123 456 7".
std::string GroupDigits(const std::string& digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 3 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string SpellEmail(const std::string& address, SeededRandom& random) {
  const size_t at = address.find('@');
  const std::string local = address.substr(0, at);
  const std::string domain = address.substr(at + 1);
  switch (random.Below(10)) {
    case 0:
    case 1: {
      // "Anna.Smirnova12@Gmail.com"
      std::string out = address;
      out[0] = absl::ascii_toupper(static_cast<unsigned char>(out[0]));
      out[at + 1] =
          absl::ascii_toupper(static_cast<unsigned char>(out[at + 1]));
      return out;
    }
    case 2:
      return absl::StrCat(local, "@", absl::AsciiStrToUpper(domain));
    case 3:
      return absl::StrCat(" ", address, " ");
    case 4:
    case 5:
      if (domain == "gmail.com") return GmailVariant(local, domain, random);
      return address;
    default:
      return address;
  }
}

std::string SpellPhone(const CustomerPhone& phone, SeededRandom& random,
                       std::string* region) {
  const RegionProfile& home = *phone.region;
  if (random.Percent(5)) {
    // Dialled from abroad: "<their international prefix> <calling code>
    // <number>".
    const RegionProfile& from = PickRegion(random);
    if (&from != &home) {
      *region = from.code;
      return absl::StrCat(from.dial_out, " ", home.calling_code, " ",
                          GroupDigits(phone.national_number));
    }
  }
  const std::vector<std::string>& spellings = home.plans[phone.plan].spellings;
  const std::string& spelling = spellings[random.Below(spellings.size())];
  *region = spelling[0] == '+' ? "" : home.code;
  return FillSpelling(spelling, phone.national_number);
}

std::string WhatsAppId(const CustomerPhone& phone) {
  return absl::StrCat(phone.region->calling_code, phone.national_number);
}

std::string SpellName(const Customer& customer, SeededRandom& random) {
  const char* first = customer.first_name.native;
  const char* last = customer.last_name.native;
  switch (random.Below(6)) {
    case 0:
      return absl::StrCat(last, " ", first);
    case 1:
      return first;
    case 2:
      return absl::AsciiStrToUpper(absl::StrCat(customer.first_name.ascii, " ",
                                                customer.last_name.ascii));
    default:
      return absl::StrCat(first, " ", last);
  }
}

std::string SpellOrderId(const std::string& order_id, SeededRandom& random) {
  switch (random.Below(4)) {
    case 0:
      return absl::StrCat("#", order_id);
    case 1:
      return absl::AsciiStrToLower(order_id);
    default:
      return order_id;
  }
}

}  // namespace cxkit::bench
