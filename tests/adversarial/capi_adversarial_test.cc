// The C ABI under hostile bytes and misuse: invalid UTF-8 in every kind of
// string field, deep and duplicated fields, unknown fields, NULL pointers,
// zero lengths, empty JSON and wrong method names. Requests are built with
// the generated classes and sent as bytes, as a host would.

#include <cstdint>
#include <string>

#include "cxkit/cxkit_c.h"
#include "cxkit/v1/conversation.pb.h"
#include "cxkit/v1/identity.pb.h"
#include "cxkit/v1/routing.pb.h"
#include "cxkit/v1/sla.pb.h"
#include "gtest/gtest.h"
#include "tests/adversarial/adversarial_support.h"

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

TEST(CapiAdversarial, JsonMisuse) {
  int code = 0;
  for (const char* method :
       {"ResolveIdentities", "MergeConversations", "EvaluateSla",
        "PlanStaffing", "RouteConversations"}) {
    SCOPED_TRACE(method);
    std::string json = CallJson(method, "", &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    EXPECT_NE(json.find("the empty request is {}"), std::string::npos);
    CallJson(method, "{}", &code);
    EXPECT_NE(code, CXKIT_UNIMPLEMENTED);
    json = CallJson(method, "{\"noSuchField\":1}", &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
    json = CallJson(method, std::string(100000, '['), &code);
    EXPECT_EQ(code, CXKIT_INVALID_ARGUMENT);
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

}  // namespace
}  // namespace cxkit::testing
