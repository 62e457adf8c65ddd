// One test per request limit that had none: each case lowers a limit by the
// request's own override, sends one item (or byte) more than it and expects
// the exact status or item issue, then sends exactly the limit and expects it
// to pass. Tables, one per capability: whole-request refusals and per-item
// issues (where the rest of the batch goes on).
//
// Not here: max_request_bytes and max_references_per_message. A limit whose
// overflow another test already checks (max_records on records, max_tags on a
// conversation, max_subject_prefixes, max_visits, ...) appears here only for
// the lists or values that test leaves out.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "gtest/gtest.h"
#include "tests/adversarial/adversarial_support.h"
#include "tests/conversation/conversation_builders.h"
#include "tests/routing/routing_test_support.h"
#include "tests/sla/sla_test_support.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

using cxkit::v1::CHANNEL_EMAIL;
using cxkit::v1::CHANNEL_LIVE_CHAT;
using cxkit::v1::IDENTIFIER_TYPE_EMAIL;
using cxkit::v1::IDENTIFIER_TYPE_PHONE;
using cxkit::v1::STATUS_CODE_INVALID_ARGUMENT;
using cxkit::v1::STATUS_CODE_OK;
using cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED;
using cxkit::v1::StatusCode;

// A request refused as a whole. `build` starts from a valid request, sets the
// limit under test to `limit` and makes the limited list (or value) `count`
// long; at `limit` the request passes, at `limit + 1` it gets `code`, `field`
// and `message` from both the call and its Validate...Request function.
template <typename Request>
struct RefusalCase {
  const char* name;
  void (*build)(Request* request, int count);
  int limit;
  StatusCode code;
  const char* field;
  const char* message;
};

// One item left out with an issue while the batch goes on. `build` sets the
// limit under test to `limit` and makes the item's limited list (or value)
// `count` long.
template <typename Item, typename Limits>
struct IssueCase {
  const char* name;
  void (*build)(Item* item, Limits* limits, int count);
  int limit;
  cxkit::v1::Severity severity;
  const char* reason;
  const char* field;
  const char* message;
};

template <typename Request, typename Response>
void ExpectRefusals(const std::vector<RefusalCase<Request>>& cases,
                    const Request& base, Response (*call)(const Request&),
                    absl::Status (*validate)(const Request&)) {
  for (const RefusalCase<Request>& c : cases) {
    SCOPED_TRACE(c.name);
    Request request = base;
    c.build(&request, c.limit);
    const cxkit::v1::Status passed = call(request).status();
    EXPECT_EQ(passed.code(), STATUS_CODE_OK) << Describe(passed);
    EXPECT_TRUE(validate(request).ok());

    request = base;
    c.build(&request, c.limit + 1);
    const cxkit::v1::Status status = call(request).status();
    EXPECT_EQ(status.code(), c.code) << Describe(status);
    EXPECT_EQ(status.field(), c.field);
    EXPECT_EQ(status.message(), c.message);
    const absl::Status validated = validate(request);
    EXPECT_EQ(static_cast<int>(validated.code()), static_cast<int>(c.code));
    EXPECT_EQ(validated.message(), c.message);
  }
}

template <typename Item, typename Limits>
void ExpectIssue(
    const IssueCase<Item, Limits>& c,
    const google::protobuf::RepeatedPtrField<cxkit::v1::ItemIssue>& issues,
    const std::string& item_id, uint32_t item_index) {
  ASSERT_EQ(issues.size(), 1);
  const cxkit::v1::ItemIssue& issue = issues[0];
  EXPECT_EQ(issue.item_id(), item_id);
  EXPECT_EQ(issue.item_index(), item_index);
  EXPECT_EQ(issue.severity(), c.severity);
  EXPECT_EQ(issue.reason(), c.reason);
  EXPECT_EQ(issue.field(), c.field);
  EXPECT_EQ(issue.message(), c.message);
}

// --- ResolveIdentities ------------------------------------------------------

cxkit::v1::IdentityLimits* IdentityLimitsOf(
    cxkit::v1::ResolveIdentitiesRequest* request) {
  return request->mutable_policy()->mutable_limits();
}

