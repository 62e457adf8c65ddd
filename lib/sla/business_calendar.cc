#include "lib/sla/business_calendar.h"

#include <algorithm>

namespace cxkit::sla {
namespace {

// First chunk and growth: the covered span doubles per extension, within
// [kMinChunk, kMaxChunk] (which bounds the scratch and the budget overshoot
// of one extension).
constexpr int64_t kMinChunk = 14 * kSecondsPerDay;
constexpr int64_t kMaxChunk = 364 * kSecondsPerDay;

int64_t LocalDay(const absl::TimeZone& zone, int64_t t) {
  return DayNumber(absl::CivilDay(zone.At(absl::FromUnixSeconds(t)).cs));
}

int64_t WallSeconds(const absl::TimeZone& zone, int64_t t) {
  return zone.At(absl::FromUnixSeconds(t)).cs - absl::CivilSecond(1970);
}

}  // namespace

BusinessCalendar::BusinessCalendar(const CalendarSpec* spec, int64_t origin,
                                   int64_t horizon_end, IntervalBudget* budget)
    : spec_(spec),
      origin_(origin),
      horizon_end_(std::max(origin, horizon_end)),
      covered_until_(origin),
      budget_(budget) {}

void BusinessCalendar::Append(int64_t begin, int64_t end) {
  if (begin >= end) return;
  if (!ends_.empty() && ends_.back() >= begin) {
    ends_.back() = std::max(ends_.back(), end);
    return;
  }
  const int64_t cum =
      begins_.empty() ? 0
                      : cum_before_.back() + (ends_.back() - begins_.back());
  begins_.push_back(begin);
  ends_.push_back(end);
  cum_before_.push_back(cum);
}

// Splits [from, to) at the zone's offset transitions; in a segment with
// offset o the wall clock runs from t0+o to t1+o, so the open wall intervals
// intersected with that range, minus o, are the absolute open intervals.
void BusinessCalendar::AppendChunk(int64_t from, int64_t to) {
  const absl::TimeZone& zone = spec_->zone;
  // Local days that can reach into the chunk: the day before the first (an
  // overnight interval) through the last.
  const int64_t first_day = LocalDay(zone, from) - 1;
  const int64_t last_day = LocalDay(zone, to) + 1;
  wall_.clear();
  for (int64_t day = first_day; day <= last_day; ++day) {
    const int64_t midnight = day * kSecondsPerDay;
    for (const SecondRange& range : spec_->HoursOf(day)) {
      wall_.push_back({midnight + range.begin, midnight + range.end});
    }
  }
  // Overnight and special-day hours may overlap the next day's: merge.
  std::sort(wall_.begin(), wall_.end(),
            [](const SecondRange& a, const SecondRange& b) {
              return a.begin < b.begin;
            });
  size_t kept = 0;
  for (const SecondRange& range : wall_) {
    if (kept > 0 && wall_[kept - 1].end >= range.begin) {
      wall_[kept - 1].end = std::max(wall_[kept - 1].end, range.end);
    } else {
      wall_[kept++] = range;
    }
  }
  wall_.resize(kept);

  int64_t t0 = from;
  while (t0 < to) {
    const int64_t offset = WallSeconds(zone, t0) - t0;
    int64_t t1 = to;
    absl::TimeZone::CivilTransition transition;
    if (zone.NextTransition(absl::FromUnixSeconds(t0), &transition)) {
      const int64_t at = absl::ToUnixSeconds(zone.At(transition.to).trans);
      if (at > t0 && at < to) t1 = at;
    }
    const int64_t wall_begin = t0 + offset;
    const int64_t wall_end = t1 + offset;
    auto it = std::upper_bound(
        wall_.begin(), wall_.end(), wall_begin,
        [](int64_t w, const SecondRange& r) { return w < r.end; });
    for (; it != wall_.end() && it->begin < wall_end; ++it) {
      Append(std::max(it->begin, wall_begin) - offset,
             std::min(it->end, wall_end) - offset);
    }
    t0 = t1;
  }
}

void BusinessCalendar::CoverUntil(int64_t t) {
  t = std::min(t, horizon_end_);
  while (covered_until_ < t) {
    if (budget_ != nullptr && budget_->remaining <= 0) {
      budget_->exhausted = true;
      horizon_end_ = covered_until_;
      return;
    }
    const size_t before = begins_.size();
    const int64_t span = covered_until_ - origin_;
    int64_t next =
        covered_until_ + std::min(kMaxChunk, std::max(kMinChunk, span));
    next = std::min(next, horizon_end_);
    AppendChunk(covered_until_, next);
    covered_until_ = next;
    if (budget_ != nullptr) {
      budget_->remaining -= static_cast<int64_t>(begins_.size() - before);
    }
  }
}

int64_t BusinessCalendar::Cumulative(int64_t t) const {
  // Last interval beginning at or before t.
  auto it = std::upper_bound(begins_.begin(), begins_.end(), t);
  if (it == begins_.begin()) return 0;
  const size_t i = static_cast<size_t>(it - begins_.begin()) - 1;
  return cum_before_[i] + (std::min(t, ends_[i]) - begins_[i]);
}

int64_t BusinessCalendar::SecondsBetween(int64_t a, int64_t b) {
  if (b <= a) return 0;
  CoverUntil(b);
  // Cumulative(b) of a covered b never changes: later chunks only append
  // intervals after it (or lengthen one that already reaches past it).
  if (b != memo_cumulative_at_) {
    memo_cumulative_at_ = b;
    memo_cumulative_ = Cumulative(b);
  }
  return memo_cumulative_ - Cumulative(a);
}

absl::optional<int64_t> BusinessCalendar::AddSeconds(int64_t a, int64_t n) {
  if (n <= 0) return a;
  CoverUntil(a);
  const int64_t goal = Cumulative(a) + n;
  for (;;) {
    const int64_t total =
        begins_.empty() ? 0
                        : cum_before_.back() + (ends_.back() - begins_.back());
    if (total >= goal) break;
    if (covered_until_ >= horizon_end_) return absl::nullopt;
    // Extend at least as far as the missing seconds in real time.
    CoverUntil(covered_until_ + std::max<int64_t>(goal - total, 1));
  }
  // First interval whose end cumulative reaches the goal.
  size_t lo = 0, hi = begins_.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (cum_before_[mid] + (ends_[mid] - begins_[mid]) >= goal) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return begins_[lo] + (goal - cum_before_[lo]);
}

bool BusinessCalendar::IsOpen(int64_t t) {
  if (t == memo_open_at_) return memo_open_;
  CoverUntil(t + 1);
  auto it = std::upper_bound(begins_.begin(), begins_.end(), t);
  const size_t i = static_cast<size_t>(it - begins_.begin());
  memo_open_at_ = t;  // covered: the answer never changes
  memo_open_ = i > 0 && t < ends_[i - 1];
  return memo_open_;
}

absl::optional<int64_t> BusinessCalendar::NextEdge(int64_t t) {
  if (t == memo_edge_from_) return memo_edge_;
  memo_edge_from_ = t;
  memo_edge_ = FindNextEdge(t);
  return memo_edge_;
}

absl::optional<int64_t> BusinessCalendar::FindNextEdge(int64_t t) {
  for (;;) {
    CoverUntil(t + 1);
    auto it = std::upper_bound(begins_.begin(), begins_.end(), t);
    bool inside = false;
    if (it != begins_.begin()) {
      const size_t i = static_cast<size_t>(it - begins_.begin()) - 1;
      if (t < ends_[i]) {
        inside = true;
        // An end at the covered edge may still grow with the next chunk.
        if (ends_[i] < covered_until_) return ends_[i];
      }
    }
    if (!inside && it != begins_.end()) return *it;
    if (covered_until_ >= horizon_end_) return absl::nullopt;
    CoverUntil(covered_until_ + 1);
  }
}

}  // namespace cxkit::sla
