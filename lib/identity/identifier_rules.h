// The policy's identifier rules merged with the built-in defaults, ready for
// matching.

#ifndef CXKIT_LIB_IDENTITY_IDENTIFIER_RULES_H_
#define CXKIT_LIB_IDENTITY_IDENTIFIER_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/identity.pb.h"
#include "re2/set.h"

namespace cxkit::identity {

// The effective rule for one matching type (or one custom type name).
struct ResolvedRule {
  cxkit::v1::IdentifierType type = cxkit::v1::IDENTIFIER_TYPE_UNSPECIFIED;
  std::string custom_type;
  uint32_t max_per_profile = 0;  // 0: unlimited
  uint32_t rank = 0;             // 1 is linked first
  bool links = true;
  bool default_blocklist = true;
  absl::flat_hash_set<std::string> blocked_values;
  std::unique_ptr<RE2::Set> blocked_patterns;  // null when there are none
};

enum class BlockCheck { kAllowed, kBlocked, kUncheckable };

// Immutable after Create(); thread-compatible.
class IdentifierRules {
 public:
  // Merges `policy.rules` over the defaults. Errors name the field:
  // "policy.rules[2].blocked_patterns[0]: invalid RE2 pattern ...".
  static absl::StatusOr<IdentifierRules> Create(
      const cxkit::v1::IdentityPolicy& policy);

  // Index of the rule for matching type `type` (WHATSAPP_ID already mapped to
  // PHONE) and, for CUSTOM, `custom_type`. Custom types without a rule of their
  // own get a rule created on first use (so each name is its own slot), hence
  // non-const.
  uint32_t IndexFor(cxkit::v1::IdentifierType type,
                    absl::string_view custom_type);

  const ResolvedRule& rule(uint32_t index) const { return rules_[index]; }

  // Orders rules by (type, custom type): the order in which problems with
  // several rules are reported, independent of the order of policy.rules.
  bool RuleLess(uint32_t a, uint32_t b) const {
    return std::tie(rules_[a].type, rules_[a].custom_type) <
           std::tie(rules_[b].type, rules_[b].custom_type);
  }
  uint32_t size() const { return static_cast<uint32_t>(rules_.size()); }

  // Whether `key` of rule `index` is blocked by the built-in list, the rule's
  // exact values or its patterns. kUncheckable: the patterns could not be
  // matched within RE2's memory budget (the caller treats the value as
  // blocked). Time is bounded by the value's length and the budget.
  BlockCheck CheckBlocked(uint32_t index, absl::string_view key) const;

 private:
  std::vector<ResolvedRule> rules_;  // built-in types first, in enum order
  absl::flat_hash_map<std::string, uint32_t> custom_index_;
};

// The built-in rank and limit of a matching type (Segment-style defaults).
uint32_t DefaultRank(cxkit::v1::IdentifierType type);
uint32_t DefaultMaxPerProfile(cxkit::v1::IdentifierType type);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_IDENTIFIER_RULES_H_
