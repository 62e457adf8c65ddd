// Builders for business calendars in the SLA tests.

#ifndef CXKIT_TESTS_SLA_CALENDAR_TEST_SUPPORT_H_
#define CXKIT_TESTS_SLA_CALENDAR_TEST_SUPPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "cxkit/v1/sla.pb.h"
#include "gtest/gtest.h"

namespace cxkit::sla::testing {

// Unix seconds of an RFC 3339 time such as "2026-03-30T09:00:00Z".
inline int64_t Utc(const std::string& text) {
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &time, &error)) {
    ADD_FAILURE() << "bad time in a test: " << text << ": " << error;
    return -1;
  }
  return absl::ToUnixSeconds(time);
}

inline std::string UtcText(int64_t seconds) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(seconds),
                          absl::UTCTimeZone());
}

// Adds weekly hours "HH:MM-HH:MM" for each of `days` (1 = Monday).
inline void AddHours(cxkit::v1::BusinessCalendar* calendar,
                     std::vector<int> days,
                     std::vector<std::pair<std::string, std::string>> hours) {
  for (int day : days) {
    auto* weekly = calendar->add_weekly_hours();
    weekly->set_day(static_cast<cxkit::v1::Weekday>(day));
    for (const auto& [start, end] : hours) {
      auto* interval = weekly->add_intervals();
      interval->set_start(start);
      interval->set_end(end);
    }
  }
}

inline cxkit::v1::BusinessCalendar MakeCalendar(const std::string& id,
                                                const std::string& zone) {
  cxkit::v1::BusinessCalendar calendar;
  calendar.set_id(id);
  calendar.set_time_zone(zone);
  return calendar;
}

}  // namespace cxkit::sla::testing

#endif  // CXKIT_TESTS_SLA_CALENDAR_TEST_SUPPORT_H_
