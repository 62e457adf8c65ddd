// SLA timers, service level and staffing.
//
// EvaluateSla() computes, for every conversation of a request and every
// metric its policy promises, Jira-style cycles (completed ones and at most
// one ongoing), when the ongoing one is due, whether its clock runs, is
// paused, at warning or breached, and the next instant at which anything
// changes, so a host schedules one wake-up instead of polling. It also
// reports the service level per channel ("95 % within 20 s").
// PlanStaffing() turns forecast contacts per interval into agents with
// Erlang C or Erlang A.
//
// Business time. A real second counts when the calendar's local wall clock
// reads inside an open interval. So a daylight-saving day has 23 or 25 real
// hours; on a fall-back night a repeated open hour counts twice and a
// repeated closed hour not at all; the hour skipped in spring never counts.
// Holidays and special days are local dates of the calendar's zone; an
// overnight interval belongs to the day it starts on. Times have second
// precision (nanos are truncated). A target that ends exactly at closing
// time is due at the close. Each calendar's open intervals are computed once
// per call, by splitting time at the zone's UTC-offset transitions and
// intersecting each constant-offset segment with the local open hours, with
// prefix sums: "add N business seconds" and "business seconds between" are
// binary searches, so a 30-day target costs what a 30-second one costs.
//
// Cycles. A reply at the due instant still meets the target; an ongoing
// cycle shows as breached from its due instant on. SOLVED completes every
// running cycle; a reopen starts new resolution cycles. A customer message
// sets a PENDING or SOLVED conversation back to OPEN.
//
// Example:
//   cxkit::v1::EvaluateSlaRequest request;
//   *request.mutable_now() = ...;
//   auto* conversation = request.add_conversations();
//   conversation->set_id("c1");
//   conversation->set_channel(cxkit::v1::CHANNEL_LIVE_CHAT);
//   auto* message = conversation->add_events();
//   message->set_kind(cxkit::v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE);
//   *message->mutable_time() = ...;
//   cxkit::v1::EvaluateSlaResponse response = cxkit::EvaluateSla(request);
//   // response.conversations(0).metrics(0).ongoing_cycle().due(): 30 s later
//   // (the built-in default policy for live chat).

#ifndef CXKIT_SLA_H_
#define CXKIT_SLA_H_

#include "absl/status/status.h"
#include "cxkit/v1/sla.pb.h"

namespace cxkit {

// Evaluates the SLA clocks of every conversation of `request` at
// `request.now()`.
//
// Pure and deterministic: the response depends only on the request and is
// byte-identical whatever the order of conversations, events, calendars'
// hours or holidays (conversations are sorted by id; conversation_issues name
// a conversation by its position too). Thread-safe; never throws; keeps no
// reference to `request`.
//
// Errors: a request that fails ValidateEvaluateSlaRequest() gets that status
// (with the field path) and nothing else. A bad conversation (invalid event
// time or kind, too many events, times beyond limits.max_horizon) is an
// ERROR in conversation_issues and is left out; the rest goes on.
//
// Complexity: O(E log E + M log I) per conversation with E events, M metric
// cycles and I open intervals of its calendar; calendars cost O(I) once,
// bounded by limits.max_horizon, and all calendars of a call build at most
// limits.max_calendar_intervals intervals: a call that needs more is refused
// as a whole (RESOURCE_EXHAUSTED), never answered in part.
cxkit::v1::EvaluateSlaResponse EvaluateSla(
    const cxkit::v1::EvaluateSlaRequest& request);

// Same as EvaluateSla(), writing into `*response` (cleared first; may live on
// an Arena). `response` must not be null.
void EvaluateSlaInto(const cxkit::v1::EvaluateSlaRequest& request,
                     cxkit::v1::EvaluateSlaResponse* response);

// Returns the first problem that makes `request` unusable as a whole: `now`
// missing, duplicate or missing ids, an unknown time zone, an unparseable or
// overlapping open interval, a calendar without open hours, a negative or
// missing target, an unknown calendar id, limits exceeded. The status names
// the field path (e.g. "calendars[2].weekly_hours[0].intervals[1].end").
// Thread-safe; O(size of the request).
absl::Status ValidateEvaluateSlaRequest(
    const cxkit::v1::EvaluateSlaRequest& request);

// Plans agents per interval: for each interval the smallest number of agents
// that meets target_service_level within service_level_threshold and keeps
// occupancy at most max_occupancy (or evaluates the given `agents`), with
// the predicted service level, probability of waiting, average speed of
// answer, occupancy and (Erlang A) abandonment; shrinkage scales to
// scheduled agents.
//
// Erlang C uses the Erlang B recursion (no factorials, stable for thousands
// of agents); Erlang A computes the M/M/N+M stationary distribution by ratio
// recursion. Pure, deterministic, thread-safe, never throws.
//
// Errors: a request failing ValidatePlanStaffingRequest(), or a load that
// needs more than limits.max_agents (or exceeds the capacity of a given
// `agents` under Erlang C) is an error naming the interval's field.
// Complexity: per interval, O(log N) queue evaluations of O(N) each, N the
// agents needed (Erlang A evaluations cost more: queue states up to a work
// budget).
cxkit::v1::PlanStaffingResponse PlanStaffing(
    const cxkit::v1::PlanStaffingRequest& request);

// Same as PlanStaffing(), writing into `*response` (cleared first; may live on
// an Arena). `response` must not be null.
void PlanStaffingInto(const cxkit::v1::PlanStaffingRequest& request,
                      cxkit::v1::PlanStaffingResponse* response);

// Returns the first problem of `request` (negative contacts or durations,
// shares outside their ranges, missing handle time or patience, limits), with
// its field path, or OK. Does not check capacity (PlanStaffing does).
absl::Status ValidatePlanStaffingRequest(
    const cxkit::v1::PlanStaffingRequest& request);

}  // namespace cxkit

#endif  // CXKIT_SLA_H_
