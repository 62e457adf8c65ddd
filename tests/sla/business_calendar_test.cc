#include "lib/sla/business_calendar.h"

#include "gtest/gtest.h"
#include "lib/sla/calendar_spec.h"
#include "tests/sla/calendar_test_support.h"

namespace cxkit::sla {
namespace {

using testing::AddHours;
using testing::MakeCalendar;
using testing::Utc;
using testing::UtcText;

constexpr int64_t kHour = 3600;
const std::vector<int> kWeekdays = {1, 2, 3, 4, 5};
const std::vector<int> kAllDays = {1, 2, 3, 4, 5, 6, 7};

// Parses `proto` and keeps the spec alive next to the clock.
struct Clock {
  explicit Clock(const cxkit::v1::BusinessCalendar& proto,
                 const std::string& origin = "2000-01-01T00:00:00Z")
      : spec(*ParseCalendar(proto, "calendar", 1000)),
        calendar(&spec, Utc(origin), Utc("2040-01-01T00:00:00Z")) {}
  std::string Add(const std::string& start, int64_t seconds) {
    absl::optional<int64_t> due = calendar.AddSeconds(Utc(start), seconds);
    return due ? UtcText(*due) : "unreachable";
  }
  int64_t Between(const std::string& a, const std::string& b) {
    return calendar.SecondsBetween(Utc(a), Utc(b));
  }
  CalendarSpec spec;
  BusinessCalendar calendar;
};

TEST(BusinessCalendar, BerlinLunchBreakAcrossSpringForwardWeekend) {
  auto proto = MakeCalendar("berlin", "Europe/Berlin");
  AddHours(&proto, kWeekdays, {{"09:00", "12:00"}, {"13:00", "17:00"}});
  Clock clock(proto);
  // Friday 16:00 CET: 1 h on Friday, then Monday 09:00-11:00 CEST.
  EXPECT_EQ(clock.Add("2026-03-27T15:00:00Z", 3 * kHour),
            "2026-03-30T09:00:00Z");
  // Monday 11:30 CEST + 1 h: lunch from 12:00 to 13:00 does not count.
  EXPECT_EQ(clock.Add("2026-03-30T09:30:00Z", kHour), "2026-03-30T11:30:00Z");
  EXPECT_EQ(clock.Between("2026-03-27T00:00:00Z", "2026-04-04T00:00:00Z"),
            6 * 7 * kHour);
}

TEST(BusinessCalendar, BerlinFallBackRepeatedOpenHourCountsTwice) {
  auto proto = MakeCalendar("night", "Europe/Berlin");
  AddHours(&proto, kAllDays, {{"02:00", "03:00"}});
  Clock clock(proto);
  // 25 Oct 2026: 02:00-03:00 is read twice (CEST then CET).
  EXPECT_EQ(clock.Between("2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z"),
            2 * kHour);
  EXPECT_EQ(clock.Add("2026-10-25T00:00:00Z", 2 * kHour),
            "2026-10-25T02:00:00Z");
  // 29 Mar 2026: 02:00-03:00 never happens.
  EXPECT_EQ(clock.Between("2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z"), 0);
  EXPECT_EQ(clock.Add("2026-03-28T12:00:00Z", 1), "2026-03-30T00:00:01Z");
}

TEST(BusinessCalendar, BerlinAroundTheClockLosesNoMinute) {
  cxkit::v1::BusinessCalendar proto = MakeCalendar("always", "Europe/Berlin");
  proto.set_always_open(true);
  Clock clock(proto);
  // The 25-hour and the 23-hour day.
  EXPECT_EQ(clock.Between("2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"),
            25 * kHour);
  EXPECT_EQ(clock.Between("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"),
            23 * kHour);
  EXPECT_EQ(clock.Add("2026-03-29T00:59:59Z", 2), "2026-03-29T01:00:01Z");
  EXPECT_EQ(clock.calendar.NextEdge(Utc("2026-03-29T00:00:00Z")),
            absl::nullopt);
}

TEST(BusinessCalendar, NewYorkTargetEndingAtCloseIsDueAtClose) {
  auto proto = MakeCalendar("ny", "America/New_York");
  AddHours(&proto, kWeekdays, {{"09:00", "17:00"}});
  Clock clock(proto);
  // Friday 30 Oct 15:00 EDT + 10 h: 2 h Friday, 8 h Monday 2 Nov (EST).
  EXPECT_EQ(clock.Add("2026-10-30T19:00:00Z", 10 * kHour),
            "2026-11-02T22:00:00Z");
  // Spring: Friday 6 Mar 16:00 EST + 2 h: Monday 9 Mar 10:00 EDT.
  EXPECT_EQ(clock.Add("2026-03-06T21:00:00Z", 2 * kHour),
            "2026-03-09T14:00:00Z");
  proto.add_holidays()->set_first_date("2026-11-02");
  Clock with_holiday(proto);
  EXPECT_EQ(with_holiday.Add("2026-10-30T19:00:00Z", 10 * kHour),
            "2026-11-03T22:00:00Z");
}

TEST(BusinessCalendar, LordHoweHalfHourDaylightSaving) {
  cxkit::v1::BusinessCalendar always =
      MakeCalendar("always", "Australia/Lord_Howe");
  always.set_always_open(true);
  Clock all(always);
  // 4 Oct 2026 has 23.5 hours: local midnights at +10:30 and +11:00.
  EXPECT_EQ(all.Between("2026-10-03T13:30:00Z", "2026-10-04T13:00:00Z"),
            23 * kHour + 1800);

  auto proto = MakeCalendar("lh", "Australia/Lord_Howe");
  AddHours(&proto, kAllDays, {{"01:00", "02:00"}});
  Clock clock(proto);
  // 5 Apr 2026, 02:00 (+11) falls back to 01:30 (+10:30): 01:30-02:00 is read
  // twice, so the hour counts 90 minutes, 14:00Z..15:30Z.
  EXPECT_EQ(clock.Between("2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z"),
            5400);
  EXPECT_EQ(clock.Add("2026-04-04T14:00:00Z", 5400), "2026-04-04T15:30:00Z");

  auto early = MakeCalendar("lh2", "Australia/Lord_Howe");
  AddHours(&early, kAllDays, {{"02:00", "03:00"}});
  Clock spring(early);
  // 4 Oct 2026 02:00 jumps to 02:30: only 02:30-03:00 (+11) = 15:30Z..16:00Z.
  EXPECT_EQ(spring.Between("2026-10-03T12:00:00Z", "2026-10-04T12:00:00Z"),
            1800);
  EXPECT_EQ(spring.Add("2026-10-03T12:00:00Z", 1800), "2026-10-03T16:00:00Z");
}

TEST(BusinessCalendar, KolkataOvernightShiftBelongsToItsStartDay) {
  auto proto = MakeCalendar("night", "Asia/Kolkata");
  AddHours(&proto, kWeekdays, {{"22:00", "06:00"}});
  Clock clock(proto);
  // Friday 9 Jan 23:00 IST + 10 h: 7 h until Saturday 06:00, then Monday
  // 22:00 + 3 h = Tuesday 01:00 IST.
  EXPECT_EQ(clock.Add("2026-01-09T17:30:00Z", 10 * kHour),
            "2026-01-12T19:30:00Z");
  // A holiday on Saturday does not cut Friday's shift; one on Friday removes
  // it.
  proto.add_holidays()->set_first_date("2026-01-10");
  EXPECT_EQ(Clock(proto).Add("2026-01-09T17:30:00Z", 10 * kHour),
            "2026-01-12T19:30:00Z");
  proto.add_holidays()->set_first_date("2026-01-09");
  EXPECT_EQ(Clock(proto).Add("2026-01-09T17:30:00Z", 10 * kHour),
            "2026-01-13T18:30:00Z");
}

TEST(BusinessCalendar, SaoPauloSpecialDayAndHoliday) {
  auto proto = MakeCalendar("sp", "America/Sao_Paulo");
  AddHours(&proto, kWeekdays, {{"08:00", "18:00"}});
  auto* eve = proto.add_special_days();
  eve->set_date("2026-12-24");
  auto* morning = eve->add_intervals();
  morning->set_start("08:00");
  morning->set_end("12:00");
  auto* christmas = proto.add_holidays();
  christmas->set_first_date("2026-12-25");
  Clock clock(proto);
  // Thursday 24 Dec 10:00 -03 + 6 h: 2 h until noon, closed Friday to Sunday,
  // Monday 08:00 + 4 h.
  EXPECT_EQ(clock.Add("2026-12-24T13:00:00Z", 6 * kHour),
            "2026-12-28T15:00:00Z");
}

TEST(BusinessCalendar, SaoPauloLastDaylightSavingSwitches) {
  cxkit::v1::BusinessCalendar proto = MakeCalendar("sp", "America/Sao_Paulo");
  proto.set_always_open(true);
  Clock clock(proto, "2018-01-01T00:00:00Z");
  // 4 Nov 2018 started at 01:00 (-02): 23 hours; 16 Feb 2019 had 25.
  EXPECT_EQ(clock.Between("2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z"),
            23 * kHour);
  EXPECT_EQ(clock.Between("2019-02-16T02:00:00Z", "2019-02-17T03:00:00Z"),
            25 * kHour);
  auto office = MakeCalendar("office", "America/Sao_Paulo");
  AddHours(&office, kWeekdays, {{"08:00", "18:00"}});
  Clock hours(office, "2018-01-01T00:00:00Z");
  // Friday 2 Nov 2018 17:00 (-03) + 2 h: Monday 5 Nov 09:00 (-02).
  EXPECT_EQ(hours.Add("2018-11-02T20:00:00Z", 2 * kHour),
            "2018-11-05T11:00:00Z");
}

TEST(BusinessCalendar, LongTargetsExtendTheHorizonInChunks) {
  auto proto = MakeCalendar("berlin", "Europe/Berlin");
  AddHours(&proto, kWeekdays, {{"09:00", "17:00"}});
  Clock clock(proto, "2026-01-01T00:00:00Z");
  // 30 days of 24 h business time = 90 working days of 8 h.
  EXPECT_EQ(clock.Add("2026-01-05T08:00:00Z", 30 * 24 * kHour),
            "2026-05-08T15:00:00Z");
  EXPECT_LT(clock.calendar.interval_count(), 400u);
}

TEST(BusinessCalendar, BeyondTheHorizonIsUnreachable) {
  auto proto = MakeCalendar("berlin", "Europe/Berlin");
  AddHours(&proto, kWeekdays, {{"09:00", "17:00"}});
  CalendarSpec spec = *ParseCalendar(proto, "calendar", 1000);
  BusinessCalendar calendar(&spec, Utc("2026-01-01T00:00:00Z"),
                            Utc("2026-01-10T00:00:00Z"));
  EXPECT_EQ(calendar.AddSeconds(Utc("2026-01-05T08:00:00Z"), 100 * kHour),
            absl::nullopt);
}

TEST(BusinessCalendar, NextEdgeFindsOpenAndClose) {
  auto proto = MakeCalendar("berlin", "Europe/Berlin");
  AddHours(&proto, kWeekdays, {{"09:00", "12:00"}, {"13:00", "17:00"}});
  Clock clock(proto);
  EXPECT_EQ(UtcText(*clock.calendar.NextEdge(Utc("2026-03-27T10:00:00Z"))),
            "2026-03-27T11:00:00Z");
  EXPECT_EQ(UtcText(*clock.calendar.NextEdge(Utc("2026-03-27T11:00:00Z"))),
            "2026-03-27T12:00:00Z");
  EXPECT_EQ(UtcText(*clock.calendar.NextEdge(Utc("2026-03-27T16:00:00Z"))),
            "2026-03-30T07:00:00Z");
  EXPECT_TRUE(clock.calendar.IsOpen(Utc("2026-03-27T15:59:59Z")));
  EXPECT_FALSE(clock.calendar.IsOpen(Utc("2026-03-27T16:00:00Z")));
}

}  // namespace
}  // namespace cxkit::sla
