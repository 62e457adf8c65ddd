#include "text_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cxkit/version.h"
#include "google/protobuf/util/time_util.h"
#include "report_format.h"

namespace cxkit_demo {
namespace {

namespace v1 = cxkit::v1;
using google::protobuf::util::TimeUtil;

constexpr int kStoryCustomers = 6;
constexpr int kStoryConversations = 5;
constexpr int kListedSlaRows = 5;
constexpr int kListedAssignments = 10;

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %%", 100 * share);
  return text;
}

// The customer's name for conversation `id`, or its customer id.
std::string WhoseConversation(const PipelineResult& result,
                              const std::string& conversation_id) {
  const auto facts = result.facts.find(conversation_id);
  if (facts != result.facts.end() && !facts->second.customer_name.empty()) {
    return facts->second.customer_name;
  }
  for (const v1::Conversation& c : result.merge.conversations()) {
    if (c.conversation_id() == conversation_id && !c.customer_id().empty()) {
      return c.customer_id();
    }
  }
  return conversation_id;
}

void PrintCustomers(const PipelineResult& result, std::ostream& out) {
  const auto& stats = result.identity.stats();
  out << "== Customers (ResolveIdentities) ==\n"
      << stats.records() << " contact records -> " << stats.profiles()
      << " customers, " << stats.multi_record_profiles()
      << " recognised across several records (" << stats.links_made()
      << " links, " << stats.links_rejected() << " refused)\n";
  for (const v1::HubValue& hub : result.identity.hub_values()) {
    out << "  never links (hub value): " << hub.normalized_value() << ", "
        << hub.reason() << "\n";
  }
  // The stories: customers seen on the most channels.
  std::vector<const v1::CustomerProfile*> profiles;
  for (const v1::CustomerProfile& profile : result.identity.profiles()) {
    profiles.push_back(&profile);
  }
  std::sort(profiles.begin(), profiles.end(), [](auto* a, auto* b) {
    return std::make_tuple(-a->summary().channels_size(), -a->record_ids_size(),
                           a->profile_id()) <
           std::make_tuple(-b->summary().channels_size(), -b->record_ids_size(),
                           b->profile_id());
  });
  for (int i = 0; i < kStoryCustomers && i < static_cast<int>(profiles.size());
       ++i) {
    const v1::CustomerProfile& profile = *profiles[i];
    std::string name;
    for (const auto& attribute : profile.attributes()) {
      if (attribute.name() == "name") name = attribute.value();
    }
    out << "\n"
        << (name.empty() ? "(no name)" : name) << "  " << profile.profile_id()
        << "  " << profile.record_ids_size() << " records on";
    for (int channel : profile.summary().channels()) {
      out << " " << ChannelName(static_cast<v1::Channel>(channel));
    }
    out << "\n";
    for (const v1::IdentityLink& link : profile.links()) {
      out << "  " << link.record_id() << " + " << link.joined_record_id()
          << "  by "
          << WithoutPrefix(v1::IdentifierType_Name(link.type()),
                           "IDENTIFIER_TYPE_")
          << " " << link.normalized_value() << "\n";
    }
  }
  out << "\n";
}

void PrintConversations(const PipelineResult& result, std::ostream& out) {
  const auto& stats = result.merge.stats();
  std::map<std::string, int> by_rule;
  for (const v1::Conversation& c : result.merge.conversations()) {
    for (const v1::MergeReason& merge : c.merges()) {
      ++by_rule[std::string(
          WithoutPrefix(v1::MergeRule_Name(merge.rule()), "MERGE_RULE_"))];
    }
  }
  out << "== Conversations (MergeConversations) ==\n"
      << stats.messages() << " messages -> " << stats.conversations()
      << " conversations, " << stats.cross_channel_conversations()
      << " across channels; merges:";
  for (const auto& [rule, count] : by_rule) out << " " << rule << " " << count;
  out << "; " << stats.refused_merges() << " refused\n";

  std::vector<const v1::Conversation*> stories;
  for (const v1::Conversation& c : result.merge.conversations()) {
    if (c.channels_size() > 1) stories.push_back(&c);
  }
  std::sort(stories.begin(), stories.end(), [](auto* a, auto* b) {
    return std::make_tuple(-a->channels_size(), -a->message_ids_size(),
                           a->conversation_id()) <
           std::make_tuple(-b->channels_size(), -b->message_ids_size(),
                           b->conversation_id());
  });
  const auto& now = result.sla_request.now();
  for (int i = 0;
       i < kStoryConversations && i < static_cast<int>(stories.size()); ++i) {
    const v1::Conversation& c = *stories[i];
    std::map<std::string, const v1::MergeReason*> reason_of;
    for (const v1::MergeReason& merge : c.merges()) {
      reason_of[merge.message_id()] = &merge;
    }
    out << "\n"
        << WhoseConversation(result, c.conversation_id()) << "  "
        << c.conversation_id() << "  " << c.message_ids_size() << " messages";
    for (const v1::ConversationReference& reference : c.references()) {
      out << ", " << reference.kind() << " " << reference.value();
    }
    out << "\n";
    for (uint32_t index : c.message_indexes()) {
      const v1::ConversationMessage& m = result.merge_request.messages(index);
      char line[96];
      std::snprintf(
          line, sizeof line, "  %-7s %-11s %-9s ",
          ClockTime(m.sent_at(), now).c_str(), ChannelName(m.channel()).c_str(),
          std::string(WithoutPrefix(v1::AuthorKind_Name(m.author_kind()),
                                    "AUTHOR_KIND_"))
              .c_str());
      out << line << Excerpt(m.text(), 48);
      const auto reason = reason_of.find(m.id());
      if (reason != reason_of.end()) {
        out << "  ["
            << WithoutPrefix(v1::MergeRule_Name(reason->second->rule()),
                             "MERGE_RULE_")
            << " with " << reason->second->joined_message_id();
        if (!reason->second->detail().empty()) {
          out << ": " << reason->second->detail();
        }
        out << "]";
      }
      out << "\n";
    }
  }
  out << "\n";
}

// One row per ongoing cycle worth a look.
struct SlaRow {
  const v1::ConversationSla* conversation;
  const v1::SlaMetricResult* metric;
};

void PrintSlaRow(const PipelineResult& result, const SlaRow& row,
                 std::ostream& out) {
  const v1::SlaCycle& cycle = row.metric->ongoing_cycle();
  const auto& now = result.sla_request.now();
  out << "  " << WhoseConversation(result, row.conversation->conversation_id())
      << "  " << ChannelName(row.conversation->channel()) << "  "
      << WithoutPrefix(v1::SlaMetric_Name(row.metric->metric()), "SLA_METRIC_")
      << " " << ShortDuration(row.metric->target())
      << (row.metric->calendar_id().empty()
              ? std::string(" calendar hours")
              : " business hours (" + row.metric->calendar_id() + ")")
      << ", policy " << row.conversation->policy_id() << ": due "
      << ClockTime(cycle.due(), now) << ", "
      << (cycle.breached()
              ? "late by " + ShortDuration(-cycle.remaining().seconds())
              : ShortDuration(cycle.remaining()) + " left");
  if (!cycle.running()) {
    out << (cycle.paused() ? ", paused" : ", clock stopped (calendar closed)");
    if (row.conversation->has_next_change()) {
      out << " until " << ClockTime(row.conversation->next_change(), now);
    }
  }
  out << "\n";
}

// Names and dates of the holidays of calendar `calendar_id` on local dates
// from `from` to `to` (UTC dates, which is close enough for a report).
std::string HolidaysBetween(const v1::EvaluateSlaRequest& request,
                            const std::string& calendar_id,
                            const google::protobuf::Timestamp& from,
                            const google::protobuf::Timestamp& to) {
  const std::string first = ClockTime(from, {}).substr(0, 10);
  const std::string last = ClockTime(to, {}).substr(0, 10);
  std::string names;
  for (const v1::BusinessCalendar& calendar : request.calendars()) {
    if (calendar.id() != calendar_id) continue;
    for (const v1::Holiday& holiday : calendar.holidays()) {
      const std::string& end = holiday.last_date().empty()
                                   ? holiday.first_date()
                                   : holiday.last_date();
      if (end < first || holiday.first_date() > last) continue;
      names += (names.empty() ? "" : ", ") + holiday.name() + " " +
               holiday.first_date();
    }
  }
  return names;
}

// One line per business calendar and reopening instant: how many clocks wait
// for it, and which holiday keeps it closed.
void PrintStoppedClocks(const PipelineResult& result,
                        const std::vector<SlaRow>& stopped, std::ostream& out) {
  std::map<std::pair<std::string, std::string>, int> groups;
  for (const SlaRow& row : stopped) {
    if (row.metric->ongoing_cycle().paused()) continue;
    ++groups[{row.metric->calendar_id(),
              TimeUtil::ToString(row.conversation->next_change())}];
  }
  const auto& now = result.sla_request.now();
  for (const auto& [key, count] : groups) {
    google::protobuf::Timestamp opens;
    TimeUtil::FromString(key.second, &opens);
    const std::string holidays =
        HolidaysBetween(result.sla_request, key.first, now, opens);
    out << "  " << count << " clocks stopped: " << key.first
        << " is closed until " << ClockTime(opens, now);
    if (!holidays.empty()) out << " (holiday: " << holidays << ")";
    out << "\n";
  }
}

void PrintSla(const PipelineResult& result, std::ostream& out) {
  std::vector<SlaRow> breached, warning, stopped;
  for (const v1::ConversationSla& c : result.sla.conversations()) {
    for (const v1::SlaMetricResult& m : c.metrics()) {
      if (!m.has_ongoing_cycle()) continue;
      const v1::SlaCycle& cycle = m.ongoing_cycle();
      if (cycle.breached()) {
        breached.push_back({&c, &m});
      } else if (cycle.warning()) {
        warning.push_back({&c, &m});
      } else if (!cycle.running()) {
        stopped.push_back({&c, &m});
      }
    }
  }
  auto by_due = [](const SlaRow& a, const SlaRow& b) {
    return std::make_pair(a.metric->ongoing_cycle().remaining().seconds(),
                          a.conversation->conversation_id()) <
           std::make_pair(b.metric->ongoing_cycle().remaining().seconds(),
                          b.conversation->conversation_id());
  };
  std::sort(breached.begin(), breached.end(), by_due);
  std::sort(warning.begin(), warning.end(), by_due);
  std::sort(stopped.begin(), stopped.end(), by_due);
  out << "== SLA (EvaluateSla) at "
      << ClockTime(result.sla_request.now(), result.sla_request.now())
      << " ==\n"
      << result.sla.stats().conversations() << " conversations, "
      << result.sla.stats().metric_evaluations()
      << " metric clocks: " << breached.size() << " breached, "
      << warning.size() << " at risk, " << stopped.size()
      << " waiting with the clock stopped\n";
  PrintStoppedClocks(result, stopped, out);
  const std::pair<const char*, std::vector<SlaRow>*> groups[] = {
      {"Breached (most overdue first)", &breached},
      {"At risk", &warning},
      {"Clock stopped, due soonest", &stopped}};
  for (const auto& [title, rows] : groups) {
    if (rows->empty()) continue;
    out << title << ":\n";
    for (size_t i = 0; i < rows->size() && i < kListedSlaRows; ++i) {
      PrintSlaRow(result, (*rows)[i], out);
    }
    if (rows->size() > kListedSlaRows) {
      out << "  ... and " << rows->size() - kListedSlaRows << " more\n";
    }
  }
  out << "\nService level (first reply within the threshold):\n";
  for (const v1::ChannelServiceLevel& level :
       result.sla.service_level().channels()) {
    char line[160];
    std::snprintf(line, sizeof line,
                  "  %-14s %7s within %-5s (target %s) %-7s %3u conversations,"
                  " mean first reply %s\n",
                  ChannelName(level.channel()).c_str(),
                  Percent(level.service_level()).c_str(),
                  ShortDuration(level.threshold()).c_str(),
                  Percent(level.target_share()).c_str(),
                  level.met() ? "met" : "MISSED", level.conversations(),
                  ShortDuration(level.average_first_reply()).c_str());
    out << line;
  }
  out << "\n";
}

std::string TopComponents(const v1::ScoreBreakdown& b) {
  const std::pair<const char*, double> parts[] = {
      {"skill", b.skill_fit()},     {"language", b.language()},
      {"priority", b.priority()},   {"tier", b.customer_tier()},
      {"sentiment", b.sentiment()}, {"sla", b.sla_urgency()},
      {"wait", b.wait_time()},      {"sticky", b.sticky()},
      {"load", b.load_balance()},   {"idle", b.idle_time()}};
  std::string text = Fixed(b.total()) + " =";
  bool first = true;
  for (const auto& [name, value] : parts) {
    if (value < 0.05) continue;
    text += (first ? " " : " + ") + std::string(name) + " " + Fixed(value);
    first = false;
  }
  return text;
}

void PrintRouting(const PipelineResult& result, std::ostream& out) {
  const v1::RoutingSummary& summary = result.routing.summary();
  out << "== Routing (RouteConversations) ==\n"
      << summary.items() << " customers waiting for a reply, "
      << summary.agents() << " agents: " << summary.assigned() << " assigned ("
      << WithoutPrefix(v1::AssignmentMode_Name(summary.mode()),
                       "ASSIGNMENT_MODE_")
      << ", "
      << WithoutPrefix(v1::Optimality_Name(summary.optimality()), "OPTIMALITY_")
      << ", total score " << Fixed(summary.total_score()) << "), "
      << summary.unassigned() << " unassigned\n";
  int listed = 0;
  for (const v1::Assignment& a : result.routing.assignments()) {
    if (listed++ == kListedAssignments) {
      out << "  ... and "
          << result.routing.assignments_size() - kListedAssignments
          << " more\n";
      break;
    }
    const ConversationFacts& facts = result.facts.at(a.conversation_id());
    out << "  " << WhoseConversation(result, a.conversation_id()) << " ("
        << ChannelName(a.channel()) << ", " << facts.language << ", "
        << facts.skill << ") -> " << a.agent_id() << "  score "
        << TopComponents(a.breakdown()) << "\n";
  }
  std::map<std::string, int> reasons;
  for (const v1::UnassignedItem& item : result.routing.unassigned()) {
    ++reasons[std::string(WithoutPrefix(
        v1::UnassignedReason_Name(item.reason()), "UNASSIGNED_REASON_"))];
  }
  for (const auto& [reason, count] : reasons) {
    out << "  unassigned, " << reason << ": " << count << "\n";
  }
  out << "\n";
}

void PrintStaffing(const PipelineResult& result, std::ostream& out) {
  const v1::PlanStaffingResponse& staffing = result.staffing;
  out << "== Staffing (PlanStaffing, "
      << WithoutPrefix(v1::StaffingModel_Name(result.staffing_request.model()),
                       "STAFFING_MODEL_")
      << ") for the day's load ==\n"
      << "  interval  contacts  agents  scheduled  service level  occupancy\n";
  for (int i = 0; i < staffing.intervals_size(); ++i) {
    const v1::StaffingIntervalResult& r = staffing.intervals(i);
    char line[128];
    std::snprintf(line, sizeof line, "  %-8s %9.0f %7u %10u %14s %10s\n",
                  ClockTime(r.start(), result.sla_request.now()).c_str(),
                  result.staffing_request.intervals(i).contacts(), r.agents(),
                  r.scheduled_agents(), Percent(r.service_level()).c_str(),
                  Percent(r.occupancy()).c_str());
    out << line;
  }
  out << "  peak " << staffing.peak_agents() << " agents ("
      << staffing.peak_scheduled_agents() << " scheduled), "
      << Fixed(staffing.scheduled_agent_hours()) << " agent-hours\n";
}

}  // namespace

void PrintTextReport(const PipelineResult& result, std::ostream& out) {
  out << "cxkit " << cxkit::VersionString() << ": a shop's day of support, "
      << "now " << ClockTime(result.sla_request.now(), {}) << "\n\n";
  PrintCustomers(result, out);
  PrintConversations(result, out);
  PrintSla(result, out);
  PrintRouting(result, out);
  PrintStaffing(result, out);
}

}  // namespace cxkit_demo
