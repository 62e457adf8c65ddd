#include "html_report.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "cxkit/version.h"
#include "google/protobuf/util/time_util.h"
#include "report_format.h"

namespace cxkit_demo {
namespace {

namespace v1 = cxkit::v1;
using google::protobuf::util::TimeUtil;

constexpr int kTimelines = 20;
constexpr int kWidth = 900;       // SVG width in px
constexpr int kLabelWidth = 110;  // left column with channel names
constexpr int kLaneHeight = 22;

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A distinct, readable color per channel.
const char* ChannelColor(v1::Channel channel) {
  static const char* const kColors[] = {
      "#888888", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
      "#25a244", "#0084ff", "#c13584", "#229ed9", "#7360f2",
      "#8c564b", "#e377c2", "#17becf"};
  const int index = static_cast<int>(channel);
  return index >= 0 && index < 13 ? kColors[index] : kColors[0];
}

const char kStyle[] = R"(
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
.summary span { display: inline-block; margin-right: 2em; }
.summary b { font-size: 1.4em; display: block; }
table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: left; }
tr:nth-child(even) { background: #f6f6f6; }
.conversation { margin: 1.5em 0; } .meta { color: #666; }
.late { color: #c00; font-weight: bold; } .ok { color: #070; }
)";

// A conversation's messages on one lane per channel, with its SLA clocks
// below as bars from the cycle's start to its due time.
std::string Timeline(const PipelineResult& result, const v1::Conversation& c,
                     const v1::ConversationSla* sla) {
  const int64_t now = TimeUtil::TimestampToSeconds(result.sla_request.now());
  int64_t first = TimeUtil::TimestampToSeconds(c.opened_at());
  int64_t last =
      std::max(now, TimeUtil::TimestampToSeconds(c.last_activity_at()));
  std::vector<v1::Channel> lanes;
  for (uint32_t index : c.message_indexes()) {
    const v1::Channel channel = result.merge_request.messages(index).channel();
    if (std::find(lanes.begin(), lanes.end(), channel) == lanes.end()) {
      lanes.push_back(channel);
    }
  }
  std::vector<const v1::SlaMetricResult*> clocks;
  if (sla != nullptr) {
    for (const v1::SlaMetricResult& metric : sla->metrics()) {
      if (!metric.has_ongoing_cycle()) continue;
      clocks.push_back(&metric);
      if (metric.ongoing_cycle().has_due()) {
        last = std::max(
            last, TimeUtil::TimestampToSeconds(metric.ongoing_cycle().due()));
      }
    }
  }
  last = std::min(last, now + 3 * 86400);  // keep far due times on the page
  const double span = std::max<int64_t>(last - first, 60);
  auto x = [&](int64_t t) {
    const double clamped = std::clamp<double>(t - first, 0, span);
    return kLabelWidth + 10 + clamped / span * (kWidth - kLabelWidth - 20);
  };
  const int rows = static_cast<int>(lanes.size() + clocks.size());
  const int height = rows * kLaneHeight + 24;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(height) + "\" role=\"img\">";
  for (size_t lane = 0; lane < lanes.size(); ++lane) {
    const int y = static_cast<int>(lane) * kLaneHeight + 14;
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 4) +
           "\" font-size=\"11\">" + ChannelName(lanes[lane]) +
           "</text><line x1=\"" + std::to_string(kLabelWidth) + "\" x2=\"" +
           std::to_string(kWidth) + "\" y1=\"" + std::to_string(y) +
           "\" y2=\"" + std::to_string(y) + "\" stroke=\"#ddd\"/>";
  }
  for (uint32_t index : c.message_indexes()) {
    const v1::ConversationMessage& m = result.merge_request.messages(index);
    const size_t lane =
        std::find(lanes.begin(), lanes.end(), m.channel()) - lanes.begin();
    const int y = static_cast<int>(lane) * kLaneHeight + 14;
    const bool customer = m.author_kind() == v1::AUTHOR_KIND_CUSTOMER;
    const std::string cx = Fixed(x(TimeUtil::TimestampToSeconds(m.sent_at())));
    svg += "<circle cx=\"" + cx + "\" cy=\"" + std::to_string(y) +
           "\" r=\"6\" fill=\"" +
           (customer ? ChannelColor(m.channel()) : "#fff") + "\" stroke=\"" +
           ChannelColor(m.channel()) + "\" stroke-width=\"2\"><title>" +
           Escape(ClockTime(m.sent_at(), result.sla_request.now()) + " " +
                  std::string(WithoutPrefix(
                      v1::AuthorKind_Name(m.author_kind()), "AUTHOR_KIND_")) +
                  ": " + Excerpt(m.text(), 120)) +
           "</title></circle>";
  }
  for (size_t k = 0; k < clocks.size(); ++k) {
    const v1::SlaMetricResult& metric = *clocks[k];
    const v1::SlaCycle& cycle = metric.ongoing_cycle();
    const int y = static_cast<int>(lanes.size() + k) * kLaneHeight + 8;
    const double x0 = x(TimeUtil::TimestampToSeconds(cycle.start()));
    const double x1 = cycle.has_due()
                          ? x(TimeUtil::TimestampToSeconds(cycle.due()))
                          : kWidth - 10;
    const char* color = cycle.breached()  ? "#d62728"
                        : cycle.warning() ? "#ff9f1a"
                        : cycle.running() ? "#2ca02c"
                                          : "#aaaaaa";
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 10) +
           "\" font-size=\"11\">" +
           std::string(WithoutPrefix(v1::SlaMetric_Name(metric.metric()),
                                     "SLA_METRIC_")) +
           "</text><rect x=\"" + Fixed(x0) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + Fixed(std::max(2.0, x1 - x0)) +
           "\" height=\"12\" fill=\"" + color + "\" opacity=\"0.7\"><title>" +
           Escape("target " + ShortDuration(metric.target()) + ", due " +
                  ClockTime(cycle.due(), result.sla_request.now()) +
                  (cycle.breached() ? ", breached" : "") +
                  (cycle.running() ? "" : ", clock stopped")) +
           "</title></rect>";
  }
  const std::string now_x = Fixed(x(now));
  svg += "<line x1=\"" + now_x + "\" x2=\"" + now_x + "\" y1=\"0\" y2=\"" +
         std::to_string(height - 12) +
         "\" stroke=\"#000\" stroke-dasharray=\"3 3\"/><text x=\"" + now_x +
         "\" y=\"" + std::to_string(height - 2) +
         "\" font-size=\"10\" text-anchor=\"middle\">now</text></svg>";
  return svg;
}

std::string ServiceLevelChart(const v1::ServiceLevelReport& report) {
  const int rows = report.channels_size();
  const int height = rows * 26 + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(height) + "\" role=\"img\">";
  const double bar_width = kWidth - kLabelWidth - 200;
  for (int i = 0; i < rows; ++i) {
    const v1::ChannelServiceLevel& level = report.channels(i);
    const int y = i * 26 + 5;
    const double target_x = kLabelWidth + bar_width * level.target_share();
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 13) +
           "\" font-size=\"12\">" + ChannelName(level.channel()) +
           "</text><rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
           std::to_string(y) + "\" width=\"" +
           Fixed(bar_width * level.service_level()) +
           "\" height=\"18\" fill=\"" + (level.met() ? "#2ca02c" : "#d62728") +
           "\"/><line x1=\"" + Fixed(target_x) + "\" x2=\"" + Fixed(target_x) +
           "\" y1=\"" + std::to_string(y - 2) + "\" y2=\"" +
           std::to_string(y + 20) +
           "\" stroke=\"#000\" stroke-width=\"2\"/><text x=\"" +
           Fixed(kLabelWidth + bar_width + 10) + "\" y=\"" +
           std::to_string(y + 13) + "\" font-size=\"12\">" +
           Fixed(100 * level.service_level()) + " % within " +
           ShortDuration(level.threshold()) + " (target " +
           Fixed(100 * level.target_share(), "%.0f") + " %)</text>";
  }
  return svg + "</svg>";
}

