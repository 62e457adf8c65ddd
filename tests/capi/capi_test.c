/* The C ABI, exercised from plain C99 with exact expected outputs. */

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cxkit/cxkit_c.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

#define CHECK_STR_EQ(actual, expected)                                  \
  do {                                                                  \
    const char* a_ = (actual);                                          \
    const char* e_ = (expected);                                        \
    if (a_ == NULL || strcmp(a_, e_) != 0) {                            \
      fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__, \
              __LINE__, e_, a_ == NULL ? "(null)" : a_);                \
      ++failures;                                                       \
    }                                                                   \
  } while (0)

#define CHECK_CONTAINS(haystack, needle)                                     \
  do {                                                                       \
    const char* h_ = (haystack);                                             \
    if (h_ == NULL || strstr(h_, (needle)) == NULL) {                        \
      fprintf(stderr, "%s:%d: \"%s\" not found in %s\n", __FILE__, __LINE__, \
              (needle), h_ == NULL ? "(null)" : h_);                         \
      ++failures;                                                            \
    }                                                                        \
  } while (0)

/* Number of non-overlapping occurrences of `needle` in `haystack`. */
static int count(const char* haystack, const char* needle) {
  int n = 0;
  const char* p = haystack;
  while (p != NULL && (p = strstr(p, needle)) != NULL) {
    ++n;
    p += strlen(needle);
  }
  return n;
}

/* Whether `needle` occurs in the `size` bytes at `data`. */
static int contains_bytes(const void* data, size_t size,
                          const unsigned char* needle, size_t needle_size) {
  const unsigned char* bytes = (const unsigned char*)data;
  size_t i;
  for (i = 0; data != NULL && i + needle_size <= size; ++i) {
    if (memcmp(bytes + i, needle, needle_size) == 0) return 1;
  }
  return 0;
}

/* Calls cxkit_call_json on a NUL-terminated request and checks the response's
 * framing. */
static int call_json(const char* method, const char* request, char** response) {
  size_t size = 0;
  int code = cxkit_call_json(method, request, strlen(request), response, &size);
  CHECK(*response != NULL);
  if (*response != NULL) {
    CHECK(strlen(*response) == size);
  }
  return code;
}

static void test_version(void) {
  CHECK_STR_EQ(cxkit_version(), CXKIT_VERSION_STRING);
  CHECK(cxkit_version_number() == CXKIT_VERSION_NUMBER);
  CHECK(cxkit_version_number() == CXKIT_VERSION_MAJOR * 10000 +
                                      CXKIT_VERSION_MINOR * 100 +
                                      CXKIT_VERSION_PATCH);
}

/* The pool limit round-trips; 0 empties the pool. Large calls filling the
   pool are tested in C++ (tests/common) and Python. */
static void test_arena_pool_limit(void) {
  const size_t initial = cxkit_set_arena_pool_limit((size_t)8 << 20);
  CHECK(cxkit_set_arena_pool_limit(0) == ((size_t)8 << 20));
  CHECK(cxkit_arena_pool_bytes() == 0);
  CHECK(cxkit_set_arena_pool_limit(initial) == 0);
}

static void test_status_names(void) {
  CHECK_STR_EQ(cxkit_status_name(CXKIT_OK), "OK");
  CHECK_STR_EQ(cxkit_status_name(CXKIT_CANCELLED), "CANCELLED");
  CHECK_STR_EQ(cxkit_status_name(3), "INVALID_ARGUMENT");
  CHECK_STR_EQ(cxkit_status_name(CXKIT_RESOURCE_EXHAUSTED),
               "RESOURCE_EXHAUSTED");
  CHECK_STR_EQ(cxkit_status_name(CXKIT_UNIMPLEMENTED), "UNIMPLEMENTED");
  CHECK_STR_EQ(cxkit_status_name(CXKIT_INTERNAL), "INTERNAL");
  CHECK_STR_EQ(cxkit_status_name(16), "UNAUTHENTICATED");
  CHECK_STR_EQ(cxkit_status_name(17), "UNKNOWN_STATUS_CODE");
  CHECK_STR_EQ(cxkit_status_name(-1), "UNKNOWN_STATUS_CODE");
  CHECK_STR_EQ(cxkit_status_name(INT_MAX), "UNKNOWN_STATUS_CODE");
}

