// The business clock of one calendar: its absolute open intervals with
// prefix sums of open seconds, built lazily in growing chunks from an origin
// up to a horizon, so that "business seconds between" and "add N business
// seconds" are binary searches.

#ifndef CXKIT_LIB_SLA_BUSINESS_CALENDAR_H_
#define CXKIT_LIB_SLA_BUSINESS_CALENDAR_H_

#include <climits>
#include <cstdint>
#include <vector>

#include "absl/types/optional.h"
#include "lib/sla/calendar_spec.h"

namespace cxkit::sla {

// Open intervals the calendars of one call may still build. Every interval
// built counts; once `remaining` is spent, calendars stop growing and set
// `exhausted`, after which their answers are incomplete and the call must
// fail as a whole (limits.max_calendar_intervals).
struct IntervalBudget {
  int64_t remaining = 0;
  bool exhausted = false;
};

// Times are Unix seconds. Valid for times in [origin, horizon_end]; a query
// beyond horizon_end answers "unreachable" (nullopt). Not thread-safe (it
// grows on demand); one per calendar per call.
class BusinessCalendar {
 public:
  // `spec` and `budget` (shared by the calendars of one call, may be null)
  // must outlive the calendar. Every interval built counts against the
  // budget; once it is spent the horizon ends where the intervals end and
  // the budget is marked exhausted. Intervals are built in chunks of at most
  // kMaxChunkSeconds, so one step overshoots the budget by at most one
  // chunk's intervals.
  BusinessCalendar(const CalendarSpec* spec, int64_t origin,
                   int64_t horizon_end, IntervalBudget* budget = nullptr);

  // Business seconds in [a, b); requires origin <= a <= b <= horizon_end.
  int64_t SecondsBetween(int64_t a, int64_t b);

  // The earliest t >= a with SecondsBetween(a, t) == n (n >= 0), i.e. a
  // target ending exactly at closing time is due at the close; nullopt when
  // beyond the horizon.
  absl::optional<int64_t> AddSeconds(int64_t a, int64_t n);

  // True when the second [t, t+1) is open.
  bool IsOpen(int64_t t);

  // The first instant > t at which the calendar opens or closes; nullopt
  // when none before the horizon.
  absl::optional<int64_t> NextEdge(int64_t t);

  // Open intervals built so far (for tests).
  size_t interval_count() const { return begins_.size(); }

 private:
  // Extends the intervals to cover at least up to `t` (capped at the
  // horizon).
  void CoverUntil(int64_t t);
  void AppendChunk(int64_t from, int64_t to);
  absl::optional<int64_t> FindNextEdge(int64_t t);
  void Append(int64_t begin, int64_t end);
  // Business seconds in [origin, t); requires t covered.
  int64_t Cumulative(int64_t t) const;

  const CalendarSpec* spec_;
  int64_t origin_;
  int64_t horizon_end_;
  int64_t covered_until_;
  IntervalBudget* budget_;
  // Sorted, disjoint, non-touching intervals; cum_before_[i] is the business
  // seconds of intervals before i.
  std::vector<int64_t> begins_;
  std::vector<int64_t> ends_;
  std::vector<int64_t> cum_before_;
  // One-entry memos of NextEdge, of the end of SecondsBetween and of
  // IsOpen: every conversation of a call asks about now.
  int64_t memo_edge_from_ = INT64_MIN;
  absl::optional<int64_t> memo_edge_;
  int64_t memo_cumulative_at_ = INT64_MIN;
  int64_t memo_cumulative_ = 0;
  int64_t memo_open_at_ = INT64_MIN;
  bool memo_open_ = false;
  // Scratch for the wall-clock open intervals of a chunk.
  std::vector<SecondRange> wall_;
};

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_BUSINESS_CALENDAR_H_