std::string RoutingTable(const PipelineResult& result) {
  std::string html =
      "<table><tr><th>customer</th><th>channel</th><th>language</th>"
      "<th>skill</th><th>agent</th><th>score</th><th>breakdown</th></tr>";
  for (const v1::Assignment& a : result.routing.assignments()) {
    const ConversationFacts& facts = result.facts.at(a.conversation_id());
    const v1::ScoreBreakdown& b = a.breakdown();
    html += "<tr><td>" +
            Escape(facts.customer_name.empty() ? a.conversation_id()
                                               : facts.customer_name) +
            "</td><td>" + ChannelName(a.channel()) + "</td><td>" +
            Escape(facts.language) + "</td><td>" + Escape(facts.skill) +
            "</td><td>" + Escape(a.agent_id()) + "</td><td>" +
            Fixed(a.score()) + "</td><td>skill " + Fixed(b.skill_fit()) +
            ", language " + Fixed(b.language()) + ", priority " +
            Fixed(b.priority()) + ", tier " + Fixed(b.customer_tier()) +
            ", sentiment " + Fixed(b.sentiment()) + ", SLA " +
            Fixed(b.sla_urgency()) + ", wait " + Fixed(b.wait_time()) +
            ", load " + Fixed(b.load_balance()) + ", idle " +
            Fixed(b.idle_time()) + "</td></tr>";
  }
  return html + "</table>";
}

