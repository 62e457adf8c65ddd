// The C ABI under hostile bytes and misuse: invalid UTF-8 in every kind of
// string field, deep and duplicated fields, unknown fields, NULL pointers,
// zero lengths, empty JSON and wrong method names, personal data in broken
// JSON, and requests above the size limit. Requests are built with
// the generated classes and sent as bytes, as a host would.

#include <cstdint>
#include <string>
#include <utility>

#include "cxkit/cxkit_c.h"
#include "cxkit/v1/conversation.pb.h"
#include "cxkit/v1/identity.pb.h"
#include "cxkit/v1/routing.pb.h"
#include "cxkit/v1/sla.pb.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"
#include "gtest/gtest.h"
#include "tests/adversarial/adversarial_support.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

using Call = int (*)(const void*, size_t, void**, size_t*);

// Calls `call` on `bytes` and parses the response into `Response`.
template <typename Response>
Response CallBytes(Call call, const std::string& bytes, int* code = nullptr) {
  void* out = nullptr;
  size_t size = 0;
  const int result = call(bytes.data(), bytes.size(), &out, &size);
  if (code != nullptr) *code = result;
  Response response;
  EXPECT_NE(out, nullptr);
  EXPECT_TRUE(response.ParseFromArray(out, static_cast<int>(size)));
  EXPECT_EQ(result, response.status().code());
  cxkit_free(out);
  return response;
}

std::string CallJson(const char* method, const std::string& json,
                     int* code = nullptr) {
  char* out = nullptr;
  size_t size = 0;
  const int result =
      cxkit_call_json(method, json.data(), json.size(), &out, &size);
  if (code != nullptr) *code = result;
  std::string text = out != nullptr ? std::string(out, size) : "";
  cxkit_free(out);
  return text;
}

// The bytes of a message with one proto3 string set to invalid UTF-8 (the
// C++ API can hold such strings; a host's bytes can too).
std::string WithoutLogging(const google::protobuf::Message& message) {
  std::string bytes;
  ::testing::internal::CaptureStderr();
  message.SerializeToString(&bytes);
  ::testing::internal::GetCapturedStderr();
  return bytes;
}

template <typename Response>
void ExpectUtf8Refusal(Call call, const google::protobuf::Message& request,
                       const std::string& field_name) {
  const std::string bytes = WithoutLogging(request);
  ::testing::internal::CaptureStderr();
  const Response response = CallBytes<Response>(call, bytes);
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().field(), "request");
  EXPECT_EQ(response.status().message(),
            "request holds invalid UTF-8 in string field " + field_name);
  // Refused before protobuf's parser, which would log to the host's stderr.
  EXPECT_EQ(logged, "");
}

const char kBad[] = "ok\xff\xfe";

TEST(CapiAdversarial, InvalidUtf8InEveryKindOfStringField) {
  {  // A string of a message in a repeated message field.
    cxkit::v1::ResolveIdentitiesRequest request;
    request.add_records()->set_id(kBad);
    ExpectUtf8Refusal<cxkit::v1::ResolveIdentitiesResponse>(
        &cxkit_resolve_identities, request, "cxkit.v1.ContactRecord.id");
  }
  {  // Two levels down.
    cxkit::v1::ResolveIdentitiesRequest request;
    auto* record = request.add_records();
    record->set_id("r1");
    record->add_identifiers()->set_value(kBad);
    ExpectUtf8Refusal<cxkit::v1::ResolveIdentitiesResponse>(
        &cxkit_resolve_identities, request, "cxkit.v1.Identifier.value");
  }
  {  // A map key and a map value.
    cxkit::v1::ResolveIdentitiesRequest request;
    auto* record = request.add_records();
    record->set_id("r1");
    (*record->mutable_attributes())[kBad] = "v";
    ExpectUtf8Refusal<cxkit::v1::ResolveIdentitiesResponse>(
        &cxkit_resolve_identities, request,
        "cxkit.v1.ContactRecord.AttributesEntry.key");
    record->clear_attributes();
    (*record->mutable_attributes())["name"] = kBad;
    ExpectUtf8Refusal<cxkit::v1::ResolveIdentitiesResponse>(
        &cxkit_resolve_identities, request,
        "cxkit.v1.ContactRecord.AttributesEntry.value");
  }
  {  // A string in a singular message field (e-mail headers).
    cxkit::v1::MergeConversationsRequest request;
    auto* message = request.add_messages();
    message->set_id("m1");
    message->mutable_email()->set_subject(kBad);
    ExpectUtf8Refusal<cxkit::v1::MergeConversationsResponse>(
        &cxkit_merge_conversations, request, "cxkit.v1.EmailHeaders.subject");
  }
  {  // A repeated string.
    cxkit::v1::EvaluateSlaRequest request;
    auto* conversation = request.add_conversations();
    conversation->set_id("c1");
    conversation->add_tags("fine");
    conversation->add_tags(kBad);
    ExpectUtf8Refusal<cxkit::v1::EvaluateSlaResponse>(
        &cxkit_evaluate_sla, request, "cxkit.v1.SlaConversation.tags");
  }
  {  // A repeated string of a nested message.
    cxkit::v1::RouteConversationsRequest request;
    request.add_items()->add_preferred_agent_ids(kBad);
    ExpectUtf8Refusal<cxkit::v1::RouteConversationsResponse>(
        &cxkit_route_conversations, request,
        "cxkit.v1.WorkItem.preferred_agent_ids");
  }
  {  // JSON: the parser refuses it without logging.
    int code = 0;
    ::testing::internal::CaptureStderr();
    const std::string json = CallJson(
        "ResolveIdentities",
        std::string("{\"records\":[{\"id\":\"") + kBad + "\"}]}", &code);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    EXPECT_NE(json.find("\"field\":\"request\""), std::string::npos) << json;
  }
}

