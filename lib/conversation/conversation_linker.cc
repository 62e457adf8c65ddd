#include "lib/conversation/conversation_linker.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "lib/common/stable_hash.h"
#include "lib/common/union_find.h"

namespace cxkit::conversation {
namespace {

using cxkit::v1::MergeRule;

// What a conversation (a union-find set) knows about itself, kept at its
// representative.
struct SetState {
  uint32_t min_rank;
  uint32_t customer;       // of its earliest message that has one
  uint32_t customer_rank;  // that message's rank, kNoRank without one
  uint32_t split_floor;    // latest split message in it, kNoRank without one
  absl::Time last_activity;
  absl::Time resolved_at;  // InfinitePast while open
};

// The latest message of a session, subject or customer.
struct Latest {
  uint32_t rank;
  absl::Time time;
  uint8_t channel;
};

struct ReferenceState {
  uint32_t owner;  // customer who first mentioned it
  uint32_t latest;
};

class Linker {
 public:
  explicit Linker(LinkerInput input)
      : in_(std::move(input)),
        facts_(*in_.facts),
        settings_(*in_.settings),
        sets_(static_cast<uint32_t>(facts_.size())) {
    const size_t n = facts_.size();
    state_.resize(n);
    for (uint32_t rank = 0; rank < n; ++rank) {
      const MessageFacts& f = facts_[rank];
      state_[rank] = SetState{
          rank,    f.customer, f.customer == kNoCustomer ? kNoRank : rank,
          kNoRank, f.sent_at,  absl::InfinitePast()};
    }
    for (uint32_t split : in_.splits) state_[split].split_floor = split;
    for (size_t i = 0; i < in_.never_merge.size(); ++i) {
      const auto [a, b] = in_.never_merge[i];
      tags_[a].insert(static_cast<uint32_t>(2 * i));
      tags_[b].insert(static_cast<uint32_t>(2 * i + 1));
    }
    out_.merges.reserve(n);
    customer_latest_.assign(in_.customer_count,
                            Latest{kNoRank, absl::InfinitePast(), 0});
    thread_latest_.resize(in_.thread_count);
    reference_state_.assign(in_.references->names.size(),
                            ReferenceState{kNoCustomer, kNoRank});
  }

  Linking Run() {
    size_t next_link = 0;
    size_t next_resolution = 0;
    for (uint32_t rank = 0; rank < facts_.size(); ++rank) {
      const MessageFacts& f = facts_[rank];
      joined_ = false;
      refused_roots_.clear();
      for (; next_link < in_.links.size() && in_.links[next_link].later == rank;
           ++next_link) {
        const MessageLink& link = in_.links[next_link];
        if (link.rule == cxkit::v1::MERGE_RULE_PREVIOUS_CONVERSATION) continue;
        TryJoin(rank, link.earlier, link.rule, link.detail);
      }
      JoinSession(rank);
      if (f.subject != 0) JoinBySubject(rank);
      if (settings_.reference_merging) JoinByReferences(rank);
      if (!joined_ && f.customer != kNoCustomer &&
          settings_.cross_channel_window) {
        JoinAcrossChannels(rank);
      }
      const uint32_t root = sets_.Find(rank);
      state_[root].last_activity =
          std::max(state_[root].last_activity, f.sent_at);
      if (f.customer != kNoCustomer) {
        customer_latest_[f.customer] = Latest{rank, f.sent_at, f.channel};
      }
      if (f.resolves) state_[root].resolved_at = f.sent_at;
      for (; next_resolution < in_.previous_resolutions.size() &&
             in_.previous_resolutions[next_resolution].first == rank;
           ++next_resolution) {
        const absl::Time at = in_.previous_resolutions[next_resolution].second;
        if (at >= f.sent_at) {
          state_[root].resolved_at = std::max(state_[root].resolved_at, at);
        }
      }
    }
    // The host's earlier grouping comes after all rules: when the rules
    // still make the decisions of the earlier call it adds nothing, so an
    // incremental call gives the batch result; otherwise it keeps together
    // what was together, unless a split or never-merge pair forbids it.
    for (const MessageLink& link : in_.links) {
      if (link.rule != cxkit::v1::MERGE_RULE_PREVIOUS_CONVERSATION) continue;
      refused_roots_.clear();
      TryJoin(link.later, link.earlier, link.rule, link.detail);
    }
    const size_t n = facts_.size();
    out_.conversation_of.resize(n);
    out_.resolved_at.assign(n, absl::InfinitePast());
    for (uint32_t rank = 0; rank < n; ++rank) {
      const uint32_t root = sets_.Find(rank);
      out_.conversation_of[rank] = root;
      out_.resolved_at[root] = state_[root].resolved_at;
    }
    return std::move(out_);
  }

