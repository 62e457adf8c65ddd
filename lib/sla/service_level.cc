#include "lib/sla/service_level.h"

#include <algorithm>
#include <cmath>

#include "lib/sla/sla_time.h"

namespace cxkit::sla {
namespace {

// Percentiles up to which each one is a selection rather than a full sort.
constexpr size_t kMaxSelections = 8;

}  // namespace

ServiceLevelCollector::ServiceLevelCollector(const CompiledRequest* compiled)
    : compiled_(compiled), rows_(cxkit::v1::Channel_ARRAYSIZE) {}

void ServiceLevelCollector::Add(const cxkit::v1::ConversationSla& result,
                                const FirstReplyFacts& facts) {
  Row& row = rows_[result.channel()];
  const uint32_t breached_cycles = facts.breached_cycles;
  row.breached_cycles += breached_cycles;
  row.breached_conversations += breached_cycles > 0;
  if (facts.first_message == kNoTime) return;
  ++row.conversations;
  const int64_t threshold =
      compiled_->thresholds[result.channel()].threshold_seconds;
  if (facts.first_reply != kNoTime) {
    const int64_t wait = facts.first_reply - facts.first_message;
    row.first_replies.push_back(wait);
    row.within += wait <= threshold;
  } else if (compiled_->now - facts.first_message > threshold) {
    ++row.waiting_beyond;
  }
}

void ServiceLevelCollector::WriteRow(Row& row,
                                     cxkit::v1::ChannelServiceLevel* out) {
  out->set_conversations(row.conversations);
  out->set_answered(static_cast<uint32_t>(row.first_replies.size()));
  out->set_answered_within_threshold(row.within);
  out->set_waiting_beyond_threshold(row.waiting_beyond);
  const uint32_t denominator =
      static_cast<uint32_t>(row.first_replies.size()) + row.waiting_beyond;
  out->set_service_level(
      denominator == 0 ? 1.0 : static_cast<double>(row.within) / denominator);
  out->set_breached_conversations(row.breached_conversations);
  out->set_breached_cycles(row.breached_cycles);
  std::vector<int64_t>& waits = row.first_replies;
  if (waits.empty()) return;
  // A few percentiles select their rank in O(n) each (the order of `waits`
  // does not matter); many sort once.
  const bool sort_all = compiled_->percentiles.size() > kMaxSelections;
  if (sort_all) std::sort(waits.begin(), waits.end());
  int64_t total = 0;
  for (int64_t w : waits) total += w;
  const int64_t n = static_cast<int64_t>(waits.size());
  auto* average = out->mutable_average_first_reply();
  average->set_seconds(total / n);
  average->set_nanos(static_cast<int32_t>((total % n) * 1000000000 / n));
  for (double p : compiled_->percentiles) {
    int64_t rank = static_cast<int64_t>(std::ceil(p / 100.0 * n - 1e-9));
    rank = std::min(std::max<int64_t>(rank, 1), n);
    const auto nth = waits.begin() + (rank - 1);
    if (!sort_all) std::nth_element(waits.begin(), nth, waits.end());
    auto* percentile = out->add_first_reply_percentiles();
    percentile->set_percentile(p);
    SetDuration(*nth, percentile->mutable_first_reply());
  }
}

void ServiceLevelCollector::WriteReport(cxkit::v1::ServiceLevelReport* out) {
  Row overall;
  bool all_met = true;
  for (int c = 0; c < static_cast<int>(rows_.size()); ++c) {
    Row& row = rows_[c];
    if (row.conversations == 0 && row.breached_cycles == 0) continue;
    overall.conversations += row.conversations;
    overall.within += row.within;
    overall.waiting_beyond += row.waiting_beyond;
    overall.breached_conversations += row.breached_conversations;
    overall.breached_cycles += row.breached_cycles;
    overall.first_replies.insert(overall.first_replies.end(),
                                 row.first_replies.begin(),
                                 row.first_replies.end());
    auto* channel = out->add_channels();
    channel->set_channel(static_cast<cxkit::v1::Channel>(c));
    SetDuration(compiled_->thresholds[c].threshold_seconds,
                channel->mutable_threshold());
    channel->set_target_share(compiled_->thresholds[c].target_share);
    WriteRow(row, channel);
    channel->set_met(channel->service_level() >= channel->target_share());
    all_met &= channel->met();
  }
  auto* total = out->mutable_overall();
  WriteRow(overall, total);
  total->set_met(all_met);
}

}  // namespace cxkit::sla
