// A business calendar of the request, parsed and checked: its zone loaded
// once, its open hours as seconds, its holidays and special days as local day
// numbers.

#ifndef CXKIT_LIB_SLA_CALENDAR_SPEC_H_
#define CXKIT_LIB_SLA_CALENDAR_SPEC_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cxkit/v1/sla.pb.h"

namespace cxkit::sla {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kSecondsPerWeek = 7 * kSecondsPerDay;

// [begin, end) in seconds; what they count from depends on the use.
struct SecondRange {
  int64_t begin;
  int64_t end;
};

struct CalendarSpec {
  std::string id;
  absl::TimeZone zone;
  // Open hours of each weekday (0 = Monday), seconds after local midnight;
  // `end` may exceed 86400 (overnight). Sorted, non-overlapping per day.
  std::vector<SecondRange> weekly[7];
  // Inclusive ranges of local day numbers (days since 1970-01-01), sorted.
  std::vector<std::pair<int64_t, int64_t>> holidays;
  // Local day number -> its own hours, sorted by day.
  std::vector<std::pair<int64_t, std::vector<SecondRange>>> special_days;

  bool IsHoliday(int64_t day) const;
  // The open hours of local day `day` (weekday from the day number).
  const std::vector<SecondRange>& HoursOf(int64_t day) const;
};

// Parses "HH:MM" or "HH:MM:SS" (00:00..24:00) into seconds after midnight.
absl::StatusOr<int64_t> ParseTimeOfDay(absl::string_view text,
                                       absl::string_view field);

// Parses "YYYY-MM-DD" into a day number (days since 1970-01-01).
absl::StatusOr<int64_t> ParseLocalDate(absl::string_view text,
                                       absl::string_view field);

// Checks calendars[index] and returns it parsed; errors name the field path
// under `field` (e.g. "calendars[2]").
absl::StatusOr<CalendarSpec> ParseCalendar(
    const cxkit::v1::BusinessCalendar& calendar, absl::string_view field,
    uint32_t max_intervals);

// Day number of a civil day, and its weekday (0 = Monday).
int64_t DayNumber(absl::CivilDay day);
int WeekdayIndex(int64_t day_number);

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_CALENDAR_SPEC_H_
