// The input of the demo: one day of a shop's support traffic, as JSON / JSON
// Lines files in the proto3 JSON mapping of the cxkit.v1 messages, so a user
// can swap in their own files.

#ifndef CXKIT_EXAMPLES_CPP_SHOP_DAY_H_
#define CXKIT_EXAMPLES_CPP_SHOP_DAY_H_

#include <string>

#include "cxkit/v1/conversation.pb.h"
#include "cxkit/v1/identity.pb.h"
#include "cxkit/v1/routing.pb.h"
#include "cxkit/v1/sla.pb.h"

namespace cxkit_demo {

// Paths of the input files; every one is required.
struct ShopDayFiles {
  std::string records;           // ContactRecord per line
  std::string identity_policy;   // IdentityPolicy
  std::string messages;          // ConversationMessage per line
  std::string merge_policy;      // MergePolicy
  std::string sla_request;       // EvaluateSlaRequest: policies, calendars, now
  std::string routing_request;   // RouteConversationsRequest: agents, policy
  std::string staffing_request;  // PlanStaffingRequest without intervals

  // The files of the bundled layout in `dir` (see examples/data).
  static ShopDayFiles InDirectory(const std::string& dir);
};

struct ShopDay {
  // Records and policy; the other fields are empty.
  cxkit::v1::ResolveIdentitiesRequest identity;
  // Messages and policy; customers are filled in by the pipeline.
  cxkit::v1::MergeConversationsRequest merge;
  // Templates that the pipeline completes with the day's conversations,
  // work items and intervals.
  cxkit::v1::EvaluateSlaRequest sla;
  cxkit::v1::RouteConversationsRequest routing;
  cxkit::v1::PlanStaffingRequest staffing;
};

// Reads every file of `files` into `day`. On failure returns false and sets
// `error` to "<path>[:<line>]: <what is wrong>".
bool LoadShopDay(const ShopDayFiles& files, ShopDay* day, std::string* error);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_SHOP_DAY_H_