// Bytes of `depth` nested unknown groups (field 1000) around nothing.
std::string NestedGroups(int depth) {
  std::string bytes;
  for (int i = 0; i < depth; ++i) bytes += "\xc3\x3e";  // field 1000, group
  for (int i = 0; i < depth; ++i) bytes += "\xc4\x3e";  // its end
  return bytes;
}

TEST(CapiAdversarial, DeepUnknownGroupsAreAParseFailure) {
  int code = 0;
  auto response = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
      &cxkit_resolve_identities, NestedGroups(50), &code);
  EXPECT_EQ(code, CXKIT_OK) << Describe(response.status());
  response = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
      &cxkit_resolve_identities, NestedGroups(1000), &code);
  EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
  EXPECT_EQ(response.status().field(), "request");
  // Deeply nested known messages too: a group cannot open a known field,
  // but 1000 unterminated groups cannot either.
  response = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
      &cxkit_resolve_identities, std::string(100000, '\xc3'), &code);
  EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
}

TEST(CapiAdversarial, RepeatedAndUnknownFieldsParseLikeProtobuf) {
  cxkit::v1::ResolveIdentitiesRequest request;
  auto* record = request.add_records();
  record->set_id("r1");
  auto* identifier = record->add_identifiers();
  identifier->set_type(cxkit::v1::IDENTIFIER_TYPE_PHONE);
  identifier->set_value("8 916 123-45-67");
  const std::string records = request.SerializeAsString();
  cxkit::v1::ResolveIdentitiesRequest policy_only;
  policy_only.mutable_policy()->set_default_region("RU");
  const std::string policy = policy_only.SerializeAsString();

  const auto once = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
      &cxkit_resolve_identities, records + policy);
  ASSERT_EQ(once.status().code(), cxkit::v1::STATUS_CODE_OK);
  ASSERT_EQ(once.profiles_size(), 1);
  EXPECT_EQ(once.profiles(0).identifiers(0).normalized_value(), "+79161234567");

  // The policy message field 1,000 times: merged into one, same answer.
  std::string repeated = records;
  for (int i = 0; i < 1000; ++i) repeated += policy;
  // Unknown fields of every wire type, at the top and inside a record.
  repeated += std::string("\xb8\x3e\x01", 3);              // 999 varint
  repeated += std::string("\xbd\x3e\x01\x02\x03\x04", 6);  // 999 fixed32
  repeated += std::string("\xba\x3e\x02\xff\xff", 5);      // 999 bytes
  const auto many = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
      &cxkit_resolve_identities, repeated);
  EXPECT_EQ(many.SerializeAsString(), once.SerializeAsString());

  // The same record 1,000 times: a duplicate id, named.
  std::string duplicated = policy;
  for (int i = 0; i < 1000; ++i) duplicated += records;
  const auto duplicate = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
      &cxkit_resolve_identities, duplicated);
  EXPECT_EQ(duplicate.status().code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(duplicate.status().field(), "records[1].id");
}

