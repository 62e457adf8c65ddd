// The main job: a day of support traffic through cxkit's four functions, as
// a host runs them, each request built from the previous response:
//
//   contact records ─► ResolveIdentities ─► customers
//   messages + customers ─► MergeConversations ─► conversations
//   conversations as timelines ─► EvaluateSla ─► due times, breaches
//   waiting conversations + agents ─► RouteConversations ─► assignments
//   conversations opened per interval ─► PlanStaffing ─► agents needed

#ifndef CXKIT_EXAMPLES_CPP_PIPELINE_H_
#define CXKIT_EXAMPLES_CPP_PIPELINE_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "cxkit/v1/conversation.pb.h"
#include "cxkit/v1/identity.pb.h"
#include "cxkit/v1/routing.pb.h"
#include "cxkit/v1/sla.pb.h"
#include "shop_day.h"

namespace cxkit_demo {

// What the host derives for one conversation before SLA and routing (see
// host_rules.h).
struct ConversationFacts {
  std::string customer_name;  // the profile's "name", or ""
  std::string language;       // e.g. "ru"
  std::string skill;          // e.g. "delivery"
  double sentiment = 0;       // [-1, 0]
  bool vip = false;           // the profile's "tier" is "vip"
  cxkit::v1::Priority priority = cxkit::v1::PRIORITY_NORMAL;
  // Channel of the latest customer message: where the customer waits.
  cxkit::v1::Channel channel = cxkit::v1::CHANNEL_UNSPECIFIED;
};

// How long one function call took: wall-clock seconds around the call
// alone, for `items` input items (records, messages, conversations, work
// items, intervals).
struct StageTiming {
  std::string function;
  size_t items = 0;
  double seconds = 0;
};

// Every request sent and response received, in pipeline order.
struct PipelineResult {
  cxkit::v1::ResolveIdentitiesRequest identity_request;
  cxkit::v1::ResolveIdentitiesResponse identity;
  cxkit::v1::MergeConversationsRequest merge_request;
  cxkit::v1::MergeConversationsResponse merge;
  cxkit::v1::EvaluateSlaRequest sla_request;
  cxkit::v1::EvaluateSlaResponse sla;
  cxkit::v1::RouteConversationsRequest routing_request;
  cxkit::v1::RouteConversationsResponse routing;
  cxkit::v1::PlanStaffingRequest staffing_request;
  cxkit::v1::PlanStaffingResponse staffing;
  // By conversation id.
  std::map<std::string, ConversationFacts> facts;
  // One per function called, in pipeline order.
  std::vector<StageTiming> timings;
};

// Runs the pipeline on `day`. Returns false with `error` set ("<Function>:
// <code> <message> (field <path>)") when a function answers with a non-OK
// status; per-item issues do not stop it.
bool RunPipeline(ShopDay day, PipelineResult* result, std::string* error);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_PIPELINE_H_
