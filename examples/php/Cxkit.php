<?php
// cxkit for PHP: the C ABI (libcxkit_c) through PHP's FFI extension, with the
// JSON entry point, so no protobuf runtime is needed on the PHP side.
//
//   require 'Cxkit.php';
//   $cx = new \Cxkit\Cxkit();           // or new \Cxkit\Cxkit('/path/libcxkit_c.so.0')
//   $response = $cx->resolveIdentities(['records' => [...]]);
//
// Requests and responses are arrays in the proto3 JSON mapping of the cxkit.v1
// messages (include/cxkit/v1/*.proto): lowerCamelCase field names, enums as
// their names, 64-bit integers as strings, Timestamps as RFC 3339 strings. An
// empty message or map must be written as `new \stdClass()` (json_encode turns
// an empty array into a JSON list). A call returns the response array when its
// status is OK and throws CxkitException otherwise; call() returns every
// response, errors included.
//
// Needs PHP >= 8.1 with FFI enabled: the CLI's default `ffi.enable=preload`
// allows it; under php-fpm set `ffi.enable=true` or preload this class.

declare(strict_types=1);

namespace Cxkit;

/** A cxkit response whose status is not OK. */
final class CxkitException extends \RuntimeException
{
    /**
     * @param array{code: string, message: string, field: string} $status
     * @param int $code the status code, e.g. 3 (getCode() returns it)
     */
    public function __construct(
        public readonly array $status,
        public readonly string $codeName,  // e.g. "INVALID_ARGUMENT"
        int $code,
    ) {
        $field = $status['field'] !== '' ? " (field {$status['field']})" : '';
        parent::__construct("{$codeName}: {$status['message']}{$field}", $code);
    }

    /** The offending field path, e.g. "records[3].id"; "" when none. */
    public function field(): string
    {
        return $this->status['field'];
    }
}

/** One loaded libcxkit_c. Thread-safe in the library; cheap to keep around. */
final class Cxkit
{
    private const DECLARATIONS = <<<'C'
        const char* cxkit_version(void);
        const char* cxkit_status_name(int code);
        int cxkit_call_json(const char* method, const char* request_json,
                            size_t request_json_size, char** response_json,
                            size_t* response_json_size);
        void cxkit_free(void* p);
        C;

    private \FFI $ffi;

    /**
     * @param string|null $library path or soname of libcxkit_c; defaults to
     *     the CXKIT_C_LIBRARY environment variable, then "libcxkit_c.so.0"
     *     (found through the dynamic linker's search path).
     */
    public function __construct(?string $library = null)
    {
        $library ??= getenv('CXKIT_C_LIBRARY') ?: 'libcxkit_c.so.0';
        $this->ffi = \FFI::cdef(self::DECLARATIONS, $library);
    }

    /** The loaded library's version, "MAJOR.MINOR.PATCH". */
    public function version(): string
    {
        return $this->ffi->cxkit_version();
    }

    /**
     * Calls capability $method (its C++ name, e.g. "ResolveIdentities") and
     * returns the decoded response, whatever its status.
     *
     * @param array<mixed>|object|string $request the request; a string is sent
     *     as JSON text unchanged
     * @return array<string, mixed>
     */
    public function call(string $method, array|object|string $request): array
    {
        return $this->callWithCode($method, $request)[1];
    }

    /**
     * Like call(), but throws CxkitException unless the status is OK.
     *
     * @param array<mixed>|object|string $request
     * @return array<string, mixed>
     */
    public function callOk(string $method, array|object|string $request): array
    {
        [$code, $response] = $this->callWithCode($method, $request);
        if ($code !== 0) {
            throw new CxkitException($response['status'],
                                     $this->ffi->cxkit_status_name($code), $code);
        }
        return $response;
    }

    /**
     * The status code cxkit_call_json returned and the decoded response.
     *
     * @param array<mixed>|object|string $request
     * @return array{0: int, 1: array<string, mixed>}
     */
    private function callWithCode(string $method, array|object|string $request): array
    {
        $json = is_string($request)
            ? $request
            : ($request === [] ? '{}' : json_encode(
                $request, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE
                    | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION));
        $out = $this->ffi->new('char*');
        $outSize = $this->ffi->new('size_t');
        $code = $this->ffi->cxkit_call_json($method, $json, strlen($json),
                                            \FFI::addr($out), \FFI::addr($outSize));
        if (\FFI::isNull($out)) {
            throw new \RuntimeException(
                'cxkit_call_json returned no response (out of memory)');
        }
        try {
            $text = \FFI::string($out, $outSize->cdata);
        } finally {
            $this->ffi->cxkit_free($out);
        }
        return [$code, json_decode($text, true, 512,
                                   JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING)];
    }

    /**
     * cxkit.v1.ResolveIdentitiesRequest → ResolveIdentitiesResponse.
     *
     * @param array<mixed>|object|string $request
     * @return array<string, mixed>
     */
    public function resolveIdentities(array|object|string $request): array
    {
        return $this->callOk('ResolveIdentities', $request);
    }

    /**
     * cxkit.v1.MergeConversationsRequest → MergeConversationsResponse.
     *
     * @param array<mixed>|object|string $request
     * @return array<string, mixed>
     */
    public function mergeConversations(array|object|string $request): array
    {
        return $this->callOk('MergeConversations', $request);
    }

    /**
     * cxkit.v1.EvaluateSlaRequest → EvaluateSlaResponse.
     *
     * @param array<mixed>|object|string $request
     * @return array<string, mixed>
     */
    public function evaluateSla(array|object|string $request): array
    {
        return $this->callOk('EvaluateSla', $request);
    }

    /**
     * cxkit.v1.PlanStaffingRequest → PlanStaffingResponse.
     *
     * @param array<mixed>|object|string $request
     * @return array<string, mixed>
     */
    public function planStaffing(array|object|string $request): array
    {
        return $this->callOk('PlanStaffing', $request);
    }

    /**
     * cxkit.v1.RouteConversationsRequest → RouteConversationsResponse.
     *
     * @param array<mixed>|object|string $request
     * @return array<string, mixed>
     */
    public function routeConversations(array|object|string $request): array
    {
        return $this->callOk('RouteConversations', $request);
    }
}
