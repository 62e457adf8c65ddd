#include "lib/conversation/customer_directory.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/identity/identifier_normalizer.h"

namespace cxkit::conversation {

using cxkit::v1::ConversationMessage;
using cxkit::v1::IdentifierType;

bool IsFromCustomer(const ConversationMessage& message) {
  switch (message.direction()) {
    case cxkit::v1::MESSAGE_DIRECTION_INBOUND:
      return true;
    case cxkit::v1::MESSAGE_DIRECTION_OUTBOUND:
    case cxkit::v1::MESSAGE_DIRECTION_INTERNAL:
      return false;
    default:
      return message.author_kind() == cxkit::v1::AUTHOR_KIND_CUSTOMER ||
             message.author_kind() == cxkit::v1::AUTHOR_KIND_UNSPECIFIED;
  }
}

namespace {

// "<type>:<value>", or "<type>:<namespace>/<value>" where the type is scoped.
std::string ImplicitName(IdentifierType type,
                         const cxkit::v1::Identifier& identifier,
                         absl::string_view normalized) {
  const std::string type_name =
      type == cxkit::v1::IDENTIFIER_TYPE_CUSTOM
          ? identifier.custom_type()
          : absl::AsciiStrToLower(cxkit::v1::IdentifierType_Name(type).substr(
                sizeof("IDENTIFIER_TYPE_") - 1));
  if (identity::IgnoresNamespace(type) || identifier.namespace_().empty()) {
    return absl::StrCat(type_name, ":", normalized);
  }
  return absl::StrCat(type_name, ":", identifier.namespace_(), "/", normalized);
}

}  // namespace

CustomerDirectory::CustomerDirectory(
    const cxkit::v1::MergeConversationsRequest& request)
    : policy_(request.policy()) {
  for (const cxkit::v1::CustomerProfile& profile :
       request.customer_profiles()) {
    if (profile.profile_id().empty()) continue;  // rejected by validation
    const uint32_t customer = Intern(profile.profile_id());
    for (const std::string& record_id : profile.record_ids()) {
      auto [it, inserted] = by_record_id_.try_emplace(record_id, customer);
      if (!inserted && Name(customer) < Name(it->second)) it->second = customer;
    }
    for (const cxkit::v1::ProfileIdentifier& identifier :
         profile.identifiers()) {
      if (identifier.hub() || identifier.normalized_value().empty()) continue;
      const IdentifierType type = identity::MatchingType(identifier.type());
      LinkValue(
          MatchingKey(type, identifier.custom_type(), identifier.namespace_(),
                      identifier.normalized_value()),
          customer);
    }
  }
  for (const cxkit::v1::CustomerLink& link : request.customers()) {
    if (link.customer_id().empty()) continue;  // rejected by validation
    const uint32_t customer = Intern(link.customer_id());
    for (const cxkit::v1::Identifier& identifier : link.identifiers()) {
      const Normalized normalized = NormalizeRaw(identifier);
      if (normalized.key < 0) continue;
      LinkValue(keys_[normalized.key], customer);
    }
  }
  // Links changed: forget cached link answers.
  raw_cache_.clear();
}

uint32_t CustomerDirectory::Intern(absl::string_view name) {
  auto [it, inserted] =
      by_name_.try_emplace(name, static_cast<uint32_t>(names_.size()));
  if (inserted) names_.push_back(name);
  return it->second;
}

uint32_t CustomerDirectory::AddImplicit(std::string name) {
  owned_names_.push_back(std::move(name));
  names_.push_back(owned_names_.back());
  return static_cast<uint32_t>(names_.size() - 1);
}

std::string CustomerDirectory::MatchingKey(IdentifierType type,
                                           absl::string_view custom_type,
                                           absl::string_view name_space,
                                           absl::string_view normalized) {
  if (identity::IgnoresNamespace(type)) name_space = "";
  if (type != cxkit::v1::IDENTIFIER_TYPE_CUSTOM) custom_type = "";
  // Lengths before the variable fields: no choice of custom type, namespace
  // and value spells another one's key.
  return absl::StrCat(static_cast<int>(type), ":", custom_type.size(), ":",
                      custom_type, name_space.size(), ":", name_space,
                      normalized);
}

void CustomerDirectory::LinkValue(std::string key, uint32_t customer) {
  auto [it, inserted] = linked_values_.try_emplace(std::move(key), customer);
  if (!inserted && Name(customer) < Name(it->second)) it->second = customer;
}

CustomerDirectory::Normalized CustomerDirectory::NormalizeRaw(
    const cxkit::v1::Identifier& identifier) {
  const RawKey raw{identifier.type(), identifier.custom_type(),
                   identifier.namespace_(), identifier.value()};
  auto it = raw_cache_.find(raw);
  if (it != raw_cache_.end()) return it->second;
  Normalized result{-1, kNoCustomer, 0};
  // Why it is unusable, kept with the cached answer so that every message
  // with this identifier gets the same explanation.
  const auto unusable = [&](absl::string_view why) {
    result.error = static_cast<uint32_t>(errors_.size());
    errors_.emplace_back(why.empty() ? "unusable identifier" : why);
  };
  if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_UNSPECIFIED ||
      !cxkit::v1::IdentifierType_IsValid(identifier.type())) {
    unusable("unknown identifier type");
  } else {
    absl::Status status =
        identity::NormalizeIdentifier(identifier, policy_.default_region(),
                                      policy_.email(), &phones_, &scratch_);
    if (!status.ok()) {
      unusable(status.message());
    } else if (scratch_.empty()) {
      unusable("empty value");
    } else {
      const IdentifierType type = identity::MatchingType(identifier.type());
      std::string key = MatchingKey(type, identifier.custom_type(),
                                    identifier.namespace_(), scratch_);
      auto linked = linked_values_.find(key);
      if (linked != linked_values_.end()) {
        result.linked_customer = linked->second;
      }
      result.key = static_cast<int32_t>(keys_.size());
      keys_.push_back(std::move(key));
      key_types_.push_back(type);
      // One implicit customer per matching key (raw spellings of one value
      // share it); its name is for display only and may read like another's.
      auto [implicit, inserted] =
          implicit_by_key_.try_emplace(keys_.back(), kNoCustomer);
      if (inserted) {
        implicit->second =
            AddImplicit(ImplicitName(type, identifier, scratch_));
      }
      implicit_customer_.push_back(implicit->second);
    }
  }
  raw_cache_.emplace(raw, result);
  return result;
}

