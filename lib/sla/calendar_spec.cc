#include "lib/sla/calendar_spec.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"

namespace cxkit::sla {
namespace {

using cxkit::v1::BusinessCalendar;
using cxkit::v1::OpenInterval;

bool ParseDigits(absl::string_view text, size_t pos, size_t count, int* out) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

// Parses a list of intervals of one day into `out` (overnight ends pushed
// past 86400) and checks that they do not overlap each other.
absl::Status ParseDayIntervals(
    const google::protobuf::RepeatedPtrField<OpenInterval>& intervals,
    const std::string& field, std::vector<SecondRange>* out) {
  std::vector<std::pair<SecondRange, int>> parsed;
  for (int i = 0; i < intervals.size(); ++i) {
    const std::string path = IndexedField(field, i);
    absl::StatusOr<int64_t> start =
        ParseTimeOfDay(intervals[i].start(), path + ".start");
    if (!start.ok()) return start.status();
    absl::StatusOr<int64_t> end =
        ParseTimeOfDay(intervals[i].end(), path + ".end");
    if (!end.ok()) return end.status();
    if (*start == kSecondsPerDay) {
      return InvalidField(path + ".start", "24:00 is only allowed as an end");
    }
    if (*end == *start) {
      return InvalidField(path + ".end",
                          "equals start; use 00:00-24:00 for a whole day");
    }
    SecondRange range{*start, *end > *start ? *end : *end + kSecondsPerDay};
    parsed.push_back({range, i});
  }
  std::sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) {
    return a.first.begin < b.first.begin;
  });
  for (size_t i = 1; i < parsed.size(); ++i) {
    if (parsed[i].first.begin < parsed[i - 1].first.end) {
      return InvalidField(
          IndexedField(field, std::max(parsed[i].second, parsed[i - 1].second)),
          absl::StrCat("overlaps ",
                       IndexedField(field, std::min(parsed[i].second,
                                                    parsed[i - 1].second))));
    }
  }
  for (const auto& p : parsed) out->push_back(p.first);
  return absl::OkStatus();
}

absl::Status ParseWeekly(const BusinessCalendar& calendar,
                         const std::string& field, CalendarSpec* spec) {
  int owner[7];
  std::fill(owner, owner + 7, -1);
  for (int i = 0; i < calendar.weekly_hours_size(); ++i) {
    const auto& hours = calendar.weekly_hours(i);
    const std::string path = IndexedField(field + ".weekly_hours", i);
    if (hours.day() < cxkit::v1::WEEKDAY_MONDAY ||
        hours.day() > cxkit::v1::WEEKDAY_SUNDAY) {
      return InvalidField(path + ".day", "required weekday");
    }
    const int day = hours.day() - 1;
    if (owner[day] >= 0) {
      return InvalidField(
          path + ".day",
          absl::StrCat("weekday already given in ",
                       IndexedField(field + ".weekly_hours", owner[day])));
    }
    owner[day] = i;
    absl::Status status = ParseDayIntervals(
        hours.intervals(), path + ".intervals", &spec->weekly[day]);
    if (!status.ok()) return status;
  }
  // Overnight intervals must not run into the next day's hours (circularly).
  for (int day = 0; day < 7; ++day) {
    if (spec->weekly[day].empty()) continue;
    const int next = (day + 1) % 7;
    const int64_t spill = spec->weekly[day].back().end - kSecondsPerDay;
    if (spill > 0 && !spec->weekly[next].empty() &&
        spec->weekly[next].front().begin < spill) {
      return InvalidField(
          IndexedField(field + ".weekly_hours", owner[day]),
          absl::StrCat("overnight hours overlap the hours of ",
                       IndexedField(field + ".weekly_hours", owner[next])));
    }
  }
  return absl::OkStatus();
}

}  // namespace

int64_t DayNumber(absl::CivilDay day) {
  return day - absl::CivilDay(1970, 1, 1);
}

int WeekdayIndex(int64_t day_number) {
  // 1970-01-01 was a Thursday (index 3).
  int64_t index = (day_number + 3) % 7;
  return static_cast<int>(index < 0 ? index + 7 : index);
}

bool CalendarSpec::IsHoliday(int64_t day) const {
  auto it =
      std::upper_bound(holidays.begin(), holidays.end(), day,
                       [](int64_t d, const std::pair<int64_t, int64_t>& h) {
                         return d < h.first;
                       });
  if (it == holidays.begin()) return false;
  --it;
  return day <= it->second;
}

const std::vector<SecondRange>& CalendarSpec::HoursOf(int64_t day) const {
  auto it =
      std::lower_bound(special_days.begin(), special_days.end(), day,
                       [](const auto& s, int64_t d) { return s.first < d; });
  if (it != special_days.end() && it->first == day) return it->second;
  static const std::vector<SecondRange>* const kClosed =
      new std::vector<SecondRange>();
  if (IsHoliday(day)) return *kClosed;
  return weekly[WeekdayIndex(day)];
}

absl::StatusOr<int64_t> ParseTimeOfDay(absl::string_view text,
                                       absl::string_view field) {
  int hours = 0, minutes = 0, seconds = 0;
  const bool shape_ok =
      (text.size() == 5 || (text.size() == 8 && text[5] == ':')) &&
      text[2] == ':' && ParseDigits(text, 0, 2, &hours) &&
      ParseDigits(text, 3, 2, &minutes) &&
      (text.size() == 5 || ParseDigits(text, 6, 2, &seconds));
  if (!shape_ok || minutes > 59 || seconds > 59 || hours > 24 ||
      (hours == 24 && (minutes != 0 || seconds != 0))) {
    return InvalidField(field, absl::StrCat(QuotedId(text),
                                            " is not a time HH:MM[:SS] in "
                                            "00:00..24:00"));
  }
  return int64_t{hours} * 3600 + minutes * 60 + seconds;
}