/* ResolveIdentitiesRequest{records: [{id: "r1", identifiers: [{type: EMAIL,
   value: "anna.smirnova@gmail.com"}]}, {id: "r2", identifiers: [{type: EMAIL,
   value: "Anna.Smirnova@Gmail.com"}]}]}, encoded by hand. */
static const unsigned char kTwoRecords[] =
    {
        0x0a, 0x21,            /* records (field 1), 33 bytes */
        0x0a, 0x02, 'r',  '1', /*   id (1) */
        0x2a, 0x1b,            /*   identifiers (5), 27 bytes */
        0x08, 0x02,            /*     type (1) = IDENTIFIER_TYPE_EMAIL */
        0x12, 0x17,            /*     value (2), 23 bytes */
        'a',  'n',  'n',  'a', '.',  's',  'm',  'i',  'r',  'n',  'o',
        'v',  'a',  '@',  'g', 'm',  'a',  'i',  'l',  '.',  'c',  'o',
        'm',  0x0a, 0x21, /* records (field 1), 33 bytes */
        0x0a, 0x02, 'r',  '2', 0x2a, 0x1b, 0x08, 0x02, 0x12, 0x17, 'A',
        'n',  'n',  'a',  '.', 'S',  'm',  'i',  'r',  'n',  'o',  'v',
        'a',  '@',  'G',  'm', 'a',  'i',  'l',  '.',  'c',  'o',  'm'};

static void test_binary_request_resolves(void) {
  /* CustomerProfile.record_ids (field 2), sorted: "r1" then "r2". */
  static const unsigned char kBothRecordIds[] = {0x12, 0x02, 'r', '1',
                                                 0x12, 0x02, 'r', '2'};
  void* first = NULL;
  void* second = NULL;
  size_t first_size = 0;
  size_t second_size = 0;
  CHECK(cxkit_resolve_identities(kTwoRecords, sizeof(kTwoRecords), &first,
                                 &first_size) == CXKIT_OK);
  CHECK(first != NULL);
  CHECK(first_size > 0);
  CHECK(contains_bytes(first, first_size, kBothRecordIds,
                       sizeof(kBothRecordIds)));
  /* Same request bytes, same response bytes. */
  CHECK(cxkit_resolve_identities(kTwoRecords, sizeof(kTwoRecords), &second,
                                 &second_size) == CXKIT_OK);
  CHECK(second_size == first_size);
  CHECK(first != NULL && second != NULL &&
        memcmp(first, second, first_size) == 0);
  cxkit_free(first);
  cxkit_free(second);
}

static void test_empty_request_is_ok(void) {
  void* response = NULL;
  size_t size = 1;
  char* json = NULL;
  CHECK(cxkit_resolve_identities(NULL, 0, &response, &size) == CXKIT_OK);
  CHECK(response != NULL); /* allocated even when size is 0 */
  cxkit_free(response);

  CHECK(call_json("ResolveIdentities", "{}", &json) == CXKIT_OK);
  CHECK_CONTAINS(json, "\"status\":{\"code\":\"STATUS_CODE_OK\"");
  CHECK_CONTAINS(json, "\"profiles\":[]");
  cxkit_free(json);
}

static void test_garbage_bytes_are_invalid_argument(void) {
  /* A length-delimited field 1 claiming 255 bytes, followed by 3. */
  static const unsigned char kGarbage[] = {0x0a, 0xff, 0x01, 'a', 'b', 'c'};
  unsigned char* bytes = NULL;
  void* response = NULL;
  size_t size = 0;
  CHECK(cxkit_resolve_identities(kGarbage, sizeof(kGarbage), &response,
                                 &size) == CXKIT_INVALID_ARGUMENT);
  CHECK(response != NULL);
  CHECK(size > 4);
  /* status (field 1) comes first, and its code (field 1) first within it. */
  bytes = (unsigned char*)response;
  if (response != NULL && size > 4) {
    CHECK(bytes[0] == 0x0a);
    CHECK(bytes[2] == 0x08);
    CHECK(bytes[3] == CXKIT_INVALID_ARGUMENT);
  }
  cxkit_free(response);
}

