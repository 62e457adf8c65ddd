/* cxkit C ABI: every cxkit capability through plain C, for hosts that load a
   shared library (C, cgo, Rust, PHP FFI, Ruby, Node, ...). Compiles as C99 and
   as C++.

   Conventions:

   (1) Bytes in, bytes out. A request is a serialized cxkit.v1.*Request (or its
   canonical proto3 JSON), passed as pointer + length; the response is a
   serialized cxkit.v1.*Response (or JSON). The messages are defined in
   cxkit/v1/<area>.proto, the contract for every language.

   (2) Errors are in-band. Every call returns the response's status code
   (cxkit_status_code) and, whenever its output pointers are non-NULL, produces
   a response whose `status` says what went wrong, with the offending field
   path. Only NULL output pointers, or memory exhaustion while allocating the
   error response itself, leave the outputs NULL. There is no "last error".

   (3) Memory. Responses are allocated by the library with malloc() and owned by
   the caller, who releases them with cxkit_free(). The library keeps no pointer
   to the caller's buffers.

   (4) Threads. Every function may be called concurrently from any number of
   threads; the library has no global mutable state. Calls are pure: the same
   request bytes give the same response bytes.

   (5) Never aborts, never lets a C++ exception escape. */

#ifndef CXKIT_CXKIT_C_H_
#define CXKIT_CXKIT_C_H_

#include <stddef.h>

#include "cxkit/version_config.h" /* CXKIT_VERSION_{MAJOR,MINOR,PATCH,STRING} */

#if defined(_WIN32)
#if defined(CXKIT_C_BUILD)
#define CXKIT_C_EXPORT __declspec(dllexport)
#else
#define CXKIT_C_EXPORT __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define CXKIT_C_EXPORT __attribute__((visibility("default")))
#else
#define CXKIT_C_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions ---- */

/* MAJOR * 10000 + MINOR * 100 + PATCH, e.g. 100 for 0.1.0. */
#ifndef CXKIT_VERSION_NUMBER
#define CXKIT_VERSION_NUMBER                                 \
  (CXKIT_VERSION_MAJOR * 10000 + CXKIT_VERSION_MINOR * 100 + \
   CXKIT_VERSION_PATCH)
#endif

/* Version of the C ABI: the N of libcxkit_c.so.N; changes only on a break. */
#define CXKIT_C_ABI_VERSION 0

/* The version of the library actually loaded, as "MAJOR.MINOR.PATCH"; compare
   with CXKIT_VERSION_STRING to detect a header / library mismatch. Static
   storage: do not free. */
CXKIT_C_EXPORT const char* cxkit_version(void);

/* The loaded library's version as CXKIT_VERSION_NUMBER computes it. */
CXKIT_C_EXPORT int cxkit_version_number(void);

/* ---- Status codes ---- */

/* Canonical status codes. The values are pinned: they equal absl::StatusCode
   and cxkit.v1.StatusCode (STATUS_CODE_*) and never change. Functions return
   them as int, so hosts must treat values they do not know as errors. */
typedef enum cxkit_status_code {
  CXKIT_OK = 0,
  CXKIT_CANCELLED = 1,
  CXKIT_UNKNOWN = 2,
  CXKIT_INVALID_ARGUMENT = 3,
  CXKIT_DEADLINE_EXCEEDED = 4,
  CXKIT_NOT_FOUND = 5,
  CXKIT_ALREADY_EXISTS = 6,
  CXKIT_PERMISSION_DENIED = 7,
  CXKIT_RESOURCE_EXHAUSTED = 8,
  CXKIT_FAILED_PRECONDITION = 9,
  CXKIT_ABORTED = 10,
  CXKIT_OUT_OF_RANGE = 11,
  CXKIT_UNIMPLEMENTED = 12,
  CXKIT_INTERNAL = 13,
  CXKIT_UNAVAILABLE = 14,
  CXKIT_DATA_LOSS = 15,
  CXKIT_UNAUTHENTICATED = 16
} cxkit_status_code;

/* The name of `code` without prefix, e.g. "INVALID_ARGUMENT" for 3, or
   "UNKNOWN_STATUS_CODE" outside 0..16. Static storage: do not free. */
CXKIT_C_EXPORT const char* cxkit_status_name(int code);

/* ---- Memory ---- */

/* Releases a response returned by any cxkit_* function. NULL is a no-op.
   Releasing the same response twice, or a pointer cxkit did not return, is
   undefined behaviour, as for free(). */
CXKIT_C_EXPORT void cxkit_free(void* p);

/* The arena pool (C++: cxkit/arena.h). Each call builds its request and
   response on an arena; on Linux the 4 MiB blocks of large ones (an arena
   grows into them after its first 4 MiB) go back to a process-wide pool when
   the call returns, so the next large call reuses them instead of faulting
   in fresh pages. The pool keeps at most a limit of bytes: 256 MiB, or the
   byte count in the environment variable CXKIT_ARENA_POOL_BYTES when the
   pool is first used. cxkit_set_arena_pool_limit sets it and returns the
   previous limit; lowering it unmaps the excess at once, and a limit below
   4 MiB (e.g. 0) keeps nothing (a host that goes idle after a large batch
   can call it with 0, then restore the limit). cxkit_arena_pool_bytes
   returns the bytes pooled now (always 0 when the library is built with
   AddressSanitizer or off Linux, where nothing is pooled). Thread-safe. */
CXKIT_C_EXPORT size_t cxkit_set_arena_pool_limit(size_t bytes);
CXKIT_C_EXPORT size_t cxkit_arena_pool_bytes(void);

/* ---- Capabilities, protobuf wire format ---- */

