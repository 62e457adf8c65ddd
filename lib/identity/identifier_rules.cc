#include "lib/identity/identifier_rules.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/identity/default_blocklist.h"
#include "lib/identity/identifier_normalizer.h"
#include "lib/identity/phone_normalizer.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::IdentifierRule;
using cxkit::v1::IdentifierType;

constexpr int kLastBuiltInType = cxkit::v1::IDENTIFIER_TYPE_CUSTOM;
constexpr int64_t kPatternMemoryBytes = 2 << 20;

// Blocked values are compared with normalized values: each is kept as given
// and, where it normalizes, also in its normalized form ("8 (495) 780-11-22"
// in RU blocks +74957801122, "Info@Shop.RU" blocks info@shop.ru).
void AddBlockedValues(const IdentifierRule& rule,
                      const cxkit::v1::IdentityPolicy& policy,
                      ResolvedRule* out) {
  if (rule.blocked_values_size() == 0) return;
  PhoneNormalizer phones;
  cxkit::v1::Identifier identifier;
  identifier.set_type(out->type);
  identifier.set_custom_type(out->custom_type);
  std::string key;
  for (const std::string& value : rule.blocked_values()) {
    out->blocked_values.insert(value);
    identifier.set_value(value);
    key.clear();
    if (NormalizeIdentifier(identifier, policy.default_region(), policy.email(),
                            &phones, &key)
            .ok() &&
        !key.empty()) {
      out->blocked_values.insert(key);
    }
  }
}

absl::Status ApplyRule(const IdentifierRule& rule, const std::string& field,
                       const cxkit::v1::IdentityPolicy& policy,
                       ResolvedRule* out) {
  if (rule.has_max_per_profile()) out->max_per_profile = rule.max_per_profile();
  if (rule.has_rank()) {
    if (rule.rank() == 0)
      return InvalidField(field + ".rank", "rank starts at 1");
    out->rank = rule.rank();
  }
  if (rule.has_links()) out->links = rule.links();
  out->default_blocklist = !rule.disable_default_blocklist();
  AddBlockedValues(rule, policy, out);
  if (rule.blocked_patterns_size() == 0) return absl::OkStatus();
  RE2::Options options;
  options.set_log_errors(false);
  // Bounds both the compiled patterns and the DFA cache, so matching a value
  // takes bounded time: a DFA that runs out of it fails instead of thrashing.
  options.set_max_mem(kPatternMemoryBytes);
  out->blocked_patterns = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
  for (int i = 0; i < rule.blocked_patterns_size(); ++i) {
    std::string error;
    if (out->blocked_patterns->Add(rule.blocked_patterns(i), &error) < 0) {
      // RE2 quotes the offending part of the pattern after ": ", and a
      // blocklist may hold literal e-mails or phones: only the kind of error.
      return InvalidField(
          IndexedField(field + ".blocked_patterns", i),
          absl::StrCat("invalid RE2 pattern: ",
                       absl::string_view(error).substr(0, error.find(": "))));
    }
  }
  if (!out->blocked_patterns->Compile()) {
    return FieldError(absl::StatusCode::kResourceExhausted,
                      field + ".blocked_patterns",
                      "patterns exceed RE2's memory budget");
  }
  return absl::OkStatus();
}

ResolvedRule DefaultRule(IdentifierType type, absl::string_view custom_type) {
  ResolvedRule rule;
  rule.type = type;
  rule.custom_type = std::string(custom_type);
  rule.rank = DefaultRank(type);
  rule.max_per_profile = DefaultMaxPerProfile(type);
  return rule;
}

}  // namespace

uint32_t DefaultRank(IdentifierType type) {
  switch (type) {
    case cxkit::v1::IDENTIFIER_TYPE_CRM_ID:
      return 1;
    case cxkit::v1::IDENTIFIER_TYPE_EMAIL:
      return 2;
    case cxkit::v1::IDENTIFIER_TYPE_PHONE:
      return 3;
    case cxkit::v1::IDENTIFIER_TYPE_LOYALTY_CARD:
      return 4;
    case cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID:
    case cxkit::v1::IDENTIFIER_TYPE_INSTAGRAM_ID:
    case cxkit::v1::IDENTIFIER_TYPE_TELEGRAM_ID:
    case cxkit::v1::IDENTIFIER_TYPE_VIBER_ID:
      return 5;
    case cxkit::v1::IDENTIFIER_TYPE_ORDER_ID:
      return 6;
    case cxkit::v1::IDENTIFIER_TYPE_DEVICE_ID:
      return 7;
    case cxkit::v1::IDENTIFIER_TYPE_COOKIE:
      return 8;
    default:
      return 9;
  }
}

