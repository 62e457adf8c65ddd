// Which customer a message belongs to: the host's customer id, a profile from
// identity resolution, a customer link, or else the message's own identifier.

#ifndef CXKIT_LIB_CONVERSATION_CUSTOMER_DIRECTORY_H_
#define CXKIT_LIB_CONVERSATION_CUSTOMER_DIRECTORY_H_

#include <cstdint>
#include <deque>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/message_issues.h"
#include "lib/identity/phone_normalizer.h"

namespace cxkit::conversation {

inline constexpr uint32_t kNoCustomer = UINT32_MAX;

enum class CustomerSource { kNone, kHost, kLinked, kImplicit };

// True when the customer is the sender (inbound, or written by the customer),
// false when it is the recipient (outbound, internal, agent or bot).
bool IsFromCustomer(const cxkit::v1::ConversationMessage& message);

// Interns customer names and matches identifiers. Host customers (customer
// ids, profile ids, link ids) are interned by name; an implicit customer is
// one per matching key, whatever its display name. Keeps views into the
// request, which must outlive it. Not thread-safe (one per call).
class CustomerDirectory {
 public:
  // Indexes request.customers and request.customer_profiles. A value linked
  // to several customers goes to the smallest customer id; hub values of
  // profiles are skipped.
  explicit CustomerDirectory(
      const cxkit::v1::MergeConversationsRequest& request);

  // The customer of message `index`, or kNoCustomer; `*source` says where it
  // came from. Unusable identifiers become WARNING issues.
  uint32_t Resolve(const cxkit::v1::ConversationMessage& message,
                   uint32_t index, MessageIssues* issues,
                   CustomerSource* source);

  absl::string_view Name(uint32_t customer) const { return names_[customer]; }

  // Number of customers interned so far (host, linked and implicit).
  uint32_t size() const { return static_cast<uint32_t>(names_.size()); }

 private:
  // The customer named `name` by the host (customer ids, profile ids).
  uint32_t Intern(absl::string_view name);
  // A new implicit customer; never found by Intern, even under the same name.
  uint32_t AddImplicit(std::string name);
  // The matching key of an identifier whose type already is a matching type.
  static std::string MatchingKey(cxkit::v1::IdentifierType type,
                                 absl::string_view custom_type,
                                 absl::string_view name_space,
                                 absl::string_view normalized);
  void LinkValue(std::string key, uint32_t customer);

  // Normalized-value result per raw identifier: index into keys_ or -1.
  using RawKey =
      std::tuple<int, absl::string_view, absl::string_view, absl::string_view>;
  struct Normalized {
    int32_t key;  // index into keys_, -1 when unusable
    uint32_t linked_customer;
    uint32_t error;  // when unusable: why, as an index into errors_
  };
  Normalized NormalizeRaw(const cxkit::v1::Identifier& identifier);

  const cxkit::v1::MergePolicy& policy_;
  std::vector<absl::string_view> names_;
  std::deque<std::string> owned_names_;
  absl::flat_hash_map<absl::string_view, uint32_t> by_name_;
  absl::flat_hash_map<std::string, uint32_t> linked_values_;
  absl::flat_hash_map<absl::string_view, uint32_t> by_record_id_;
  absl::flat_hash_map<RawKey, Normalized> raw_cache_;
  std::vector<std::string> errors_;  // Normalized::error texts
  // Per key index (one per distinct raw identifier): its matching key (a
  // deque, so that views of the keys stay valid), type and implicit customer.
  std::deque<std::string> keys_;
  std::vector<cxkit::v1::IdentifierType> key_types_;
  std::vector<uint32_t> implicit_customer_;
  // The implicit customer of each distinct matching key (views into keys_).
  absl::flat_hash_map<absl::string_view, uint32_t> implicit_by_key_;
  identity::PhoneNormalizer phones_;
  std::string scratch_;
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_CUSTOMER_DIRECTORY_H_