TEST(CapiAdversarial, EveryBinaryEntryPointSurvivesMisuse) {
  const Call calls[] = {&cxkit_resolve_identities, &cxkit_merge_conversations,
                        &cxkit_evaluate_sla, &cxkit_plan_staffing,
                        &cxkit_route_conversations};
  // The empty request (NULL, 0) of each, by its documented rules.
  const int empty_codes[] = {CXKIT_OK, CXKIT_OK, CXKIT_INVALID_ARGUMENT,
                             CXKIT_OK, CXKIT_INVALID_ARGUMENT};
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    void* out = nullptr;
    size_t size = 7;
    // NULL request with a length: in-band INVALID_ARGUMENT on "request".
    EXPECT_EQ(calls[i](nullptr, 3, &out, &size), CXKIT_INVALID_ARGUMENT);
    ASSERT_NE(out, nullptr);
    cxkit::v1::ResolveIdentitiesResponse status_only;  // status is field 1
    EXPECT_TRUE(status_only.ParseFromArray(out, static_cast<int>(size)));
    EXPECT_EQ(status_only.status().field(), "request");
    cxkit_free(out);
    // NULL output pointers: the code only, nothing allocated or written.
    out = reinterpret_cast<void*>(1);
    EXPECT_EQ(calls[i]("", 0, nullptr, &size), CXKIT_INVALID_ARGUMENT);
    EXPECT_EQ(size, 0u);
    EXPECT_EQ(calls[i]("", 0, &out, nullptr), CXKIT_INVALID_ARGUMENT);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(calls[i](nullptr, 0, nullptr, nullptr), CXKIT_INVALID_ARGUMENT);
    // Zero length, NULL or not: the empty request.
    EXPECT_EQ(calls[i](nullptr, 0, &out, &size), empty_codes[i]);
    EXPECT_NE(out, nullptr);
    cxkit_free(out);
    EXPECT_EQ(calls[i]("garbage", 0, &out, &size), empty_codes[i]);
    cxkit_free(out);
    // A lone byte is not a message.
    EXPECT_EQ(calls[i]("\x0a", 1, &out, &size), CXKIT_INVALID_ARGUMENT);
    cxkit_free(out);
  }
  cxkit_free(nullptr);
}

// The "status" object of a JSON response, as printed.
std::string StatusJson(int code, const std::string& field,
                       const std::string& message) {
  return "{\"status\":{\"code\":\"" +
         cxkit::v1::StatusCode_Name(static_cast<cxkit::v1::StatusCode>(code)) +
         "\",\"message\":\"" + message + "\",\"field\":\"" + field + "\"}";
}

// The JSON response's status object, e.g. {"status":{...}}, cut before the
// rest of the response.
std::string StatusPart(const std::string& json) {
  const size_t field = json.find("\"field\":\"");
  if (field == std::string::npos) return json;
  return json.substr(0, json.find("\"}", field) + 2);
}