uint32_t DefaultMaxPerProfile(IdentifierType type) {
  switch (type) {
    case cxkit::v1::IDENTIFIER_TYPE_CRM_ID:
      return 1;
    case cxkit::v1::IDENTIFIER_TYPE_EMAIL:
    case cxkit::v1::IDENTIFIER_TYPE_PHONE:
    case cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID:
      return 5;
    case cxkit::v1::IDENTIFIER_TYPE_INSTAGRAM_ID:
    case cxkit::v1::IDENTIFIER_TYPE_TELEGRAM_ID:
    case cxkit::v1::IDENTIFIER_TYPE_VIBER_ID:
      return 3;
    case cxkit::v1::IDENTIFIER_TYPE_LOYALTY_CARD:
      return 2;
    default:
      return 0;  // orders, devices, cookies, custom types: unlimited
  }
}

absl::StatusOr<IdentifierRules> IdentifierRules::Create(
    const cxkit::v1::IdentityPolicy& policy) {
  IdentifierRules rules;
  rules.rules_.reserve(kLastBuiltInType + 1);
  for (int t = 0; t <= kLastBuiltInType; ++t) {
    rules.rules_.push_back(DefaultRule(static_cast<IdentifierType>(t), ""));
  }
  std::vector<bool> seen(kLastBuiltInType + 1, false);
  for (int i = 0; i < policy.rules_size(); ++i) {
    const IdentifierRule& rule = policy.rules(i);
    const std::string field = IndexedField("policy.rules", i);
    const IdentifierType type = rule.type();
    if (type == cxkit::v1::IDENTIFIER_TYPE_UNSPECIFIED ||
        !cxkit::v1::IdentifierType_IsValid(type)) {
      return InvalidField(field + ".type",
                          "a rule needs a known identifier type");
    }
    if (type == cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID) {
      return InvalidField(
          field + ".type",
          "WhatsApp ids match as phone numbers; put the rule on "
          "IDENTIFIER_TYPE_PHONE");
    }
    if ((type == cxkit::v1::IDENTIFIER_TYPE_CUSTOM) ==
        rule.custom_type().empty()) {
      return InvalidField(
          field + ".custom_type",
          "custom_type is required for IDENTIFIER_TYPE_CUSTOM and "
          "only allowed there");
    }
    uint32_t index;
    if (type == cxkit::v1::IDENTIFIER_TYPE_CUSTOM) {
      if (rules.custom_index_.contains(rule.custom_type())) {
        return InvalidField(field, absl::StrCat("second rule for custom type ",
                                                QuotedId(rule.custom_type())));
      }
      index = rules.IndexFor(type, rule.custom_type());
    } else {
      if (seen[type]) {
        return InvalidField(
            field, absl::StrCat("second rule for ", IdentifierType_Name(type)));
      }
      seen[type] = true;
      index = type;
    }
    absl::Status status = ApplyRule(rule, field, policy, &rules.rules_[index]);
    if (!status.ok()) return status;
  }
  return rules;
}

uint32_t IdentifierRules::IndexFor(IdentifierType type,
                                   absl::string_view custom_type) {
  if (type != cxkit::v1::IDENTIFIER_TYPE_CUSTOM) return type;
  auto [it, inserted] = custom_index_.try_emplace(custom_type, size());
  if (inserted) rules_.push_back(DefaultRule(type, custom_type));
  return it->second;
}

BlockCheck IdentifierRules::CheckBlocked(uint32_t index,
                                         absl::string_view key) const {
  const ResolvedRule& rule = rules_[index];
  if (rule.default_blocklist && IsDefaultBlocked(rule.type, key)) {
    return BlockCheck::kBlocked;
  }
  if (!rule.blocked_values.empty() && rule.blocked_values.contains(key)) {
    return BlockCheck::kBlocked;
  }
  if (rule.blocked_patterns == nullptr) return BlockCheck::kAllowed;
  RE2::Set::ErrorInfo error;
  if (rule.blocked_patterns->Match(re2::StringPiece(key.data(), key.size()),
                                   nullptr, &error)) {
    return BlockCheck::kBlocked;
  }
  return error.kind == RE2::Set::kNoError ? BlockCheck::kAllowed
                                          : BlockCheck::kUncheckable;
}

}  // namespace cxkit::identity
