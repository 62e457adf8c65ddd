// Date and number comparators for probabilistic matching.

#ifndef CXKIT_LIB_IDENTITY_DATE_SIMILARITY_H_
#define CXKIT_LIB_IDENTITY_DATE_SIMILARITY_H_

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"

namespace cxkit::identity {

// A calendar date as written: year, month, day, unvalidated beyond 1..12 /
// 1..31 so a typo'd date still parses.
struct LooseDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Parses "YYYY-MM-DD", "YYYY/MM/DD", "YYYYMMDD", "DD.MM.YYYY" or "DD/MM/YYYY"
// (surrounding spaces allowed). Month and day need not be valid for each
// other; both must be in 1..31 and one of them in 1..12.
std::optional<LooseDate> ParseLooseDate(absl::string_view text);

// True when `a` and `b` are equal after swapping day and month of one of them,
// or when their 8 digits (YYYYMMDD) differ in exactly one place. Equal dates
// are not "nearly equal" (the caller's exact levels catch them first), but
// this returns true for them too.
bool DatesNearlyEqual(const LooseDate& a, const LooseDate& b);

// Parses a decimal number ("42", "-3.5"); nullopt when `text` is not one.
std::optional<double> ParseNumber(absl::string_view text);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_DATE_SIMILARITY_H_