/* Resolves customer identities: `request` holds `request_size` bytes of a
   serialized cxkit.v1.ResolveIdentitiesRequest; on return *response holds
   *response_size bytes of a serialized cxkit.v1.ResolveIdentitiesResponse
   (deterministic serialization), to be released with cxkit_free(). Returns the
   response's status code.

   `request` may be NULL only when `request_size` is 0 (the empty request).
   Bytes that do not parse (including invalid UTF-8 in a string field, or
   messages nested deeper than protobuf's recursion limit of 100) give
   CXKIT_INVALID_ARGUMENT with status.field "request"; more than INT_MAX bytes
   (protobuf's 2 GiB limit) give CXKIT_RESOURCE_EXHAUSTED with status.field
   "request", before anything is parsed. Beyond 256 MiB (the default of the
   request's max_request_bytes), the bytes are refused before parsing, with
   CXKIT_RESOURCE_EXHAUSTED and status.field naming the limit (e.g.
   "policy.limits.max_request_bytes"), unless the request sets a larger one;
   up to 256 MiB, a lower limit is checked on the parsed request. The other
   capabilities below follow the same rules. NULL `response` or
   `response_size` returns CXKIT_INVALID_ARGUMENT and allocates nothing.
   *response is non-NULL after any other call, even when *response_size is 0,
   except when memory runs out (CXKIT_RESOURCE_EXHAUSTED, *response NULL). */
CXKIT_C_EXPORT int cxkit_resolve_identities(const void* request,
                                            size_t request_size,
                                            void** response,
                                            size_t* response_size);

/* Merges messages into conversations: `request` holds `request_size` bytes of
   a serialized cxkit.v1.MergeConversationsRequest; on return *response holds
   *response_size bytes of a serialized cxkit.v1.MergeConversationsResponse
   (deterministic serialization), to be released with cxkit_free(). Returns the
   response's status code. NULL and size rules, parse errors and memory
   exhaustion as for cxkit_resolve_identities. */
CXKIT_C_EXPORT int cxkit_merge_conversations(const void* request,
                                             size_t request_size,
                                             void** response,
                                             size_t* response_size);

/* Evaluates SLA clocks: `request` holds a serialized
   cxkit.v1.EvaluateSlaRequest, *response receives a serialized
   cxkit.v1.EvaluateSlaResponse (due times, cycles, next change per
   conversation, service level). Arguments, errors and memory as for
   cxkit_resolve_identities. */
CXKIT_C_EXPORT int cxkit_evaluate_sla(const void* request, size_t request_size,
                                      void** response, size_t* response_size);

/* Plans agents per interval with Erlang C or Erlang A: `request` holds a
   serialized cxkit.v1.PlanStaffingRequest, *response receives a serialized
   cxkit.v1.PlanStaffingResponse. Arguments, errors and memory as for
   cxkit_resolve_identities. */
CXKIT_C_EXPORT int cxkit_plan_staffing(const void* request, size_t request_size,
                                       void** response, size_t* response_size);

/* Routes waiting conversations to agents: `request` holds `request_size` bytes
   of a serialized cxkit.v1.RouteConversationsRequest; on return *response
   holds *response_size bytes of a serialized
   cxkit.v1.RouteConversationsResponse (deterministic serialization), to be
   released with cxkit_free(). Returns the response's status code. Arguments,
   unparseable bytes and memory exhaustion as for cxkit_resolve_identities. */
CXKIT_C_EXPORT int cxkit_route_conversations(const void* request,
                                             size_t request_size,
                                             void** response,
                                             size_t* response_size);

/* ---- Capabilities, canonical proto3 JSON ---- */

/* Calls capability `method` (the name of its C++ function, e.g.
   "ResolveIdentities") with `request_json`: `request_json_size` bytes of
   canonical proto3 JSON of its cxkit.v1 request message, with lowerCamelCase or
   original field names and enum names as strings. Unknown fields are an error.
   The input need not be NUL-terminated.

   On return *response_json holds the response message as compact canonical
   proto3 JSON: lowerCamelCase names, enums as names, 64-bit integers as
   strings, deterministic. Every field is printed, with its default value when
   unset (0, "", false, [], the *_UNSPECIFIED name), except message fields that
   are unset (e.g. a missing Timestamp), which are left out; `status` is always
   present, {"code":"STATUS_CODE_OK","message":"","field":""} on success. The
   text is NUL-terminated, *response_json_size excludes the NUL; release it with
   cxkit_free(). Returns the response's status code.

   `method` is a NUL-terminated C string; an unterminated one is undefined
   behaviour (it is read up to its NUL).

   Errors: JSON that does not parse into the request message gives
   CXKIT_INVALID_ARGUMENT with status.field "request" (an empty input is not
   JSON; the empty request is "{}"); its status.message names the field path
   and the kind of error, never the input's text. More than 256 MiB of JSON
   give CXKIT_RESOURCE_EXHAUSTED with status.field "request", before parsing,
   whatever the request's own limit (send larger requests in binary). An
   unknown `method`
   gives CXKIT_UNIMPLEMENTED with status.field "method", so a host can probe for
   capabilities an older library lacks; a NULL `method` gives
   CXKIT_INVALID_ARGUMENT. In both cases the response is just {"status":{...}},
   valid JSON of every response message. NULL output pointers and memory
   exhaustion as for cxkit_resolve_identities. */
CXKIT_C_EXPORT int cxkit_call_json(const char* method, const char* request_json,
                                   size_t request_json_size,
                                   char** response_json,
                                   size_t* response_json_size);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CXKIT_CXKIT_C_H_ */
