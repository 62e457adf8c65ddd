// cxkit-bench pipeline: the demo's pipeline (examples/cpp/pipeline.h) on
// generated traffic: a message stream (not timed) whose inbound messages are
// also the contact records, a team of agents, the built-in SLA policy. Reports
// each stage's time and throughput, the end-to-end time and peak memory.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iostream>
#include <string>
#include <utility>

#include "bench/cli/commands.h"
#include "bench/cli/flags.h"
#include "bench/cli/report.h"
#include "bench/generator/message_generator.h"
#include "examples/cpp/pipeline.h"
#include "google/protobuf/util/time_util.h"

namespace cxkit::bench {
namespace {

using google::protobuf::util::TimeUtil;
namespace v1 = cxkit::v1;

// Every customer-written message with sender identifiers as a contact record
// (id = message id), as a host logs who wrote.
void AddRecordsFromMessages(const v1::MergeConversationsRequest& merge,
                            v1::ResolveIdentitiesRequest* identity) {
  for (const v1::ConversationMessage& message : merge.messages()) {
    if (message.author_kind() != v1::AUTHOR_KIND_CUSTOMER ||
        message.sender().empty()) {
      continue;
    }
    v1::ContactRecord* record = identity->add_records();
    record->set_id(message.id());
    record->set_channel(message.channel());
    *record->mutable_observed_at() = message.sent_at();
    *record->mutable_identifiers() = message.sender();
  }
}

// `count` available agents speaking English and Russian, every skill the
// demo's host rules name at level 3, three items per channel.
void AddAgents(uint64_t count, const google::protobuf::Timestamp& now,
               v1::RouteConversationsRequest* routing) {
  for (uint64_t i = 0; i < count; ++i) {
    v1::Agent* agent = routing->add_agents();
    agent->set_id("agent-" + std::to_string(i));
    agent->set_status(v1::AGENT_STATUS_AVAILABLE);
    agent->add_languages(i % 2 == 0 ? "en" : "ru");
    agent->add_languages(i % 2 == 0 ? "ru" : "en");
    for (const char* skill :
         {"delivery", "returns", "payments", "electronics", "general"}) {
      v1::SkillLevel* level = agent->add_skills();
      level->set_skill(skill);
      level->set_level(3);
    }
    for (int channel = v1::CHANNEL_EMAIL; channel <= v1::CHANNEL_IN_APP;
         ++channel) {
      v1::ChannelCapacity* slots = agent->add_channels();
      slots->set_channel(static_cast<v1::Channel>(channel));
      slots->set_max_items(3);
    }
    *agent->mutable_idle_since() = TimeUtil::SecondsToTimestamp(
        TimeUtil::TimestampToSeconds(now) - static_cast<int64_t>(i % 600));
  }
}

// "ResolveIdentities" -> "resolve_identities", for report keys.
std::string SnakeCase(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (!out.empty()) out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

int RunPipelineCommand(const std::vector<std::string>& args) {
  uint64_t customers = 10000;
  uint64_t seed = 1;
  bool json = false;
  FlagParser flags(
      "pipeline",
      "Runs ResolveIdentities -> MergeConversations -> EvaluateSla ->\n"
      "RouteConversations -> PlanStaffing on generated traffic, each request "
      "built\nfrom the previous response as in cxkit-demo, and reports each "
      "stage's time\nand throughput, the end-to-end time and peak memory.");
  // Six messages per customer: at most 1,666,666 customers keep the stream
  // within MergeConversations' default max_messages (10,000,000).
  flags.AddUint64("customers", &customers, 1, 1666666,
                  "customers to generate (6 messages each)");
  flags.AddUint64("seed", &seed, 0, UINT64_MAX, "generator seed");
  flags.AddBool("json", &json, "print one JSON object");
  if (auto exit_code = ParseFlagsOrExitCode(flags, args)) return *exit_code;

  MessageStreamOptions options;
  options.seed = seed;
  options.customers = customers;
  options.messages = customers * 6;
  options.with_profiles = false;
  cxkit_demo::ShopDay day;
  // Half the messages carry the host's customer id; identity resolution finds
  // the customers of the others from their senders' identifiers.
  GenerateMergeConversationsRequest(options, &day.merge);
  AddRecordsFromMessages(day.merge, &day.identity);
  const google::protobuf::Timestamp now = TimeUtil::SecondsToTimestamp(
      options.start_unix_seconds + options.span_seconds);
  *day.sla.mutable_now() = now;  // no policies: the built-in field defaults
  *day.routing.mutable_now() = now;
  AddAgents(std::max<uint64_t>(10, customers / 50), now, &day.routing);
  day.staffing.mutable_average_handle_time()->set_seconds(300);
  day.staffing.set_target_service_level(0.8);
  day.staffing.mutable_service_level_threshold()->set_seconds(20);
  const size_t records = day.identity.records_size();
  const size_t messages = day.merge.messages_size();

  const Stopwatch timer;
  cxkit_demo::PipelineResult result;
  std::string error;
  if (!cxkit_demo::RunPipeline(std::move(day), &result, &error)) {
    std::cerr << "cxkit-bench: " << error << "\n";
    return kExitFailure;
  }
  const double seconds = timer.WallSeconds();
  const double cpu_seconds = timer.CpuSeconds();

  Report report;
  report.AddString("benchmark", "pipeline");
  report.AddUint("customers", customers);
  report.AddUint("seed", seed);
  report.AddUint("records", records);
  report.AddUint("messages", messages);
  report.AddUint("profiles", result.identity.profiles_size());
  report.AddUint("conversations", result.merge.conversations_size());
  report.AddUint("work_items", result.routing_request.items_size());
  report.AddUint("assigned", result.routing.summary().assigned());
  report.AddUint("staffing_intervals", result.staffing.intervals_size());
  for (const cxkit_demo::StageTiming& stage : result.timings) {
    const std::string key = SnakeCase(stage.function);
    report.AddDouble(key + "_seconds", stage.seconds, "s");
    report.AddDouble(key + "_items_per_second",
                     stage.seconds > 0 ? stage.items / stage.seconds : 0,
                     "items/s");
  }
  report.AddDouble("seconds", seconds, "s");
  report.AddDouble("cpu_seconds", cpu_seconds, "s");
  report.AddDouble("customers_per_second", customers / seconds, "customers/s");
  report.AddDouble("messages_per_second", messages / seconds, "messages/s");
  report.AddUint("peak_rss_bytes", PeakRssBytes());
  std::cout << (json ? report.ToJson() + "\n" : report.ToText());
  return kExitOk;
}

}  // namespace cxkit::bench