 private:
  // Joins the conversations of `rank` and `other` unless a constraint
  // forbids it; records the merge or the refusal.
  bool TryJoin(uint32_t rank, uint32_t other, MergeRule rule,
               absl::string_view detail) {
    const uint32_t a = sets_.Find(rank);
    const uint32_t b = sets_.Find(other);
    if (a == b) {
      joined_ = true;
      return true;
    }
    if (std::find(refused_roots_.begin(), refused_roots_.end(), b) !=
        refused_roots_.end()) {
      return false;
    }
    const char* refusal = Refusal(a, b, rule);
    const MessageFacts& f = facts_[rank];
    bool reopened = false;
    if (refusal == nullptr) {
      for (uint32_t x : {a, b}) {
        const absl::Time resolved = state_[x].resolved_at;
        if (resolved == absl::InfinitePast() || resolved > f.sent_at ||
            !f.from_customer) {
          continue;
        }
        if (f.sent_at - resolved <= settings_.reopen_window) {
          reopened = true;
        } else {
          refusal = "RESOLVED";
          out_.follows.emplace_back(rank, other);
        }
      }
    }
    if (refusal != nullptr) {
      refused_roots_.push_back(b);
      out_.refusals.push_back(
          RefusalRecord{rank, other, rule, refusal, detail});
      return false;
    }
    SetState merged = state_[a];
    const SetState& sb = state_[b];
    merged.min_rank = std::min(merged.min_rank, sb.min_rank);
    if (sb.customer_rank < merged.customer_rank) {
      merged.customer = sb.customer;
      merged.customer_rank = sb.customer_rank;
    }
    merged.split_floor = MaxFloor(merged.split_floor, sb.split_floor);
    merged.last_activity = std::max(merged.last_activity, sb.last_activity);
    merged.resolved_at = reopened
                             ? absl::InfinitePast()
                             : std::max(merged.resolved_at, sb.resolved_at);
    const uint32_t root = sets_.UnionRoots(a, b);
    state_[root] = merged;
    MergeTags(a, b, root);
    out_.merges.push_back(MergeRecord{rank, other, rule, reopened, detail});
    joined_ = true;
    return true;
  }

  static uint32_t MaxFloor(uint32_t x, uint32_t y) {
    if (x == kNoRank) return y;
    if (y == kNoRank) return x;
    return std::max(x, y);
  }

  // The reason the sets `a` and `b` must not merge, or null.
  const char* Refusal(uint32_t a, uint32_t b, MergeRule rule) {
    const uint32_t floor =
        MaxFloor(state_[a].split_floor, state_[b].split_floor);
    if (floor != kNoRank &&
        std::min(state_[a].min_rank, state_[b].min_rank) < floor) {
      return "SPLIT";
    }
    if (!tags_.empty() && NeverMerge(a, b)) return "NEVER_MERGE";
    const bool customer_rule =
        rule == cxkit::v1::MERGE_RULE_EMAIL_SUBJECT ||
        rule == cxkit::v1::MERGE_RULE_SAME_REFERENCE ||
        rule == cxkit::v1::MERGE_RULE_CROSS_CHANNEL_WINDOW ||
        rule == cxkit::v1::MERGE_RULE_CHANNEL_SESSION;
    if (customer_rule && state_[a].customer != kNoCustomer &&
        state_[b].customer != kNoCustomer &&
        state_[a].customer != state_[b].customer) {
      return rule == cxkit::v1::MERGE_RULE_SAME_REFERENCE
                 ? "REFERENCE_OF_OTHER_CUSTOMER"
                 : "OTHER_CUSTOMER";
    }
    return nullptr;
  }

