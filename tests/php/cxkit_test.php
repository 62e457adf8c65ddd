<?php
// The PHP wrapper (examples/php/Cxkit.php) against the real libcxkit_c: exact
// results, errors as CxkitException with code and field, UTF-8 both ways.
// Run by ctest (php.test) with CXKIT_C_LIBRARY pointing at the built library;
// a failed assert() throws, so the script exits non-zero.

declare(strict_types=1);

ini_set('zend.assertions', '1');
ini_set('assert.exception', '1');
if (ini_get('zend.assertions') !== '1') {
    fwrite(STDERR, "run with php -d zend.assertions=1: assertions are compiled out\n");
    exit(2);
}

require __DIR__ . '/../../examples/php/Cxkit.php';

use Cxkit\Cxkit;
use Cxkit\CxkitException;

function record(string $id, string $type, string $value, array $attributes = []): array
{
    return ['id' => $id, 'identifiers' => [['type' => $type, 'value' => $value]],
            'attributes' => $attributes === [] ? new stdClass() : $attributes];
}

$cx = new Cxkit();
$tests = 0;

// The loaded library is the one just built.
assert($cx->version() === getenv('CXKIT_EXPECTED_VERSION'));
$tests++;

// Records sharing a normalized e-mail become one profile, with the evidence.
$response = $cx->resolveIdentities(['records' => [
    record('b', 'IDENTIFIER_TYPE_EMAIL', 'anna@Mail.RU'),
    record('a', 'IDENTIFIER_TYPE_EMAIL', 'anna@mail.ru'),
    record('c', 'IDENTIFIER_TYPE_EMAIL', 'ivan@mail.ru'),
]]);
assert($response['status']['code'] === 'STATUS_CODE_OK');
assert(array_column($response['profiles'], 'recordIds') === [['c'], ['a', 'b']]);
assert($response['profiles'][1]['links'] === [[
    'recordId' => 'a', 'joinedRecordId' => 'b', 'type' => 'IDENTIFIER_TYPE_EMAIL',
    'customType' => '', 'namespace' => '', 'normalizedValue' => 'anna@mail.ru',
]]);
assert($response['stats']['linksMade'] === 1);
$tests++;

// UTF-8 survives the round trip.
$response = $cx->resolveIdentities(['records' => [
    record('r1', 'IDENTIFIER_TYPE_CRM_ID', 'crm-1', ['name' => 'Анна Смирнова 👟']),
]]);
assert($response['profiles'][0]['attributes'][0]['value'] === 'Анна Смирнова 👟');
$tests++;

// A bad request throws CxkitException naming the field.
try {
    $cx->resolveIdentities(['records' => [record('', 'IDENTIFIER_TYPE_EMAIL', 'a@mail.ru')]]);
    assert(false, 'no exception for an empty record id');
} catch (CxkitException $e) {
    assert($e->codeName === 'INVALID_ARGUMENT');
    assert($e->getCode() === 3);
    assert($e->field() === 'records[0].id');
}
$tests++;

// JSON that is not the request message: INVALID_ARGUMENT on "request".
$response = $cx->call('ResolveIdentities', '{"noSuchField": 1}');
assert($response['status']['code'] === 'STATUS_CODE_INVALID_ARGUMENT');
assert($response['status']['field'] === 'request');
$tests++;

// The empty request is {} (not []), and resolves to nothing.
$response = $cx->resolveIdentities([]);
assert($response['profiles'] === [] && $response['stats']['records'] === 0);
$tests++;

// An unknown method: UNIMPLEMENTED on "method", listing what is implemented.
$response = $cx->call('NoSuchMethod', []);
assert($response['status']['code'] === 'STATUS_CODE_UNIMPLEMENTED');
assert($response['status']['field'] === 'method');
assert(str_contains($response['status']['message'], 'implements: ResolveIdentities'));
$tests++;

// Every capability answers through its method.
$merged = $cx->mergeConversations(['messages' => [
    ['id' => 'wa-1', 'channel' => 'CHANNEL_WHATSAPP', 'sentAt' => '2024-06-03T10:00:00Z',
     'customerId' => 'anna', 'text' => 'wrong size, order 12345'],
    ['id' => 'mail-1', 'channel' => 'CHANNEL_EMAIL', 'sentAt' => '2024-06-03T10:30:00Z',
     'customerId' => 'anna', 'email' => ['subject' => 'Order 12345']],
]]);
assert(array_column($merged['conversations'], 'messageIds') === [['wa-1', 'mail-1']]);
$sla = $cx->evaluateSla(['now' => '2026-05-04T10:00:20Z', 'conversations' => [
    ['id' => 'c1', 'channel' => 'CHANNEL_LIVE_CHAT', 'events' => [
        ['time' => '2026-05-04T10:00:00Z', 'kind' => 'SLA_EVENT_KIND_CUSTOMER_MESSAGE']]],
]]);
assert($sla['conversations'][0]['metrics'][0]['ongoingCycle']['due'] === '2026-05-04T10:00:30Z');
$staffing = $cx->planStaffing(['averageHandleTime' => '180s', 'targetServiceLevel' => 0.8,
                               'serviceLevelThreshold' => '20s',
                               'intervals' => [['contacts' => 100]]]);
assert($staffing['intervals'][0]['agents'] === 14);
$routed = $cx->routeConversations([
    'now' => '2026-03-02T10:00:00Z',
    'items' => [['id' => 'w1', 'channel' => 'CHANNEL_WHATSAPP', 'language' => 'es',
                 'enqueuedAt' => '2026-03-02T09:59:00Z']],
    'agents' => [['id' => 'lucia', 'status' => 'AGENT_STATUS_AVAILABLE', 'languages' => ['es'],
                  'channels' => [['channel' => 'CHANNEL_WHATSAPP', 'maxItems' => 3]]]],
]);
assert(array_column($routed['assignments'], 'agentId') === ['lucia']);
$tests++;

echo "php: {$tests} tests passed\n";
