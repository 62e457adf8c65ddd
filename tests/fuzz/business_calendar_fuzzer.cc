// Fuzz target of calendar construction (lib/sla/calendar_spec.h,
// business_calendar.h): the input is 12 bytes of query parameters (three
// little-endian uint32) followed by a serialized cxkit.v1.BusinessCalendar.
// The calendar is parsed with ParseCalendar (errors must name a field under
// "calendars[0]"); a parsed calendar that is not always open becomes a
// BusinessCalendar over a 60-day window, queried at a, b and for n seconds.
// Invariants: 0 <= SecondsBetween(a, b) <= b - a and it splits additively;
// IsOpen agrees with SecondsBetween; AddSeconds(a, n) is the earliest t with
// n business seconds, or nullopt only when the window holds fewer; NextEdge
// is the first change of IsOpen; a fresh calendar asked in another order gives
// the same answers (lazy growth does not change results).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/types/optional.h"
#include "lib/sla/business_calendar.h"
#include "lib/sla/calendar_spec.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using cxkit::sla::BusinessCalendar;

constexpr int64_t kOrigin = 1793577600;  // 2026-11-02T00:00:00Z, a Monday
constexpr int64_t kWindow = 60 * 86400;
constexpr int64_t kHorizon = kOrigin + kWindow;

uint32_t Read32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

struct Answers {
  int64_t between;
  bool open;
  absl::optional<int64_t> added;
  absl::optional<int64_t> edge;
  bool operator==(const Answers& o) const {
    return between == o.between && open == o.open && added == o.added &&
           edge == o.edge;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cxkit::fuzz::QuietProtobuf();
  if (size < 12) return 0;
  const int64_t a = kOrigin + Read32(data) % kWindow;
  const int64_t b = a + Read32(data + 4) % (kHorizon - a + 1);
  const int64_t n = Read32(data + 8) % (30 * 86400);
  cxkit::v1::BusinessCalendar proto;
  if (!proto.ParseFromArray(data + 12, static_cast<int>(size - 12))) return 0;

  const absl::StatusOr<cxkit::sla::CalendarSpec> spec =
      cxkit::sla::ParseCalendar(proto, "calendars[0]", 256);
  if (!spec.ok()) {
    CXKIT_FUZZ_CHECK(absl::StrContains(spec.status().message(), "calendars[0]"),
                     "a calendar error names the calendar's field path");
    return 0;
  }
  if (spec->always_open) return 0;  // real time, no BusinessCalendar

  BusinessCalendar calendar(&*spec, kOrigin, kHorizon);
  Answers first;
  first.between = calendar.SecondsBetween(a, b);
  CXKIT_FUZZ_CHECK(first.between >= 0 && first.between <= b - a,
                   "0 <= SecondsBetween(a, b) <= b - a");
  const int64_t mid = a + (b - a) / 2;
  CXKIT_FUZZ_CHECK(
      calendar.SecondsBetween(a, mid) + calendar.SecondsBetween(mid, b) ==
          first.between,
      "SecondsBetween adds up over a split");
  first.open = calendar.IsOpen(a);
  if (a < kHorizon) {
    CXKIT_FUZZ_CHECK(first.open == (calendar.SecondsBetween(a, a + 1) == 1),
                     "IsOpen(a) iff [a, a+1) is a business second");
  }
  first.added = calendar.AddSeconds(a, n);
  if (first.added) {
    const int64_t t = *first.added;
    CXKIT_FUZZ_CHECK(t >= a && t <= kHorizon, "AddSeconds stays in the window");
    CXKIT_FUZZ_CHECK(calendar.SecondsBetween(a, t) == n,
                     "AddSeconds(a, n) is n business seconds after a");
    CXKIT_FUZZ_CHECK(n == 0 ? t == a : calendar.SecondsBetween(a, t - 1) < n,
                     "AddSeconds(a, n) is the earliest such time");
  } else {
    CXKIT_FUZZ_CHECK(calendar.SecondsBetween(a, kHorizon) < n,
                     "AddSeconds fails only when the window is too short");
  }
  first.edge = calendar.NextEdge(a);
  const int64_t until = first.edge ? *first.edge : kHorizon;
  CXKIT_FUZZ_CHECK(until > a || (!first.edge && a == kHorizon),
                   "the next edge is after a");
  CXKIT_FUZZ_CHECK(until <= kHorizon, "the next edge is in the window");
  const int64_t open_until = calendar.SecondsBetween(a, until);
  CXKIT_FUZZ_CHECK(open_until == (first.open ? until - a : 0),
                   "the state does not change before the next edge");
  if (first.edge && *first.edge < kHorizon) {
    CXKIT_FUZZ_CHECK(calendar.IsOpen(*first.edge) != first.open,
                     "the state changes at the next edge");
  }

  // The same questions in reverse order, to a calendar that grows differently.
  BusinessCalendar fresh(&*spec, kOrigin, kHorizon);
  Answers second;
  second.edge = fresh.NextEdge(a);
  second.added = fresh.AddSeconds(a, n);
  second.open = fresh.IsOpen(a);
  second.between = fresh.SecondsBetween(a, b);
  CXKIT_FUZZ_CHECK(first == second,
                   "the answers do not depend on the order of questions");
  return 0;
}
