// The C ABI over the C++ API: parse the request and call the capability's
// FooInto() on one arena per call, serialize the response deterministically
// into a malloc'd buffer. Every entry point catches every exception; every
// failure becomes a response whose status names the problem.

#include "cxkit/cxkit_c.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "cxkit/arena.h"
#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/limits.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "cxkit/v1/common.pb.h"
#include "cxkit/version.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "json_error.h"
#include "request_limit.h"
#include "request_utf8.h"

static_assert(CXKIT_C_ABI_VERSION == CXKIT_C_BUILD_SOVERSION,
              "CXKIT_C_ABI_VERSION in cxkit_c.h must equal CXKIT_C_SOVERSION "
              "in CMakeLists.txt");
static_assert(CXKIT_VERSION_NUMBER == CXKIT_VERSION_MAJOR * 10000 +
                                          CXKIT_VERSION_MINOR * 100 +
                                          CXKIT_VERSION_PATCH,
              "CXKIT_VERSION_NUMBER is defined differently in cxkit/version.h");

namespace {

namespace pb = google::protobuf;

struct CodeInfo {
  int c_code;
  cxkit::v1::StatusCode proto_code;
  absl::StatusCode absl_code;
  const char* name;
};

// Indexed by code; the static_assert below pins the three numberings together.
constexpr CodeInfo kCodes[] = {
    {CXKIT_OK, cxkit::v1::STATUS_CODE_OK, absl::StatusCode::kOk, "OK"},
    {CXKIT_CANCELLED, cxkit::v1::STATUS_CODE_CANCELLED,
     absl::StatusCode::kCancelled, "CANCELLED"},
    {CXKIT_UNKNOWN, cxkit::v1::STATUS_CODE_UNKNOWN, absl::StatusCode::kUnknown,
     "UNKNOWN"},
    {CXKIT_INVALID_ARGUMENT, cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
     absl::StatusCode::kInvalidArgument, "INVALID_ARGUMENT"},
    {CXKIT_DEADLINE_EXCEEDED, cxkit::v1::STATUS_CODE_DEADLINE_EXCEEDED,
     absl::StatusCode::kDeadlineExceeded, "DEADLINE_EXCEEDED"},
    {CXKIT_NOT_FOUND, cxkit::v1::STATUS_CODE_NOT_FOUND,
     absl::StatusCode::kNotFound, "NOT_FOUND"},
    {CXKIT_ALREADY_EXISTS, cxkit::v1::STATUS_CODE_ALREADY_EXISTS,
     absl::StatusCode::kAlreadyExists, "ALREADY_EXISTS"},
    {CXKIT_PERMISSION_DENIED, cxkit::v1::STATUS_CODE_PERMISSION_DENIED,
     absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED"},
    {CXKIT_RESOURCE_EXHAUSTED, cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
     absl::StatusCode::kResourceExhausted, "RESOURCE_EXHAUSTED"},
    {CXKIT_FAILED_PRECONDITION, cxkit::v1::STATUS_CODE_FAILED_PRECONDITION,
     absl::StatusCode::kFailedPrecondition, "FAILED_PRECONDITION"},
    {CXKIT_ABORTED, cxkit::v1::STATUS_CODE_ABORTED, absl::StatusCode::kAborted,
     "ABORTED"},
    {CXKIT_OUT_OF_RANGE, cxkit::v1::STATUS_CODE_OUT_OF_RANGE,
     absl::StatusCode::kOutOfRange, "OUT_OF_RANGE"},
    {CXKIT_UNIMPLEMENTED, cxkit::v1::STATUS_CODE_UNIMPLEMENTED,
     absl::StatusCode::kUnimplemented, "UNIMPLEMENTED"},
    {CXKIT_INTERNAL, cxkit::v1::STATUS_CODE_INTERNAL,
     absl::StatusCode::kInternal, "INTERNAL"},
    {CXKIT_UNAVAILABLE, cxkit::v1::STATUS_CODE_UNAVAILABLE,
     absl::StatusCode::kUnavailable, "UNAVAILABLE"},
    {CXKIT_DATA_LOSS, cxkit::v1::STATUS_CODE_DATA_LOSS,
     absl::StatusCode::kDataLoss, "DATA_LOSS"},
    {CXKIT_UNAUTHENTICATED, cxkit::v1::STATUS_CODE_UNAUTHENTICATED,
     absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"},
};
constexpr int kNumCodes = sizeof(kCodes) / sizeof(kCodes[0]);

constexpr bool CodesArePinned() {
  for (int i = 0; i < kNumCodes; ++i) {
    if (kCodes[i].c_code != i || static_cast<int>(kCodes[i].proto_code) != i ||
        static_cast<int>(kCodes[i].absl_code) != i) {
      return false;
    }
  }
  return kNumCodes == cxkit::v1::StatusCode_ARRAYSIZE;
}
static_assert(CodesArePinned(),
              "cxkit_status_code must equal cxkit.v1.StatusCode and absl");

// The request and response types of a capability's
// `void FooInto(const Request&, Response*)`.
template <typename F>
struct Signature;
template <typename Req, typename Resp>
struct Signature<void (*)(const Req&, Resp*)> {
  using Request = Req;
  using Response = Resp;
};

// Printable ASCII only, at most `max` bytes, for text cxkit does not write
// (a method name, an exception's what()): it may be invalid UTF-8, and proto3
// strings must be valid UTF-8.
std::string Printable(std::string_view text, size_t max = 200) {
  std::string out;
  for (char c : text.substr(0, max)) {
    out += (c >= 0x20 && c < 0x7f) ? c : (c == '\n' ? ' ' : '?');
  }
  if (text.size() > max) out += "...";
  return out;
}

std::string_view MessageOf(const pb::util::Status& status) {
  return std::string_view(status.message().data(), status.message().size());
}

std::string TooLarge(size_t size) {
  return "request is " + std::to_string(size) + " bytes, above the limit of " +
         std::to_string(INT_MAX) +
         " bytes (protobuf's 2 GiB); split the request";
}

// Makes `*response` carry only a non-OK status.
template <typename Response>
void SetError(int code, const char* field, std::string message,
              Response* response) {
  response->Clear();
  cxkit::v1::Status* status = response->mutable_status();
  status->set_code(static_cast<cxkit::v1::StatusCode>(code));
  status->set_message(std::move(message));
  status->set_field(field);
}

template <typename Response>
Response ErrorResponse(int code, const char* field, std::string message) {
  Response response;
  SetError(code, field, std::move(message), &response);
  return response;
}

// Parses `size` bytes of `request` and runs Into, or writes the error
// response. The parsed request lives on its own arena, freed on return, so it
// is gone before the response is serialized.
template <auto Into>
void RunBinary(const void* request, size_t size,
               typename Signature<decltype(Into)>::Response* response) {
  using Request = typename Signature<decltype(Into)>::Request;
  if (request == nullptr && size != 0) {
    return SetError(
        CXKIT_INVALID_ARGUMENT, "request",
        "request is NULL but request_size is " + std::to_string(size),
        response);
  }
  if (size > static_cast<size_t>(INT_MAX)) {
    return SetError(CXKIT_RESOURCE_EXHAUSTED, "request", TooLarge(size),
                    response);
  }
  if (std::string field, message; cxkit::capi::RefuseBeforeParsing(
          Request::descriptor(), request, size, &field, &message)) {
    return SetError(CXKIT_RESOURCE_EXHAUSTED, field.c_str(), std::move(message),
                    response);
  }
  // Refused before parsing, so that protobuf does not log it to stderr.
  if (const std::string bad =
          cxkit::capi::FindInvalidUtf8(Request::descriptor(), request, size);
      !bad.empty()) {
    return SetError(CXKIT_INVALID_ARGUMENT, "request",
                    "request holds invalid UTF-8 in string field " + bad,
                    response);
  }
  // One arena for the parsed request, freed when the capability returns, and
  // one for the response (cxkit/arena.h): a large message costs one block per
  // 4 MiB instead of one allocation per message.
  pb::Arena request_arena(cxkit::CallArenaOptions());
  Request* parsed = pb::Arena::CreateMessage<Request>(&request_arena);
  if (size != 0 && !parsed->ParseFromArray(request, static_cast<int>(size))) {
    return SetError(CXKIT_INVALID_ARGUMENT, "request",
                    "request is not a serialized " +
                        Request::descriptor()->full_name() + " (" +
                        std::to_string(size) + " bytes do not parse)",
                    response);
  }
  Into(*parsed, response);
}

// Serializes `message`, whose ByteSizeLong() was just computed as `size`,
// deterministically.
void SerializeDeterministic(const pb::MessageLite& message, size_t size,
                            void* target) {
  pb::io::ArrayOutputStream array(target, static_cast<int>(size));
  pb::io::CodedOutputStream coded(&array);
  coded.SetSerializationDeterministic(true);
  message.SerializeWithCachedSizes(&coded);
}

// Sets *out to a malloc'd deterministic serialization of `message` (never NULL,
// even for 0 bytes). False, leaving the outputs alone, above INT_MAX bytes or
// when malloc fails.
bool SerializeToMalloc(const pb::MessageLite& message, void** out,
                       size_t* out_size) {
  const size_t size = message.ByteSizeLong();
  if (size > static_cast<size_t>(INT_MAX)) return false;
  void* buffer = std::malloc(size == 0 ? 1 : size);
  if (buffer == nullptr) return false;
  SerializeDeterministic(message, size, buffer);
  *out = buffer;
  *out_size = size;
  return true;
}

// Delivers a status-only response; the outputs stay NULL if even that cannot be
// allocated.
template <typename Response>
int DeliverBinaryStatus(int code, std::string message, void** out,
                        size_t* out_size) noexcept {
  try {
    SerializeToMalloc(ErrorResponse<Response>(code, "", std::move(message)),
                      out, out_size);
  } catch (...) {
  }
  return code;
}

template <typename Response>
int DeliverBinary(const Response& response, void** out, size_t* out_size) {
  if (SerializeToMalloc(response, out, out_size))
    return response.status().code();
  return DeliverBinaryStatus<Response>(
      CXKIT_RESOURCE_EXHAUSTED,
      "the response is " + std::to_string(response.ByteSizeLong()) +
          " bytes, above protobuf's 2 GiB limit or the memory available; split "
          "the request",
      out, out_size);
}

template <auto Into>
int CallBinary(const void* request, size_t request_size, void** out,
               size_t* out_size) noexcept {
  using Response = typename Signature<decltype(Into)>::Response;
  if (out == nullptr || out_size == nullptr) {
    if (out != nullptr) *out = nullptr;
    if (out_size != nullptr) *out_size = 0;
    return CXKIT_INVALID_ARGUMENT;
  }
  *out = nullptr;
  *out_size = 0;
  try {
    pb::Arena arena(cxkit::CallArenaOptions());
    auto* response = pb::Arena::CreateMessage<Response>(&arena);
    RunBinary<Into>(request, request_size, response);
    return DeliverBinary(*response, out, out_size);
  } catch (const std::bad_alloc&) {
    return DeliverBinaryStatus<Response>(CXKIT_RESOURCE_EXHAUSTED,
                                         "out of memory", out, out_size);
  } catch (const std::exception& e) {
    return DeliverBinaryStatus<Response>(CXKIT_INTERNAL, Printable(e.what()),
                                         out, out_size);
  } catch (...) {
    return DeliverBinaryStatus<Response>(CXKIT_INTERNAL, "unknown exception",
                                         out, out_size);
  }
}

// ---- JSON ----

// Defaults are printed too: dynamic-language hosts get every key, always.
pb::util::JsonPrintOptions PrintOptions() {
  pb::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  return options;
}

// `{"status":{...}}`, valid as every *Response; returns `code`.
int StatusJson(int code, const char* field, std::string message,
               std::string* json) {
  cxkit::v1::Status status;
  status.set_code(static_cast<cxkit::v1::StatusCode>(code));
  status.set_message(std::move(message));
  status.set_field(field);
  std::string status_json;
  if (!pb::util::MessageToJsonString(status, &status_json, PrintOptions())
           .ok()) {
    status_json = "{}";
  }
  *json = "{\"status\":" + status_json + "}";
  return code;
}

// Prints `response` from its deterministic serialization, so the JSON is
// deterministic too (MessageToJsonString serializes maps in hash order).
// Returns the status code.
template <typename Response>
int ResponseToJson(Response* response, std::string* json) {
  response->mutable_status();  // present even on success
  const size_t size = response->ByteSizeLong();
  if (size > static_cast<size_t>(INT_MAX)) {
    return StatusJson(
        CXKIT_RESOURCE_EXHAUSTED, "",
        "the response is " + std::to_string(size) +
            " bytes, above protobuf's 2 GiB limit; split the request",
        json);
  }
  std::string binary(size, '\0');
  SerializeDeterministic(*response, size, binary.data());
  // Created once, never destroyed; the descriptor pool it reads is immutable
  // and thread-safe.
  static pb::util::TypeResolver* const resolver =
      pb::util::NewTypeResolverForDescriptorPool(
          "type.googleapis.com", pb::DescriptorPool::generated_pool());
  const pb::util::Status printed = pb::util::BinaryToJsonString(
      resolver, "type.googleapis.com/" + Response::descriptor()->full_name(),
      binary, json, PrintOptions());
  if (!printed.ok()) {
    return StatusJson(CXKIT_INTERNAL, "", "cannot print the response as JSON",
                      json);
  }
  return response->status().code();
}

template <auto Into>
int CallJson(const char* request_json, size_t size, std::string* json) {
  using Request = typename Signature<decltype(Into)>::Request;
  using Response = typename Signature<decltype(Into)>::Response;
  pb::Arena arena(cxkit::CallArenaOptions());
  auto* response = pb::Arena::CreateMessage<Response>(&arena);
  if (request_json == nullptr && size != 0) {
    SetError(
        CXKIT_INVALID_ARGUMENT, "request",
        "request_json is NULL but request_json_size is " + std::to_string(size),
        response);
  } else if (size > cxkit::kDefaultMaxRequestBytes) {
    // JSON text is refused before parsing beyond the default request size;
    // larger requests go through the bytes entries.
    SetError(CXKIT_RESOURCE_EXHAUSTED, "request",
             "request_json is " + std::to_string(size) + " bytes, above the " +
                 std::to_string(cxkit::kDefaultMaxRequestBytes) +
                 " bytes the JSON entry parses; send larger requests in "
                 "binary",
             response);
  } else if (size == 0) {
    SetError(CXKIT_INVALID_ARGUMENT, "request",
             "request is empty, which is not JSON; the empty request is {}",
             response);
  } else {
    // The request's own arena is freed before the response is printed.
    pb::Arena request_arena(cxkit::CallArenaOptions());
    auto* request = pb::Arena::CreateMessage<Request>(&request_arena);
    pb::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const pb::util::Status parsed = pb::util::JsonStringToMessage(
        pb::StringPiece(request_json, size), request, options);
    if (parsed.ok()) {
      Into(*request, response);
    } else {
      SetError(CXKIT_INVALID_ARGUMENT, "request",
               "request is not proto3 JSON of " +
                   Request::descriptor()->full_name() + ": " +
                   cxkit::capi::DescribeJsonParseError(Request::descriptor(),
                                                       MessageOf(parsed)),
               response);
    }
  }
  return ResponseToJson(response, json);
}

struct JsonMethod {
  std::string_view name;
  int (*call)(const char* request_json, size_t size, std::string* json);
};

// One line per capability, named like its C++ function.
constexpr JsonMethod kJsonMethods[] = {
    {"ResolveIdentities", &CallJson<&cxkit::ResolveIdentitiesInto>},
    {"MergeConversations", &CallJson<&cxkit::MergeConversationsInto>},
    {"EvaluateSla", &CallJson<&cxkit::EvaluateSlaInto>},
    {"PlanStaffing", &CallJson<&cxkit::PlanStaffingInto>},
    {"RouteConversations", &CallJson<&cxkit::RouteConversationsInto>},
};

int DispatchJson(const char* method, const char* request_json, size_t size,
                 std::string* json) {
  if (method == nullptr) {
    return StatusJson(CXKIT_INVALID_ARGUMENT, "method", "method is NULL", json);
  }
  for (const JsonMethod& m : kJsonMethods) {
    if (m.name == method) return m.call(request_json, size, json);
  }
  std::string known;
  for (const JsonMethod& m : kJsonMethods) {
    known += known.empty() ? "" : ", ";
    known += m.name;
  }
  return StatusJson(CXKIT_UNIMPLEMENTED, "method",
                    "unknown method \"" + Printable(method, 64) + "\"; cxkit " +
                        cxkit::VersionString() + " implements: " + known,
                    json);
}

// Copies `json` to a malloc'd NUL-terminated buffer; false when malloc fails.
bool JsonToMalloc(std::string_view json, char** out, size_t* out_size) {
  char* buffer = static_cast<char*>(std::malloc(json.size() + 1));
  if (buffer == nullptr) return false;
  std::memcpy(buffer, json.data(), json.size());
  buffer[json.size()] = '\0';
  *out = buffer;
  *out_size = json.size();
  return true;
}

// Delivers `{"status":...}` for a failure of the call itself, without
// allocating if need be.
int DeliverJsonStatus(int code, const char* message, char** out,
                      size_t* out_size) noexcept {
  try {
    std::string json;
    StatusJson(code, "", message, &json);
    if (JsonToMalloc(json, out, out_size)) return code;
  } catch (...) {
  }
  char fallback[160];
  std::snprintf(fallback, sizeof(fallback),
                "{\"status\":{\"code\":\"STATUS_CODE_%s\",\"message\":\"%s\","
                "\"field\":\"\"}}",
                kCodes[code].name, message);
  JsonToMalloc(fallback, out, out_size);
  return code;
}

}  // namespace

extern "C" {

const char* cxkit_version(void) { return cxkit::VersionString(); }

int cxkit_version_number(void) { return CXKIT_VERSION_NUMBER; }

const char* cxkit_status_name(int code) {
  return code >= 0 && code < kNumCodes ? kCodes[code].name
                                       : "UNKNOWN_STATUS_CODE";
}

void cxkit_free(void* p) { std::free(p); }

// Neither can fail short of a broken mutex; no exception crosses the ABI.
size_t cxkit_set_arena_pool_limit(size_t bytes) {
  try {
    return cxkit::SetArenaPoolLimit(bytes);
  } catch (...) {
    return 0;
  }
}

size_t cxkit_arena_pool_bytes(void) {
  try {
    return cxkit::ArenaPoolRetainedBytes();
  } catch (...) {
    return 0;
  }
}

int cxkit_resolve_identities(const void* request, size_t request_size,
                             void** response, size_t* response_size) {
  return CallBinary<&cxkit::ResolveIdentitiesInto>(request, request_size,
                                                   response, response_size);
}

int cxkit_merge_conversations(const void* request, size_t request_size,
                              void** response, size_t* response_size) {
  return CallBinary<&cxkit::MergeConversationsInto>(request, request_size,
                                                    response, response_size);
}

int cxkit_evaluate_sla(const void* request, size_t request_size,
                       void** response, size_t* response_size) {
  return CallBinary<&cxkit::EvaluateSlaInto>(request, request_size, response,
                                             response_size);
}

int cxkit_plan_staffing(const void* request, size_t request_size,
                        void** response, size_t* response_size) {
  return CallBinary<&cxkit::PlanStaffingInto>(request, request_size, response,
                                              response_size);
}

int cxkit_route_conversations(const void* request, size_t request_size,
                              void** response, size_t* response_size) {
  return CallBinary<&cxkit::RouteConversationsInto>(request, request_size,
                                                    response, response_size);
}

int cxkit_call_json(const char* method, const char* request_json,
                    size_t request_json_size, char** response_json,
                    size_t* response_json_size) {
  if (response_json == nullptr || response_json_size == nullptr) {
    if (response_json != nullptr) *response_json = nullptr;
    if (response_json_size != nullptr) *response_json_size = 0;
    return CXKIT_INVALID_ARGUMENT;
  }
  *response_json = nullptr;
  *response_json_size = 0;
  try {
    std::string json;
    const int code =
        DispatchJson(method, request_json, request_json_size, &json);
    if (JsonToMalloc(json, response_json, response_json_size)) return code;
    return DeliverJsonStatus(CXKIT_RESOURCE_EXHAUSTED,
                             "out of memory for the response", response_json,
                             response_json_size);
  } catch (const std::bad_alloc&) {
    return DeliverJsonStatus(CXKIT_RESOURCE_EXHAUSTED, "out of memory",
                             response_json, response_json_size);
  } catch (...) {
    return DeliverJsonStatus(CXKIT_INTERNAL, "unexpected exception",
                             response_json, response_json_size);
  }
}

}  // extern "C"
