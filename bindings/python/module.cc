// cxkit._cxkit: the native half of the cxkit Python package, bytes in and bytes
// out.
//
// Every capability Foo is exposed as `foo_bytes(request: bytes) -> bytes`: the
// serialized FooRequest is parsed and passed to cxkit::FooInto() on one arena
// per call, and the FooResponse is serialized deterministically, all with the
// GIL released, so Python threads run the C++ code in parallel. Nothing raises
// on bad input: bytes that do not parse give a response whose status is
// INVALID_ARGUMENT with field "request"; bytes beyond the default
// max_request_bytes are refused before parsing unless the request raises its
// limit (RESOURCE_EXHAUSTED naming it), as in the C ABI. The typed layer
// (cxkit/__init__.py) wraps these functions in ones taking and returning the
// generated *_pb2 messages.
//
// The module exchanges bytes rather than message objects so that it works
// whatever protobuf runtime the Python side uses (upb, cpp or pure Python); the
// generated C++ code lives only in libcxkit.

#include <climits>
#include <exception>
#include <new>
#include <string>
#include <utility>

#include "capi/request_limit.h"
#include "cxkit/arena.h"
#include "cxkit/conversation.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "cxkit/v1/common.pb.h"
#include "cxkit/version.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "pybind11/pybind11.h"

