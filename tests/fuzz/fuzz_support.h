// Shared by every fuzz target: invariant checks that abort with a message, the
// deterministic serialization the C ABI promises, and the two generic
// drivers of the C ABI (bytes entry points and cxkit_call_json).
//
// A target defines LLVMFuzzerTestOneInput; it is linked either with libFuzzer
// (<target>_fuzzer, clang) or with replay_main.cc (<target>_replay, ctest).

#ifndef CXKIT_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define CXKIT_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "cxkit/cxkit_c.h"
#include "cxkit/v1/common.pb.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/message.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"

namespace cxkit::fuzz {

// Aborts (a crash libFuzzer reports and saves) when an invariant fails.
#define CXKIT_FUZZ_CHECK(condition, what)                                  \
  do {                                                                     \
    if (!(condition)) {                                                    \
      std::fprintf(stderr, "%s:%d: invariant failed: %s (%s)\n", __FILE__, \
                   __LINE__, what, #condition);                            \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

// Protobuf logs every string that is not UTF-8 while parsing; mutated inputs
// are full of them. Call at the start of every target.
inline void QuietProtobuf() {
  static const bool quiet = [] {
    google::protobuf::SetLogHandler(nullptr);
    return true;
  }();
  (void)quiet;
}

// The deterministic serialization (map entries sorted by key), as the C ABI
// produces it.
inline std::string Deterministic(const google::protobuf::MessageLite& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

// Caps a uint32 limit: 0 (the large default) and anything above `cap` become
// `cap`, so that one execution stays cheap.
inline uint32_t Capped(uint32_t value, uint32_t cap) {
  return value == 0 || value > cap ? cap : value;
}

// The status invariants shared by bytes and JSON: the code is a known one and
// equals the returned code; an error says something.
inline void CheckStatus(int returned, const cxkit::v1::Status& status) {
  CXKIT_FUZZ_CHECK(returned >= 0 && returned <= CXKIT_UNAUTHENTICATED,
                   "returned code is a cxkit_status_code");
  CXKIT_FUZZ_CHECK(returned == static_cast<int>(status.code()),
                   "returned code equals the response's status.code");
  CXKIT_FUZZ_CHECK(returned == CXKIT_OK || !status.message().empty(),
                   "an error status has a message");
}

using BinaryEntry = int (*)(const void*, size_t, void**, size_t*);

// Calls a bytes entry point, checks its output contract, returns its bytes.
template <typename Response>
std::string CallBinaryEntry(BinaryEntry entry, const std::string& request,
                            Response* response, int* code) {
  void* out = nullptr;
  size_t out_size = 0;
  *code = entry(request.data(), request.size(), &out, &out_size);
  CXKIT_FUZZ_CHECK(out != nullptr, "a response is always allocated");
  std::string bytes(static_cast<const char*>(out), out_size);
  cxkit_free(out);
  CXKIT_FUZZ_CHECK(response->ParseFromString(bytes), "response bytes parse");
  CXKIT_FUZZ_CHECK(Deterministic(*response) == bytes,
                   "response re-serializes to the same bytes");
  CheckStatus(*code, response->status());
  return bytes;
}

// Sets in `*fragment` each singular scalar of `after` that differs from
// `before`, recursing into singular messages; repeated fields are left out
// (capping limits changes none). Serialized after the bytes of `before`, the
// fragment overrides those scalars when parsed (the last value wins), except
// a scalar changed to zero, which proto3 does not serialize.
inline void ChangedScalars(const google::protobuf::Message& before,
                           const google::protobuf::Message& after,
                           google::protobuf::Message* fragment) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* in = after.GetReflection();
  const google::protobuf::Reflection* out = fragment->GetReflection();
  const google::protobuf::Descriptor* type = after.GetDescriptor();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->is_repeated()) continue;
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!in->HasField(after, field)) continue;
      std::unique_ptr<google::protobuf::Message> inner(
          in->GetMessage(after, field).New());
      ChangedScalars(in->GetMessage(before, field),
                     in->GetMessage(after, field), inner.get());
      if (inner->ByteSizeLong() != 0) {
        out->MutableMessage(fragment, field)->CopyFrom(*inner);
      }
      continue;
    }
    // Sets the field in `fragment` when `get` gives another value in `after`.
    const auto copy_if_changed = [&](auto get, auto set) {
      if ((in->*get)(before, field) != (in->*get)(after, field)) {
        (out->*set)(fragment, field, (in->*get)(after, field));
      }
    };
    using R = google::protobuf::Reflection;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        copy_if_changed(&R::GetInt32, &R::SetInt32);
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        copy_if_changed(&R::GetInt64, &R::SetInt64);
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        copy_if_changed(&R::GetUInt32, &R::SetUInt32);
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        copy_if_changed(&R::GetUInt64, &R::SetUInt64);
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        copy_if_changed(&R::GetDouble, &R::SetDouble);
        break;
      case FieldDescriptor::CPPTYPE_FLOAT:
        copy_if_changed(&R::GetFloat, &R::SetFloat);
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        copy_if_changed(&R::GetBool, &R::SetBool);
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        copy_if_changed(&R::GetEnumValue, &R::SetEnumValue);
        break;
      case FieldDescriptor::CPPTYPE_STRING:
        if (in->GetString(before, field) != in->GetString(after, field)) {
          out->SetString(fragment, field, in->GetString(after, field));
        }
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE:
        break;
    }
  }
}

