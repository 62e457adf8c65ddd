// Caps on the limits of every request type, shared by the bytes and the JSON
// targets: the fuzzer should explore logic, not batch size, so a request may
// lower a limit (and hit RESOURCE_EXHAUSTED) but never raise it above these.

#ifndef CXKIT_TESTS_FUZZ_FUZZ_CLAMPS_H_
#define CXKIT_TESTS_FUZZ_FUZZ_CLAMPS_H_

#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "tests/fuzz/fuzz_support.h"

namespace cxkit::fuzz {

inline void ClampRequest(cxkit::v1::ResolveIdentitiesRequest* request) {
  auto* limits = request->mutable_policy()->mutable_limits();
  limits->set_max_records(Capped(limits->max_records(), 64));
  limits->set_max_identifiers_per_record(
      Capped(limits->max_identifiers_per_record(), 16));
  limits->set_max_value_bytes(Capped(limits->max_value_bytes(), 256));
  limits->set_max_blocked_patterns(Capped(limits->max_blocked_patterns(), 8));
  limits->set_max_attributes_per_record(
      Capped(limits->max_attributes_per_record(), 16));
  // Probabilistic matching, whether `enabled` or not: unset, u is estimated
  // from 200,000 random pairs, which for 64 records would cost most of an
  // execution.
  {
    auto* matching = request->mutable_policy()->mutable_probabilistic();
    matching->set_u_sample_pairs(Capped(matching->u_sample_pairs(), 2000));
    matching->set_em_max_iterations(Capped(matching->em_max_iterations(), 25));
    auto* pairs = matching->mutable_limits();
    pairs->set_max_block_size(Capped(pairs->max_block_size(), 64));
    pairs->set_max_candidate_pairs(Capped(pairs->max_candidate_pairs(), 4096));
    pairs->set_max_score_pairs(Capped(pairs->max_score_pairs(), 256));
  }
}

inline void ClampRequest(cxkit::v1::MergeConversationsRequest* request) {
  auto* limits = request->mutable_policy()->mutable_limits();
  limits->set_max_messages(Capped(limits->max_messages(), 64));
  limits->set_max_identifiers_per_message(
      Capped(limits->max_identifiers_per_message(), 16));
  limits->set_max_value_bytes(Capped(limits->max_value_bytes(), 512));
  limits->set_max_header_bytes(Capped(limits->max_header_bytes(), 1024));
  limits->set_max_references_per_message(
      Capped(limits->max_references_per_message(), 32));
  limits->set_max_scanned_text_bytes(
      Capped(limits->max_scanned_text_bytes(), 4096));
  limits->set_max_reference_patterns(
      Capped(limits->max_reference_patterns(), 8));
  limits->set_max_host_items(Capped(limits->max_host_items(), 64));
  limits->set_max_subject_prefixes(Capped(limits->max_subject_prefixes(), 16));
}

inline void ClampRequest(cxkit::v1::EvaluateSlaRequest* request) {
  auto* limits = request->mutable_limits();
  limits->set_max_conversations(Capped(limits->max_conversations(), 16));
  limits->set_max_events_per_conversation(
      Capped(limits->max_events_per_conversation(), 64));
  limits->set_max_calendars(Capped(limits->max_calendars(), 4));
  limits->set_max_policies(Capped(limits->max_policies(), 8));
  limits->set_max_intervals_per_calendar(
      Capped(limits->max_intervals_per_calendar(), 2048));
  limits->set_max_calendar_intervals(
      Capped(limits->max_calendar_intervals(), 100000));
  // 400 days; negative horizons are left for validation to reject.
  constexpr int64_t kMaxHorizon = int64_t{400} * 86400;
  auto* horizon = limits->mutable_max_horizon();
  if ((horizon->seconds() == 0 && horizon->nanos() == 0) ||
      horizon->seconds() > kMaxHorizon) {
    horizon->set_seconds(kMaxHorizon);
    horizon->set_nanos(0);
  }
}

inline void ClampRequest(cxkit::v1::PlanStaffingRequest* request) {
  auto* limits = request->mutable_limits();
  limits->set_max_agents(Capped(limits->max_agents(), 2000));
  limits->set_max_intervals(Capped(limits->max_intervals(), 64));
  // Erlang A work (default 2e9 units, seconds), one budget per call shared by
  // its intervals and growing with their load in Erlangs: 3e4 units plan one
  // interval of about 50 contacts per 30 min at 6 min handle time and refuse
  // larger loads, so both outcomes stay reachable. At 2e7 the corpus drifted
  // to inputs of 0.1 s each (5-10 s under ASan), and the target managed about
  // 200 executions a second.
  constexpr uint64_t kMaxModelWork = 30000;
  const uint64_t work = limits->max_model_work();
  limits->set_max_model_work(work == 0 || work > kMaxModelWork ? kMaxModelWork
                                                               : work);
}

inline void ClampRequest(cxkit::v1::RouteConversationsRequest* request) {
  auto* limits = request->mutable_policy()->mutable_limits();
  limits->set_max_items(Capped(limits->max_items(), 64));
  limits->set_max_agents(Capped(limits->max_agents(), 64));
  limits->set_max_entries_per_item(Capped(limits->max_entries_per_item(), 16));
  if (limits->max_optimal_pairs() == 0 || limits->max_optimal_pairs() > 4096) {
    limits->set_max_optimal_pairs(4096);
  }
  if (limits->max_explained_pairs() == 0 ||
      limits->max_explained_pairs() > 1024) {
    limits->set_max_explained_pairs(1024);
  }
  limits->set_max_name_bytes(Capped(limits->max_name_bytes(), 256));
  // max_visits is left at its default: 64 items x 64 agents bound it.
}

}  // namespace cxkit::fuzz

#endif  // CXKIT_TESTS_FUZZ_FUZZ_CLAMPS_H_
