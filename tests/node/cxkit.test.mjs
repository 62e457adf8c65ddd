// The Node.js wrapper (examples/node/cxkit.mjs) against the real libcxkit_c:
// exact results, errors as CxkitError with code and field, UTF-8 both ways.
// Run by ctest (node.test) with CXKIT_C_LIBRARY pointing at the built library.

import assert from 'node:assert/strict';
import test from 'node:test';

import { Cxkit, CxkitError } from '../../examples/node/cxkit.mjs';

const cx = new Cxkit();

function record(id, type, value, attributes = {}) {
  return { id, identifiers: [{ type, value }], attributes };
}

test('version matches the build', () => {
  assert.equal(cx.version(), process.env.CXKIT_EXPECTED_VERSION);
});

test('records sharing a normalized e-mail become one profile', () => {
  const response = cx.resolveIdentities({
    records: [
      record('b', 'IDENTIFIER_TYPE_EMAIL', 'anna@Mail.RU'),
      record('a', 'IDENTIFIER_TYPE_EMAIL', 'anna@mail.ru'),
      record('c', 'IDENTIFIER_TYPE_EMAIL', 'ivan@mail.ru'),
    ],
  });
  assert.equal(response.status.code, 'STATUS_CODE_OK');
  assert.deepEqual(response.profiles.map((p) => p.recordIds),
                   [['c'], ['a', 'b']]);
  assert.deepEqual(response.profiles[1].links, [{
    recordId: 'a', joinedRecordId: 'b', type: 'IDENTIFIER_TYPE_EMAIL',
    customType: '', namespace: '', normalizedValue: 'anna@mail.ru',
  }]);
  assert.equal(response.stats.linksMade, 1);
});

test('UTF-8 survives the round trip', () => {
  const response = cx.resolveIdentities({
    records: [record('r1', 'IDENTIFIER_TYPE_CRM_ID', 'crm-1',
                     { name: 'Анна Смирнова 👟' })],
  });
  assert.deepEqual(response.profiles[0].attributes.map((a) => [a.name, a.value]),
                   [['name', 'Анна Смирнова 👟']]);
});

test('a bad request throws CxkitError naming the field', () => {
  assert.throws(
      () => cx.resolveIdentities({
        records: [record('', 'IDENTIFIER_TYPE_EMAIL', 'a@example.com')],
      }),
      (error) => error instanceof CxkitError &&
          error.codeName === 'INVALID_ARGUMENT' &&
          error.code === 'STATUS_CODE_INVALID_ARGUMENT' &&
          error.field === 'records[0].id');
});

test('JSON that is not the request message is INVALID_ARGUMENT on "request"', () => {
  const response = cx.call('ResolveIdentities', '{"noSuchField": 1}');
  assert.equal(response.status.code, 'STATUS_CODE_INVALID_ARGUMENT');
  assert.equal(response.status.field, 'request');
});

test('an unknown method is UNIMPLEMENTED on "method"', () => {
  const response = cx.call('NoSuchMethod', {});
  assert.equal(response.status.code, 'STATUS_CODE_UNIMPLEMENTED');
  assert.equal(response.status.field, 'method');
  assert.match(response.status.message, /implements: ResolveIdentities/);
});

test('every capability answers through its method', () => {
  const merged = cx.mergeConversations({
    messages: [
      { id: 'wa-1', channel: 'CHANNEL_WHATSAPP', sentAt: '2024-06-03T10:00:00Z',
        customerId: 'anna', text: 'wrong size, order 12345' },
      { id: 'mail-1', channel: 'CHANNEL_EMAIL', sentAt: '2024-06-03T10:30:00Z',
        customerId: 'anna', email: { subject: 'Order 12345' } },
    ],
  });
  assert.deepEqual(merged.conversations.map((c) => c.messageIds), [['wa-1', 'mail-1']]);
  const sla = cx.evaluateSla({
    now: '2026-05-04T10:00:20Z',
    conversations: [{ id: 'c1', channel: 'CHANNEL_LIVE_CHAT', events: [
      { time: '2026-05-04T10:00:00Z', kind: 'SLA_EVENT_KIND_CUSTOMER_MESSAGE' }] }],
  });
  assert.equal(sla.conversations[0].metrics[0].ongoingCycle.due, '2026-05-04T10:00:30Z');
  const staffing = cx.planStaffing({
    averageHandleTime: '180s', targetServiceLevel: 0.8, serviceLevelThreshold: '20s',
    intervals: [{ contacts: 100 }],
  });
  assert.equal(staffing.intervals[0].agents, 14);
  const routed = cx.routeConversations({
    now: '2026-03-02T10:00:00Z',
    items: [{ id: 'w1', channel: 'CHANNEL_WHATSAPP', language: 'es',
              enqueuedAt: '2026-03-02T09:59:00Z' }],
    agents: [{ id: 'lucia', status: 'AGENT_STATUS_AVAILABLE', languages: ['es'],
               channels: [{ channel: 'CHANNEL_WHATSAPP', maxItems: 3 }] }],
  });
  assert.deepEqual(routed.assignments.map((a) => a.agentId), ['lucia']);
});