static void test_bad_arguments(void) {
  void* response = NULL;
  size_t size = 0;
  char* json = NULL;

  /* NULL output pointers: an error code, nothing allocated. */
  CHECK(cxkit_resolve_identities(kTwoRecords, sizeof(kTwoRecords), NULL,
                                 &size) == CXKIT_INVALID_ARGUMENT);
  CHECK(size == 0);
  CHECK(cxkit_resolve_identities(kTwoRecords, sizeof(kTwoRecords), &response,
                                 NULL) == CXKIT_INVALID_ARGUMENT);
  CHECK(response == NULL);
  CHECK(cxkit_call_json("ResolveIdentities", "{}", 2, NULL, NULL) ==
        CXKIT_INVALID_ARGUMENT);

  /* A NULL request with a size gets an in-band error. */
  CHECK(cxkit_resolve_identities(NULL, 5, &response, &size) ==
        CXKIT_INVALID_ARGUMENT);
  CHECK(response != NULL);
  cxkit_free(response);

  /* Above protobuf's 2 GiB: rejected before a byte is read. */
  if ((uint64_t)SIZE_MAX > (uint64_t)INT_MAX) {
    size_t huge = (size_t)INT_MAX + 1;
    CHECK(cxkit_resolve_identities(kTwoRecords, huge, &response, &size) ==
          CXKIT_RESOURCE_EXHAUSTED);
    cxkit_free(response);
    CHECK(cxkit_call_json("ResolveIdentities", "{}", huge, &json, &size) ==
          CXKIT_RESOURCE_EXHAUSTED);
    CHECK_CONTAINS(json, "2147483648 bytes");
    cxkit_free(json);
  }
  cxkit_free(NULL);
}

static void test_json_two_spellings_of_one_email_are_one_profile(void) {
  char* json = NULL;
  CHECK(
      call_json(
          "ResolveIdentities",
          "{\"records\":["
          "{\"id\":\"order-1001\",\"identifiers\":[{\"type\":"
          "\"IDENTIFIER_TYPE_EMAIL\",\"value\":\"Anna.Smirnova@Gmail.com\"}]},"
          "{\"id\":\"chat-77\",\"identifiers\":[{\"type\":"
          "\"IDENTIFIER_TYPE_EMAIL\",\"value\":\"anna.smirnova@gmail.com\"}]}"
          "]}",
          &json) == CXKIT_OK);
  CHECK_CONTAINS(json,
                 "{\"status\":{\"code\":\"STATUS_CODE_OK\",\"message\":\"\","
                 "\"field\":\"\"},\"profiles\":[{\"profileId\":");
  CHECK(count(json, "\"profileId\"") == 1);
  CHECK_CONTAINS(json, "\"recordIds\":[\"chat-77\",\"order-1001\"]");
  CHECK_CONTAINS(json, "\"normalizedValue\":\"anna.smirnova@gmail.com\"");
  cxkit_free(json);
}