uint32_t CustomerDirectory::Resolve(const ConversationMessage& message,
                                    uint32_t index, MessageIssues* issues,
                                    CustomerSource* source) {
  if (!message.customer_id().empty()) {
    *source = CustomerSource::kHost;
    return Intern(message.customer_id());
  }
  if (!by_record_id_.empty()) {
    auto it = by_record_id_.find(message.id());
    if (it != by_record_id_.end()) {
      *source = CustomerSource::kLinked;
      return it->second;
    }
  }
  const bool from_customer = IsFromCustomer(message);
  const auto& identifiers =
      from_customer ? message.sender() : message.recipients();
  uint32_t linked = kNoCustomer;
  int32_t implicit_key = -1;
  for (int i = 0; i < identifiers.size(); ++i) {
    const Normalized normalized = NormalizeRaw(identifiers[i]);
    if (normalized.key < 0) {
      issues->Add(index, cxkit::v1::SEVERITY_WARNING,
                  identity::UnparseableReason(identifiers[i].type()),
                  absl::StrCat(IndexedField("messages", index),
                               from_customer ? ".sender" : ".recipients", "[",
                               i, "].value"),
                  errors_[normalized.error]);
      continue;
    }
    if (normalized.linked_customer != kNoCustomer &&
        (linked == kNoCustomer ||
         Name(normalized.linked_customer) < Name(linked))) {
      linked = normalized.linked_customer;
    }
    if (implicit_key < 0 ||
        key_types_[normalized.key] < key_types_[implicit_key] ||
        (key_types_[normalized.key] == key_types_[implicit_key] &&
         keys_[normalized.key] < keys_[implicit_key])) {
      implicit_key = normalized.key;
    }
  }
  if (linked != kNoCustomer) {
    *source = CustomerSource::kLinked;
    return linked;
  }
  if (implicit_key >= 0) {
    *source = CustomerSource::kImplicit;
    return implicit_customer_[implicit_key];
  }
  *source = CustomerSource::kNone;
  return kNoCustomer;
}

}  // namespace cxkit::conversation