TEST(CapiAdversarial, JsonMisuse) {
  int code = 0;
  const struct {
    const char* method;
    const char* type;
    // The empty request, {}: OK or the first required field.
    int empty_code;
    const char* empty_field;
    const char* empty_message;
  } kMethods[] = {
      {"ResolveIdentities", "ResolveIdentitiesRequest", CXKIT_OK, "", ""},
      {"MergeConversations", "MergeConversationsRequest", CXKIT_OK, "", ""},
      {"EvaluateSla", "EvaluateSlaRequest", CXKIT_INVALID_ARGUMENT, "now",
       "now: required"},
      {"PlanStaffing", "PlanStaffingRequest", CXKIT_OK, "", ""},
      {"RouteConversations", "RouteConversationsRequest",
       CXKIT_INVALID_ARGUMENT, "now", "now: required"},
  };
  for (const auto& m : kMethods) {
    SCOPED_TRACE(m.method);
    const std::string not_json =
        std::string("request is not proto3 JSON of cxkit.v1.") + m.type + ": ";
    std::string json = CallJson(m.method, "", &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    EXPECT_EQ(StatusPart(json),
              StatusJson(code, "request",
                         "request is empty, which is not JSON; the empty "
                         "request is {}"));
    json = CallJson(m.method, "{}", &code);
    EXPECT_EQ(code, m.empty_code);
    EXPECT_EQ(StatusPart(json),
              StatusJson(m.empty_code, m.empty_field, m.empty_message));
    json = CallJson(m.method, "{\"noSuchField\":1}", &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    EXPECT_EQ(StatusPart(json),
              StatusJson(code, "request",
                         not_json + "unknown field noSuchField of cxkit.v1." +
                             m.type));
    json = CallJson(m.method, std::string(100000, '['), &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    EXPECT_EQ(
        StatusPart(json),
        StatusJson(code, "request",
                   not_json + "Unexpected end of string. Expected a value or ] "
                              "within an array."));
  }
  for (const char* method : {"", "resolveIdentities", "ResolveIdentities ",
                             "cxkit_free", "ResolveIdentities\n"}) {
    SCOPED_TRACE(method);
    const std::string json = CallJson(method, "{}", &code);
    EXPECT_EQ(code, CXKIT_UNIMPLEMENTED);
    EXPECT_NE(json.find("\"field\":\"method\""), std::string::npos) << json;
  }
  std::string json = CallJson(nullptr, "{}", &code);
  EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
  EXPECT_NE(json.find("\"field\":\"method\""), std::string::npos);
  char* out = nullptr;
  size_t size = 0;
  EXPECT_EQ(cxkit_call_json("ResolveIdentities", nullptr, 5, &out, &size),
            CXKIT_INVALID_ARGUMENT);
  EXPECT_NE(std::string(out, size).find("request_json is NULL"),
            std::string::npos);
  cxkit_free(out);
  EXPECT_EQ(cxkit_call_json("ResolveIdentities", "{}", 2, nullptr, &size),
            CXKIT_INVALID_ARGUMENT);
  EXPECT_EQ(cxkit_call_json("ResolveIdentities", "{}", 2, &out, nullptr),
            CXKIT_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  // Not NUL-terminated JSON: only request_json_size bytes are read.
  const char unterminated[] = {'{', '}', 'x'};
  EXPECT_EQ(cxkit_call_json("ResolveIdentities", unterminated, 2, &out, &size),
            CXKIT_OK);
  cxkit_free(out);
}

// protobuf's JSON parser quotes the input in its messages (context around a
// syntax error, a bad value, an unknown key); what the C ABI says keeps the
// field path and the kind of error only.
TEST(CapiAdversarial, JsonErrorsQuoteNoInput) {
  const std::string identity =
      "request is not proto3 JSON of cxkit.v1.ResolveIdentitiesRequest: ";
  const struct {
    const char* method;
    const char* json;
    std::string message;
  } kCases[] = {
      {"ResolveIdentities",
       R"({"records":[{"id":"r1","identifiers":[{"value":+79161234567}]}]})",
       identity + "Expected a value."},
      {"ResolveIdentities",
       R"({"records":[{"id":"r1","identifiers":[{"type":"anna.smirnova@mail.ru"}]}]})",
       identity + "records[0].identifiers[0].type: invalid value for type "
                  "cxkit.v1.IdentifierType"},
      {"ResolveIdentities", R"({"records":[{"id":"r1","anna@mail.ru":1}]})",
       identity + "records[0]: unknown field of cxkit.v1.ContactRecord"},
      {"ResolveIdentities", R"({"records":[{"id":"r1","identifierz":[]}]})",
       identity +
           "records[0]: unknown field identifierz of cxkit.v1.ContactRecord"},
      {"ResolveIdentities", R"({"Anna Smirnova":1})",
       identity + "unknown field of cxkit.v1.ResolveIdentitiesRequest"},
      // A top-level key that looks like protobuf's "(location)".
      {"ResolveIdentities", R"({"(79161234567) Anna":1})",
       identity + "unknown field"},
      {"ResolveIdentities",
       R"({"records":[{"id":"r1","attributes":{"anna@mail.ru":7}}]})",
       identity + "records[0].attributes[0].value: invalid value for type "
                  "TYPE_STRING"},
      {"EvaluateSla", R"({"now":"Anna Smirnova +79161234567"})",
       "request is not proto3 JSON of cxkit.v1.EvaluateSlaRequest: now: "
       "invalid value for type google.protobuf.Timestamp"},
      {"MergeConversations",
       R"({"messages":[{"id":"m1","text":"Anna, +7 916 123 45 67" "x"}]})",
       "request is not proto3 JSON of cxkit.v1.MergeConversationsRequest: "
       "Expected , or } after key:value pair."},
      {"PlanStaffing", R"({"targetServiceLevel":"anna@mail.ru"})",
       "request is not proto3 JSON of cxkit.v1.PlanStaffingRequest: "
       "target_service_level: invalid value for type TYPE_DOUBLE"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.json);
    int code = 0;
    const std::string json = CallJson(c.method, c.json, &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    EXPECT_EQ(StatusPart(json), StatusJson(code, "request", c.message));
    for (const char* personal : {"nna", "916", "mail.ru", "Smirnova"}) {
      EXPECT_EQ(json.find(personal), std::string::npos) << json;
    }
  }
}

// `bytes` plus a length-delimited field `number` of `length` bytes (unknown
// to the request, so protobuf keeps it as an unknown field).
std::string WithPadding(std::string bytes, int number, size_t length) {
  std::string header;
  {
    google::protobuf::io::StringOutputStream stream(&header);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.WriteTag(google::protobuf::internal::WireFormatLite::MakeTag(
        number,
        google::protobuf::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    out.WriteVarint64(length);
  }
  bytes += header;
  bytes.append(length, 'x');
  return bytes;
}

// Beyond the default max_request_bytes, bytes are refused before they are
// parsed unless the request raises its limit; JSON text is refused beyond
// the default.
TEST(CapiAdversarial, RequestSizeIsCheckedBeforeParsing) {
  const size_t over = (size_t{256} << 20) + 1;
  {
    const std::string zeros(over, '\0');
    const auto identity = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
        &cxkit_resolve_identities, zeros);
    EXPECT_EQ(identity.status().code(),
              cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED);
    EXPECT_EQ(identity.status().field(), "policy.limits.max_request_bytes");
    EXPECT_EQ(identity.status().message(),
              "request of 268435457 bytes exceeds "
              "policy.limits.max_request_bytes (268435456)");
    const auto sla =
        CallBytes<cxkit::v1::EvaluateSlaResponse>(&cxkit_evaluate_sla, zeros);
    EXPECT_EQ(sla.status().code(), cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED);
    EXPECT_EQ(sla.status().field(), "limits.max_request_bytes");
    EXPECT_EQ(sla.status().message(),
              "request of 268435457 bytes exceeds limits.max_request_bytes "
              "(268435456)");
  }
  {
    // The limit raised to 300 MiB, set twice (the last one wins, as in
    // parsing): parsed and resolved.
    cxkit::v1::ResolveIdentitiesRequest raised;
    raised.mutable_policy()->mutable_limits()->set_max_request_bytes(1);
    std::string bytes = raised.SerializeAsString();
    raised.mutable_policy()->mutable_limits()->set_max_request_bytes(
        uint64_t{300} << 20);
    bytes += raised.SerializeAsString();
    bytes = WithPadding(std::move(bytes), 1000, over);
    const auto response = CallBytes<cxkit::v1::ResolveIdentitiesResponse>(
        &cxkit_resolve_identities, bytes);
    EXPECT_EQ(response.status().code(), cxkit::v1::STATUS_CODE_OK)
        << response.status().message();
  }
  {
    // Lowered below the bytes: refused after parsing, by the capability.
    cxkit::v1::EvaluateSlaRequest lowered;
    lowered.mutable_limits()->set_max_request_bytes(100);
    *lowered.mutable_now() = Time("2024-06-03T10:00:00Z");
    lowered.add_conversations()->set_id(std::string(200, 'c'));
    const auto response = CallBytes<cxkit::v1::EvaluateSlaResponse>(
        &cxkit_evaluate_sla, lowered.SerializeAsString());
    EXPECT_EQ(response.status().code(),
              cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED);
    EXPECT_EQ(response.status().field(), "limits.max_request_bytes");
  }
  int code = 0;
  const std::string json =
      CallJson("ResolveIdentities", std::string(over, ' '), &code);
  EXPECT_EQ(code, CXKIT_RESOURCE_EXHAUSTED);
  EXPECT_EQ(StatusPart(json),
            StatusJson(code, "request",
                       "request_json is 268435457 bytes, above the 268435456 "
                       "bytes the JSON entry parses; send larger requests in "
                       "binary"));
}

}  // namespace
}  // namespace cxkit::testing