static void test_json_probabilistic_matching(void) {
  char* json = NULL;
  /* Two records with no identifier in common, linked on their attributes with
     a given model: weight log2(0.01/0.99) + 2 * log2(0.9/0.001). */
  CHECK(call_json("ResolveIdentities",
                  "{\"records\":["
                  "{\"id\":\"order-1\",\"attributes\":{\"family_name\":"
                  "\"Smirnova\",\"birth_date\":\"1990-03-07\"}},"
                  "{\"id\":\"call-7\",\"attributes\":{\"family_name\":"
                  "\"SMIRNOVA\",\"birth_date\":\"1990-03-07\"}}],"
                  "\"policy\":{\"probabilistic\":{\"enabled\":true,"
                  "\"comparisons\":["
                  "{\"attribute\":\"family_name\",\"levels\":[{\"kind\":"
                  "\"COMPARISON_LEVEL_KIND_NORMALIZED_EXACT\"}]},"
                  "{\"attribute\":\"birth_date\",\"levels\":[{\"kind\":"
                  "\"COMPARISON_LEVEL_KIND_EXACT\"}]}],"
                  "\"blockingRules\":[{\"keys\":[{\"comparison\":"
                  "\"birth_date\"}]}],"
                  "\"model\":{\"priorMatchProbability\":0.01,\"comparisons\":["
                  "{\"comparison\":\"family_name\",\"levels\":["
                  "{\"mProbability\":0.9,\"uProbability\":0.001},"
                  "{\"mProbability\":0.1,\"uProbability\":0.999}]},"
                  "{\"comparison\":\"birth_date\",\"levels\":["
                  "{\"mProbability\":0.9,\"uProbability\":0.001},"
                  "{\"mProbability\":0.1,\"uProbability\":0.999}]}]}}}}",
                  &json) == CXKIT_OK);
  CHECK(count(json, "\"profileId\"") == 1);
  CHECK_CONTAINS(json, "\"recordIds\":[\"call-7\",\"order-1\"]");
  CHECK_CONTAINS(json, "\"level\":\"normalized_exact\"");
  CHECK_CONTAINS(json, "\"probabilisticLinks\":1");
  cxkit_free(json);

  /* No blocking rule: the field path names it. */
  CHECK(call_json("ResolveIdentities",
                  "{\"policy\":{\"probabilistic\":{\"enabled\":true,"
                  "\"comparisons\":[{\"attribute\":\"city\",\"levels\":"
                  "[{\"kind\":\"COMPARISON_LEVEL_KIND_EXACT\"}]}]}}}",
                  &json) == CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json, "\"field\":\"policy.probabilistic.blocking_rules\"");
  cxkit_free(json);
}

static void test_json_errors(void) {
  char* json = NULL;

  CHECK(call_json("ResolveIdentities", "{\"records\":[", &json) ==
        CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json,
                 "{\"status\":{\"code\":\"STATUS_CODE_INVALID_ARGUMENT\"");
  CHECK_CONTAINS(json, "\"field\":\"request\"");
  cxkit_free(json);

  CHECK(call_json("ResolveIdentities", "", &json) == CXKIT_INVALID_ARGUMENT);
  cxkit_free(json);

  CHECK(call_json("ResolveIdentities", "{\"recordz\":[]}", &json) ==
        CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json, "\"code\":\"STATUS_CODE_INVALID_ARGUMENT\"");
  CHECK_CONTAINS(json, "recordz");
  cxkit_free(json);

  CHECK(call_json("PlanWorldDomination", "{}", &json) == CXKIT_UNIMPLEMENTED);
  CHECK_STR_EQ(
      json,
      "{\"status\":{\"code\":\"STATUS_CODE_UNIMPLEMENTED\",\"message\":"
      "\"unknown method \\\"PlanWorldDomination\\\"; "
      "cxkit " CXKIT_VERSION_STRING
      " implements: ResolveIdentities, MergeConversations, EvaluateSla,"
      " PlanStaffing, RouteConversations\",\"field\":\"method\"}}");
  cxkit_free(json);

  CHECK(call_json(NULL, "{}", &json) == CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json, "\"field\":\"method\"");
  cxkit_free(json);
}

static void test_merge_conversations(void) {
  static const unsigned char kGarbage[] = {0x0a, 0xff, 0x01, 'a', 'b', 'c'};
  void* response = NULL;
  size_t size = 1;
  char* json = NULL;
  /* The empty request is valid and gives an empty, OK response. */
  CHECK(cxkit_merge_conversations(NULL, 0, &response, &size) == CXKIT_OK);
  CHECK(response != NULL);
  cxkit_free(response);
  CHECK(cxkit_merge_conversations(kGarbage, sizeof(kGarbage), &response,
                                  &size) == CXKIT_INVALID_ARGUMENT);
  CHECK(response != NULL);
  cxkit_free(response);

  /* A WhatsApp message, then an e-mail half an hour later: one conversation. */
  CHECK(call_json("MergeConversations",
                  "{\"messages\":["
                  "{\"id\":\"mail-1\",\"channel\":\"CHANNEL_EMAIL\","
                  "\"sentAt\":\"2024-06-03T10:30:00Z\",\"customerId\":\"anna\","
                  "\"email\":{\"subject\":\"Order 12345\"}},"
                  "{\"id\":\"wa-1\",\"channel\":\"CHANNEL_WHATSAPP\","
                  "\"sentAt\":\"2024-06-03T10:00:00Z\",\"customerId\":\"anna\","
                  "\"text\":\"wrong size, order 12345\"}]}",
                  &json) == CXKIT_OK);
  CHECK(count(json, "\"conversationId\"") == 1);
  CHECK_CONTAINS(json,
                 "\"customerId\":\"anna\",\"messageIds\":[\"wa-1\","
                 "\"mail-1\"],\"messageIndexes\":[1,0]");
  CHECK_CONTAINS(json, "\"channels\":[\"CHANNEL_EMAIL\",\"CHANNEL_WHATSAPP\"]");
  CHECK_CONTAINS(json, "\"rule\":\"MERGE_RULE_SAME_REFERENCE\"");
  cxkit_free(json);

  /* A bad pattern names its field. */
  CHECK(call_json("MergeConversations",
                  "{\"policy\":{\"referencePatterns\":[{\"kind\":\"order\","
                  "\"pattern\":\"(\"}]}}",
                  &json) == CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json, "\"field\":\"policy.reference_patterns[0].pattern\"");
  cxkit_free(json);
}