// family_name and birth_date compared exactly, blocked on family_name, with a
// given model (prior 0.5; family exact m 0.9 u 0.1; birth exact m 0.8 u 0.01):
// r1 and r2 (same name and birth date) match, r3 (same name) is a suggestion
// of each, r4 is alone in its block.
cxkit::v1::ResolveIdentitiesRequest ProbabilisticRequest() {
  cxkit::v1::ResolveIdentitiesRequest request;
  auto* matching = request.mutable_policy()->mutable_probabilistic();
  matching->set_enabled(true);
  matching->set_review_threshold(0.5);
  auto* model = matching->mutable_model();
  model->set_prior_match_probability(0.5);
  const std::vector<std::pair<std::string, std::vector<double>>> comparisons = {
      {"family_name", {0.9, 0.1, 0.1, 0.9}},
      {"birth_date", {0.8, 0.01, 0.2, 0.99}}};
  for (const auto& [name, m_u] : comparisons) {
    auto* comparison = matching->add_comparisons();
    comparison->set_attribute(name);
    comparison->add_levels()->set_kind(cxkit::v1::COMPARISON_LEVEL_KIND_EXACT);
    auto* parameters = model->add_comparisons();
    parameters->set_comparison(name);
    for (size_t i = 0; i < m_u.size(); i += 2) {
      auto* level = parameters->add_levels();
      level->set_m_probability(m_u[i]);
      level->set_u_probability(m_u[i + 1]);
    }
  }
  matching->add_blocking_rules()->add_keys()->set_comparison("family_name");
  const std::vector<std::vector<std::string>> people = {
      {"r1", "Smirnova", "1990-01-02"},
      {"r2", "Smirnova", "1990-01-02"},
      {"r3", "Smirnova", "1985-05-05"},
      {"r4", "Ivanov", "1990-01-02"}};
  for (const auto& person : people) {
    auto& attributes =
        *AddRecord(&request, person[0], {})->mutable_attributes();
    attributes["family_name"] = person[1];
    attributes["birth_date"] = person[2];
  }
  return request;
}

