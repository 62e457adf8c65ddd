#include "lib/conversation/conversation_writer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "lib/common/proto_time.h"
#include "lib/common/stable_hash.h"

namespace cxkit::conversation {
namespace {

using cxkit::v1::Conversation;

struct Group {
  uint32_t first;  // index into members
  uint32_t size;
  std::string id;
  int32_t survivor;  // previous conversation whose id it keeps, or -1
};

}  // namespace

void WriteConversations(const cxkit::v1::MergeConversationsRequest& request,
                        const MergeSettings& settings,
                        const PreparedMessages& prepared,
                        const Linking& linking,
                        cxkit::v1::MergeConversationsResponse* response) {
  const std::vector<MessageFacts>& facts = prepared.facts;
  const uint32_t n = static_cast<uint32_t>(facts.size());

  // Groups in order of their earliest message, members in rank order.
  std::vector<uint32_t> group_of_root(n, kNoRank);
  std::vector<Group> groups;
  std::vector<uint32_t> group_of(n);
  for (uint32_t rank = 0; rank < n; ++rank) {
    const uint32_t root = linking.conversation_of[rank];
    if (group_of_root[root] == kNoRank) {
      group_of_root[root] = static_cast<uint32_t>(groups.size());
      groups.push_back(Group{0, 0, std::string(), -1});
    }
    group_of[rank] = group_of_root[root];
    ++groups[group_of[rank]].size;
  }
  std::vector<uint32_t> members(n);
  {
    uint32_t offset = 0;
    for (Group& g : groups) {
      g.first = offset;
      offset += g.size;
    }
    std::vector<uint32_t> fill(groups.size(), 0);
    for (uint32_t rank = 0; rank < n; ++rank) {
      const uint32_t g = group_of[rank];
      members[groups[g].first + fill[g]++] = rank;
    }
  }

  // Previous conversations: each survives in the group of its earliest
  // message in the request; a group keeps the one whose earliest message is
  // earliest.
  const int previous_count = request.previous_conversations_size();
  std::vector<std::vector<int32_t>> merged_previous;
  if (previous_count > 0) {
    std::vector<uint32_t> home(previous_count, kNoRank);
    for (uint32_t rank = 0; rank < n; ++rank) {
      const int32_t c = prepared.previous_conversation[rank];
      if (c >= 0 && home[c] == kNoRank) home[c] = rank;
    }
    merged_previous.resize(groups.size());
    std::vector<uint32_t> survivor_rank(groups.size(), kNoRank);
    for (int c = 0; c < previous_count; ++c) {
      if (home[c] == kNoRank) continue;
      const uint32_t g = group_of[home[c]];
      if (home[c] < survivor_rank[g]) {
        if (groups[g].survivor >= 0) {
          merged_previous[g].push_back(groups[g].survivor);
        }
        groups[g].survivor = c;
        survivor_rank[g] = home[c];
      } else {
        merged_previous[g].push_back(c);
      }
    }
  }
  for (Group& g : groups) {
    g.id = g.survivor >= 0
               ? request.previous_conversations(g.survivor).conversation_id()
               : "c-" + HashToHex(StableHash64(facts[members[g.first]].id));
  }
  std::vector<uint32_t> order(groups.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const absl::Time ta = facts[members[groups[a].first]].sent_at;
    const absl::Time tb = facts[members[groups[b].first]].sent_at;
    if (ta != tb) return ta < tb;
    return groups[a].id < groups[b].id;
  });
  {
    // Views into groups[].id: an id no longer changes once it is inserted.
    absl::flat_hash_set<absl::string_view> used;
    used.reserve(groups.size());
    for (uint32_t g : order) {
      uint64_t salt = 1;
      while (!used.insert(groups[g].id).second) {
        groups[g].id = "c-" + HashToHex(StableHash64(
                                  facts[members[groups[g].first]].id, salt++));
      }
    }
  }

  // Merge records and follow links by group.
  std::vector<uint32_t> merge_begin(groups.size() + 1, 0);
  for (const MergeRecord& m : linking.merges)
    ++merge_begin[group_of[m.message] + 1];
  for (size_t g = 0; g < groups.size(); ++g)
    merge_begin[g + 1] += merge_begin[g];
  std::vector<const MergeRecord*> merges(linking.merges.size());
  {
    std::vector<uint32_t> fill(merge_begin.begin(), merge_begin.end() - 1);
    for (const MergeRecord& m : linking.merges) {
      merges[fill[group_of[m.message]]++] = &m;
    }
  }
  std::vector<uint32_t> follows(groups.size(), kNoRank);
  for (const auto& [rank, other] : linking.follows) {
    const uint32_t g = group_of[rank];
    if (group_of[other] != g && follows[g] == kNoRank)
      follows[g] = group_of[other];
  }

