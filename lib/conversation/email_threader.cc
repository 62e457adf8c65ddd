#include "lib/conversation/email_threader.h"

#include <limits>

#include "absl/container/flat_hash_map.h"
#include "lib/conversation/message_id_parser.h"

namespace cxkit::conversation {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// The container forest, with a union-find over its trees for O(1) loop checks:
// a container without a parent is the root of its tree, so linking it under a
// container of the same tree would make a loop.
class ContainerForest {
 public:
  explicit ContainerForest(size_t expected) {
    containers_.reserve(expected);
    by_id_.reserve(expected);
  }

  uint32_t GetOrCreate(absl::string_view id) {
    auto [it, inserted] = by_id_.try_emplace(id, 0);
    if (inserted) it->second = Create(id);
    return it->second;
  }

  // A container nothing can refer to (a message without, or with a duplicate,
  // Message-ID).
  uint32_t Create(absl::string_view id) {
    containers_.push_back(Container{kNone, kNone, id});
    tree_.push_back(static_cast<uint32_t>(tree_.size()));
    return static_cast<uint32_t>(containers_.size() - 1);
  }

  void Link(uint32_t parent, uint32_t child) {
    if (parent == child || containers_[child].parent != kNone) return;
    const uint32_t parent_tree = Tree(parent);
    const uint32_t child_tree = Tree(child);
    if (parent_tree == child_tree) return;  // child is parent's root: a loop
    containers_[child].parent = parent;
    tree_[child_tree] = parent_tree;
  }

  uint32_t Tree(uint32_t c) {
    while (tree_[c] != c) {
      tree_[c] = tree_[tree_[c]];
      c = tree_[c];
    }
    return c;
  }

  struct Container {
    uint32_t parent;
    uint32_t message;  // position in time order, or kNone for a placeholder
    absl::string_view id;
  };
  Container& at(uint32_t c) { return containers_[c]; }
  size_t size() const { return containers_.size(); }

 private:
  std::vector<Container> containers_;
  std::vector<uint32_t> tree_;
  absl::flat_hash_map<absl::string_view, uint32_t> by_id_;
};

}  // namespace

EmailThreads ThreadEmails(
    const std::vector<const cxkit::v1::EmailHeaders*>& headers,
    uint32_t max_references) {
  EmailThreads out;
  out.has_reply_headers.assign(headers.size(), false);
  size_t emails = 0;
  for (const auto* h : headers) emails += h != nullptr;
  if (emails == 0) return out;

  ContainerForest forest(emails * 2);
  std::vector<uint32_t> container_of(headers.size(), kNone);
  std::vector<absl::string_view> ids;
  for (uint32_t position = 0; position < headers.size(); ++position) {
    const cxkit::v1::EmailHeaders* h = headers[position];
    if (h == nullptr) continue;
    const absl::string_view own = NormalizeMessageId(h->message_id());
    uint32_t container;
    if (own.empty()) {
      container = forest.Create(own);
    } else {
      container = forest.GetOrCreate(own);
      if (forest.at(container).message != kNone) {
        out.duplicate_ids.push_back(position);
        container = forest.Create(own);
      }
    }
    forest.at(container).message = position;
    container_of[position] = container;

    ids.clear();
    ParseMessageIds(h->references(), &ids);
    if (ids.size() > max_references) {
      ids.erase(ids.begin(), ids.end() - max_references);
      out.truncated_references.push_back(position);
    }
    if (ids.empty()) {
      ParseBracketedMessageIds(h->in_reply_to(), &ids);
      if (ids.size() > 1) ids.resize(1);
    }
    uint32_t previous = kNone;
    for (absl::string_view id : ids) {
      if (!own.empty() && id == own) continue;  // a message citing itself
      const uint32_t referenced = forest.GetOrCreate(id);
      if (previous != kNone) forest.Link(previous, referenced);
      previous = referenced;
    }
    if (previous != kNone) {
      out.has_reply_headers[position] = true;
      forest.Link(previous, container);
    }
  }

  // The earliest message of every tree, and each tree's root id.
  std::vector<uint32_t> earliest_of_tree(forest.size(), kNone);
  for (uint32_t position = 0; position < headers.size(); ++position) {
    if (container_of[position] == kNone) continue;
    uint32_t& earliest = earliest_of_tree[forest.Tree(container_of[position])];
    if (earliest == kNone) earliest = position;
  }
  for (uint32_t position = 0; position < headers.size(); ++position) {
    const uint32_t container = container_of[position];
    if (container == kNone) continue;
    const uint32_t parent = forest.at(container).parent;
    uint32_t other;
    cxkit::v1::MergeRule rule;
    absl::string_view detail;
    if (parent != kNone && forest.at(parent).message != kNone) {
      other = forest.at(parent).message;
      rule = cxkit::v1::MERGE_RULE_EMAIL_REPLY;
      detail = forest.at(parent).id;
    } else {
      const uint32_t tree = forest.Tree(container);
      other = earliest_of_tree[tree];
      if (other == position) continue;
      rule = cxkit::v1::MERGE_RULE_EMAIL_SHARED_ANCESTOR;
      detail = forest.at(tree).id;
    }
    out.links.push_back(MessageLink{std::max(position, other),
                                    std::min(position, other), rule, detail});
  }
  return out;
}

}  // namespace cxkit::conversation
