#include "lib/conversation/message_preparation.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"
#include "lib/common/proto_time.h"
#include "lib/common/stable_hash.h"
#include "lib/conversation/email_threader.h"

namespace cxkit::conversation {
namespace {

using cxkit::v1::ConversationMessage;
using cxkit::v1::MergeConversationsRequest;

// The first problem that makes message `i` unusable, as an issue, or false.
bool CheckMessage(const ConversationMessage& m, uint32_t i,
                  const cxkit::v1::MergeLimits& limits, MessageIssues* issues) {
  // Paths are built only for the rare bad message.
  const auto field = [i](absl::string_view suffix) {
    return absl::StrCat("messages[", i, "]", suffix);
  };
  auto error = [&](const char* reason, std::string path, std::string text) {
    issues->Add(i, cxkit::v1::SEVERITY_ERROR, reason, std::move(path),
                std::move(text));
    return true;
  };
  if (!m.has_sent_at()) {
    return error("MISSING_TIME", field(".sent_at"), "required");
  }
  if (!IsValidTimestamp(m.sent_at())) {
    return error("INVALID_TIME", field(".sent_at"),
                 "outside 0001-01-01..9999-12-31 or nanos out of range");
  }
  if (!cxkit::v1::Channel_IsValid(m.channel()) ||
      m.channel() >= kChannelSlots) {
    return error("UNKNOWN_CHANNEL", field(".channel"),
                 absl::StrCat("unknown channel ", m.channel()));
  }
  if (static_cast<uint32_t>(m.sender_size() + m.recipients_size()) >
      limits.max_identifiers_per_message()) {
    // The field where the count crosses the limit: sender comes first.
    const bool sender_alone_exceeds = static_cast<uint32_t>(m.sender_size()) >
                                      limits.max_identifiers_per_message();
    return error("TOO_MANY_IDENTIFIERS",
                 field(sender_alone_exceeds ? ".sender" : ".recipients"),
                 absl::StrCat(m.sender_size() + m.recipients_size(),
                              " identifiers exceed "
                              "policy.limits.max_identifiers_per_message (",
                              limits.max_identifiers_per_message(), ")"));
  }
  constexpr char kValueLimit[] = "policy.limits.max_value_bytes";
  constexpr char kHeaderLimit[] = "policy.limits.max_header_bytes";
  const struct {
    const std::string* value;
    const char* name;
    const char* limit_name;
    uint32_t limit;
  } values[] = {
      {&m.customer_id(), ".customer_id", kValueLimit, limits.max_value_bytes()},
      {&m.thread_key(), ".thread_key", kValueLimit, limits.max_value_bytes()},
      {&m.email().message_id(), ".email.message_id", kValueLimit,
       limits.max_value_bytes()},
      {&m.email().in_reply_to(), ".email.in_reply_to", kHeaderLimit,
       limits.max_header_bytes()},
      {&m.email().references(), ".email.references", kHeaderLimit,
       limits.max_header_bytes()},
      {&m.email().subject(), ".email.subject", kHeaderLimit,
       limits.max_header_bytes()},
  };
  for (const auto& v : values) {
    if (v.value->size() > v.limit) {
      return error("OVERSIZED_VALUE", field(v.name),
                   absl::StrCat(v.value->size(), " bytes exceed ", v.limit_name,
                                " (", v.limit, ")"));
    }
  }
  for (const auto* list : {&m.sender(), &m.recipients()}) {
    for (int j = 0; j < list->size(); ++j) {
      if ((*list)[j].value().size() > limits.max_value_bytes()) {
        return error("OVERSIZED_VALUE",
                     absl::StrCat(field(list == &m.sender() ? ".sender["
                                                            : ".recipients["),
                                  j, "].value"),
                     absl::StrCat("longer than policy.limits.max_value_bytes (",
                                  limits.max_value_bytes(), ")"));
      }
    }
  }
  return false;
}

// `text` cut to at most `limit` bytes without splitting a UTF-8 sequence.
absl::string_view Prefix(absl::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<uint8_t>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Interns references and thread keys while the facts are gathered.
class FactGatherer {
 public:
  FactGatherer(const MergeSettings& settings, PreparedMessages* prepared)
      : settings_(settings), prepared_(prepared) {}

  void Gather(const ConversationMessage& m, MessageFacts* f) {
    f->thread = kNoThread;
    if (!m.thread_key().empty()) {
      f->thread_key = m.thread_key();
      auto [it, inserted] =
          threads_.try_emplace(std::make_pair(f->channel, f->thread_key),
                               static_cast<uint32_t>(threads_.size()));
      f->thread = it->second;
    }
    f->subject = 0;
    if (f->is_email && settings_.subject_fallback &&
        !m.email().subject().empty()) {
      const absl::string_view key = settings_.subjects->BaseSubjectKey(
          m.email().subject(), &collapsed_subject_, &folded_subject_);
      if (!key.empty()) f->subject = StableHash64(key) | 1;
    }
    MessageReferences& refs = prepared_->references;
    f->refs_begin = static_cast<uint32_t>(refs.ids.size());
    f->refs_count = 0;
    const ReferenceExtractor* extractor = settings_.references.get();
    if (extractor == nullptr) return;
    found_.clear();
    extractor->Extract(
        Prefix(m.email().subject(), settings_.limits.max_scanned_text_bytes()),
        &found_);
    extractor->Extract(
        Prefix(m.text(), settings_.limits.max_scanned_text_bytes()), &found_);
    if (found_.empty()) return;
    std::sort(found_.begin(), found_.end());
    found_.erase(std::unique(found_.begin(), found_.end()), found_.end());
    for (const FoundReference& ref : found_) {
      name_.clear();
      absl::StrAppend(&name_, extractor->kinds()[ref.kind], ":", ref.value);
      auto [it, inserted] =
          names_.try_emplace(name_, static_cast<uint32_t>(refs.names.size()));
      if (inserted) {
        refs.names.push_back(name_);
        refs.kinds.push_back(ref.kind);
      }
      refs.ids.push_back(it->second);
    }
    f->refs_count = static_cast<uint32_t>(found_.size());
  }

  uint32_t thread_count() const {
    return static_cast<uint32_t>(threads_.size());
  }

 private:
  const MergeSettings& settings_;
  PreparedMessages* prepared_;
  absl::flat_hash_map<std::pair<uint8_t, absl::string_view>, uint32_t> threads_;
  absl::flat_hash_map<std::string, uint32_t> names_;
  std::vector<FoundReference> found_;
  std::string name_;
  // Scratch for base subject keys, reused across messages.
  std::string collapsed_subject_;
  std::string folded_subject_;
};

// The host's constraints and previous conversations, by rank. Ids not in the
// request are ignored (they belong to earlier calls).
void MapHostData(const MergeConversationsRequest& request,
                 PreparedMessages* prepared, LinkerInput* linker) {
  const auto& policy = request.policy();
  const size_t n = prepared->facts.size();
  prepared->previous_conversation.assign(n, -1);
  if (request.previous_conversations_size() == 0 &&
      policy.never_merge_size() == 0 &&
      policy.split_before_message_ids_size() == 0) {
    return;
  }
  absl::flat_hash_map<absl::string_view, uint32_t> rank_of;
  rank_of.reserve(n);
  for (uint32_t rank = 0; rank < n; ++rank) {
    rank_of.emplace(prepared->facts[rank].id, rank);
  }
  auto find = [&](const std::string& id) {
    auto it = rank_of.find(id);
    return it == rank_of.end() ? kNoRank : it->second;
  };
  for (const auto& pair : policy.never_merge()) {
    const uint32_t a = find(pair.message_id());
    const uint32_t b = find(pair.other_message_id());
    if (a != kNoRank && b != kNoRank && a != b) {
      linker->never_merge.emplace_back(a, b);
    }
  }
  for (const std::string& id : policy.split_before_message_ids()) {
    const uint32_t rank = find(id);
    if (rank != kNoRank) linker->splits.push_back(rank);
  }
  std::vector<uint32_t> ranks;
  for (int c = 0; c < request.previous_conversations_size(); ++c) {
    const auto& conversation = request.previous_conversations(c);
    ranks.clear();
    for (const std::string& id : conversation.message_ids()) {
      const uint32_t rank = find(id);
      if (rank == kNoRank) continue;
      ranks.push_back(rank);
      prepared->previous_conversation[rank] = c;
    }
    if (ranks.empty()) continue;
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    for (size_t i = 1; i < ranks.size(); ++i) {
      linker->links.push_back(MessageLink{
          ranks[i], ranks[i - 1], cxkit::v1::MERGE_RULE_PREVIOUS_CONVERSATION,
          conversation.conversation_id()});
    }
    if (conversation.has_resolved_at()) {
      linker->previous_resolutions.emplace_back(
          ranks.back(), FromProtoTimestamp(conversation.resolved_at()));
    }
  }
  std::sort(linker->previous_resolutions.begin(),
            linker->previous_resolutions.end());
}

}  // namespace

PreparedMessages PrepareMessages(const MergeConversationsRequest& request,
                                 const MergeSettings& settings,
                                 MessageIssues* issues, LinkerInput* linker) {
  PreparedMessages prepared;
  prepared.customers = std::make_unique<CustomerDirectory>(request);
  const uint32_t count = static_cast<uint32_t>(request.messages_size());
  prepared.facts.reserve(count);
  FactGatherer gatherer(settings, &prepared);
  for (uint32_t i = 0; i < count; ++i) {
    const ConversationMessage& m = request.messages(static_cast<int>(i));
    if (CheckMessage(m, i, settings.limits, issues)) {
      ++prepared.messages_with_errors;
      continue;
    }
    CustomerSource source;
    const uint32_t customer =
        prepared.customers->Resolve(m, i, issues, &source);
    prepared.host_customers += source == CustomerSource::kHost;
    prepared.linked_customers += source == CustomerSource::kLinked;
    prepared.implicit_customers += source == CustomerSource::kImplicit;
    MessageFacts f;
    f.sent_at = FromProtoTimestamp(m.sent_at());
    f.index = i;
    f.customer = customer;
    f.channel = static_cast<uint8_t>(m.channel());
    f.from_customer = IsFromCustomer(m);
    f.resolves = m.resolves_conversation();
    f.is_email = m.has_email() || m.channel() == cxkit::v1::CHANNEL_EMAIL;
    f.id = m.id();
    f.email = f.is_email ? &m.email() : nullptr;
    gatherer.Gather(m, &f);
    prepared.facts.push_back(f);
  }
  std::sort(prepared.facts.begin(), prepared.facts.end(),
            [&](const MessageFacts& a, const MessageFacts& b) {
              if (a.sent_at != b.sent_at) return a.sent_at < b.sent_at;
              return a.id < b.id;
            });
  const size_t n = prepared.facts.size();

  linker->has_reply_headers.assign(n, false);
  if (settings.email_threading) {
    std::vector<const cxkit::v1::EmailHeaders*> headers(n, nullptr);
    for (uint32_t rank = 0; rank < n; ++rank) {
      headers[rank] = prepared.facts[rank].email;
    }
    EmailThreads threads =
        ThreadEmails(headers, settings.limits.max_references_per_message());
    linker->links = std::move(threads.links);
    linker->has_reply_headers = std::move(threads.has_reply_headers);
    for (uint32_t rank : threads.duplicate_ids) {
      const uint32_t index = prepared.facts[rank].index;
      issues->Add(index, cxkit::v1::SEVERITY_WARNING, "DUPLICATE_MESSAGE_ID",
                  IndexedField("messages", index) + ".email.message_id",
                  "an earlier message has this Message-ID; replies thread to "
                  "the earlier one");
    }
    for (uint32_t rank : threads.truncated_references) {
      const uint32_t index = prepared.facts[rank].index;
      issues->Add(
          index, cxkit::v1::SEVERITY_WARNING, "TOO_MANY_REFERENCES",
          IndexedField("messages", index) + ".email.references",
          absl::StrCat(
              "more ids than policy.limits.max_references_per_message (",
              settings.limits.max_references_per_message(),
              "); only the last ones were read"));
    }
  }
  linker->thread_count = gatherer.thread_count();
  MapHostData(request, &prepared, linker);
  std::sort(linker->links.begin(), linker->links.end(),
            [](const MessageLink& a, const MessageLink& b) {
              return std::tie(a.later, a.rule, a.earlier) <
                     std::tie(b.later, b.rule, b.earlier);
            });
  std::sort(linker->splits.begin(), linker->splits.end());
  linker->splits.erase(
      std::unique(linker->splits.begin(), linker->splits.end()),
      linker->splits.end());
  return prepared;
}

}  // namespace cxkit::conversation
