#include "identity_report.h"

#include <map>
#include <string>

#include "google/protobuf/util/time_util.h"

namespace cxkit_demo {
namespace {

using google::protobuf::util::TimeUtil;

// "IDENTIFIER_TYPE_EMAIL" -> "EMAIL", "CHANNEL_LIVE_CHAT" -> "LIVE_CHAT".
std::string Short(const std::string& enum_name, const std::string& prefix) {
  return enum_name.rfind(prefix, 0) == 0 ? enum_name.substr(prefix.size())
                                         : enum_name;
}
std::string TypeName(cxkit::v1::IdentifierType type) {
  return Short(cxkit::v1::IdentifierType_Name(type), "IDENTIFIER_TYPE_");
}
std::string ChannelName(cxkit::v1::Channel channel) {
  return Short(cxkit::v1::Channel_Name(channel), "CHANNEL_");
}

std::string Attribute(const cxkit::v1::CustomerProfile& profile,
                      const std::string& name) {
  for (const auto& attribute : profile.attributes()) {
    if (attribute.name() == name) return attribute.value();
  }
  return "";
}

void PrintProfile(const cxkit::v1::CustomerProfile& profile,
                  std::ostream& out) {
  const cxkit::v1::ProfileSummary& summary = profile.summary();
  std::string name = Attribute(profile, "name");
  out << "\n"
      << profile.profile_id() << "  " << (name.empty() ? "(no name)" : name)
      << "  " << summary.record_count() << " records on";
  for (const auto& count : summary.channel_counts()) {
    out << " " << ChannelName(count.channel()) << "×" << count.records();
  }
  out << "\n";
  if (summary.has_first_seen()) {
    out << "  seen " << TimeUtil::ToString(summary.first_seen()) << " .. "
        << TimeUtil::ToString(summary.last_seen()) << "\n";
  }
  for (const auto& identifier : profile.identifiers()) {
    out << "  " << TypeName(identifier.type()) << " "
        << identifier.normalized_value();
    if (!identifier.namespace_().empty())
      out << " @" << identifier.namespace_();
    out << "  (as";
    for (const auto& raw : identifier.raw_values()) out << " \"" << raw << "\"";
    out << ")" << (identifier.hub() ? "  [hub: linked nothing]" : "") << "\n";
  }
  for (const auto& link : profile.links()) {
    out << "  evidence: " << link.record_id() << " joined "
        << link.joined_record_id() << " by " << TypeName(link.type()) << " "
        << link.normalized_value() << "\n";
  }
}

}  // namespace

void PrintIdentityReport(const cxkit::v1::ResolveIdentitiesResponse& response,
                         std::ostream& out) {
  const cxkit::v1::IdentityStats& stats = response.stats();
  out << "== Customers ==\n"
      << stats.records() << " records -> " << stats.profiles() << " customers ("
      << stats.multi_record_profiles()
      << " recognised across several records), " << stats.links_made()
      << " links made, " << stats.links_rejected() << " refused, "
      << stats.hub_values() << " hub values, " << stats.identifiers_blocked()
      << " blocked and " << stats.identifiers_unparseable()
      << " unparseable values\n";
  for (const auto& profile : response.profiles()) {
    if (profile.record_ids_size() > 1) PrintProfile(profile, out);
  }
  if (response.hub_values_size() > 0)
    out << "\n== Hub values (link nothing) ==\n";
  for (const auto& hub : response.hub_values()) {
    out << "  " << TypeName(hub.type()) << " " << hub.normalized_value() << ": "
        << hub.reason() << "\n";
  }
  if (response.rejected_links_size() > 0) out << "\n== Refused links ==\n";
  for (const auto& rejected : response.rejected_links()) {
    out << "  " << rejected.record_id() << " -> "
        << rejected.profile_record_id() << " by " << TypeName(rejected.type())
        << " " << rejected.normalized_value() << ": " << rejected.reason()
        << "\n";
  }
  std::map<std::string, int> by_reason;
  for (const auto& issue : response.record_issues())
    ++by_reason[issue.reason()];
  if (!by_reason.empty()) out << "\n== Warnings ==\n";
  for (const auto& [reason, count] : by_reason)
    out << "  " << reason << ": " << count << "\n";
  for (const auto& issue : response.record_issues()) {
    out << "  " << issue.field() << " (" << issue.item_id()
        << "): " << issue.message() << "\n";
  }
}

}  // namespace cxkit_demo
