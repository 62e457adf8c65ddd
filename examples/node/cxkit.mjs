// cxkit for Node.js: the C ABI (libcxkit_c) through koffi, with the JSON entry
// point, so no protobuf runtime is needed on the JavaScript side.
//
//   import { Cxkit } from './cxkit.mjs';
//   const cx = new Cxkit();                       // or new Cxkit('/path/libcxkit_c.so.0')
//   const response = cx.resolveIdentities({ records: [...] });
//
// Requests and responses are plain objects in the proto3 JSON mapping of the
// cxkit.v1 messages (include/cxkit/v1/*.proto): lowerCamelCase field names,
// enums as their names, 64-bit integers as strings, Timestamps as RFC 3339
// strings. A call returns the response object when its status is OK and throws
// a CxkitError (with code, codeName, field) otherwise; `call()` returns every
// response, errors included, for hosts that inspect statuses themselves.
//
// Calls are synchronous and run on the calling thread; libcxkit_c is
// thread-safe, so worker threads may each hold their own Cxkit.

import koffi from 'koffi';

// cxkit.v1.StatusCode / cxkit_status_code value of success.
const OK = 0;

/** A response whose status is not OK. */
export class CxkitError extends Error {
  constructor(status, codeName) {
    super(`${codeName}: ${status.message}` +
          (status.field ? ` (field ${status.field})` : ''));
    this.name = 'CxkitError';
    this.codeName = codeName;              // e.g. "INVALID_ARGUMENT"
    this.code = status.code;               // e.g. "STATUS_CODE_INVALID_ARGUMENT"
    this.field = status.field;             // e.g. "records[3].id"
    this.status = status;
  }
}

/** One loaded libcxkit_c. */
export class Cxkit {
  /**
   * @param {string} [library] path or soname of libcxkit_c; defaults to the
   *     CXKIT_C_LIBRARY environment variable, then "libcxkit_c.so.0" (found
   *     through the dynamic linker's search path).
   */
  constructor(library = process.env.CXKIT_C_LIBRARY || 'libcxkit_c.so.0') {
    const lib = koffi.load(library);
    this._version = lib.func('const char* cxkit_version(void)');
    this._statusName = lib.func('const char* cxkit_status_name(int code)');
    this._callJson = lib.func(
        'int cxkit_call_json(const char* method, const uint8_t* request_json,' +
        ' size_t request_json_size, _Out_ void** response_json,' +
        ' _Out_ size_t* response_json_size)');
    this._free = lib.func('void cxkit_free(void* p)');
  }

  /** The loaded library's version, "MAJOR.MINOR.PATCH". */
  version() { return this._version(); }

  /**
   * Calls capability `method` (its C++ name, e.g. "ResolveIdentities") and
   * returns the parsed response, whatever its status. `request` is an object
   * (serialized with JSON.stringify) or a JSON string.
   */
  call(method, request) { return this._call(method, request).response; }

  /** Like call(), but throws a CxkitError unless the status is OK. */
  callOk(method, request) {
    const { code, response } = this._call(method, request);
    if (code !== OK) {
      throw new CxkitError(response.status, this._statusName(code));
    }
    return response;
  }

  // The status code cxkit_call_json returned and the parsed response.
  _call(method, request) {
    const text = typeof request === 'string' ? request : JSON.stringify(request);
    const bytes = Buffer.from(text, 'utf8');
    const out = [null];
    const outSize = [0];
    const code = this._callJson(method, bytes, bytes.length, out, outSize);
    if (out[0] === null) {
      throw new Error('cxkit_call_json returned no response (out of memory)');
    }
    try {
      const size = Number(outSize[0]);
      const json = size === 0 ? '' :
          Buffer.from(koffi.view(out[0], size)).toString('utf8');
      return { code, response: JSON.parse(json) };
    } finally {
      this._free(out[0]);
    }
  }

  /** cxkit.v1.ResolveIdentitiesRequest → ResolveIdentitiesResponse. */
  resolveIdentities(request) { return this.callOk('ResolveIdentities', request); }

  /** cxkit.v1.MergeConversationsRequest → MergeConversationsResponse. */
  mergeConversations(request) { return this.callOk('MergeConversations', request); }

  /** cxkit.v1.EvaluateSlaRequest → EvaluateSlaResponse. */
  evaluateSla(request) { return this.callOk('EvaluateSla', request); }

  /** cxkit.v1.PlanStaffingRequest → PlanStaffingResponse. */
  planStaffing(request) { return this.callOk('PlanStaffing', request); }

  /** cxkit.v1.RouteConversationsRequest → RouteConversationsResponse. */
  routeConversations(request) { return this.callOk('RouteConversations', request); }
}