  const bool omit_ids = request.output().omit_message_ids();
  const bool omit_merges = request.output().omit_merges();
  const MessageReferences& refs = prepared.references;
  const std::vector<std::string>* kinds =
      settings.references ? &settings.references->kinds() : nullptr;
  std::vector<uint32_t> group_refs;
  std::string subject_buffer;
  cxkit::v1::MergeStats* stats = response->mutable_stats();
  response->mutable_conversations()->Reserve(static_cast<int>(groups.size()));
  for (uint32_t g : order) {
    const Group& group = groups[g];
    Conversation* out = response->add_conversations();
    out->set_conversation_id(group.id);
    uint32_t channels = 0;
    uint32_t customer = kNoCustomer;
    const cxkit::v1::EmailHeaders* first_email = nullptr;
    group_refs.clear();
    if (!omit_ids)
      out->mutable_message_ids()->Reserve(static_cast<int>(group.size));
    out->mutable_message_indexes()->Reserve(static_cast<int>(group.size));
    for (uint32_t i = group.first; i < group.first + group.size; ++i) {
      const uint32_t rank = members[i];
      const MessageFacts& f = facts[rank];
      if (!omit_ids) out->add_message_ids(f.id.data(), f.id.size());
      out->add_message_indexes(f.index);
      channels |= 1u << f.channel;
      if (customer == kNoCustomer) customer = f.customer;
      if (first_email == nullptr && f.email != nullptr &&
          !f.email->subject().empty()) {
        first_email = f.email;
      }
      for (uint32_t r = f.refs_begin; r < f.refs_begin + f.refs_count; ++r) {
        group_refs.push_back(refs.ids[r]);
      }
    }
    if (customer != kNoCustomer) {
      const absl::string_view name = prepared.customers->Name(customer);
      out->set_customer_id(name.data(), name.size());
    }
    for (int c = 0; c < kChannelSlots; ++c) {
      if (channels & (1u << c)) {
        out->add_channels(static_cast<cxkit::v1::Channel>(c));
      }
    }
    if (!group_refs.empty()) {
      // By kind, then value: "kind:VALUE" strings alone would put "order2:"
      // before "order:" (':' sorts after digits).
      std::sort(group_refs.begin(), group_refs.end(),
                [&](uint32_t a, uint32_t b) {
                  const std::string& kind_a = (*kinds)[refs.kinds[a]];
                  const std::string& kind_b = (*kinds)[refs.kinds[b]];
                  if (kind_a != kind_b) return kind_a < kind_b;
                  return refs.names[a] < refs.names[b];
                });
      group_refs.erase(std::unique(group_refs.begin(), group_refs.end()),
                       group_refs.end());
      for (uint32_t r : group_refs) {
        cxkit::v1::ConversationReference* ref = out->add_references();
        const std::string& kind = (*kinds)[refs.kinds[r]];
        ref->set_kind(kind);
        ref->set_value(refs.names[r].substr(kind.size() + 1));
      }
    }
    const uint32_t first = members[group.first];
    const uint32_t last = members[group.first + group.size - 1];
    ToProtoTimestamp(facts[first].sent_at, out->mutable_opened_at());
    ToProtoTimestamp(facts[last].sent_at, out->mutable_last_activity_at());
    const absl::Time resolved =
        linking.resolved_at[linking.conversation_of[first]];
    if (resolved != absl::InfinitePast()) {
      out->set_state(cxkit::v1::CONVERSATION_STATE_RESOLVED);
      ToProtoTimestamp(resolved, out->mutable_resolved_at());
    } else {
      out->set_state(cxkit::v1::CONVERSATION_STATE_OPEN);
    }
    if (first_email != nullptr) {
      const absl::string_view subject = settings.subjects->BaseSubject(
          first_email->subject(), &subject_buffer);
      out->set_subject(subject.data(), subject.size());
    }
    for (uint32_t i = merge_begin[g]; !omit_merges && i < merge_begin[g + 1];
         ++i) {
      const MergeRecord& m = *merges[i];
      cxkit::v1::MergeReason* reason = out->add_merges();
      reason->set_message_id(facts[m.message].id.data(),
                             facts[m.message].id.size());
      reason->set_joined_message_id(facts[m.other].id.data(),
                                    facts[m.other].id.size());
      reason->set_rule(m.rule);
      reason->set_detail(m.detail.data(), m.detail.size());
      reason->set_reopened(m.reopened);
    }
    if (!merged_previous.empty() && !merged_previous[g].empty()) {
      std::vector<absl::string_view> ids;
      for (int32_t c : merged_previous[g]) {
        ids.push_back(request.previous_conversations(c).conversation_id());
      }
      std::sort(ids.begin(), ids.end());
      for (absl::string_view id : ids) {
        out->add_merged_conversation_ids(std::string(id));
      }
    }
    if (follows[g] != kNoRank) {
      out->set_follows_conversation_id(groups[follows[g]].id);
    }
    stats->set_multi_message_conversations(
        stats->multi_message_conversations() + (group.size > 1));
    stats->set_cross_channel_conversations(
        stats->cross_channel_conversations() +
        ((channels & (channels - 1)) != 0));
  }
  for (const RefusalRecord& r : linking.refusals) {
    cxkit::v1::RefusedMerge* out = response->add_refused_merges();
    out->set_message_id(facts[r.message].id.data(), facts[r.message].id.size());
    out->set_other_message_id(facts[r.other].id.data(),
                              facts[r.other].id.size());
    out->set_rule(r.rule);
    out->set_reason(r.reason);
    out->set_detail(r.detail.data(), r.detail.size());
  }
  stats->set_conversations(static_cast<uint32_t>(groups.size()));
  stats->set_references_found(static_cast<uint32_t>(refs.ids.size()));
  stats->set_merges(static_cast<uint32_t>(linking.merges.size()));
  stats->set_refused_merges(static_cast<uint32_t>(linking.refusals.size()));
}

}  // namespace cxkit::conversation
