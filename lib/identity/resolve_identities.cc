
#include <optional>

#include "cxkit/identity.h"
#include "lib/common/field_status.h"
#include "lib/common/guarded_call.h"
#include "lib/identity/hub_detector.h"
#include "lib/identity/identity_index.h"
#include "lib/identity/limited_linker.h"
#include "lib/identity/match_policy.h"
#include "lib/identity/probabilistic_matcher.h"
#include "lib/identity/profile_builder.h"
#include "lib/identity/request_validation.h"

namespace cxkit {
namespace {

using cxkit::v1::ResolveIdentitiesRequest;
using cxkit::v1::ResolveIdentitiesResponse;

void Resolve(const ResolveIdentitiesRequest& request,
             ResolveIdentitiesResponse* response) {
  absl::StatusOr<identity::IdentifierRules> rules =
      identity::ValidateAndCompileRules(request);
  if (!rules.ok()) {
    ToProtoStatus(rules.status(), response->mutable_status());
    return;
  }
  response->mutable_stats()->set_records(
      static_cast<uint32_t>(request.records_size()));
  identity::IdentityIndex index =
      identity::BuildIdentityIndex(request, &*rules, response);
  identity::DetectHubs(request.policy().hub_detection(), *rules, &index,
                       response);
  // Probabilistic links come after every identifier link (see
  // ProbabilisticMatching in identity.proto).
  std::optional<identity::MatchPolicy> match_policy;
  std::optional<identity::ProbabilisticMatcher> matcher;
  if (request.policy().probabilistic().enabled()) {
    absl::StatusOr<identity::MatchPolicy> compiled =
        identity::CompileMatchPolicy(request.policy().probabilistic());
    if (!compiled.ok()) {  // validated already; kept for safety
      response->Clear();
      ToProtoStatus(compiled.status(), response->mutable_status());
      return;
    }
    match_policy.emplace(*std::move(compiled));
    matcher.emplace(request, *match_policy, index);
    matcher->Run(response);
  }
  const identity::Clustering clustering = identity::LinkRecords(
      request, *rules, index, matcher ? &*matcher : nullptr, response);
  identity::BuildProfiles(request, *rules, index, clustering, response);
  if (matcher) matcher->AddSuggestionsAndScores(clustering.root, response);
  uint32_t with_errors = 0;
  for (bool excluded : index.excluded) with_errors += excluded;
  response->mutable_stats()->set_records_with_errors(with_errors);
}

}  // namespace

void ResolveIdentitiesInto(const ResolveIdentitiesRequest& request,
                           ResolveIdentitiesResponse* response) {
  GuardedCall("resolving identities", response,
              [&](ResolveIdentitiesResponse* out) { Resolve(request, out); });
}

ResolveIdentitiesResponse ResolveIdentities(
    const ResolveIdentitiesRequest& request) {
  ResolveIdentitiesResponse response;
  ResolveIdentitiesInto(request, &response);
  return response;
}

}  // namespace cxkit
