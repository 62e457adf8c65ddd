#include "lib/sla/compiled_request.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cxkit/limits.h"
#include "lib/common/field_status.h"
#include "lib/common/message_size.h"
#include "lib/common/proto_time.h"
#include "lib/sla/sla_time.h"

namespace cxkit::sla {
namespace {

using cxkit::v1::EvaluateSlaRequest;
using cxkit::v1::SlaPolicy;

constexpr int kChannels = cxkit::v1::Channel_ARRAYSIZE;

absl::Status CompileCalendars(const EvaluateSlaRequest& request,
                              CompiledRequest* out,
                              absl::flat_hash_map<std::string, int>* ids) {
  if (static_cast<size_t>(request.calendars_size()) >
      out->limits.max_calendars) {
    return TooManyItems("calendars", request.calendars_size(),
                        "limits.max_calendars", out->limits.max_calendars);
  }
  for (int i = 0; i < request.calendars_size(); ++i) {
    const std::string field = IndexedField("calendars", i);
    const auto& calendar = request.calendars(i);
    if (calendar.id().empty()) return InvalidField(field + ".id", "required");
    auto [it, inserted] = ids->try_emplace(calendar.id(), i);
    if (!inserted) {
      return InvalidField(
          field + ".id",
          absl::StrCat("duplicate calendar id ", QuotedId(calendar.id()),
                       " (also ", IndexedField("calendars", it->second), ")"));
    }
    absl::StatusOr<CalendarSpec> spec =
        ParseCalendar(calendar, field, out->limits.max_intervals_per_calendar);
    if (!spec.ok()) return spec.status();
    out->calendars.push_back(std::move(*spec));
  }
  return absl::OkStatus();
}

absl::Status CompileTarget(const cxkit::v1::SlaTarget& target,
                           const std::string& field,
                           const absl::flat_hash_map<std::string, int>& ids,
                           ResolvedTarget* out) {
  if (target.metric() <= cxkit::v1::SLA_METRIC_UNSPECIFIED ||
      !cxkit::v1::SlaMetric_IsValid(target.metric())) {
    return InvalidField(field + ".metric", "required metric");
  }
  out->metric = target.metric();
  const bool may_default = target.metric() == cxkit::v1::SLA_METRIC_FIRST_REPLY;
  absl::StatusOr<int64_t> goal = NonNegativeSeconds(
      target.target(), field + ".target", /*positive=*/false);
  if (!goal.ok()) return goal.status();
  if (target.target().nanos() != 0) {
    // Truncating would change the promise; for FIRST_REPLY a sub-second goal
    // would even become 0, "the channel default" (24 h for e-mail).
    return InvalidField(field + ".target",
                        "whole seconds only (goals have second precision)");
  }
  if (*goal == 0 && !may_default) {
    return InvalidField(field + ".target",
                        "required (at least 1 second) for this metric");
  }
  out->goal_seconds = *goal;
  if (!target.calendar_id().empty()) {
    auto it = ids.find(target.calendar_id());
    if (it == ids.end()) {
      return InvalidField(
          field + ".calendar_id",
          absl::StrCat("unknown calendar ", QuotedId(target.calendar_id())));
    }
    out->calendar = it->second;
    out->calendar_id = target.calendar_id();
  }
  for (int k = 0; k < target.warn_before_size(); ++k) {
    absl::StatusOr<int64_t> warn = NonNegativeSeconds(
        target.warn_before(k), IndexedField(field + ".warn_before", k), false);
    if (!warn.ok()) return warn.status();
    out->warn_before.push_back(*warn);
  }
  std::sort(out->warn_before.rbegin(), out->warn_before.rend());
  out->warn_before.erase(
      std::unique(out->warn_before.begin(), out->warn_before.end()),
      out->warn_before.end());
  if (!cxkit::v1::Priority_IsValid(target.priority())) {
    return InvalidField(field + ".priority", "unknown priority");
  }
  return absl::OkStatus();
}

absl::Status CompilePolicy(const SlaPolicy& policy, const std::string& field,
                           const absl::flat_hash_map<std::string, int>& ids,
                           uint32_t max_tags, ResolvedPolicy* out) {
  out->id = policy.id();
  out->proto = &policy;
  const auto& condition = policy.condition();
  if (static_cast<uint32_t>(condition.tags_size()) > max_tags) {
    return TooManyItems(field + ".condition.tags", condition.tags_size(),
                        "limits.max_tags", max_tags);
  }
  if (static_cast<uint32_t>(condition.customer_tiers_size()) > max_tags) {
    return TooManyItems(field + ".condition.customer_tiers",
                        condition.customer_tiers_size(), "limits.max_tags",
                        max_tags);
  }
  out->tags.insert(condition.tags().begin(), condition.tags().end());
  out->customer_tiers.insert(condition.customer_tiers().begin(),
                             condition.customer_tiers().end());
  out->bot_replies_count = policy.bot_replies_count();
  out->tiers_include_empty = out->customer_tiers.contains("");
  for (int c : policy.condition().channels()) {
    if (!cxkit::v1::Channel_IsValid(c)) {
      return InvalidField(field + ".condition.channels", "unknown channel");
    }
    out->channels |= uint64_t{1} << c;
  }
  for (int p : policy.condition().priorities()) {
    if (!cxkit::v1::Priority_IsValid(p)) {
      return InvalidField(field + ".condition.priorities", "unknown priority");
    }
    out->priorities |= uint64_t{1} << p;
  }
  // (metric, priority) -> target index, to refuse duplicates.
  absl::flat_hash_map<std::pair<int, int>, int> seen;
  std::vector<std::pair<ResolvedTarget, int>> targets;
  for (int j = 0; j < policy.targets_size(); ++j) {
    const std::string path = IndexedField(field + ".targets", j);
    ResolvedTarget target;
    absl::Status status = CompileTarget(policy.targets(j), path, ids, &target);
    if (!status.ok()) return status;
    auto [it, inserted] = seen.try_emplace(
        std::make_pair(static_cast<int>(policy.targets(j).metric()),
                       static_cast<int>(policy.targets(j).priority())),
        j);
    if (!inserted) {
      return InvalidField(
          path, absl::StrCat("same metric and priority as ",
                             IndexedField(field + ".targets", it->second)));
    }
    targets.push_back({std::move(target), policy.targets(j).priority()});
  }
  for (int p = 0; p < 5; ++p) {
    for (int metric = 1; metric < cxkit::v1::SlaMetric_ARRAYSIZE; ++metric) {
      const ResolvedTarget* chosen = nullptr;
      for (const auto& [target, priority] : targets) {
        if (target.metric != metric) continue;
        if (priority == p) chosen = &target;
        if (priority == 0 && chosen == nullptr) chosen = &target;
      }
      if (chosen != nullptr) out->by_priority[p].push_back(*chosen);
    }
  }
  return absl::OkStatus();
}

absl::Status CompileServiceLevel(const cxkit::v1::ServiceLevelOptions& options,
                                 CompiledRequest* out) {
  out->thresholds.resize(kChannels);
  for (int c = 0; c < kChannels; ++c) {
    out->thresholds[c] = {
        DefaultFirstReplySeconds(static_cast<cxkit::v1::Channel>(c)), 0.8};
  }
  std::vector<bool> given(kChannels, false);
  for (int i = 0; i < options.thresholds_size(); ++i) {
    const auto& threshold = options.thresholds(i);
    const std::string field = IndexedField("service_level.thresholds", i);
    if (!cxkit::v1::Channel_IsValid(threshold.channel())) {
      return InvalidField(field + ".channel", "unknown channel");
    }
    if (given[threshold.channel()]) {
      return InvalidField(field + ".channel", "channel given twice");
    }
    given[threshold.channel()] = true;
    absl::StatusOr<int64_t> seconds =
        NonNegativeSeconds(threshold.threshold(), field + ".threshold", true);
    if (!seconds.ok()) return seconds.status();
    const double share = threshold.target_share();
    if (!std::isfinite(share) || share < 0 || share > 1) {
      return InvalidField(field + ".target_share", "must be in [0, 1]");
    }
    out->thresholds[threshold.channel()] = {*seconds, share == 0 ? 0.8 : share};
  }
  for (int i = 0; i < options.percentiles_size(); ++i) {
    const double p = options.percentiles(i);
    if (!std::isfinite(p) || p <= 0 || p > 100) {
      return InvalidField(IndexedField("service_level.percentiles", i),
                          "must be in (0, 100]");
    }
    out->percentiles.push_back(p);
  }
  if (out->percentiles.empty()) out->percentiles = {50, 90, 95};
  return absl::OkStatus();
}

// A conversation's id for the id order: sorted by (first 8 bytes as a
// big-endian number, id), so the number decides most comparisons without
// touching the strings.
struct IdKey {
  uint64_t prefix;
  absl::string_view id;
  int index;
};

bool IdKeyLess(const IdKey& a, const IdKey& b) {
  if (a.prefix != b.prefix) return a.prefix < b.prefix;
  return a.id < b.id;
}

const google::protobuf::FieldDescriptor* ConversationsField() {
  static const google::protobuf::FieldDescriptor* const field =
      EvaluateSlaRequest::descriptor()->FindFieldByNumber(
          EvaluateSlaRequest::kConversationsFieldNumber);
  return field;
}

// What CompileRequest needs from every conversation, from one pass over
// them (each conversation is read while it is in the cache).
struct ConversationScan {
  size_t bytes = 0;        // of the conversations field, serialized
  std::vector<IdKey> ids;  // request order; only when asked
  int first_empty_id = -1;
  // The earliest valid created_at or event time at or after now -
  // max_horizon_seconds, or now.
  int64_t origin = 0;
};

ConversationScan ScanConversations(const EvaluateSlaRequest& request,
                                   int64_t now, int64_t max_horizon_seconds,
                                   bool collect_ids) {
  ConversationScan scan;
  const google::protobuf::FieldDescriptor* field = ConversationsField();
  int64_t oldest;
  if (__builtin_sub_overflow(now, max_horizon_seconds, &oldest)) {
    oldest = INT64_MIN;  // an invalid horizon: the origin is not used
  }
  scan.origin = now;
  auto consider = [&](const google::protobuf::Timestamp& t) {
    if (IsValidTimestamp(t) && t.seconds() >= oldest) {
      scan.origin = std::min<int64_t>(scan.origin, t.seconds());
    }
  };
  if (collect_ids) scan.ids.reserve(request.conversations_size());
  for (int i = 0; i < request.conversations_size(); ++i) {
    const cxkit::v1::SlaConversation& conversation = request.conversations(i);
    scan.bytes += RepeatedElementSize(field, conversation.ByteSizeLong());
    if (collect_ids) {
      const std::string& id = conversation.id();
      if (id.empty()) {
        if (scan.first_empty_id < 0) scan.first_empty_id = i;
      } else {
        uint64_t prefix = 0;
        for (size_t k = 0; k < 8; ++k) {
          prefix = (prefix << 8) |
                   (k < id.size() ? static_cast<unsigned char>(id[k]) : 0u);
        }
        scan.ids.push_back({prefix, id, i});
      }
    }
    if (conversation.has_created_at()) consider(conversation.created_at());
    for (const cxkit::v1::SlaEvent& event : conversation.events()) {
      if (event.has_time()) consider(event.time());
    }
  }
  return scan;
}

}  // namespace

SlaLimitValues ResolveLimits(const cxkit::v1::SlaLimits& limits) {
  auto or_default = [](uint32_t value, uint32_t fallback) {
    return value == 0 ? fallback : value;
  };
  SlaLimitValues values;
  values.max_conversations = or_default(limits.max_conversations(), 1000000);
  values.max_events_per_conversation =
      or_default(limits.max_events_per_conversation(), 10000);
  values.max_calendars = or_default(limits.max_calendars(), 1000);
  values.max_policies = or_default(limits.max_policies(), 1000);
  values.max_intervals_per_calendar =
      or_default(limits.max_intervals_per_calendar(), 1000);
  values.max_horizon_seconds = limits.max_horizon().seconds() > 0
                                   ? limits.max_horizon().seconds()
                                   : int64_t{3653} * 86400;
  values.max_request_bytes = limits.max_request_bytes() != 0
                                 ? limits.max_request_bytes()
                                 : kDefaultMaxRequestBytes;
  values.max_calendar_intervals =
      or_default(limits.max_calendar_intervals(), 4000000);
  values.max_tags = or_default(limits.max_tags(), 100);
  return values;
}

absl::StatusOr<CompiledRequest> CompileRequest(
    const EvaluateSlaRequest& request) {
  CompiledRequest out;
  out.limits = ResolveLimits(request.limits());
  // `now` is checked after the size, but the scan needs it for the origin
  // (which is used only when every check passes).
  const bool now_is_valid =
      request.has_now() && IsValidTimestamp(request.now());
  const int64_t now = now_is_valid ? ToSeconds(request.now()) : 0;
  const bool within_max_conversations =
      static_cast<size_t>(request.conversations_size()) <=
      out.limits.max_conversations;
  ConversationScan scan =
      ScanConversations(request, now, out.limits.max_horizon_seconds,
                        /*collect_ids=*/within_max_conversations);
  absl::Status bytes = CheckRequestBytes(
      scan.bytes + SizeWithoutRepeatedField(request, ConversationsField()),
      "limits.max_request_bytes", out.limits.max_request_bytes);
  if (!bytes.ok()) return bytes;
  if (!request.has_now()) return InvalidField("now", "required");
  absl::Status status = ValidateTimestamp(request.now(), "now");
  if (!status.ok()) return status;
  out.now = now;
  if (request.limits().max_horizon().seconds() < 0 ||
      request.limits().max_horizon().nanos() < 0) {
    return InvalidField("limits.max_horizon", "must not be negative");
  }
  if (request.limits().max_horizon().seconds() > int64_t{36525} * 86400) {
    return InvalidField("limits.max_horizon", "at most 100 years");
  }
  if (!within_max_conversations) {
    return TooManyItems("conversations", request.conversations_size(),
                        "limits.max_conversations",
                        out.limits.max_conversations);
  }
  if (scan.first_empty_id >= 0) {
    return InvalidField(
        IndexedField("conversations", scan.first_empty_id) + ".id", "required");
  }
  out.origin = scan.origin;
  std::vector<IdKey>& ids = scan.ids;
  // Hosts often send conversations in id order: then no sort.
  if (!std::is_sorted(ids.begin(), ids.end(), IdKeyLess)) {
    std::sort(ids.begin(), ids.end(), IdKeyLess);
  }
  out.order.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    // Different prefixes are different ids: most checks touch no string.
    if (i > 0 && ids[i].prefix == ids[i - 1].prefix &&
        ids[i].id == ids[i - 1].id) {
      const int later = std::max(ids[i].index, ids[i - 1].index);
      const int earlier = std::min(ids[i].index, ids[i - 1].index);
      return InvalidField(
          IndexedField("conversations", later) + ".id",
          absl::StrCat("duplicate conversation id ", QuotedId(ids[i].id),
                       " (also ", IndexedField("conversations", earlier), ")"));
    }
    out.order.push_back(ids[i].index);
  }
  absl::flat_hash_map<std::string, int> calendar_ids;
  status = CompileCalendars(request, &out, &calendar_ids);
  if (!status.ok()) return status;
  if (static_cast<size_t>(request.policies_size()) > out.limits.max_policies) {
    return TooManyItems("policies", request.policies_size(),
                        "limits.max_policies", out.limits.max_policies);
  }
  absl::flat_hash_set<absl::string_view> policy_ids;
  out.policies.resize(request.policies_size());
  for (int i = 0; i < request.policies_size(); ++i) {
    const std::string field = IndexedField("policies", i);
    const SlaPolicy& policy = request.policies(i);
    if (policy.id().empty()) return InvalidField(field + ".id", "required");
    if (!policy_ids.insert(policy.id()).second) {
      return InvalidField(field + ".id", absl::StrCat("duplicate policy id ",
                                                      QuotedId(policy.id())));
    }
    status = CompilePolicy(policy, field, calendar_ids, out.limits.max_tags,
                           &out.policies[i]);
    if (!status.ok()) return status;
  }
  out.default_policy = DefaultPolicy();
  status = CompileServiceLevel(request.service_level(), &out);
  if (!status.ok()) return status;
  return out;
}

}  // namespace cxkit::sla