  // Whether the sets with roots `a` and `b` hold the two sides of a
  // never-merge pair. A pair found once is remembered for the whole call:
  // sets only grow (tags are only added), two sets holding both sides of a
  // pair never merge, and a root that stops being one never becomes one
  // again, so a cached (root, root) answer stays true for as long as both
  // are roots. Without the cache a refused pair of large sets costs
  // O(min tags) again on every later message that proposes it.
  bool NeverMerge(uint32_t a, uint32_t b) {
    const uint64_t key =
        a < b ? (uint64_t{a} << 32) | b : (uint64_t{b} << 32) | a;
    if (never_merge_roots_.contains(key)) return true;
    auto ta = tags_.find(a);
    auto tb = tags_.find(b);
    if (ta == tags_.end() || tb == tags_.end()) return false;
    // The smaller set against the larger: O(min) per uncached pair.
    const bool a_smaller = ta->second.size() < tb->second.size();
    const Tags& small = a_smaller ? ta->second : tb->second;
    const Tags& large = a_smaller ? tb->second : ta->second;
    for (uint32_t tag : small) {
      if (large.contains(tag ^ 1u)) {
        never_merge_roots_.insert(key);
        return true;
      }
    }
    return false;
  }

  void MergeTags(uint32_t a, uint32_t b, uint32_t root) {
    if (tags_.empty()) return;
    auto ta = tags_.find(a);
    auto tb = tags_.find(b);
    if (ta == tags_.end() && tb == tags_.end()) return;
    // Small into large, so every tag moves O(log n) times.
    Tags merged;
    if (ta != tags_.end() && tb != tags_.end()) {
      const bool a_larger = ta->second.size() >= tb->second.size();
      merged = std::move(a_larger ? ta->second : tb->second);
      const Tags& small = a_larger ? tb->second : ta->second;
      merged.insert(small.begin(), small.end());
    } else {
      merged = std::move(ta != tags_.end() ? ta->second : tb->second);
    }
    tags_.erase(a);
    tags_.erase(b);
    tags_[root] = std::move(merged);
  }

  void JoinSession(uint32_t rank) {
    const MessageFacts& f = facts_[rank];
    const ChannelSession& session =
        settings_.sessions[f.channel % kChannelSlots];
    if (!session.enabled) return;
    Latest* latest = nullptr;
    MergeRule rule;
    if (f.thread != kNoThread) {
      latest = &thread_latest_[f.thread];
      rule = cxkit::v1::MERGE_RULE_THREAD_KEY;
    } else if (session.chat_like && f.customer != kNoCustomer) {
      latest = &session_latest_[(static_cast<uint64_t>(f.channel) << 32) |
                                f.customer];
      rule = cxkit::v1::MERGE_RULE_CHANNEL_SESSION;
    } else {
      return;
    }
    if (latest->rank != kNoRank &&
        (!session.chat_like || f.sent_at - latest->time <= session.idle_gap)) {
      TryJoin(rank, latest->rank, rule,
              rule == cxkit::v1::MERGE_RULE_THREAD_KEY
                  ? f.thread_key
                  : absl::string_view(cxkit::v1::Channel_Name(
                        static_cast<cxkit::v1::Channel>(f.channel))));
    }
    *latest = Latest{rank, f.sent_at, f.channel};
  }