/* SLA: a live chat waiting 20 s is due 10 s later under the default policy;
   the textbook Erlang C case needs 14 agents; a bad zone names its field. */
static void test_sla_and_staffing(void) {
  char* json = NULL;
  void* binary = NULL;
  size_t binary_size = 0;
  CHECK(call_json("EvaluateSla",
                  "{\"now\":\"2026-05-04T10:00:20Z\",\"conversations\":[{"
                  "\"id\":\"c1\",\"channel\":\"CHANNEL_LIVE_CHAT\","
                  "\"events\":[{\"time\":\"2026-05-04T10:00:00Z\","
                  "\"kind\":\"SLA_EVENT_KIND_CUSTOMER_MESSAGE\"}]}]}",
                  &json) == CXKIT_OK);
  CHECK_CONTAINS(json, "\"policyId\":\"default\"");
  CHECK_CONTAINS(json, "\"due\":\"2026-05-04T10:00:30Z\"");
  CHECK_CONTAINS(json, "\"nextChange\":\"2026-05-04T10:00:30Z\"");
  CHECK_CONTAINS(json, "\"state\":\"SLA_STATE_ACTIVE\"");
  cxkit_free(json);
  CHECK(call_json("EvaluateSla",
                  "{\"now\":\"2026-05-04T10:00:20Z\",\"calendars\":[{"
                  "\"id\":\"x\",\"timeZone\":\"Mars/Olympus\","
                  "\"alwaysOpen\":true}]}",
                  &json) == CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json, "\"field\":\"calendars[0].time_zone\"");
  cxkit_free(json);
  CHECK(call_json("PlanStaffing",
                  "{\"averageHandleTime\":\"180s\",\"targetServiceLevel\":0.8,"
                  "\"serviceLevelThreshold\":\"20s\",\"intervals\":[{"
                  "\"contacts\":100}]}",
                  &json) == CXKIT_OK);
  CHECK_CONTAINS(json, "\"agents\":14,");
  cxkit_free(json);
  /* The empty request: no `now`. */
  CHECK(cxkit_evaluate_sla(NULL, 0, &binary, &binary_size) ==
        CXKIT_INVALID_ARGUMENT);
  CHECK(binary != NULL);
  cxkit_free(binary);
  binary = NULL;
  CHECK(cxkit_plan_staffing(NULL, 0, &binary, &binary_size) == CXKIT_OK);
  CHECK(binary != NULL);
  cxkit_free(binary);
}