namespace {

namespace py = pybind11;

// Makes `*response` carry only a non-OK status.
template <typename Response>
void SetError(cxkit::v1::StatusCode code, std::string message,
              std::string field, Response* response) {
  response->Clear();
  cxkit::v1::Status* status = response->mutable_status();
  status->set_code(code);
  status->set_message(std::move(message));
  status->set_field(std::move(field));
}

// Serializes `message` with maps in key order, so equal responses are equal
// bytes. Returns false when the message cannot be serialized (larger than 2
// GiB).
bool SerializeDeterministically(const google::protobuf::MessageLite& message,
                                std::string* bytes) {
  bytes->clear();
  google::protobuf::io::StringOutputStream stream(bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  // `coded` trims `bytes` to the written size when it goes out of scope.
  return message.SerializeToCodedStream(&coded);
}

// Parses `request_bytes` as a Request, calls `function` and returns the
// serialized Response. Never throws: a parse failure, an exception or an
// unserializable response becomes the status of the returned response. Touches
// no Python object, so it runs without the GIL.
template <typename Request, typename Response>
std::string ParseCallSerialize(const std::string& request_bytes,
                               void (*function)(const Request&, Response*)) {
  using google::protobuf::Arena;
  std::string response_bytes;
  cxkit::v1::StatusCode code = cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED;
  std::string message = "the response exceeds protobuf's 2 GiB limit";
  try {
    Arena arena(cxkit::CallArenaOptions());
    auto* response = Arena::CreateMessage<Response>(&arena);
    {
      // The request's own arena is freed before the response is serialized.
      Arena request_arena(cxkit::CallArenaOptions());
      auto* request = Arena::CreateMessage<Request>(&request_arena);
      std::string limit_field, refusal;
      if (request_bytes.size() > static_cast<size_t>(INT_MAX)) {
        SetError(cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED,
                 "request is " + std::to_string(request_bytes.size()) +
                     " bytes, above protobuf's 2 GiB limit; split the request",
                 "request", response);
      } else if (cxkit::capi::RefuseBeforeParsing(
                     Request::descriptor(), request_bytes.data(),
                     request_bytes.size(), &limit_field, &refusal)) {
        SetError(cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED, std::move(refusal),
                 std::move(limit_field), response);
      } else if (request->ParseFromString(request_bytes)) {
        function(*request, response);
      } else {
        SetError(cxkit::v1::STATUS_CODE_INVALID_ARGUMENT,
                 "request: " + std::to_string(request_bytes.size()) +
                     " bytes that are not a serialized " +
                     request->GetTypeName(),
                 "request", response);
      }
    }
    if (SerializeDeterministically(*response, &response_bytes)) {
      return response_bytes;
    }
  } catch (const std::bad_alloc&) {
    message = "out of memory";
  } catch (const std::exception& e) {
    code = cxkit::v1::STATUS_CODE_INTERNAL;
    message = e.what();
  } catch (...) {
    code = cxkit::v1::STATUS_CODE_INTERNAL;
    message = "unknown exception";
  }
  Response error;
  SetError(code, std::move(message), "", &error);
  SerializeDeterministically(error, &response_bytes);
  return response_bytes;
}

// Defines `name(request: bytes) -> bytes` on `module`, calling `function`
// through ParseCallSerialize with the GIL released. One line per capability.
template <typename Request, typename Response>
void DefBytesFunction(py::module_& module, const char* name,
                      void (*function)(const Request&, Response*),
                      const char* doc) {
  module.def(
      name,
      [function](const py::bytes& request) {
        std::string request_bytes = request;  // copied while the GIL is held
        std::string response_bytes;
        {
          py::gil_scoped_release release;
          response_bytes = ParseCallSerialize(request_bytes, function);
        }
        return py::bytes(response_bytes);
      },
      py::arg("request"), doc);
}

}  // namespace

PYBIND11_MODULE(_cxkit, module) {
  module.doc() =
      "cxkit's native functions: serialized request in, deterministically "
      "serialized response out, GIL released. Use the typed functions of the "
      "cxkit package instead unless you already hold bytes.";

  DefBytesFunction(
      module, "resolve_identities_bytes", &cxkit::ResolveIdentitiesInto,
      "Resolves a serialized cxkit.v1.ResolveIdentitiesRequest into a "
      "serialized cxkit.v1.ResolveIdentitiesResponse.\n\n"
      "Pure, deterministic and thread-safe; releases the GIL. Never raises on "
      "bad input: errors are in the response's status (INVALID_ARGUMENT with "
      "field \"request\" when the bytes do not parse).");

  DefBytesFunction(
      module, "evaluate_sla_bytes", &cxkit::EvaluateSlaInto,
      "Evaluates a serialized cxkit.v1.EvaluateSlaRequest into a serialized "
      "cxkit.v1.EvaluateSlaResponse (SLA cycles, due times, next change, "
      "service level). Pure, deterministic, thread-safe; releases the GIL; "
      "errors are in the response's status.");
  DefBytesFunction(
      module, "plan_staffing_bytes", &cxkit::PlanStaffingInto,
      "Plans a serialized cxkit.v1.PlanStaffingRequest into a serialized "
      "cxkit.v1.PlanStaffingResponse (Erlang C / Erlang A agents per "
      "interval). Pure, deterministic, thread-safe; releases the GIL; errors "
      "are in the response's status.");
  DefBytesFunction(
      module, "merge_conversations_bytes", &cxkit::MergeConversationsInto,
      "Merges a serialized cxkit.v1.MergeConversationsRequest into a "
      "serialized cxkit.v1.MergeConversationsResponse.\n\n"
      "Pure, deterministic and thread-safe; releases the GIL. Never raises on "
      "bad input: errors are in the response's status (INVALID_ARGUMENT with "
      "field \"request\" when the bytes do not parse).");
  DefBytesFunction(
      module, "route_conversations_bytes", &cxkit::RouteConversationsInto,
      "Routes a serialized cxkit.v1.RouteConversationsRequest into a "
      "serialized cxkit.v1.RouteConversationsResponse.\n\n"
      "Pure, deterministic and thread-safe; releases the GIL. Never raises on "
      "bad input: errors are in the response's status.");

  module.def("set_arena_pool_limit", &cxkit::SetArenaPoolLimit,
             pybind11::arg("bytes"),
             pybind11::call_guard<pybind11::gil_scoped_release>(),
             "Sets how many bytes of freed 4 MiB arena blocks the process "
             "keeps for the next large call (default 256 MiB, or "
             "CXKIT_ARENA_POOL_BYTES) and returns the previous limit. 0 "
             "releases every pooled block and keeps none.");
  module.def("arena_pool_bytes", &cxkit::ArenaPoolRetainedBytes,
             "The bytes of freed arena blocks pooled now.");
  module.def(
      "version", [] { return std::string(cxkit::VersionString()); },
      "The version of the loaded libcxkit, as \"MAJOR.MINOR.PATCH\".");
}
