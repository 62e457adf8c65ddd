#include "lib/routing/routing_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/routing/queue_order.h"

namespace cxkit::routing {
namespace {

using cxkit::v1::RouteConversationsRequest;
using cxkit::v1::RouteConversationsResponse;
using cxkit::v1::WorkItem;

// Dense ids in sorted name order: collect every name, then Freeze().
template <typename Name>
class NameTable {
 public:
  void Add(absl::string_view name) { ids_.try_emplace(name, 0); }
  void Freeze() {
    names_.reserve(ids_.size());
    for (const auto& [name, id] : ids_) names_.push_back(name);
    std::sort(names_.begin(), names_.end());
    for (size_t i = 0; i < names_.size(); ++i) {
      ids_[names_[i]] = static_cast<int32_t>(i);
    }
  }
  int32_t Id(absl::string_view name) const {
    auto it = ids_.find(name);
    return it == ids_.end() ? -1 : it->second;
  }
  std::vector<Name>& names() { return names_; }

 private:
  std::vector<Name> names_;
  absl::flat_hash_map<Name, int32_t> ids_;
};

double Clamp01(double value) { return std::min(1.0, std::max(0.0, value)); }

double Ratio(absl::Duration part, absl::Duration whole) {
  return Clamp01(absl::FDivDuration(part, whole));
}

void AddIssue(int index, const WorkItem& item, cxkit::v1::Severity severity,
              absl::string_view reason, const std::string& field,
              absl::string_view message, RouteConversationsResponse* response) {
  cxkit::v1::ItemIssue* issue = response->add_item_issues();
  issue->set_item_id(item.id());
  issue->set_item_index(static_cast<uint32_t>(index));
  issue->set_severity(severity);
  issue->set_reason(std::string(reason));
  issue->set_field(field);
  issue->set_message(std::string(message));
}

// Checks the timestamps of an item; on failure adds an ERROR issue.
bool ItemTimesUsable(int index, const WorkItem& item,
                     RouteConversationsResponse* response) {
  // Paths are built only for a failing item: this runs for every item.
  if (!item.has_enqueued_at()) {
    AddIssue(index, item, cxkit::v1::SEVERITY_ERROR, "MISSING_ENQUEUED_AT",
             IndexedField("items", index) + ".enqueued_at",
             "required; the item is not routed", response);
    return false;
  }
  const std::pair<const google::protobuf::Timestamp*, const char*> times[] = {
      {&item.enqueued_at(), ".enqueued_at"},
      {item.has_original_start_at() ? &item.original_start_at() : nullptr,
       ".original_start_at"},
      {item.has_sla_due_at() ? &item.sla_due_at() : nullptr, ".sla_due_at"}};
  for (const auto& [time, name] : times) {
    if (time != nullptr && !IsValidTimestamp(*time)) {
      AddIssue(index, item, cxkit::v1::SEVERITY_ERROR, "INVALID_TIMESTAMP",
               IndexedField("items", index) + name,
               "invalid timestamp; the item is not routed", response);
      return false;
    }
  }
  return true;
}

// Agent indices of `ids`, sorted; unknown ids become WARNING issues.
absl::InlinedVector<int32_t, 1> AgentRefs(
    int index, const WorkItem& item,
    const google::protobuf::RepeatedPtrField<std::string>& ids,
    const char* list_name,
    const absl::flat_hash_map<absl::string_view, int32_t>& agent_by_id,
    RouteConversationsResponse* response) {
  absl::InlinedVector<int32_t, 1> out;
  for (int i = 0; i < ids.size(); ++i) {
    auto it = agent_by_id.find(ids[i]);
    if (it == agent_by_id.end()) {
      AddIssue(index, item, cxkit::v1::SEVERITY_WARNING, "UNKNOWN_AGENT",
               IndexedField(IndexedField("items", index) + list_name, i),
               absl::StrCat("no agent ", QuotedId(ids[i]), "; ignored"),
               response);
      continue;
    }
    out.push_back(it->second);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

template <typename Out = std::vector<SkillNeed>>
Out Skills(
    const google::protobuf::RepeatedPtrField<cxkit::v1::SkillLevel>& skills,
    const NameTable<absl::string_view>& table) {
  Out out;
  out.reserve(skills.size());
  for (const auto& skill : skills) {
    out.push_back({table.Id(skill.skill()), std::max(1u, skill.level())});
  }
  std::sort(out.begin(), out.end(), [](const SkillNeed& a, const SkillNeed& b) {
    return a.skill < b.skill;
  });
  return out;
}

cxkit::v1::RelaxationStep StepAt(absl::Duration wait, const RoutingParams& p) {
  if (wait >= p.any_team_agent_after) {
    return cxkit::v1::RELAXATION_STEP_ANY_TEAM_AGENT;
  }
  if (wait >= p.lower_levels_after)
    return cxkit::v1::RELAXATION_STEP_LEVELS_LOWERED;
  if (wait >= p.drop_optional_skills_after) {
    return cxkit::v1::RELAXATION_STEP_OPTIONAL_SKILLS_DROPPED;
  }
  return cxkit::v1::RELAXATION_STEP_NONE;
}

// Fills the requirement and score lists of `item` for its relaxation step.
void ApplyRelaxation(const WorkItem& proto, const RoutingParams& params,
                     const NameTable<absl::string_view>& skills,
                     ItemModel* item) {
  std::vector<SkillNeed> required = Skills(proto.required_skills(), skills);
  std::vector<SkillNeed> optional = Skills(proto.optional_skills(), skills);
  const bool optional_required =
      item->step == cxkit::v1::RELAXATION_STEP_NONE &&
      params.drop_optional_skills_after != absl::InfiniteDuration();
  // Steps are cumulative: a later step keeps the lowered levels, if that
  // step is configured at all.
  if (item->step >= cxkit::v1::RELAXATION_STEP_LEVELS_LOWERED &&
      params.lower_levels_after != absl::InfiniteDuration()) {
    for (SkillNeed& need : required) {
      need.level = need.level > params.level_reduction
                       ? need.level - params.level_reduction
                       : 1;
    }
  }
  item->scored.assign(required.begin(), required.end());
  item->scored.insert(item->scored.end(), optional.begin(), optional.end());
  std::sort(item->scored.begin(), item->scored.end(),
            [](const SkillNeed& a, const SkillNeed& b) {
              return a.skill < b.skill ||
                     (a.skill == b.skill && a.level < b.level);
            });
  for (SkillNeed& need : item->scored) {
    const uint32_t floor = std::min(need.level, params.max_skill_level);
    need.per_level = params.weights.skill_fit /
                     (params.max_skill_level - floor + 1) /
                     static_cast<double>(item->scored.size());
  }
  if (item->step == cxkit::v1::RELAXATION_STEP_ANY_TEAM_AGENT) return;
  item->required.assign(required.begin(), required.end());
  if (optional_required) {
    item->required.insert(item->required.end(), optional.begin(),
                          optional.end());
    // A skill both required and optional needs the higher level.
    std::sort(item->required.begin(), item->required.end(),
              [](const SkillNeed& a, const SkillNeed& b) {
                return a.skill < b.skill ||
                       (a.skill == b.skill && a.level > b.level);
              });
    item->required.erase(
        std::unique(item->required.begin(), item->required.end(),
                    [](const SkillNeed& a, const SkillNeed& b) {
                      return a.skill == b.skill;
                    }),
        item->required.end());
  }
}

// NormalizeLanguage(tag) as a view: `tag` itself when it is already normal
// (the common case, no allocation), else the normalized copy in `*scratch`.
absl::string_view LanguageKey(absl::string_view tag, std::string* scratch) {
  bool normal = true;
  for (char c : tag) normal &= c != '-' && c != '_' && !absl::ascii_isupper(c);
  if (normal) return tag;
  *scratch = NormalizeLanguage(tag);
  return *scratch;
}

}  // namespace

int64_t AgentModel::FreeUnits() const {
  return capacity_units > 0 ? capacity_units - used_units
                            : std::numeric_limits<int64_t>::max();
}

std::string NormalizeLanguage(absl::string_view tag) {
  const size_t end = tag.find_first_of("-_");
  return absl::AsciiStrToLower(tag.substr(0, end));
}

RoutingModel BuildRoutingModel(const RouteConversationsRequest& request,
                               RouteConversationsResponse* response) {
  RoutingModel model;
  model.params = ResolveRoutingParams(request.policy());
  const RoutingParams& params = model.params;
  const absl::Time now = FromProtoTimestamp(request.now());

  NameTable<absl::string_view> skills, teams;
  NameTable<std::string> languages;
  std::string scratch;
  for (const auto& agent : request.agents()) {
    for (const auto& skill : agent.skills()) skills.Add(skill.skill());
    for (const auto& team : agent.teams()) teams.Add(team);
    for (const auto& language : agent.languages()) {
      languages.Add(LanguageKey(language, &scratch));
    }
  }
  for (const auto& item : request.items()) {
    for (const auto& skill : item.required_skills()) skills.Add(skill.skill());
    for (const auto& skill : item.optional_skills()) skills.Add(skill.skill());
    if (!item.language().empty())
      languages.Add(LanguageKey(item.language(), &scratch));
    if (!item.team().empty()) teams.Add(item.team());
  }
  skills.Freeze();
  teams.Freeze();
  languages.Freeze();

  // Agents in id order (ids are unique: validated).
  std::vector<std::pair<absl::string_view, int>> agent_order;
  agent_order.reserve(request.agents_size());
  for (int i = 0; i < request.agents_size(); ++i) {
    agent_order.emplace_back(request.agents(i).id(), i);
  }
  std::sort(agent_order.begin(), agent_order.end());
  absl::flat_hash_map<absl::string_view, int32_t> agent_by_id;
  agent_by_id.reserve(agent_order.size());
  model.agents.resize(agent_order.size());
  for (size_t k = 0; k < agent_order.size(); ++k) {
    const cxkit::v1::Agent& proto = request.agents(agent_order[k].second);
    AgentModel& agent = model.agents[k];
    agent.id = proto.id();
    agent_by_id.emplace(proto.id(), static_cast<int32_t>(k));
    agent.available = proto.status() == cxkit::v1::AGENT_STATUS_AVAILABLE;
    for (const auto& language : proto.languages()) {
      const int32_t id = languages.Id(LanguageKey(language, &scratch));
      if (std::find(agent.languages.begin(), agent.languages.end(), id) ==
          agent.languages.end()) {
        agent.languages.push_back(id);
      }
    }
    agent.skills =
        Skills<absl::InlinedVector<SkillNeed, 6>>(proto.skills(), skills);
    for (const auto& team : proto.teams())
      agent.teams.push_back(teams.Id(team));
    std::sort(agent.teams.begin(), agent.teams.end());
    for (const auto& capacity : proto.channels()) {
      agent.max_items[capacity.channel()] = capacity.max_items();
      agent.active_items[capacity.channel()] = capacity.active_items();
      agent.used_units += static_cast<int64_t>(capacity.active_items()) *
                          params.channel_units[capacity.channel()];
    }
    agent.capacity_units = proto.capacity_units();
    if (proto.has_idle_since()) {
      const absl::Duration idle = std::max(
          absl::ZeroDuration(), now - FromProtoTimestamp(proto.idle_since()));
      agent.idle_seconds = absl::ToDoubleSeconds(idle);
      agent.idle_time = Ratio(idle, params.idle_horizon);
    }
    agent.idle_weighted = params.weights.idle_time * agent.idle_time;
    for (int c = 0; c < kChannelCount; ++c) {
      double ratio = 1;
      if (agent.capacity_units > 0) {
        ratio = static_cast<double>(agent.used_units) /
                static_cast<double>(agent.capacity_units);
      } else if (agent.max_items[c] > 0) {
        ratio = static_cast<double>(agent.active_items[c]) / agent.max_items[c];
      }
      agent.load_ratio[c] = std::min(1.0, ratio);
      agent.load_weighted[c] =
          params.weights.load_balance * (1 - agent.load_ratio[c]);
    }
  }

  // Input order: unroutable items and unknown agent references become
  // issues (in input order), the routable ones queue entries.
  std::vector<QueueEntry> queue;
  queue.reserve(request.items_size());
  // Agent references by input index, resolved once in input order.
  struct AgentLists {
    absl::InlinedVector<int32_t, 1> preferred;
    absl::InlinedVector<int32_t, 1> excluded;
  };
  std::vector<AgentLists> agent_lists(request.items_size());
  for (int index = 0; index < request.items_size(); ++index) {
    const WorkItem& proto = request.items(index);
    if (!cxkit::v1::Channel_IsValid(proto.channel()) ||
        proto.channel() == cxkit::v1::CHANNEL_UNSPECIFIED) {
      AddIssue(index, proto, cxkit::v1::SEVERITY_ERROR, "MISSING_CHANNEL",
               IndexedField("items", index) + ".channel",
               "unknown or unspecified channel; the item is not routed",
               response);
      continue;
    }
    if (!ItemTimesUsable(index, proto, response)) continue;
    agent_lists[index].preferred =
        AgentRefs(index, proto, proto.preferred_agent_ids(),
                  ".preferred_agent_ids", agent_by_id, response);
    agent_lists[index].excluded =
        AgentRefs(index, proto, proto.excluded_agent_ids(),
                  ".excluded_agent_ids", agent_by_id, response);
    absl::Time start = FromProtoTimestamp(proto.enqueued_at());
    if (proto.has_original_start_at()) {
      start = std::min(start, FromProtoTimestamp(proto.original_start_at()));
    }
    const int priority = proto.priority() == cxkit::v1::PRIORITY_UNSPECIFIED
                             ? cxkit::v1::PRIORITY_NORMAL
                             : proto.priority();
    queue.push_back({index, priority, start, proto.id()});
  }
  SortQueue(params.seconds_per_priority_point, &queue);

  // Queue order: the items built in place.
  model.items.resize(queue.size());
  for (size_t position = 0; position < queue.size(); ++position) {
    const QueueEntry& entry = queue[position];
    const WorkItem& proto = request.items(entry.index);
    ItemModel& item = model.items[position];
    item.id = proto.id();
    item.conversation_id = proto.conversation_id();
    item.channel = proto.channel();
    item.units = params.channel_units[item.channel];
    if (!proto.language().empty()) {
      item.language = languages.Id(LanguageKey(proto.language(), &scratch));
    }
    if (!proto.team().empty()) item.team = teams.Id(proto.team());
    const absl::Duration wait =
        std::max(absl::ZeroDuration(), now - entry.start);
    item.step = StepAt(wait, params);
    ApplyRelaxation(proto, params, skills, &item);
    item.preferred = std::move(agent_lists[entry.index].preferred);
    item.excluded = std::move(agent_lists[entry.index].excluded);
    item.sticky_active = wait < params.sticky_timeout;
    item.priority = (entry.priority - 1) / 3.0;
    item.customer_tier =
        std::min(proto.customer_tier(), params.max_customer_tier) /
        static_cast<double>(params.max_customer_tier);
    item.sentiment = Clamp01(-proto.sentiment());
    if (proto.has_sla_due_at()) {
      const absl::Duration left = FromProtoTimestamp(proto.sla_due_at()) - now;
      item.sla_urgency = left <= absl::ZeroDuration()
                             ? 1.0
                             : 1.0 - Ratio(left, params.sla_horizon);
    }
    item.wait_time = Ratio(wait, params.wait_horizon);
    const Weights& w = params.weights;
    item.item_micros = ToMicros(
        w.priority * item.priority + w.customer_tier * item.customer_tier +
        w.sentiment * item.sentiment + w.sla_urgency * item.sla_urgency +
        w.wait_time * item.wait_time);
  }
  model.skill_names = std::move(skills.names());
  model.language_names = std::move(languages.names());
  return model;
}

}  // namespace cxkit::routing