static void test_route_conversations(void) {
  /* RouteConversationsRequest{now: {seconds: 1}}: no items, nothing to do. */
  static const unsigned char kNowOnly[] = {0x22, 0x02, 0x08, 0x01};
  /* Status.field (field 3, length-delimited) == "now". */
  static const unsigned char kNow[] = {0x1a, 0x03, 'n', 'o', 'w'};
  void* response = NULL;
  size_t size = 0;
  char* json = NULL;
  CHECK(cxkit_route_conversations(kNowOnly, sizeof(kNowOnly), &response,
                                  &size) == CXKIT_OK);
  cxkit_free(response);
  /* Without `now` the request is invalid and the status names the field. */
  CHECK(cxkit_route_conversations(NULL, 0, &response, &size) ==
        CXKIT_INVALID_ARGUMENT);
  CHECK(contains_bytes(response, size, kNow, sizeof(kNow)));
  cxkit_free(response);

  /* The Spanish speaker goes to the Spanish-speaking agent. */
  CHECK(
      call_json("RouteConversations",
                "{\"now\":\"2026-03-02T10:00:00Z\","
                "\"items\":[{\"id\":\"w1\",\"channel\":\"CHANNEL_WHATSAPP\","
                "\"language\":\"es\",\"enqueuedAt\":\"2026-03-02T09:59:00Z\"}],"
                "\"agents\":["
                "{\"id\":\"anna\",\"status\":\"AGENT_STATUS_AVAILABLE\","
                "\"languages\":[\"en\"],\"channels\":[{\"channel\":"
                "\"CHANNEL_WHATSAPP\",\"maxItems\":2}]},"
                "{\"id\":\"lucia\",\"status\":\"AGENT_STATUS_AVAILABLE\","
                "\"languages\":[\"es\",\"en\"],\"channels\":[{\"channel\":"
                "\"CHANNEL_WHATSAPP\",\"maxItems\":2}]}]}",
                &json) == CXKIT_OK);
  CHECK_CONTAINS(json,
                 "\"assignments\":[{\"itemId\":\"w1\",\"conversationId\":"
                 "\"\",\"agentId\":\"lucia\",\"channel\":"
                 "\"CHANNEL_WHATSAPP\",\"units\":1,\"score\":14,");
  CHECK_CONTAINS(json, "\"relaxationStep\":\"RELAXATION_STEP_NONE\"");
  cxkit_free(json);

  /* A negative capacity is refused with its field path. */
  CHECK(call_json("RouteConversations",
                  "{\"now\":\"2026-03-02T10:00:00Z\",\"agents\":[{\"id\":"
                  "\"a\",\"capacityUnits\":-1}]}",
                  &json) == CXKIT_INVALID_ARGUMENT);
  CHECK_CONTAINS(json, "\"field\":\"agents[0].capacity_units\"");
  cxkit_free(json);
}

/* Every binary entry point under the same misuse: an in-band error, never a
   crash; NULL outputs are not written through. */
static void test_misuse_of_every_entry_point(void) {
  typedef int (*entry_point)(const void*, size_t, void**, size_t*);
  static const entry_point kCalls[] = {
      cxkit_resolve_identities, cxkit_merge_conversations, cxkit_evaluate_sla,
      cxkit_plan_staffing, cxkit_route_conversations};
  static const unsigned char kTruncated[] = {0x0a, 0x05, 0x0a};
  size_t i;
  for (i = 0; i < sizeof(kCalls) / sizeof(kCalls[0]); ++i) {
    void* response = NULL;
    size_t size = 0;
    CHECK(kCalls[i](NULL, 3, &response, &size) == CXKIT_INVALID_ARGUMENT);
    CHECK(response != NULL);
    CHECK(contains_bytes(response, size, (const unsigned char*)"request", 7));
    cxkit_free(response);
    response = NULL;
    CHECK(kCalls[i](kTruncated, sizeof(kTruncated), &response, &size) ==
          CXKIT_INVALID_ARGUMENT);
    cxkit_free(response);
    CHECK(kCalls[i](NULL, 0, NULL, NULL) == CXKIT_INVALID_ARGUMENT);
    size = 5;
    CHECK(kCalls[i](NULL, 0, NULL, &size) == CXKIT_INVALID_ARGUMENT);
    CHECK(size == 0);
  }
  cxkit_free(NULL);
}

int main(void) {
  test_version();
  test_status_names();
  test_arena_pool_limit();
  test_binary_request_resolves();
  test_empty_request_is_ok();
  test_garbage_bytes_are_invalid_argument();
  test_bad_arguments();
  test_misuse_of_every_entry_point();
  test_json_two_spellings_of_one_email_are_one_profile();
  test_json_probabilistic_matching();
  test_json_errors();
  test_merge_conversations();
  test_sla_and_staffing();
  test_route_conversations();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all C ABI checks passed\n");
  return 0;
}
