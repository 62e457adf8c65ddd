// Compares BusinessCalendar's open-interval construction (time split at the
// zone's offset transitions, prefix sums, binary searches) with a brute-force
// minute-stepping reference on many random seeded calendars around
// daylight-saving switches. The hours of a local date come from
// CalendarSpec::HoursOf on both sides, so what this checks is the mapping of
// wall-clock hours to real time; the day rules themselves (weekdays, holidays,
// special days, overnight spill) have exact hand-computed cases in
// business_calendar_test.cc.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "lib/sla/business_calendar.h"
#include "lib/sla/calendar_spec.h"
#include "tests/sla/calendar_test_support.h"

namespace cxkit::sla {
namespace {

using testing::Utc;

// The rule of sla.h stepped minute by minute: the minute starting at `t` is
// open when the local wall clock reads inside the hours of its local date, or
// inside the overnight part of the previous date's hours.
bool ReferenceOpen(const CalendarSpec& spec, int64_t t) {
  const absl::CivilSecond wall = spec.zone.At(absl::FromUnixSeconds(t)).cs;
  const int64_t day = DayNumber(absl::CivilDay(wall));
  const int64_t second = wall - absl::CivilSecond(absl::CivilDay(wall));
  for (const SecondRange& r : spec.HoursOf(day)) {
    if (r.begin <= second && second < r.end) return true;
  }
  for (const SecondRange& r : spec.HoursOf(day - 1)) {
    if (r.begin <= second + kSecondsPerDay && second + kSecondsPerDay < r.end)
      return true;
  }
  return false;
}

std::string Clock(int minutes) {
  return absl::StrFormat("%02d:%02d", minutes / 60, minutes % 60);
}

// Random weekly hours (lunch breaks, overnight shifts, closed days),
// holidays and special days within [first_day, first_day + days).
cxkit::v1::BusinessCalendar RandomCalendar(std::mt19937_64& rng,
                                           const std::string& zone,
                                           int64_t first_day, int days) {
  cxkit::v1::BusinessCalendar calendar;
  calendar.set_id("random");
  calendar.set_time_zone(zone);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  for (int day = 1; day <= 7; ++day) {
    if (pick(4) == 0) continue;  // closed
    auto* weekly = calendar.add_weekly_hours();
    weekly->set_day(static_cast<cxkit::v1::Weekday>(day));
    // Up to three intervals on a 30-minute grid, the last may run overnight
    // but must end before the next day's first start (05:00 earliest).
    int cursor = 5 * 60 + 30 * pick(8);
    const int count = 1 + pick(3);
    for (int i = 0; i < count && cursor < 24 * 60; ++i) {
      const int start = cursor;
      int end = start + 30 * (1 + pick(12)) + pick(30);
      auto* interval = weekly->add_intervals();
      interval->set_start(Clock(start));
      if (end >= 24 * 60) {
        end = std::min(end, 24 * 60 + 4 * 60);
        interval->set_end(end == 24 * 60 ? "24:00" : Clock(end - 24 * 60));
        break;
      }
      interval->set_end(Clock(end));
      cursor = end + 30 * pick(4) + 1;
    }
  }
  if (calendar.weekly_hours_size() == 0) calendar.set_always_open(true);
  for (int i = pick(3); i > 0; --i) {
    const absl::CivilDay day =
        absl::CivilDay(1970, 1, 1) + (first_day + pick(days));
    auto* holiday = calendar.add_holidays();
    holiday->set_first_date(absl::FormatCivilTime(day));
    if (pick(2)) holiday->set_last_date(absl::FormatCivilTime(day + pick(3)));
  }
  std::vector<int> used;
  for (int i = pick(3); i > 0; --i) {
    const int offset = pick(days);
    if (std::find(used.begin(), used.end(), offset) != used.end()) continue;
    used.push_back(offset);
    auto* special = calendar.add_special_days();
    special->set_date(absl::FormatCivilTime(absl::CivilDay(1970, 1, 1) +
                                            (first_day + offset)));
    if (pick(3) == 0) continue;  // closed
    auto* interval = special->add_intervals();
    const int start = 30 * pick(40);
    interval->set_start(Clock(start));
    interval->set_end(Clock((start + 30 * (1 + pick(20))) % (24 * 60)));
  }
  return calendar;
}

struct Window {
  const char* zone;
  const char* start;  // a few days before a switch
};

TEST(BusinessCalendarReference, MatchesMinuteSteppingOnRandomCalendars) {
  const std::vector<Window> windows = {
      {"Europe/Berlin", "2026-03-20T00:00:00Z"},
      {"Europe/Berlin", "2026-10-18T00:00:00Z"},
      {"America/New_York", "2026-03-01T00:00:00Z"},
      {"America/New_York", "2026-10-25T00:00:00Z"},
      {"Australia/Lord_Howe", "2026-03-29T00:00:00Z"},
      {"Australia/Lord_Howe", "2026-09-27T00:00:00Z"},
      {"Asia/Kolkata", "2026-01-01T00:00:00Z"},
      {"America/Sao_Paulo", "2018-10-28T00:00:00Z"},
      {"America/Sao_Paulo", "2019-02-10T00:00:00Z"},
  };
  constexpr int kDays = 16;
  std::mt19937_64 rng(20261122);
  int compared = 0;
  for (int round = 0; round < 6; ++round) {
    for (const Window& window : windows) {
      const int64_t start = Utc(window.start);
      const int64_t first_day = start / kSecondsPerDay;
      const cxkit::v1::BusinessCalendar proto =
          RandomCalendar(rng, window.zone, first_day - 1, kDays + 2);
      absl::StatusOr<CalendarSpec> spec = ParseCalendar(proto, "c", 1000);
      ASSERT_TRUE(spec.ok()) << spec.status() << proto.DebugString();
      const int64_t end = start + kDays * kSecondsPerDay;
      BusinessCalendar calendar(&*spec, start, end + 60 * kSecondsPerDay);
      // Prefix counts of open minutes per minute.
      std::vector<int64_t> open_before = {0};
      for (int64_t t = start; t < end; t += 60) {
        const bool open = ReferenceOpen(*spec, t);
        ASSERT_EQ(calendar.IsOpen(t), open)
            << window.zone << " " << testing::UtcText(t) << proto.DebugString();
        open_before.push_back(open_before.back() + (open ? 60 : 0));
      }
      const int64_t minutes = static_cast<int64_t>(open_before.size()) - 1;
      for (int probe = 0; probe < 200; ++probe) {
        const int64_t a = static_cast<int64_t>(rng() % minutes);
        const int64_t b = a + static_cast<int64_t>(rng() % (minutes - a + 1));
        ASSERT_EQ(calendar.SecondsBetween(start + 60 * a, start + 60 * b),
                  open_before[b] - open_before[a]);
        // Add: the end of the minute in which the n-th open minute ends.
        const int64_t available = open_before[minutes] - open_before[a];
        if (available == 0) continue;
        const int64_t n =
            60 * (1 + static_cast<int64_t>(rng() % (available / 60)));
        int64_t m = a;
        while (open_before[m] - open_before[a] < n) ++m;
        ASSERT_EQ(calendar.AddSeconds(start + 60 * a, n), start + 60 * m)
            << window.zone << " a=" << testing::UtcText(start + 60 * a)
            << " n=" << n << proto.DebugString();
        // NextEdge: the first minute boundary where openness changes.
        const bool open_at_a = open_before[a + 1] > open_before[a];
        int64_t edge = a + 1;
        while (edge < minutes &&
               (open_before[edge + 1] > open_before[edge]) == open_at_a) {
          ++edge;
        }
        if (edge < minutes) {
          ASSERT_EQ(calendar.NextEdge(start + 60 * a), start + 60 * edge);
        }
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 5000);
}

}  // namespace
}  // namespace cxkit::sla