  void JoinBySubject(uint32_t rank) {
    const MessageFacts& f = facts_[rank];
    if (f.customer == kNoCustomer) return;
    Latest& latest = subject_latest_[std::make_pair(f.subject, f.customer)];
    if (latest.rank != kNoRank && !in_.has_reply_headers[rank] &&
        f.sent_at - latest.time <= settings_.subject_window) {
      out_.detail_storage.push_back(settings_.subjects->BaseSubject(
          f.email != nullptr ? absl::string_view(f.email->subject())
                             : absl::string_view()));
      TryJoin(rank, latest.rank, cxkit::v1::MERGE_RULE_EMAIL_SUBJECT,
              out_.detail_storage.back());
    }
    latest = Latest{rank, f.sent_at, f.channel};
  }

  void JoinByReferences(uint32_t rank) {
    const MessageFacts& f = facts_[rank];
    const MessageReferences& refs = *in_.references;
    if (f.customer == kNoCustomer) return;
    for (uint32_t i = f.refs_begin; i < f.refs_begin + f.refs_count; ++i) {
      const uint32_t id = refs.ids[i];
      const absl::string_view name = refs.names[id];
      ReferenceState& state = reference_state_[id];
      if (state.latest == kNoRank) {
        state = ReferenceState{f.customer, rank};
        continue;
      }
      if (state.owner != f.customer) {
        if (sets_.Find(state.latest) != sets_.Find(rank)) {
          out_.refusals.push_back(RefusalRecord{
              rank, state.latest, cxkit::v1::MERGE_RULE_SAME_REFERENCE,
              "REFERENCE_OF_OTHER_CUSTOMER", name});
        }
        continue;
      }
      const uint32_t other_root = sets_.Find(state.latest);
      if (other_root != sets_.Find(rank) &&
          f.sent_at - state_[other_root].last_activity <=
              settings_.reference_window) {
        TryJoin(rank, state.latest, cxkit::v1::MERGE_RULE_SAME_REFERENCE, name);
      }
      state.latest = rank;
    }
  }

  void JoinAcrossChannels(uint32_t rank) {
    const MessageFacts& f = facts_[rank];
    const Latest& latest = customer_latest_[f.customer];
    if (latest.rank == kNoRank || latest.channel == f.channel ||
        f.sent_at - latest.time > settings_.cross_channel) {
      return;
    }
    TryJoin(rank, latest.rank, cxkit::v1::MERGE_RULE_CROSS_CHANNEL_WINDOW,
            cxkit::v1::Channel_Name(
                static_cast<cxkit::v1::Channel>(latest.channel)));
  }

  LinkerInput in_;
  const std::vector<MessageFacts>& facts_;
  const MergeSettings& settings_;
  UnionFind sets_;
  std::vector<SetState> state_;
  // Never-merge tags by set representative: 2 * pair + side.
  using Tags = absl::flat_hash_set<uint32_t>;
  absl::flat_hash_map<uint32_t, Tags> tags_;
  struct LatestSlot : Latest {
    LatestSlot() : Latest{kNoRank, absl::InfinitePast(), 0} {}
  };
  std::vector<LatestSlot> thread_latest_;  // by thread
  absl::flat_hash_map<uint64_t, LatestSlot> session_latest_;
  // By (base subject hash, customer).
  absl::flat_hash_map<std::pair<uint64_t, uint32_t>, LatestSlot>
      subject_latest_;
  std::vector<Latest> customer_latest_;          // by customer
  std::vector<ReferenceState> reference_state_;  // by reference id
  bool joined_ = false;
  std::vector<uint32_t> refused_roots_;  // refused this message, by root
  // Root pairs (smaller << 32 | larger) found to hold a never-merge pair.
  absl::flat_hash_set<uint64_t> never_merge_roots_;
  Linking out_;
};

}  // namespace

Linking LinkMessages(LinkerInput input) {
  return Linker(std::move(input)).Run();
}

}  // namespace cxkit::conversation