std::string StaffingTable(const PipelineResult& result) {
  std::string html =
      "<table><tr><th>interval</th><th>contacts</th><th>agents</th>"
      "<th>scheduled</th><th>service level</th><th>occupancy</th></tr>";
  for (int i = 0; i < result.staffing.intervals_size(); ++i) {
    const v1::StaffingIntervalResult& r = result.staffing.intervals(i);
    html += "<tr><td>" + ClockTime(r.start(), result.sla_request.now()) +
            "</td><td>" +
            Fixed(result.staffing_request.intervals(i).contacts(), "%.0f") +
            "</td><td>" + std::to_string(r.agents()) + "</td><td>" +
            std::to_string(r.scheduled_agents()) + "</td><td>" +
            Fixed(100 * r.service_level()) + " %</td><td>" +
            Fixed(100 * r.occupancy()) + " %</td></tr>";
  }
  return html + "</table>";
}

}  // namespace

std::string HtmlReport(const PipelineResult& result) {
  std::map<std::string, const v1::ConversationSla*> sla_of;
  for (const v1::ConversationSla& sla : result.sla.conversations()) {
    sla_of[sla.conversation_id()] = &sla;
  }
  std::vector<const v1::Conversation*> crossing;
  for (const v1::Conversation& c : result.merge.conversations()) {
    if (c.channels_size() > 1) crossing.push_back(&c);
  }
  std::sort(crossing.begin(), crossing.end(), [](auto* a, auto* b) {
    return std::make_tuple(-a->channels_size(), -a->message_ids_size(),
                           a->conversation_id()) <
           std::make_tuple(-b->channels_size(), -b->message_ids_size(),
                           b->conversation_id());
  });
  const std::string now = ClockTime(result.sla_request.now(), {});
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
      "<title>cxkit: a shop's day of support</title><style>" +
      std::string(kStyle) + "</style></head><body>";
  html += "<h1>cxkit " + std::string(cxkit::VersionString()) +
          ": a shop's day of support</h1><p class=\"meta\">now " + Escape(now) +
          "</p><p class=\"summary\">";
  const std::pair<std::string, std::string> figures[] = {
      {std::to_string(result.identity.stats().profiles()), "customers"},
      {std::to_string(result.merge.stats().conversations()), "conversations"},
      {std::to_string(result.merge.stats().cross_channel_conversations()),
       "across channels"},
      {std::to_string(result.sla.stats().breached_conversations()),
       "with a breached SLA"},
      {std::to_string(result.routing.summary().assigned()) + " / " +
           std::to_string(result.routing.summary().items()),
       "waiting customers assigned"}};
  for (const auto& [figure, label] : figures) {
    html += "<span><b>" + figure + "</b>" + label + "</span>";
  }
  html +=
      "</p><h2>Conversations across channels</h2><p class=\"meta\">"
      "Filled dots: the customer; hollow: agents and bots. Bars: SLA "
      "clocks from start to due time (green running, grey stopped, "
      "orange at risk, red breached). Hover for details.</p>";
  for (int i = 0; i < kTimelines && i < static_cast<int>(crossing.size());
       ++i) {
    const v1::Conversation& c = *crossing[i];
    const ConversationFacts& facts = result.facts.at(c.conversation_id());
    const auto sla = sla_of.find(c.conversation_id());
    const v1::ConversationSla* conversation_sla =
        sla == sla_of.end() ? nullptr : sla->second;
    html += "<div class=\"conversation\"><b>" +
            Escape(facts.customer_name.empty() ? c.customer_id()
                                               : facts.customer_name) +
            "</b> <span class=\"meta\">" + Escape(c.conversation_id()) + ", " +
            std::to_string(c.message_ids_size()) + " messages";
    for (const v1::ConversationReference& reference : c.references()) {
      html += ", " + Escape(reference.kind() + " " + reference.value());
    }
    if (conversation_sla != nullptr) {
      html += ", policy " + Escape(conversation_sla->policy_id());
      if (conversation_sla->breached())
        html += " <span class=\"late\">breached</span>";
    }
    html += "</span><br/>" + Timeline(result, c, conversation_sla) + "</div>";
  }
  html +=
      "<h2>Service level per channel</h2><p class=\"meta\">Share of "
      "conversations answered within the threshold; the black mark is the "
      "target.</p>" +
      ServiceLevelChart(result.sla.service_level());
  html += "<h2>Routing</h2>" + RoutingTable(result);
  html += "<h2>Staffing</h2>" + StaffingTable(result);
  html += "</body></html>\n";
  return html;
}

}  // namespace cxkit_demo
