#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cxkit/identity.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/identity/identity_index.h"
#include "lib/identity/match_policy.h"
#include "lib/identity/phone_normalizer.h"
#include "lib/identity/request_validation.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::IdentityPolicy;
using cxkit::v1::ResolveIdentitiesRequest;

absl::Status ValidatePolicy(const IdentityPolicy& policy,
                            const cxkit::v1::IdentityLimits& limits) {
  if (!policy.default_region().empty() &&
      !IsSupportedPhoneRegion(policy.default_region())) {
    return InvalidField("policy.default_region",
                        absl::StrCat("unknown CLDR region ",
                                     QuotedId(policy.default_region())));
  }
  size_t patterns = 0;
  for (int i = 0; i < policy.rules_size(); ++i) {
    const auto& rule = policy.rules(i);
    patterns += rule.blocked_patterns_size();
    for (int j = 0; j < rule.blocked_patterns_size(); ++j) {
      if (rule.blocked_patterns(j).size() > limits.max_value_bytes()) {
        return InvalidField(
            IndexedField(IndexedField("policy.rules", i) + ".blocked_patterns",
                         j),
            absl::StrCat("pattern longer than policy.limits.max_value_bytes (",
                         limits.max_value_bytes(), ")"));
      }
    }
  }
  if (patterns > limits.max_blocked_patterns()) {
    return TooManyItems("policy.rules", patterns,
                        "policy.limits.max_blocked_patterns",
                        limits.max_blocked_patterns());
  }
  const double tolerance = policy.hub_detection().tolerance();
  if (!std::isfinite(tolerance) || tolerance < 0 || tolerance > 1e6) {
    return InvalidField("policy.hub_detection.tolerance",
                        "must be a number in [0, 1e6]");
  }
  if (!cxkit::v1::SurvivorshipStrategy_IsValid(policy.default_survivorship())) {
    return InvalidField("policy.default_survivorship", "unknown strategy");
  }
  absl::flat_hash_set<absl::string_view> attributes;
  for (int i = 0; i < policy.survivorship_size(); ++i) {
    const auto& rule = policy.survivorship(i);
    const std::string field = IndexedField("policy.survivorship", i);
    if (rule.attribute().empty())
      return InvalidField(field + ".attribute", "required");
    if (!attributes.insert(rule.attribute()).second) {
      return InvalidField(
          field + ".attribute",
          absl::StrCat("second rule for ", QuotedId(rule.attribute())));
    }
    if (!cxkit::v1::SurvivorshipStrategy_IsValid(rule.strategy())) {
      return InvalidField(field + ".strategy", "unknown strategy");
    }
  }
  if (policy.probabilistic().enabled()) {
    absl::Status status = CompileMatchPolicy(policy.probabilistic()).status();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status ValidateScorePairs(const ResolveIdentitiesRequest& request) {
  if (request.score_pairs_size() == 0) return absl::OkStatus();
  const auto& matching = request.policy().probabilistic();
  if (!matching.enabled()) {
    return InvalidField("score_pairs",
                        "needs policy.probabilistic.enabled and its model");
  }
  const uint32_t limit = matching.limits().max_score_pairs() != 0
                             ? matching.limits().max_score_pairs()
                             : 100000;
  if (static_cast<uint32_t>(request.score_pairs_size()) > limit) {
    return TooManyItems("score_pairs", request.score_pairs_size(),
                        "policy.probabilistic.limits.max_score_pairs", limit);
  }
  absl::flat_hash_set<absl::string_view> ids;
  ids.reserve(request.records_size());
  for (const auto& record : request.records()) ids.insert(record.id());
  for (int i = 0; i < request.score_pairs_size(); ++i) {
    const auto& pair = request.score_pairs(i);
    const std::string field = IndexedField("score_pairs", i);
    if (!ids.contains(pair.record_id())) {
      return InvalidField(
          field + ".record_id",
          absl::StrCat("unknown record id ", QuotedId(pair.record_id())));
    }
    if (!ids.contains(pair.other_record_id())) {
      return InvalidField(
          field + ".other_record_id",
          absl::StrCat("unknown record id ", QuotedId(pair.other_record_id())));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateRecordIds(const ResolveIdentitiesRequest& request) {
  absl::flat_hash_map<absl::string_view, int> first_index;
  first_index.reserve(request.records_size());
  for (int i = 0; i < request.records_size(); ++i) {
    const std::string& id = request.records(i).id();
    if (id.empty())
      return InvalidField(IndexedField("records", i) + ".id", "required");
    auto [it, inserted] = first_index.try_emplace(id, i);
    if (!inserted) {
      return InvalidField(
          IndexedField("records", i) + ".id",
          absl::StrCat("duplicate record id ", QuotedId(id),
                       " (first at records[", it->second, "])"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidatePreviousProfiles(const ResolveIdentitiesRequest& request,
                                      const cxkit::v1::IdentityLimits& limits) {
  absl::flat_hash_set<absl::string_view> profile_ids;
  absl::flat_hash_map<absl::string_view, int> profile_of_record;
  size_t record_ids = 0;
  for (int p = 0; p < request.previous_profiles_size(); ++p) {
    const auto& profile = request.previous_profiles(p);
    const std::string field = IndexedField("previous_profiles", p);
    if (profile.profile_id().empty())
      return InvalidField(field + ".profile_id", "required");
    if (!profile_ids.insert(profile.profile_id()).second) {
      return InvalidField(field + ".profile_id",
                          absl::StrCat("duplicate profile id ",
                                       QuotedId(profile.profile_id())));
    }
    if (profile.has_created_at()) {
      absl::Status status =
          ValidateTimestamp(profile.created_at(), field + ".created_at");
      if (!status.ok()) return status;
    }
    record_ids += profile.record_ids_size();
    if (record_ids > limits.max_records()) {
      return TooManyItems("previous_profiles", record_ids,
                          "policy.limits.max_records", limits.max_records());
    }
    for (int r = 0; r < profile.record_ids_size(); ++r) {
      auto [it, inserted] =
          profile_of_record.try_emplace(profile.record_ids(r), p);
      if (!inserted && it->second != p) {
        return InvalidField(
            IndexedField(field + ".record_ids", r),
            absl::StrCat("record ", QuotedId(profile.record_ids(r)),
                         " is already in previous_profiles[", it->second, "]"));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<IdentifierRules> ValidateAndCompileRules(
    const ResolveIdentitiesRequest& request) {
  const cxkit::v1::IdentityLimits limits =
      EffectiveLimits(request.policy().limits());
  absl::Status bytes = CheckRequestBytes(request.ByteSizeLong(),
                                         "policy.limits.max_request_bytes",
                                         limits.max_request_bytes());
  if (!bytes.ok()) return bytes;
  if (static_cast<uint32_t>(request.records_size()) > limits.max_records()) {
    return TooManyItems("records", request.records_size(),
                        "policy.limits.max_records", limits.max_records());
  }
  absl::Status status = ValidatePolicy(request.policy(), limits);
  if (!status.ok()) return status;
  status = ValidateRecordIds(request);
  if (!status.ok()) return status;
  status = ValidatePreviousProfiles(request, limits);
  if (!status.ok()) return status;
  status = ValidateScorePairs(request);
  if (!status.ok()) return status;
  return IdentifierRules::Create(request.policy());
}

}  // namespace cxkit::identity

namespace cxkit {

absl::Status ValidateResolveIdentitiesRequest(
    const cxkit::v1::ResolveIdentitiesRequest& request) {
  return identity::ValidateAndCompileRules(request).status();
}

}  // namespace cxkit