absl::StatusOr<int64_t> ParseLocalDate(absl::string_view text,
                                       absl::string_view field) {
  int year = 0, month = 0, day = 0;
  const bool shape_ok = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        ParseDigits(text, 0, 4, &year) &&
                        ParseDigits(text, 5, 2, &month) &&
                        ParseDigits(text, 8, 2, &day);
  if (shape_ok && month >= 1 && month <= 12 && day >= 1) {
    const absl::CivilDay civil(year, month, day);
    if (civil.year() == year && civil.month() == month && civil.day() == day) {
      return DayNumber(civil);
    }
  }
  return InvalidField(
      field, absl::StrCat(QuotedId(text), " is not a date YYYY-MM-DD"));
}

absl::StatusOr<CalendarSpec> ParseCalendar(const BusinessCalendar& calendar,
                                           absl::string_view field_view,
                                           uint32_t max_intervals) {
  const std::string field(field_view);
  CalendarSpec spec;
  spec.id = calendar.id();
  if (calendar.time_zone().empty()) {
    return InvalidField(field + ".time_zone", "required IANA zone");
  }
  if (!absl::LoadTimeZone(calendar.time_zone(), &spec.zone)) {
    return InvalidField(
        field + ".time_zone",
        absl::StrCat("unknown time zone ", QuotedId(calendar.time_zone())));
  }
  size_t intervals = 0;
  for (const auto& hours : calendar.weekly_hours()) {
    intervals += hours.intervals_size();
  }
  for (const auto& special : calendar.special_days()) {
    intervals += special.intervals_size();
  }
  if (intervals > max_intervals) {
    return FieldError(absl::StatusCode::kResourceExhausted, field,
                      absl::StrCat(intervals,
                                   " open intervals exceed "
                                   "limits.max_intervals_per_calendar (",
                                   max_intervals, ")"));
  }
  if (calendar.always_open()) {
    if (calendar.weekly_hours_size() > 0) {
      return InvalidField(field + ".weekly_hours",
                          "must be empty when always_open is set");
    }
    for (auto& day : spec.weekly) day.push_back({0, kSecondsPerDay});
  } else {
    absl::Status status = ParseWeekly(calendar, field, &spec);
    if (!status.ok()) return status;
    bool any_open = false;
    for (const auto& day : spec.weekly) any_open |= !day.empty();
    if (!any_open) {
      return InvalidField(field + ".weekly_hours",
                          "the calendar has no open hours (set weekly_hours "
                          "or always_open)");
    }
  }
  for (int i = 0; i < calendar.holidays_size(); ++i) {
    const auto& holiday = calendar.holidays(i);
    const std::string path = IndexedField(field + ".holidays", i);
    absl::StatusOr<int64_t> first =
        ParseLocalDate(holiday.first_date(), path + ".first_date");
    if (!first.ok()) return first.status();
    int64_t last = *first;
    if (!holiday.last_date().empty()) {
      absl::StatusOr<int64_t> parsed =
          ParseLocalDate(holiday.last_date(), path + ".last_date");
      if (!parsed.ok()) return parsed.status();
      if (*parsed < *first) {
        return InvalidField(path + ".last_date", "before first_date");
      }
      last = *parsed;
    }
    spec.holidays.push_back({*first, last});
  }
  std::sort(spec.holidays.begin(), spec.holidays.end());
  // Merge overlapping ranges so that lookups see disjoint ones.
  std::vector<std::pair<int64_t, int64_t>> merged;
  for (const auto& h : spec.holidays) {
    if (!merged.empty() && h.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, h.second);
    } else {
      merged.push_back(h);
    }
  }
  spec.holidays = std::move(merged);
  std::vector<std::pair<int64_t, int>> special_index;
  for (int i = 0; i < calendar.special_days_size(); ++i) {
    const auto& special = calendar.special_days(i);
    const std::string path = IndexedField(field + ".special_days", i);
    absl::StatusOr<int64_t> day =
        ParseLocalDate(special.date(), path + ".date");
    if (!day.ok()) return day.status();
    std::vector<SecondRange> hours;
    absl::Status status =
        ParseDayIntervals(special.intervals(), path + ".intervals", &hours);
    if (!status.ok()) return status;
    spec.special_days.push_back({*day, std::move(hours)});
    special_index.push_back({*day, i});
  }
  std::sort(special_index.begin(), special_index.end());
  for (size_t i = 1; i < special_index.size(); ++i) {
    if (special_index[i].first == special_index[i - 1].first) {
      return InvalidField(
          IndexedField(field + ".special_days", special_index[i].second) +
              ".date",
          "date already given");
    }
  }
  std::sort(spec.special_days.begin(), spec.special_days.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  spec.always_open = spec.holidays.empty() && spec.special_days.empty();
  for (const auto& day : spec.weekly) {
    spec.always_open &=
        day.size() == 1 && day[0].begin == 0 && day[0].end >= kSecondsPerDay;
  }
  return spec;
}

}  // namespace cxkit::sla
