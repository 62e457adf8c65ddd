#include "bench/generator/routing_queue.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "bench/generator/seeded_random.h"

namespace cxkit::bench {
namespace {

using cxkit::v1::Channel;

constexpr int64_t kNow = 1772445600;  // 2026-03-02T10:00:00Z

constexpr const char* kSkills[] = {"delivery", "returns",     "payments",
                                   "sizing",   "electronics", "warranty",
                                   "vip-care", "fraud"};
// Shares of item traffic per channel.
constexpr Channel kChannels[] = {
    cxkit::v1::CHANNEL_LIVE_CHAT, cxkit::v1::CHANNEL_WHATSAPP,
    cxkit::v1::CHANNEL_EMAIL,     cxkit::v1::CHANNEL_PHONE,
    cxkit::v1::CHANNEL_MESSENGER, cxkit::v1::CHANNEL_INSTAGRAM};
constexpr int kChannelShare[] = {35, 20, 20, 15, 5, 5};
// Slots an agent handling the channel has.
constexpr int kChannelSlots[] = {3, 3, 5, 1, 3, 3};
constexpr const char* kLanguages[] = {"en", "es", "ru", "de"};
constexpr int kLanguageShare[] = {55, 20, 15, 10};
constexpr const char* kTeams[] = {"apparel", "electronics", "payments",
                                  "general"};

google::protobuf::Timestamp SecondsBeforeNow(int64_t seconds) {
  google::protobuf::Timestamp t;
  t.set_seconds(kNow - seconds);
  return t;
}

google::protobuf::Duration Seconds(int64_t seconds) {
  google::protobuf::Duration d;
  d.set_seconds(seconds);
  return d;
}

std::string AgentId(uint64_t index) { return absl::StrCat("agent-", index); }

void AddPolicy(uint32_t phone_units, cxkit::v1::RoutingPolicy* policy) {
  for (const char* skill : kSkills) policy->add_skills(skill);
  auto* units = policy->add_channel_units();
  units->set_channel(cxkit::v1::CHANNEL_PHONE);
  units->set_units(phone_units);
  auto* relaxation = policy->mutable_relaxation();
  *relaxation->mutable_drop_optional_skills_after() = Seconds(60);
  *relaxation->mutable_lower_levels_after() = Seconds(180);
  relaxation->set_level_reduction(2);
  *relaxation->mutable_any_team_agent_after() = Seconds(600);
}

void AddAgent(uint64_t index, SeededRandom& random,
              cxkit::v1::RouteConversationsRequest* request) {
  cxkit::v1::Agent* agent = request->add_agents();
  agent->set_id(AgentId(index));
  const int status = random.Between(1, 100);
  agent->set_status(status <= 85   ? cxkit::v1::AGENT_STATUS_AVAILABLE
                    : status <= 95 ? cxkit::v1::AGENT_STATUS_BUSY
                                   : cxkit::v1::AGENT_STATUS_AWAY);
  const size_t native = random.PickWeighted(kLanguageShare);
  agent->add_languages(kLanguages[native]);
  if (random.Percent(40)) {
    const size_t second = native == 0 ? 1 + random.Below(3) : 0;
    agent->add_languages(kLanguages[second]);
  }
  for (const char* skill : kSkills) {
    if (!random.Percent(50)) continue;
    auto* held = agent->add_skills();
    held->set_skill(skill);
    held->set_level(static_cast<uint32_t>(random.Between(1, 10)));
  }
  const bool capped = random.Percent(60);
  for (size_t c = 0; c < std::size(kChannels); ++c) {
    if (!random.Percent(c == 0 || c == 2 ? 75 : 45)) continue;
    auto* slots = agent->add_channels();
    slots->set_channel(kChannels[c]);
    slots->set_max_items(kChannelSlots[c]);
    if (random.Percent(30)) slots->set_active_items(1);
  }
  if (capped) agent->set_capacity_units(random.Between(3, 6));
  agent->add_teams(kTeams[random.Below(std::size(kTeams))]);
  if (random.Percent(20)) agent->add_teams("general");
  *agent->mutable_idle_since() = SecondsBeforeNow(random.Between(0, 3600));
}

void AddItem(uint64_t index, uint64_t agents, SeededRandom& random,
             cxkit::v1::RouteConversationsRequest* request) {
  cxkit::v1::WorkItem* item = request->add_items();
  item->set_id(absl::StrCat("item-", index));
  item->set_conversation_id(absl::StrCat("conv-", index));
  item->set_channel(kChannels[random.PickWeighted(kChannelShare)]);
  item->set_language(kLanguages[random.PickWeighted(kLanguageShare)]);
  const int required = random.Between(1, 100);
  const int required_count = required <= 30 ? 0 : required <= 85 ? 1 : 2;
  for (int k = 0; k < required_count; ++k) {
    auto* skill = item->add_required_skills();
    skill->set_skill(kSkills[(index + static_cast<uint64_t>(k) * 3 +
                              random.Below(std::size(kSkills))) %
                             std::size(kSkills)]);
    skill->set_level(static_cast<uint32_t>(random.Between(1, 5)));
    if (k == 1 && skill->skill() == item->required_skills(0).skill()) {
      item->mutable_required_skills()->RemoveLast();
    }
  }
  if (random.Percent(25)) {
    auto* skill = item->add_optional_skills();
    skill->set_skill(kSkills[random.Below(std::size(kSkills))]);
    skill->set_level(static_cast<uint32_t>(random.Between(1, 6)));
  }
  const int priority = random.Between(1, 100);
  item->set_priority(priority <= 10   ? cxkit::v1::PRIORITY_LOW
                     : priority <= 70 ? cxkit::v1::PRIORITY_NORMAL
                     : priority <= 95 ? cxkit::v1::PRIORITY_HIGH
                                      : cxkit::v1::PRIORITY_URGENT);
  const int tier = random.Between(1, 100);
  item->set_customer_tier(tier <= 80 ? 0 : tier <= 90 ? 1 : tier <= 97 ? 2 : 3);
  if (random.Percent(15)) {
    item->set_sentiment(-random.Between(3, 10) / 10.0);
  } else if (random.Percent(30)) {
    item->set_sentiment(random.Between(1, 6) / 10.0);
  }
  const int64_t waited = random.Between(0, 1800);
  *item->mutable_enqueued_at() = SecondsBeforeNow(waited);
  if (random.Percent(10)) {
    *item->mutable_original_start_at() =
        SecondsBeforeNow(waited + random.Between(60, 1200));
  }
  if (random.Percent(70)) {
    *item->mutable_sla_due_at() = SecondsBeforeNow(-random.Between(-300, 3600));
  }
  if (agents > 0 && random.Percent(15)) {
    item->add_preferred_agent_ids(AgentId(random.Below(agents)));
  }
  if (agents > 0 && random.Percent(3)) {
    item->add_excluded_agent_ids(AgentId(random.Below(agents)));
  }
  if (random.Percent(30))
    item->set_team(kTeams[random.Below(std::size(kTeams))]);
}

}  // namespace

void GenerateRouteConversationsRequest(
    const RoutingQueueOptions& options,
    cxkit::v1::RouteConversationsRequest* request) {
  request->Clear();
  request->mutable_now()->set_seconds(kNow);
  AddPolicy(options.phone_units, request->mutable_policy());
  SeededRandom random(MixSeed(options.seed, 0x726f757465ULL));
  for (uint64_t a = 0; a < options.agents; ++a) AddAgent(a, random, request);
  for (uint64_t i = 0; i < options.items; ++i) {
    AddItem(i, options.agents, random, request);
  }
}

}  // namespace cxkit::bench