// The driver of cxkit_resolve_identities & co: `data` is a serialized
// request. When it parses, its limits are capped by `clamp`, and the C ABI
// gets the input's own bytes (so non-canonical encodings, repeated and
// unknown fields reach it) followed by the capped scalars (ChangedScalars);
// its answer must equal the C++ function's on those bytes parsed (so the same
// input gives the same bytes twice). When it does not parse, the raw bytes
// are sent and must give INVALID_ARGUMENT "request". The bytes stay far below
// the C ABI's 256 MiB pre-parse check.
template <typename Request, typename Response>
void FuzzBinaryEntry(const uint8_t* data, size_t size, BinaryEntry entry,
                     Response (*function)(const Request&),
                     void (*clamp)(Request*)) {
  QuietProtobuf();
  Request request;
  const bool parsed = request.ParseFromArray(data, static_cast<int>(size));
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (parsed) {
    Request capped = request;
    clamp(&capped);
    Request fragment;
    ChangedScalars(request, capped, &fragment);
    bytes += fragment.SerializeAsString();
    CXKIT_FUZZ_CHECK(request.ParseFromString(bytes),
                     "the input followed by its capped scalars parses");
  }
  Response response;
  int code = 0;
  const std::string out = CallBinaryEntry(entry, bytes, &response, &code);
  if (!parsed) {
    CXKIT_FUZZ_CHECK(code == CXKIT_INVALID_ARGUMENT &&
                         response.status().field() == "request",
                     "unparseable bytes give INVALID_ARGUMENT on \"request\"");
    return;
  }
  CXKIT_FUZZ_CHECK(Deterministic(function(request)) == out,
                   "the C ABI and a second call of the C++ function give the "
                   "same bytes");
}

// Calls cxkit_call_json and returns its text, checking only that it is
// allocated, NUL-terminated and sized without the NUL.
inline std::string CallJsonText(const char* method, const std::string& request,
                                int* code) {
  char* out = nullptr;
  size_t out_size = 0;
  *code =
      cxkit_call_json(method, request.data(), request.size(), &out, &out_size);
  CXKIT_FUZZ_CHECK(out != nullptr, "a JSON response is always allocated");
  CXKIT_FUZZ_CHECK(out[out_size] == '\0' && std::strlen(out) == out_size,
                   "the JSON is NUL-terminated and its size excludes the NUL");
  std::string json(out, out_size);
  cxkit_free(out);
  return json;
}

// Calls cxkit_call_json, checks its output contract (CallJsonText, and valid
// JSON with a "status" object that parses into Response, code matches),
// returns the text.
template <typename Response>
std::string CallJsonEntry(const char* method, const std::string& request,
                          Response* response, int* code) {
  std::string json = CallJsonText(method, request, code);
  // A strict parse into Response is a parse as a JSON object; has_status()
  // then means a "status" key holding an object (null would leave it unset).
  google::protobuf::util::JsonParseOptions strict;
  strict.ignore_unknown_fields = false;
  CXKIT_FUZZ_CHECK(
      google::protobuf::util::JsonStringToMessage(json, response, strict).ok(),
      "the response JSON parses into the response message");
  CXKIT_FUZZ_CHECK(response->has_status(),
                   "the response has a \"status\" object");
  CheckStatus(*code, response->status());
  return json;
}

// The driver of cxkit_call_json for one method: `text` is the request JSON.
// When it parses into Request, its limits are capped by `clamp` (the capped
// request is re-printed only when capping changed it), and the JSON answer
// must equal the C++ function's answer; the same text must give the same
// JSON twice. When it does not parse: INVALID_ARGUMENT on "request".
template <typename Request, typename Response>
void FuzzJsonMethod(const char* method, std::string text,
                    Response (*function)(const Request&),
                    void (*clamp)(Request*)) {
  QuietProtobuf();
  google::protobuf::util::JsonParseOptions strict;
  strict.ignore_unknown_fields = false;
  Request request;
  const bool parsed =
      !text.empty() &&
      google::protobuf::util::JsonStringToMessage(text, &request, strict).ok();
  if (parsed) {
    const std::string before = Deterministic(request);
    clamp(&request);
    if (Deterministic(request) != before) {
      text.clear();
      if (!google::protobuf::util::MessageToJsonString(request, &text).ok()) {
        return;  // e.g. a Timestamp JSON cannot print; nothing to send
      }
    }
  }
  Response response;
  int code = 0;
  const std::string json = CallJsonEntry(method, text, &response, &code);
  int code_again = 0;  // equal text is equally valid: not parsed again
  CXKIT_FUZZ_CHECK(
      CallJsonText(method, text, &code_again) == json && code_again == code,
      "the same JSON request gives the same JSON and code twice");
  if (!parsed) {
    CXKIT_FUZZ_CHECK(code == CXKIT_INVALID_ARGUMENT &&
                         response.status().field() == "request",
                     "JSON that does not parse gives INVALID_ARGUMENT on "
                     "\"request\"");
    return;
  }
  Response direct = function(request);
  direct.mutable_status();  // JSON always has a status, bytes omit an OK one
  response.mutable_status();
  CXKIT_FUZZ_CHECK(Deterministic(direct) == Deterministic(response),
                   "the JSON answer equals the C++ function's answer");
}

}  // namespace cxkit::fuzz

#endif  // CXKIT_TESTS_FUZZ_FUZZ_SUPPORT_H_
