#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cxkit/limits.h"
#include "cxkit/sla.h"
#include "lib/common/field_status.h"
#include "lib/common/guarded_call.h"
#include "lib/common/proto_time.h"
#include "lib/sla/erlang.h"

namespace cxkit {
namespace {

using cxkit::v1::PlanStaffingRequest;
using cxkit::v1::PlanStaffingResponse;

struct StaffingOptions {
  double interval_seconds;
  double target;
  double threshold_seconds;
  double max_occupancy;
  double shrinkage;
  double patience_seconds;
  bool erlang_a;
  uint32_t max_agents;
  uint32_t max_intervals;
  double max_model_work;
};

double Seconds(const google::protobuf::Duration& d) {
  return static_cast<double>(d.seconds()) + d.nanos() / 1e9;
}

// Durations of staffing are between 0 and `max_seconds` (a day by default:
// handle times, thresholds and intervals longer than that are not a
// contact-center queue).
absl::Status CheckDuration(const google::protobuf::Duration& d,
                           absl::string_view field,
                           int64_t max_seconds = 86400) {
  if (d.seconds() < 0 || d.nanos() < 0) {
    return InvalidField(field, "must not be negative");
  }
  if (d.seconds() > max_seconds || d.nanos() >= 1000000000) {
    return InvalidField(field,
                        absl::StrCat("at most ", max_seconds, " seconds"));
  }
  return absl::OkStatus();
}

absl::Status CheckShare(double value, absl::string_view field, double lo,
                        bool lo_open, double hi, bool hi_open) {
  const bool ok = std::isfinite(value) &&
                  (lo_open ? value > lo : value >= lo) &&
                  (hi_open ? value < hi : value <= hi);
  if (!ok) {
    return InvalidField(
        field, absl::StrFormat("must be in %c%g, %g%c", lo_open ? '(' : '[', lo,
                               hi, hi_open ? ')' : ']'));
  }
  return absl::OkStatus();
}

absl::StatusOr<StaffingOptions> Compile(const PlanStaffingRequest& request) {
  StaffingOptions o;
  absl::Status bytes =
      CheckRequestBytes(request.ByteSizeLong(), "limits.max_request_bytes",
                        request.limits().max_request_bytes() != 0
                            ? request.limits().max_request_bytes()
                            : kDefaultMaxRequestBytes);
  if (!bytes.ok()) return bytes;
  o.max_agents =
      request.limits().max_agents() ? request.limits().max_agents() : 100000;
  if (o.max_agents > 1000000) {
    return InvalidField("limits.max_agents", "at most 1,000,000");
  }
  o.max_intervals = request.limits().max_intervals()
                        ? request.limits().max_intervals()
                        : 10000;
  o.max_model_work =
      request.limits().max_model_work() != 0
          ? static_cast<double>(request.limits().max_model_work())
          : 2e9;
  if (static_cast<uint32_t>(request.intervals_size()) > o.max_intervals) {
    return TooManyItems("intervals", request.intervals_size(),
                        "limits.max_intervals", o.max_intervals);
  }
  if (!cxkit::v1::StaffingModel_IsValid(request.model())) {
    return InvalidField("model", "unknown model");
  }
  o.erlang_a = request.model() == cxkit::v1::STAFFING_MODEL_ERLANG_A;
  for (auto [d, field] :
       {std::make_pair(&request.interval_length(), "interval_length"),
        std::make_pair(&request.average_handle_time(), "average_handle_time"),
        std::make_pair(&request.service_level_threshold(),
                       "service_level_threshold"),
        std::make_pair(&request.average_patience(), "average_patience")}) {
    absl::Status status = CheckDuration(*d, field);
    if (!status.ok()) return status;
  }
  o.interval_seconds = Seconds(request.interval_length());
  if (o.interval_seconds == 0) o.interval_seconds = 1800;
  if (o.interval_seconds < 1) {
    return InvalidField("interval_length", "at least 1 second when set");
  }
  o.threshold_seconds = Seconds(request.service_level_threshold());
  if (o.threshold_seconds == 0) o.threshold_seconds = 20;
  absl::Status status = CheckShare(request.target_service_level(),
                                   "target_service_level", 0, false, 1, true);
  if (!status.ok()) return status;
  o.target = request.target_service_level() == 0
                 ? 0.8
                 : request.target_service_level();
  status =
      CheckShare(request.max_occupancy(), "max_occupancy", 0, false, 1, false);
  if (!status.ok()) return status;
  o.max_occupancy = request.max_occupancy() == 0 ? 1 : request.max_occupancy();
  status = CheckShare(request.shrinkage(), "shrinkage", 0, false, 1, true);
  if (!status.ok()) return status;
  o.shrinkage = request.shrinkage();
  o.patience_seconds = Seconds(request.average_patience());
  if (o.erlang_a && o.patience_seconds < 1) {
    return InvalidField("average_patience",
                        "required (at least 1 second) for ERLANG_A");
  }
  for (int i = 0; i < request.intervals_size(); ++i) {
    const auto& interval = request.intervals(i);
    const std::string field = IndexedField("intervals", i);
    if (!std::isfinite(interval.contacts()) || interval.contacts() < 0 ||
        interval.contacts() > 1e9) {
      return InvalidField(field + ".contacts", "must be in [0, 1e9]");
    }
    status = CheckDuration(interval.average_handle_time(),
                           field + ".average_handle_time");
    if (!status.ok()) return status;
    const double handle = Seconds(interval.average_handle_time()) > 0
                              ? Seconds(interval.average_handle_time())
                              : Seconds(request.average_handle_time());
    if (handle < 1) {
      return InvalidField(field + ".average_handle_time",
                          "required (at least 1 second) here or in "
                          "average_handle_time");
    }
    if (interval.agents() > o.max_agents) {
      return InvalidField(
          field + ".agents",
          absl::StrCat("more than limits.max_agents (", o.max_agents, ")"));
    }
    if (interval.has_start()) {
      status = ValidateTimestamp(interval.start(), field + ".start");
      if (!status.ok()) return status;
    }
  }
  return o;
}

sla::QueueForecast Forecast(const StaffingOptions& o, uint32_t agents,
                            double erlangs, double handle, double max_work) {
  return o.erlang_a
             ? sla::ErlangA(agents, erlangs, handle, o.threshold_seconds,
                            o.patience_seconds, max_work)
             : sla::ErlangC(agents, erlangs, handle, o.threshold_seconds);
}

bool Meets(const StaffingOptions& o, const sla::QueueForecast& f) {
  return f.stable && f.service_level >= o.target &&
         f.occupancy <= o.max_occupancy + 1e-12;
}

// Non-finite or negative values become 0, values beyond the Duration range
// (10,000 years) its maximum: never a cast out of range.
void SetSeconds(double seconds, google::protobuf::Duration* out) {
  constexpr double kMaxDurationSeconds = 315576000000.0;
  if (!(seconds > 0)) seconds = 0;  // also NaN
  if (seconds > kMaxDurationSeconds) seconds = kMaxDurationSeconds;
  const double whole = std::floor(seconds);
  out->set_seconds(static_cast<int64_t>(whole));
  out->set_nanos(static_cast<int32_t>(
      std::min(999999999.0, std::round((seconds - whole) * 1e9))));
}

void Plan(const PlanStaffingRequest& request, PlanStaffingResponse* response) {
  absl::StatusOr<StaffingOptions> options = Compile(request);
  if (!options.ok()) {
    ToProtoStatus(options.status(), response->mutable_status());
    return;
  }
  const StaffingOptions& o = *options;
  // Erlang A's service level costs work that grows with the staff; the call
  // as a whole spends at most o.max_model_work: an evaluation that would
  // cost more than is left is not run, and the call stops.
  double work_left = o.max_model_work;
  bool out_of_work = false;
  const auto forecast = [&](uint32_t agents, double erlangs, double handle) {
    const sla::QueueForecast f =
        Forecast(o, agents, erlangs, handle, work_left);
    if (f.computed) {
      work_left -= f.work;
    } else if (f.work > work_left) {
      out_of_work = true;
    }
    return f;
  };
  double agent_hours = 0;
  uint32_t peak = 0, peak_scheduled = 0;
  for (int i = 0; i < request.intervals_size(); ++i) {
    const auto& interval = request.intervals(i);
    const std::string field = IndexedField("intervals", i);
    const double handle = Seconds(interval.average_handle_time()) > 0
                              ? Seconds(interval.average_handle_time())
                              : Seconds(request.average_handle_time());
    // + 0.0 turns a contacts of -0.0 (valid, it is not below zero) into +0.0,
    // so no response reports -0 Erlangs (JSON would not even carry the sign).
    const double erlangs =
        interval.contacts() * handle / o.interval_seconds + 0.0;
    uint32_t agents = interval.agents();
    if (agents == 0 && erlangs > 0) {
      // Service level grows and occupancy falls with agents: gallop up from
      // the offered load to a staff that meets both, then binary search below
      // it, so the work follows the staff needed, not limits.max_agents.
      const auto too_many = [&] {
        response->Clear();
        ToProtoStatus(
            FieldError(absl::StatusCode::kResourceExhausted,
                       field + ".contacts",
                       absl::StrFormat("%.6g Erlangs need more than "
                                       "limits.max_agents (%u) agents",
                                       erlangs, o.max_agents)),
            response->mutable_status());
      };
      // Erlang C needs more agents than Erlangs; checked before the cast so
      // that no load overflows it (also NaN).
      if (!o.erlang_a && !(erlangs < o.max_agents)) return too_many();
      uint32_t lo =
          o.erlang_a ? 1 : static_cast<uint32_t>(std::floor(erlangs)) + 1;
      uint32_t hi = lo;  // 1 <= lo <= max_agents
      for (;;) {
        const sla::QueueForecast f = forecast(hi, erlangs, handle);
        if (!f.computed || Meets(o, f)) break;  // not computed: reported below
        if (hi == o.max_agents) return too_many();
        lo = hi + 1;
        hi = static_cast<uint32_t>(
            std::min<uint64_t>(2 * static_cast<uint64_t>(hi), o.max_agents));
      }
      while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        const sla::QueueForecast f = forecast(mid, erlangs, handle);
        if (!f.computed) break;  // reported below
        if (Meets(o, f)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      agents = lo;
    }
    const sla::QueueForecast f = forecast(agents, erlangs, handle);
    if (out_of_work) {
      response->Clear();
      ToProtoStatus(
          FieldError(absl::StatusCode::kResourceExhausted,
                     "limits.max_model_work",
                     absl::StrFormat("the Erlang A service levels of these "
                                     "intervals need more than %.6g work "
                                     "units (stopped at %s)",
                                     o.max_model_work, field)),
          response->mutable_status());
      return;
    }
    if (!f.computed) {
      response->Clear();
      ToProtoStatus(
          FieldError(absl::StatusCode::kResourceExhausted,
                     "service_level_threshold",
                     "the Erlang A service level of these rates and this "
                     "threshold needs too much work; use a shorter threshold "
                     "or Erlang C"),
          response->mutable_status());
      return;
    }
    if (!f.stable) {
      response->Clear();
      ToProtoStatus(
          InvalidField(field + ".agents",
                       absl::StrFormat("%u agents cannot carry %.6g Erlangs: "
                                       "the arrival rate is beyond capacity",
                                       agents, erlangs)),
          response->mutable_status());
      return;
    }
    // In double first: a shrinkage close to 1 multiplies without bound.
    const double scheduled_exact = std::ceil(agents / (1 - o.shrinkage) - 1e-9);
    if (!(scheduled_exact <= UINT32_MAX)) {
      response->Clear();
      ToProtoStatus(
          FieldError(absl::StatusCode::kResourceExhausted, "shrinkage",
                     absl::StrFormat("%u agents at this shrinkage need more "
                                     "than %u scheduled agents (%s)",
                                     agents, UINT32_MAX, field)),
          response->mutable_status());
      return;
    }
    const uint32_t scheduled = static_cast<uint32_t>(scheduled_exact);
    auto* out = response->add_intervals();
    if (interval.has_start()) *out->mutable_start() = interval.start();
    out->set_traffic_erlangs(erlangs);
    out->set_agents(agents);
    out->set_scheduled_agents(scheduled);
    out->set_service_level(f.service_level);
    out->set_probability_of_waiting(f.probability_of_waiting);
    SetSeconds(f.average_speed_of_answer,
               out->mutable_average_speed_of_answer());
    out->set_occupancy(f.occupancy);
    out->set_abandonment_probability(f.abandonment);
    out->set_target_met(Meets(o, f));
    peak = std::max(peak, agents);
    peak_scheduled = std::max(peak_scheduled, scheduled);
    agent_hours += scheduled * o.interval_seconds / 3600.0;
  }
  response->set_peak_agents(peak);
  response->set_peak_scheduled_agents(peak_scheduled);
  response->set_scheduled_agent_hours(agent_hours);
}

}  // namespace

absl::Status ValidatePlanStaffingRequest(const PlanStaffingRequest& request) {
  absl::StatusOr<StaffingOptions> options = Compile(request);
  return options.ok() ? absl::OkStatus() : options.status();
}

void PlanStaffingInto(const PlanStaffingRequest& request,
                      PlanStaffingResponse* response) {
  GuardedCall("planning staff", response,
              [&](PlanStaffingResponse* out) { Plan(request, out); });
}

PlanStaffingResponse PlanStaffing(const PlanStaffingRequest& request) {
  PlanStaffingResponse response;
  PlanStaffingInto(request, &response);
  return response;
}

}  // namespace cxkit
