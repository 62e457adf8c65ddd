#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cxkit/conversation.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/conversation/request_validation.h"
#include "lib/identity/phone_normalizer.h"

namespace cxkit::conversation {
namespace {

using cxkit::v1::MergeConversationsRequest;
using cxkit::v1::MergeLimits;
using cxkit::v1::MergePolicy;

// A set, non-negative, valid duration; `fallback` when unset or zero.
absl::StatusOr<absl::Duration> DurationOr(
    bool has, const google::protobuf::Duration& duration,
    absl::string_view field, absl::Duration fallback) {
  if (!has) return fallback;
  const int64_t seconds = duration.seconds();
  const int32_t nanos = duration.nanos();
  if (seconds < 0 || nanos < 0 || nanos >= 1000000000 ||
      seconds > 315576000000LL) {
    return InvalidField(
        field, "must be a non-negative duration of at most 10,000 years");
  }
  const absl::Duration value =
      absl::Seconds(seconds) + absl::Nanoseconds(nanos);
  return value == absl::ZeroDuration() ? fallback : value;
}

absl::Status CheckValue(absl::string_view value, absl::string_view field,
                        const MergeLimits& limits) {
  if (value.size() > limits.max_value_bytes()) {
    return InvalidField(
        field, absl::StrCat("longer than policy.limits.max_value_bytes (",
                            limits.max_value_bytes(), ")"));
  }
  return absl::OkStatus();
}

absl::Status ValidatePolicy(const MergePolicy& policy,
                            const MergeLimits& limits,
                            MergeSettings* settings) {
  struct Window {
    bool has;
    const google::protobuf::Duration* value;
    const char* field;
    absl::Duration fallback;
    absl::Duration* out;
  };
  const Window windows[] = {
      {policy.has_subject_window(), &policy.subject_window(),
       "policy.subject_window", absl::Hours(24 * 7), &settings->subject_window},
      {policy.has_reference_window(), &policy.reference_window(),
       "policy.reference_window", absl::Hours(24 * 14),
       &settings->reference_window},
      {policy.has_cross_channel_window(), &policy.cross_channel_window(),
       "policy.cross_channel_window", absl::Hours(2), &settings->cross_channel},
      {policy.has_reopen_window(), &policy.reopen_window(),
       "policy.reopen_window", absl::Hours(24 * 7), &settings->reopen_window},
  };
  for (const Window& w : windows) {
    absl::StatusOr<absl::Duration> d =
        DurationOr(w.has, *w.value, w.field, w.fallback);
    if (!d.ok()) return d.status();
    *w.out = *d;
  }
  for (int c = 0; c < kChannelSlots; ++c) {
    settings->sessions[c] =
        DefaultChannelSession(static_cast<cxkit::v1::Channel>(c));
  }
  absl::flat_hash_set<int> channels;
  for (int i = 0; i < policy.session_rules_size(); ++i) {
    const auto& rule = policy.session_rules(i);
    const std::string field = IndexedField("policy.session_rules", i);
    if (rule.channel() == cxkit::v1::CHANNEL_UNSPECIFIED ||
        !cxkit::v1::Channel_IsValid(rule.channel()) ||
        rule.channel() >= kChannelSlots) {
      return InvalidField(field + ".channel", "unknown or unspecified channel");
    }
    if (!channels.insert(rule.channel()).second) {
      return InvalidField(
          field + ".channel",
          absl::StrCat("second rule for ",
                       cxkit::v1::Channel_Name(rule.channel())));
    }
    ChannelSession& session = settings->sessions[rule.channel()];
    absl::StatusOr<absl::Duration> gap =
        DurationOr(rule.has_idle_gap(), rule.idle_gap(), field + ".idle_gap",
                   session.idle_gap);
    if (!gap.ok()) return gap.status();
    if (*gap != session.idle_gap) {
      session.idle_gap = *gap;
      session.chat_like = true;  // a gap makes sessions by customer too
    }
    session.enabled = !rule.disabled();
  }
  if (static_cast<uint32_t>(policy.extra_subject_prefixes_size()) >
      limits.max_subject_prefixes()) {
    return TooManyItems(
        "policy.extra_subject_prefixes", policy.extra_subject_prefixes_size(),
        "policy.limits.max_subject_prefixes", limits.max_subject_prefixes());
  }
  for (int i = 0; i < policy.extra_subject_prefixes_size(); ++i) {
    const std::string field = IndexedField("policy.extra_subject_prefixes", i);
    const std::string& prefix = policy.extra_subject_prefixes(i);
    if (prefix.empty()) return InvalidField(field, "required");
    absl::Status status = CheckValue(prefix, field, limits);
    if (!status.ok()) return status;
  }
  settings->subjects = std::make_unique<SubjectNormalizer>(
      std::vector<std::string>(policy.extra_subject_prefixes().begin(),
                               policy.extra_subject_prefixes().end()));
  if (!policy.default_region().empty() &&
      !identity::IsSupportedPhoneRegion(policy.default_region())) {
    return InvalidField("policy.default_region",
                        absl::StrCat("unknown CLDR region ",
                                     QuotedId(policy.default_region())));
  }
  const struct {
    int size;
    const char* field;
  } host_lists[] = {
      {policy.never_merge_size(), "policy.never_merge"},
      {policy.split_before_message_ids_size(),
       "policy.split_before_message_ids"},
  };
  for (const auto& list : host_lists) {
    if (static_cast<uint32_t>(list.size) > limits.max_host_items()) {
      return TooManyItems(list.field, list.size, "policy.limits.max_host_items",
                          limits.max_host_items());
    }
  }
  for (int i = 0; i < policy.never_merge_size(); ++i) {
    const auto& pair = policy.never_merge(i);
    const std::string field = IndexedField("policy.never_merge", i);
    if (pair.message_id().empty()) {
      return InvalidField(field + ".message_id", "required");
    }
    if (pair.other_message_id().empty()) {
      return InvalidField(field + ".other_message_id", "required");
    }
  }
  for (int i = 0; i < policy.split_before_message_ids_size(); ++i) {
    if (policy.split_before_message_ids(i).empty()) {
      return InvalidField(IndexedField("policy.split_before_message_ids", i),
                          "required");
    }
  }
  settings->email_threading = !policy.disable_email_threading();
  settings->subject_fallback = !policy.disable_subject_fallback();
  settings->reference_merging = !policy.disable_reference_merging();
  settings->cross_channel_window = !policy.disable_cross_channel_window();
  if (settings->reference_merging) {
    auto references = ReferenceExtractor::Create(policy, limits);
    if (!references.ok()) return references.status();
    settings->references = std::move(*references);
  } else if (policy.reference_patterns_size() > 0) {
    // Still report bad patterns, so a policy is valid or not as a whole.
    auto references = ReferenceExtractor::Create(policy, limits);
    if (!references.ok()) return references.status();
  }
  return absl::OkStatus();
}

absl::Status ValidateMessageIds(const MergeConversationsRequest& request,
                                const MergeLimits& limits) {
  absl::flat_hash_map<absl::string_view, int> first_index;
  first_index.reserve(request.messages_size());
  for (int i = 0; i < request.messages_size(); ++i) {
    const std::string& id = request.messages(i).id();
    // The path is built only for a bad id (this loop runs once per message).
    const auto field = [i] { return IndexedField("messages", i) + ".id"; };
    if (id.empty()) return InvalidField(field(), "required");
    if (id.size() > limits.max_value_bytes()) {
      return CheckValue(id, field(), limits);
    }
    auto [it, inserted] = first_index.try_emplace(id, i);
    if (!inserted) {
      return InvalidField(
          field(), absl::StrCat("duplicate message id ", QuotedId(id),
                                " (first at messages[", it->second, "])"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateHostData(const MergeConversationsRequest& request,
                              const MergeLimits& limits) {
  const struct {
    int size;
    const char* field;
  } lists[] = {
      {request.customers_size(), "customers"},
      {request.customer_profiles_size(), "customer_profiles"},
      {request.previous_conversations_size(), "previous_conversations"},
  };
  for (const auto& list : lists) {
    if (static_cast<uint32_t>(list.size) > limits.max_host_items()) {
      return TooManyItems(list.field, list.size, "policy.limits.max_host_items",
                          limits.max_host_items());
    }
  }
  for (int i = 0; i < request.customers_size(); ++i) {
    const auto& link = request.customers(i);
    const std::string field = IndexedField("customers", i);
    if (link.customer_id().empty()) {
      return InvalidField(field + ".customer_id", "required");
    }
    if (static_cast<uint32_t>(link.identifiers_size()) >
        limits.max_host_items()) {
      return TooManyItems(field + ".identifiers", link.identifiers_size(),
                          "policy.limits.max_host_items",
                          limits.max_host_items());
    }
  }
  for (int i = 0; i < request.customer_profiles_size(); ++i) {
    if (request.customer_profiles(i).profile_id().empty()) {
      return InvalidField(IndexedField("customer_profiles", i) + ".profile_id",
                          "required");
    }
  }
  absl::flat_hash_set<absl::string_view> conversation_ids;
  absl::flat_hash_map<absl::string_view, int> conversation_of_message;
  size_t message_ids = 0;
  for (int c = 0; c < request.previous_conversations_size(); ++c) {
    const auto& conversation = request.previous_conversations(c);
    const std::string field = IndexedField("previous_conversations", c);
    if (conversation.conversation_id().empty()) {
      return InvalidField(field + ".conversation_id", "required");
    }
    if (!conversation_ids.insert(conversation.conversation_id()).second) {
      return InvalidField(
          field + ".conversation_id",
          absl::StrCat("duplicate conversation id ",
                       QuotedId(conversation.conversation_id())));
    }
    if (conversation.has_resolved_at()) {
      absl::Status status =
          ValidateTimestamp(conversation.resolved_at(), field + ".resolved_at");
      if (!status.ok()) return status;
    }
    message_ids += conversation.message_ids_size();
    if (message_ids > limits.max_messages()) {
      return TooManyItems("previous_conversations", message_ids,
                          "policy.limits.max_messages", limits.max_messages());
    }
    for (int m = 0; m < conversation.message_ids_size(); ++m) {
      auto [it, inserted] =
          conversation_of_message.try_emplace(conversation.message_ids(m), c);
      if (!inserted && it->second != c) {
        return InvalidField(
            IndexedField(field + ".message_ids", m),
            absl::StrCat("message ", QuotedId(conversation.message_ids(m)),
                         " is already in previous_conversations[", it->second,
                         "]"));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MergeSettings> ValidateAndCompileSettings(
    const MergeConversationsRequest& request) {
  MergeSettings settings;
  settings.limits = EffectiveMergeLimits(request.policy().limits());
  const MergeLimits& limits = settings.limits;
  absl::Status bytes = CheckRequestBytes(request.ByteSizeLong(),
                                         "policy.limits.max_request_bytes",
                                         limits.max_request_bytes());
  if (!bytes.ok()) return bytes;
  if (static_cast<uint32_t>(request.messages_size()) > limits.max_messages()) {
    return TooManyItems("messages", request.messages_size(),
                        "policy.limits.max_messages", limits.max_messages());
  }
  absl::Status status = ValidatePolicy(request.policy(), limits, &settings);
  if (!status.ok()) return status;
  status = ValidateMessageIds(request, limits);
  if (!status.ok()) return status;
  status = ValidateHostData(request, limits);
  if (!status.ok()) return status;
  return settings;
}

}  // namespace cxkit::conversation

namespace cxkit {

absl::Status ValidateMergeConversationsRequest(
    const cxkit::v1::MergeConversationsRequest& request) {
  return conversation::ValidateAndCompileSettings(request).status();
}

}  // namespace cxkit