TEST(Limits, IdentityRequestLimits) {
  using Request = cxkit::v1::ResolveIdentitiesRequest;
  const std::vector<RefusalCase<Request>> cases = {
      {"max_blocked_patterns counts the patterns of all rules",
       [](Request* r, int count) {
         IdentityLimitsOf(r)->set_max_blocked_patterns(2);
         auto* email = r->mutable_policy()->add_rules();
         email->set_type(IDENTIFIER_TYPE_EMAIL);
         email->add_blocked_patterns("noreply@.*");
         auto* phone = r->mutable_policy()->add_rules();
         phone->set_type(IDENTIFIER_TYPE_PHONE);
         for (int i = 1; i < count; ++i) {
           phone->add_blocked_patterns(absl::StrCat("\\+7000", i, ".*"));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "policy.rules",
       "policy.rules: 3 items exceed policy.limits.max_blocked_patterns (2)"},
      {"max_value_bytes bounds each blocked pattern",
       [](Request* r, int count) {
         IdentityLimitsOf(r)->set_max_value_bytes(8);
         auto* rule = r->mutable_policy()->add_rules();
         rule->set_type(IDENTIFIER_TYPE_EMAIL);
         rule->add_blocked_patterns(std::string(count, 'x'));
       },
       8, STATUS_CODE_INVALID_ARGUMENT, "policy.rules[0].blocked_patterns[0]",
       "policy.rules[0].blocked_patterns[0]: pattern longer than "
       "policy.limits.max_value_bytes (8)"},
      {"max_records counts the record ids of previous_profiles",
       [](Request* r, int count) {
         IdentityLimitsOf(r)->set_max_records(2);
         auto* profile = r->add_previous_profiles();
         profile->set_profile_id("p1");
         for (int i = 0; i < count; ++i) {
           profile->add_record_ids(absl::StrCat("old", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "previous_profiles",
       "previous_profiles: 3 items exceed policy.limits.max_records (2)"},
      {"probabilistic max_score_pairs",
       [](Request* r, int count) {
         *r = ProbabilisticRequest();
         r->mutable_policy()
             ->mutable_probabilistic()
             ->mutable_limits()
             ->set_max_score_pairs(2);
         for (int i = 0; i < count; ++i) {
           auto* pair = r->add_score_pairs();
           pair->set_record_id("r1");
           pair->set_other_record_id(absl::StrCat("r", 2 + i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "score_pairs",
       "score_pairs: 3 items exceed "
       "policy.probabilistic.limits.max_score_pairs (2)"},
  };
  cxkit::v1::ResolveIdentitiesRequest base;
  AddRecord(&base, "a", {{IDENTIFIER_TYPE_EMAIL, "anna@mail.ru"}});
  AddRecord(&base, "b", {{IDENTIFIER_TYPE_PHONE, "+79161234567"}});
  ExpectRefusals(cases, base, &ResolveIdentities,
                 &ValidateResolveIdentitiesRequest);
}

using IdentityIssueCase =
    IssueCase<cxkit::v1::ContactRecord, cxkit::v1::IdentityLimits>;

// records[1] ("big") is left out with the issue; records[0] still resolves.
TEST(Limits, IdentityRecordLimits) {
  const IdentityIssueCase cases[] = {
      {"max_attributes_per_record",
       [](cxkit::v1::ContactRecord* record, cxkit::v1::IdentityLimits* limits,
          int count) {
         limits->set_max_attributes_per_record(2);
         for (int i = 0; i < count; ++i) {
           (*record->mutable_attributes())[absl::StrCat("a", i)] = "v";
         }
       },
       2, cxkit::v1::SEVERITY_ERROR, "TOO_MANY_ATTRIBUTES",
       "records[1].attributes",
       "3 attributes exceed policy.limits.max_attributes_per_record (2)"},
      // 16 bytes: the 12-byte identifiers of both records still fit.
      {"max_value_bytes bounds an attribute's name and value together",
       [](cxkit::v1::ContactRecord* record, cxkit::v1::IdentityLimits* limits,
          int count) {
         limits->set_max_value_bytes(16);
         (*record->mutable_attributes())["city"] = std::string(count - 4, 'k');
       },
       16, cxkit::v1::SEVERITY_ERROR, "VALUE_TOO_LONG",
       "records[1].attributes[\"city\"]",
       "attribute longer than policy.limits.max_value_bytes (16)"},
  };
  for (const IdentityIssueCase& c : cases) {
    SCOPED_TRACE(c.name);
    for (int count : {c.limit, c.limit + 1}) {
      cxkit::v1::ResolveIdentitiesRequest request;
      AddRecord(&request, "ok", {{IDENTIFIER_TYPE_EMAIL, "anna@mail.ru"}});
      cxkit::v1::ContactRecord* big =
          AddRecord(&request, "big", {{IDENTIFIER_TYPE_PHONE, "+79161234567"}});
      c.build(big, IdentityLimitsOf(&request), count);
      const auto response = ResolveIdentities(request);
      ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
          << Describe(response.status());
      if (count == c.limit) {
        EXPECT_EQ(response.record_issues_size(), 0);
        EXPECT_EQ(ProfileRecords(response),
                  (std::vector<std::vector<std::string>>{{"big"}, {"ok"}}));
      } else {
        ExpectIssue(c, response.record_issues(), "big", 1);
        EXPECT_EQ(ProfileRecords(response),
                  (std::vector<std::vector<std::string>>{{"ok"}}));
        EXPECT_EQ(response.stats().records_with_errors(), 1u);
      }
    }
  }
}

// Of several attributes over max_value_bytes, the first by name is reported,
// whatever order the protobuf map iterates in (it is seeded per map, so 50
// fresh requests would show another order), and the name is quoted.
TEST(Limits, TheLongAttributeReportedIsTheFirstByName) {
  for (int i = 0; i < 50; ++i) {
    cxkit::v1::ResolveIdentitiesRequest request;
    request.mutable_policy()->mutable_limits()->set_max_value_bytes(16);
    cxkit::v1::ContactRecord* record =
        AddRecord(&request, "big", {{IDENTIFIER_TYPE_PHONE, "+79161234567"}});
    for (const char* name : {"street", "city", "zip", "region\n"}) {
      (*record->mutable_attributes())[name] = std::string(20, 'k');
    }
    const auto response = ResolveIdentities(request);
    ASSERT_EQ(response.record_issues_size(), 1);
    EXPECT_EQ(response.record_issues(0).field(),
              "records[0].attributes[\"city\"]");
  }
  cxkit::v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->mutable_limits()->set_max_value_bytes(16);
  cxkit::v1::ContactRecord* record =
      AddRecord(&request, "big", {{IDENTIFIER_TYPE_PHONE, "+79161234567"}});
  (*record->mutable_attributes())["a\"b\n"] = std::string(20, 'k');
  const auto response = ResolveIdentities(request);
  ASSERT_EQ(response.record_issues_size(), 1);
  EXPECT_EQ(response.record_issues(0).field(),
            "records[0].attributes[\"a\\\"b\\n\"]");
}

// Blocks are not refused: a block over max_block_size, or whose pairs would
// pass max_candidate_pairs, is skipped and counted in stats.oversized_blocks,
// and its records are not compared (r1 and r2 stay apart).
TEST(Limits, ProbabilisticBlockLimits) {
  struct Case {
    const char* name;
    void (*set)(cxkit::v1::ProbabilisticLimits* limits, uint32_t value);
    uint32_t at_limit;  // the Smirnova block: 3 records, 3 pairs
  };
  const Case cases[] = {
      {"max_block_size",
       [](cxkit::v1::ProbabilisticLimits* limits, uint32_t value) {
         limits->set_max_block_size(value);
       },
       3},
      {"max_candidate_pairs",
       [](cxkit::v1::ProbabilisticLimits* limits, uint32_t value) {
         limits->set_max_candidate_pairs(value);
       },
       3},
  };
  using Profiles = std::vector<std::vector<std::string>>;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    cxkit::v1::ResolveIdentitiesRequest request = ProbabilisticRequest();
    auto* limits =
        request.mutable_policy()->mutable_probabilistic()->mutable_limits();
    c.set(limits, c.at_limit);
    auto response = ResolveIdentities(request);
    ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
        << Describe(response.status());
    EXPECT_EQ(ProfileRecords(response),
              (Profiles{{"r1", "r2"}, {"r3"}, {"r4"}}));
    EXPECT_EQ(response.stats().candidate_pairs(), 3u);
    EXPECT_EQ(response.stats().compared_pairs(), 3u);
    EXPECT_EQ(response.stats().oversized_blocks(), 0u);
    EXPECT_EQ(response.stats().probabilistic_links(), 1u);
    EXPECT_EQ(response.suggestions_size(), 2);

    c.set(limits, c.at_limit - 1);
    response = ResolveIdentities(request);
    ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
        << Describe(response.status());
    EXPECT_EQ(ProfileRecords(response),
              (Profiles{{"r1"}, {"r2"}, {"r3"}, {"r4"}}));
    EXPECT_EQ(response.stats().candidate_pairs(), 0u);
    EXPECT_EQ(response.stats().compared_pairs(), 0u);
    EXPECT_EQ(response.stats().oversized_blocks(), 1u);
    EXPECT_EQ(response.stats().probabilistic_links(), 0u);
    EXPECT_EQ(response.suggestions_size(), 0);
    EXPECT_EQ(response.record_issues_size(), 0);
  }
}

// --- MergeConversations -----------------------------------------------------

cxkit::v1::MergeLimits* MergeLimitsOf(
    cxkit::v1::MergeConversationsRequest* request) {
  return request->mutable_policy()->mutable_limits();
}

TEST(Limits, MergeRequestLimits) {
  using Request = cxkit::v1::MergeConversationsRequest;
  const std::vector<RefusalCase<Request>> cases = {
      {"max_messages counts the message ids of previous_conversations",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_messages(2);
         auto* previous = r->add_previous_conversations();
         previous->set_conversation_id("c-old");
         for (int i = 0; i < count; ++i) {
           previous->add_message_ids(absl::StrCat("old", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "previous_conversations",
       "previous_conversations: 3 items exceed policy.limits.max_messages (2)"},
      {"max_value_bytes bounds message ids",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_value_bytes(8);
         AddMessage(r, std::string(count, 'm'), CHANNEL_LIVE_CHAT,
                    "2026-03-30T10:01:00Z", "anna");
       },
       8, STATUS_CODE_INVALID_ARGUMENT, "messages[1].id",
       "messages[1].id: longer than policy.limits.max_value_bytes (8)"},
      {"max_value_bytes bounds extra subject prefixes",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_value_bytes(8);
         r->mutable_policy()->add_extra_subject_prefixes(
             std::string(count, 'p'));
       },
       8, STATUS_CODE_INVALID_ARGUMENT, "policy.extra_subject_prefixes[0]",
       "policy.extra_subject_prefixes[0]: longer than "
       "policy.limits.max_value_bytes (8)"},
      {"max_reference_patterns",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_reference_patterns(2);
         for (int i = 0; i < count; ++i) {
           auto* pattern = r->mutable_policy()->add_reference_patterns();
           pattern->set_kind(absl::StrCat("kind", i));
           pattern->set_pattern(absl::StrCat("(?i)k", i, "-(\\d{4,})"));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "policy.reference_patterns",
       "policy.reference_patterns: 3 patterns exceed "
       "policy.limits.max_reference_patterns (2)"},
      {"max_host_items bounds never_merge",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_host_items(2);
         for (int i = 0; i < count; ++i) {
           auto* pair = r->mutable_policy()->add_never_merge();
           pair->set_message_id("m0");
           pair->set_other_message_id(absl::StrCat("old", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "policy.never_merge",
       "policy.never_merge: 3 items exceed policy.limits.max_host_items (2)"},
      {"max_host_items bounds split_before_message_ids",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_host_items(2);
         for (int i = 0; i < count; ++i) {
           r->mutable_policy()->add_split_before_message_ids(
               absl::StrCat("old", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "policy.split_before_message_ids",
       "policy.split_before_message_ids: 3 items exceed "
       "policy.limits.max_host_items (2)"},
      {"max_host_items bounds customers",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_host_items(2);
         for (int i = 0; i < count; ++i) {
           r->add_customers()->set_customer_id(absl::StrCat("cust", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "customers",
       "customers: 3 items exceed policy.limits.max_host_items (2)"},
      {"max_host_items bounds the identifiers of one customer",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_host_items(2);
         auto* customer = r->add_customers();
         customer->set_customer_id("cust");
         for (int i = 0; i < count; ++i) {
           auto* identifier = customer->add_identifiers();
           identifier->set_type(IDENTIFIER_TYPE_EMAIL);
           identifier->set_value(absl::StrCat("anna", i, "@mail.ru"));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "customers[0].identifiers",
       "customers[0].identifiers: 3 items exceed "
       "policy.limits.max_host_items (2)"},
      {"max_host_items bounds customer_profiles",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_host_items(2);
         for (int i = 0; i < count; ++i) {
           r->add_customer_profiles()->set_profile_id(absl::StrCat("p", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "customer_profiles",
       "customer_profiles: 3 items exceed policy.limits.max_host_items (2)"},
      {"max_host_items bounds previous_conversations",
       [](Request* r, int count) {
         MergeLimitsOf(r)->set_max_host_items(2);
         for (int i = 0; i < count; ++i) {
           r->add_previous_conversations()->set_conversation_id(
               absl::StrCat("c", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "previous_conversations",
       "previous_conversations: 3 items exceed "
       "policy.limits.max_host_items (2)"},
  };
  cxkit::v1::MergeConversationsRequest base;
  AddMessage(&base, "m0", CHANNEL_LIVE_CHAT, "2026-03-30T10:00:00Z", "anna");
  ExpectRefusals(cases, base, &MergeConversations,
                 &ValidateMergeConversationsRequest);
}

using MergeIssueCase =
    IssueCase<cxkit::v1::ConversationMessage, cxkit::v1::MergeLimits>;

void SetEmail(cxkit::v1::ConversationMessage* m, int index,
              const std::string& value) {
  auto* email = m->mutable_email();
  std::string* fields[] = {email->mutable_in_reply_to(),
                           email->mutable_references(),
                           email->mutable_subject()};
  *fields[index] = value;
}

void AddIdentifiers(
    google::protobuf::RepeatedPtrField<cxkit::v1::Identifier>* list, int count,
    const std::string& prefix) {
  for (int i = 0; i < count; ++i) {
    auto* identifier = list->Add();
    identifier->set_type(IDENTIFIER_TYPE_EMAIL);
    identifier->set_value(absl::StrCat(prefix, i, "@mail.ru"));
  }
}

// messages[1] ("big", an e-mail) is left out with the issue; messages[0]
// still makes its conversation.
TEST(Limits, MergeMessageLimits) {
  using Message = cxkit::v1::ConversationMessage;
  using Limits = cxkit::v1::MergeLimits;
  const MergeIssueCase cases[] = {
      {"max_identifiers_per_message counts sender and recipients",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_identifiers_per_message(2);
         AddIdentifiers(m->mutable_sender(), 1, "anna");
         AddIdentifiers(m->mutable_recipients(), count - 1, "shop");
       },
       2, cxkit::v1::SEVERITY_ERROR, "TOO_MANY_IDENTIFIERS",
       "messages[1].recipients",
       "3 identifiers exceed policy.limits.max_identifiers_per_message (2)"},
      {"max_identifiers_per_message: the sender alone",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_identifiers_per_message(2);
         AddIdentifiers(m->mutable_sender(), count, "anna");
       },
       2, cxkit::v1::SEVERITY_ERROR, "TOO_MANY_IDENTIFIERS",
       "messages[1].sender",
       "3 identifiers exceed policy.limits.max_identifiers_per_message (2)"},
      {"max_header_bytes bounds In-Reply-To",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_header_bytes(16);
         SetEmail(m, 0, std::string(count, '<'));
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].email.in_reply_to",
       "17 bytes exceed policy.limits.max_header_bytes (16)"},
      {"max_header_bytes bounds References",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_header_bytes(16);
         SetEmail(m, 1, std::string(count, '<'));
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].email.references",
       "17 bytes exceed policy.limits.max_header_bytes (16)"},
      {"max_header_bytes bounds the subject",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_header_bytes(16);
         SetEmail(m, 2, std::string(count, 's'));
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].email.subject",
       "17 bytes exceed policy.limits.max_header_bytes (16)"},
      {"max_value_bytes bounds customer_id",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_value_bytes(16);
         m->set_customer_id(std::string(count, 'c'));
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].customer_id",
       "17 bytes exceed policy.limits.max_value_bytes (16)"},
      {"max_value_bytes bounds thread_key",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_value_bytes(16);
         m->set_thread_key(std::string(count, 't'));
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].thread_key",
       "17 bytes exceed policy.limits.max_value_bytes (16)"},
      {"max_value_bytes bounds the Message-ID",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_value_bytes(16);
         m->mutable_email()->set_message_id(std::string(count, 'i'));
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].email.message_id",
       "17 bytes exceed policy.limits.max_value_bytes (16)"},
      {"max_value_bytes bounds sender values",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_value_bytes(16);
         auto* sender = m->add_sender();
         sender->set_type(IDENTIFIER_TYPE_EMAIL);
         sender->set_value(std::string(count - 8, 'a') + "@mail.ru");
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].sender[0].value",
       "longer than policy.limits.max_value_bytes (16)"},
      {"max_value_bytes bounds recipient values",
       [](Message* m, Limits* limits, int count) {
         limits->set_max_value_bytes(16);
         auto* recipient = m->add_recipients();
         recipient->set_type(IDENTIFIER_TYPE_EMAIL);
         recipient->set_value(std::string(count - 8, 'a') + "@mail.ru");
       },
       16, cxkit::v1::SEVERITY_ERROR, "OVERSIZED_VALUE",
       "messages[1].recipients[0].value",
       "longer than policy.limits.max_value_bytes (16)"},
  };
  for (const MergeIssueCase& c : cases) {
    SCOPED_TRACE(c.name);
    for (int count : {c.limit, c.limit + 1}) {
      cxkit::v1::MergeConversationsRequest request;
      AddMessage(&request, "ok", CHANNEL_LIVE_CHAT, "2026-03-30T10:00:00Z",
                 "anna");
      Message* big = AddMessage(&request, "big", CHANNEL_EMAIL,
                                "2026-03-30T10:05:00Z", "boris");
      c.build(big, MergeLimitsOf(&request), count);
      const auto response = MergeConversations(request);
      ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
          << Describe(response.status());
      if (count == c.limit) {
        EXPECT_EQ(response.message_issues_size(), 0);
        EXPECT_EQ(Groups(response),
                  (std::vector<std::vector<std::string>>{{"ok"}, {"big"}}));
      } else {
        ExpectIssue(c, response.message_issues(), "big", 1);
        EXPECT_EQ(Groups(response),
                  (std::vector<std::vector<std::string>>{{"ok"}}));
        EXPECT_EQ(response.stats().messages_with_errors(), 1u);
      }
    }
  }
}

// --- EvaluateSla and PlanStaffing ------------------------------------------

// The "office" calendar (Monday 09:00-12:00 in Berlin), policy "p" with a
// one-hour FIRST_REPLY on it, conversation "c1" with one customer message.
cxkit::v1::EvaluateSlaRequest SlaBase() {
  cxkit::v1::EvaluateSlaRequest request;
  sla::testing::SetTime("2026-05-04T10:00:00Z", request.mutable_now());
  auto* calendar = request.add_calendars();
  *calendar = sla::testing::MakeCalendar("office", "Europe/Berlin");
  sla::testing::AddHours(calendar, {1}, {{"09:00", "12:00"}});
  auto* policy = request.add_policies();
  policy->set_id("p");
  sla::testing::AddTarget(policy, cxkit::v1::SLA_METRIC_FIRST_REPLY, 3600,
                          "office");
  sla::testing::Timeline(
      sla::testing::AddConversation(&request, "c1", CHANNEL_EMAIL))
      .Customer("2026-05-04T09:00:00Z");
  return request;
}

TEST(Limits, SlaRequestLimits) {
  using Request = cxkit::v1::EvaluateSlaRequest;
  const std::vector<RefusalCase<Request>> cases = {
      {"max_calendars",
       [](Request* r, int count) {
         r->mutable_limits()->set_max_calendars(2);
         for (int i = 1; i < count; ++i) {
           auto* calendar = r->add_calendars();
           *calendar =
               sla::testing::MakeCalendar(absl::StrCat("cal", i), "UTC");
           sla::testing::AddHours(calendar, {2}, {{"09:00", "17:00"}});
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "calendars",
       "calendars: 3 items exceed limits.max_calendars (2)"},
      {"max_policies",
       [](Request* r, int count) {
         r->mutable_limits()->set_max_policies(2);
         for (int i = 1; i < count; ++i) {
           auto* policy = r->add_policies();
           policy->set_id(absl::StrCat("p", i));
           sla::testing::AddTarget(policy, cxkit::v1::SLA_METRIC_FIRST_REPLY,
                                   600);
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "policies",
       "policies: 3 items exceed limits.max_policies (2)"},
      {"max_intervals_per_calendar counts weekly and special-day intervals",
       [](Request* r, int count) {
         r->mutable_limits()->set_max_intervals_per_calendar(2);
         auto* calendar = r->mutable_calendars(0);
         for (int i = 1; i < count; ++i) {
           auto* special = calendar->add_special_days();
           special->set_date(absl::StrCat("2026-12-2", i));
           auto* interval = special->add_intervals();
           interval->set_start("10:00");
           interval->set_end("12:00");
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "calendars[0]",
       "calendars[0]: 3 open intervals exceed "
       "limits.max_intervals_per_calendar (2)"},
      {"max_tags bounds a condition's customer tiers",
       [](Request* r, int count) {
         r->mutable_limits()->set_max_tags(2);
         for (int i = 0; i < count; ++i) {
           r->mutable_policies(0)->mutable_condition()->add_customer_tiers(
               absl::StrCat("tier", i));
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED,
       "policies[0].condition.customer_tiers",
       "policies[0].condition.customer_tiers: 3 items exceed limits.max_tags "
       "(2)"},
  };
  ExpectRefusals(cases, SlaBase(), &EvaluateSla, &ValidateEvaluateSlaRequest);
}

// conversations[1] ("long") is left out with the issue; "c1" is evaluated.
TEST(Limits, SlaConversationLimits) {
  using Conversation = cxkit::v1::SlaConversation;
  using Limits = cxkit::v1::SlaLimits;
  const IssueCase<Conversation, Limits> cases[] = {
      {"max_events_per_conversation",
       [](Conversation* conversation, Limits* limits, int count) {
         limits->set_max_events_per_conversation(2);
         sla::testing::Timeline timeline(conversation);
         for (int i = 0; i < count; ++i) {
           const std::string time = absl::StrCat("2026-05-04T09:0", i, ":00Z");
           if (i % 2 == 0) {
             timeline.Customer(time);
           } else {
             timeline.Agent(time);
           }
         }
       },
       2, cxkit::v1::SEVERITY_ERROR, "TOO_MANY_EVENTS",
       "conversations[1].events",
       "3 events exceed limits.max_events_per_conversation (2)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    for (int count : {c.limit, c.limit + 1}) {
      cxkit::v1::EvaluateSlaRequest request = SlaBase();
      Conversation* conversation =
          sla::testing::AddConversation(&request, "long", CHANNEL_LIVE_CHAT);
      c.build(conversation, request.mutable_limits(), count);
      const auto response = EvaluateSla(request);
      ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
          << Describe(response.status());
      std::vector<std::string> evaluated;
      for (const auto& result : response.conversations()) {
        evaluated.push_back(result.conversation_id());
      }
      if (count == c.limit) {
        EXPECT_EQ(response.conversation_issues_size(), 0);
        EXPECT_EQ(evaluated, (std::vector<std::string>{"c1", "long"}));
      } else {
        ExpectIssue(c, response.conversation_issues(), "long", 1);
        EXPECT_EQ(evaluated, (std::vector<std::string>{"c1"}));
        EXPECT_EQ(response.stats().conversations_with_errors(), 1u);
      }
    }
  }
}

TEST(Limits, StaffingRequestLimits) {
  using Request = cxkit::v1::PlanStaffingRequest;
  const std::vector<RefusalCase<Request>> cases = {
      {"max_intervals",
       [](Request* r, int count) {
         r->mutable_limits()->set_max_intervals(2);
         for (int i = 0; i < count; ++i) r->add_intervals()->set_contacts(100);
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "intervals",
       "intervals: 3 items exceed limits.max_intervals (2)"},
  };
  // 100 contacts in 30 minutes, 3-minute handle time, 80 % within 20 s.
  Request base;
  base.mutable_average_handle_time()->set_seconds(180);
  base.set_target_service_level(0.8);
  base.mutable_service_level_threshold()->set_seconds(20);
  ExpectRefusals(cases, base, &PlanStaffing, &ValidatePlanStaffingRequest);
}

// --- RouteConversations -----------------------------------------------------

cxkit::v1::RoutingLimits* RoutingLimitsOf(
    cxkit::v1::RouteConversationsRequest* request) {
  return request->mutable_policy()->mutable_limits();
}

// The routing cases lower max_entries_per_item to kEntries (each list of
// agents[0] and items[0] in turn) and max_name_bytes to kNameBytes.
constexpr int kEntries = 2;
constexpr int kNameBytes = 4;

void AddSkills(google::protobuf::RepeatedPtrField<cxkit::v1::SkillLevel>* list,
               int count) {
  for (int i = 0; i < count; ++i) {
    auto* skill = list->Add();
    skill->set_skill(absl::StrCat("s", i));
    skill->set_level(1);
  }
}

TEST(Limits, RoutingRequestLimits) {
  using Request = cxkit::v1::RouteConversationsRequest;
  const std::vector<RefusalCase<Request>> cases = {
      {"max_agents",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_agents(2);
         for (int i = 2; i < count; ++i) {
           AddAgent(r, absl::StrCat("a", i + 1), {"en"}, {{CHANNEL_EMAIL, 1}});
         }
       },
       2, STATUS_CODE_RESOURCE_EXHAUSTED, "agents",
       "agents: 3 items exceed policy.limits.max_agents (2)"},
      {"max_entries_per_item: agent languages",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         r->mutable_agents(0)->clear_languages();
         for (int i = 0; i < count; ++i) {
           r->mutable_agents(0)->add_languages(absl::StrCat("l", i));
         }
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "agents[0].languages",
       "agents[0].languages: 3 items exceed policy.limits.max_entries_per_item "
       "(2)"},
      {"max_entries_per_item: agent teams",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         for (int i = 0; i < count; ++i) {
           r->mutable_agents(0)->add_teams(absl::StrCat("t", i));
         }
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "agents[0].teams",
       "agents[0].teams: 3 items exceed policy.limits.max_entries_per_item "
       "(2)"},
      {"max_entries_per_item: agent skills",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         AddSkills(r->mutable_agents(0)->mutable_skills(), count);
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "agents[0].skills",
       "agents[0].skills: 3 items exceed policy.limits.max_entries_per_item "
       "(2)"},
      {"max_entries_per_item: agent channels",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         const cxkit::v1::Channel channels[] = {
             CHANNEL_EMAIL, CHANNEL_LIVE_CHAT, cxkit::v1::CHANNEL_SMS};
         r->mutable_agents(0)->clear_channels();
         for (int i = 0; i < count; ++i) {
           auto* capacity = r->mutable_agents(0)->add_channels();
           capacity->set_channel(channels[i]);
           capacity->set_max_items(1);
         }
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "agents[0].channels",
       "agents[0].channels: 3 items exceed policy.limits.max_entries_per_item "
       "(2)"},
      {"max_entries_per_item: item required skills",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         AddSkills(r->mutable_items(0)->mutable_required_skills(), count);
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "items[0].required_skills",
       "items[0].required_skills: 3 items exceed "
       "policy.limits.max_entries_per_item (2)"},
      {"max_entries_per_item: item optional skills",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         AddSkills(r->mutable_items(0)->mutable_optional_skills(), count);
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "items[0].optional_skills",
       "items[0].optional_skills: 3 items exceed "
       "policy.limits.max_entries_per_item (2)"},
      {"max_entries_per_item: item preferred agents",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         for (int i = 0; i < count; ++i) {
           r->mutable_items(0)->add_preferred_agent_ids(absl::StrCat("a", i));
         }
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "items[0].preferred_agent_ids",
       "items[0].preferred_agent_ids: 3 items exceed "
       "policy.limits.max_entries_per_item (2)"},
      {"max_entries_per_item: item excluded agents",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_entries_per_item(kEntries);
         for (int i = 0; i < count; ++i) {
           r->mutable_items(0)->add_excluded_agent_ids(absl::StrCat("a", i));
         }
       },
       kEntries, STATUS_CODE_RESOURCE_EXHAUSTED, "items[0].excluded_agent_ids",
       "items[0].excluded_agent_ids: 3 items exceed "
       "policy.limits.max_entries_per_item (2)"},
      {"max_name_bytes: agent id",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_agents(0)->set_id(std::string(count, 'a'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "agents[0].id",
       "agents[0].id: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: agent language",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_agents(0)->set_languages(0, std::string(count, 'l'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "agents[0].languages[0]",
       "agents[0].languages[0]: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: agent team",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_agents(0)->add_teams(std::string(count, 't'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "agents[0].teams[0]",
       "agents[0].teams[0]: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: agent skill",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         AddSkill(r->mutable_agents(0), std::string(count, 's'), 1);
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "agents[0].skills[0].skill",
       "agents[0].skills[0].skill: longer than policy.limits.max_name_bytes "
       "(4)"},
      {"max_name_bytes: policy skill",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_policy()->add_skills(std::string(count, 's'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "policy.skills[0]",
       "policy.skills[0]: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item id",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_items(0)->set_id(std::string(count, 'i'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "items[0].id",
       "items[0].id: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item conversation id",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_items(0)->set_conversation_id(std::string(count, 'c'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "items[0].conversation_id",
       "items[0].conversation_id: longer than policy.limits.max_name_bytes "
       "(4)"},
      {"max_name_bytes: item language",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_items(0)->set_language(std::string(count, 'l'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "items[0].language",
       "items[0].language: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item team",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_items(0)->set_team(std::string(count, 't'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT, "items[0].team",
       "items[0].team: longer than policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item required skill",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         Require(r->mutable_items(0), std::string(count, 's'), 1);
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT,
       "items[0].required_skills[0].skill",
       "items[0].required_skills[0].skill: longer than "
       "policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item optional skill",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         auto* skill = r->mutable_items(0)->add_optional_skills();
         skill->set_skill(std::string(count, 's'));
         skill->set_level(1);
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT,
       "items[0].optional_skills[0].skill",
       "items[0].optional_skills[0].skill: longer than "
       "policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item preferred agent",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_items(0)->add_preferred_agent_ids(std::string(count, 'a'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT,
       "items[0].preferred_agent_ids[0]",
       "items[0].preferred_agent_ids[0]: longer than "
       "policy.limits.max_name_bytes (4)"},
      {"max_name_bytes: item excluded agent",
       [](Request* r, int count) {
         RoutingLimitsOf(r)->set_max_name_bytes(kNameBytes);
         r->mutable_items(0)->add_excluded_agent_ids(std::string(count, 'a'));
       },
       kNameBytes, STATUS_CODE_INVALID_ARGUMENT,
       "items[0].excluded_agent_ids[0]",
       "items[0].excluded_agent_ids[0]: longer than "
       "policy.limits.max_name_bytes (4)"},
  };
  // Every name is at most 4 bytes ("c-i1"), so max_name_bytes 4 fits it.
  cxkit::v1::RouteConversationsRequest base = NewRoutingRequest();
  AddItem(&base, "i1", CHANNEL_EMAIL, "en", 10);
  AddItem(&base, "i2", CHANNEL_EMAIL, "en", 20);
  AddAgent(&base, "a1", {"en"}, {{CHANNEL_EMAIL, 2}});
  AddAgent(&base, "a2", {"en"}, {{CHANNEL_EMAIL, 2}});
  ExpectRefusals(cases, base, &RouteConversations,
                 &ValidateRouteConversationsRequest);
}

}  // namespace
}  // namespace cxkit::testing
