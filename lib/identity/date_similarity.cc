#include "lib/identity/date_similarity.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace cxkit::identity {
namespace {

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(absl::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

int DigitsOf(const LooseDate& d) {
  return d.year * 10000 + d.month * 100 + d.day;
}

}  // namespace

std::optional<LooseDate> ParseLooseDate(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  LooseDate date;
  if (text.size() == 8 && AllDigits(text)) {
    date = {ToInt(text.substr(0, 4)), ToInt(text.substr(4, 2)),
            ToInt(text.substr(6, 2))};
  } else if (text.size() == 10 && (text[4] == '-' || text[4] == '/') &&
             text[7] == text[4] && AllDigits(text.substr(0, 4)) &&
             AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2))) {
    date = {ToInt(text.substr(0, 4)), ToInt(text.substr(5, 2)),
            ToInt(text.substr(8, 2))};
  } else if (text.size() == 10 && (text[2] == '.' || text[2] == '/') &&
             text[5] == text[2] && AllDigits(text.substr(0, 2)) &&
             AllDigits(text.substr(3, 2)) && AllDigits(text.substr(6, 4))) {
    date = {ToInt(text.substr(6, 4)), ToInt(text.substr(3, 2)),
            ToInt(text.substr(0, 2))};
  } else {
    return std::nullopt;
  }
  if (date.month < 1 || date.month > 31 || date.day < 1 || date.day > 31) {
    return std::nullopt;
  }
  if (date.month > 12 && date.day > 12) return std::nullopt;
  return date;
}

bool DatesNearlyEqual(const LooseDate& a, const LooseDate& b) {
  if (a.year == b.year && a.month == b.day && a.day == b.month) return true;
  int x = DigitsOf(a);
  int y = DigitsOf(b);
  int differing = 0;
  for (int i = 0; i < 8; ++i) {
    differing += (x % 10) != (y % 10);
    x /= 10;
    y /= 10;
  }
  return differing <= 1;
}

std::optional<double> ParseNumber(absl::string_view text) {
  double value = 0;
  if (!absl::SimpleAtod(absl::StripAsciiWhitespace(text), &value) ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace cxkit::identity
