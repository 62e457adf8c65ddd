// Which of a shop's contact records are one customer, and why: Anna writes on
// WhatsApp, e-mails support, and orders with her e-mail and a Russian national
// phone number; Ivan orders once. Prints one line per customer profile and the
// evidence that joined its records.
//
// Run after `make build` and `npm ci --prefix examples/node`:
//   CXKIT_C_LIBRARY=build/capi/libcxkit_c.so.0 node examples/node/resolve_identities.mjs

import { Cxkit } from './cxkit.mjs';

const request = {
  policy: { defaultRegion: 'RU' },  // for phones written without +7
  records: [
    { id: 'whatsapp:chat-1', source: 'whatsapp', channel: 'CHANNEL_WHATSAPP',
      observedAt: '2024-03-01T09:15:00Z',
      identifiers: [{ type: 'IDENTIFIER_TYPE_WHATSAPP_ID', value: '79161234567' }] },
    { id: 'email:msg-1', source: 'helpdesk', channel: 'CHANNEL_EMAIL',
      observedAt: '2024-03-02T18:40:00Z',
      identifiers: [{ type: 'IDENTIFIER_TYPE_EMAIL', value: 'Anna.Smirnova@Gmail.com' }] },
    { id: 'shop:order-1001', source: 'shop', channel: 'CHANNEL_WEB_FORM',
      observedAt: '2024-03-03T12:00:00Z',
      identifiers: [
        { type: 'IDENTIFIER_TYPE_EMAIL', value: 'anna.smirnova@gmail.com' },
        { type: 'IDENTIFIER_TYPE_PHONE', value: '8 (916) 123-45-67' },
        { type: 'IDENTIFIER_TYPE_ORDER_ID', value: '1001' },
      ],
      attributes: { name: 'Анна Смирнова' } },
    { id: 'shop:order-1002', source: 'shop', channel: 'CHANNEL_WEB_FORM',
      observedAt: '2024-03-03T13:30:00Z',
      identifiers: [
        { type: 'IDENTIFIER_TYPE_EMAIL', value: 'ivan.petrov@mail.ru' },
        { type: 'IDENTIFIER_TYPE_ORDER_ID', value: '1002' },
      ] },
  ],
};

const cx = new Cxkit();
const response = cx.resolveIdentities(request);
console.log(`cxkit ${cx.version()}: ${request.records.length} records -> ` +
            `${response.profiles.length} customers`);
for (const profile of response.profiles) {
  const name = profile.attributes.find((a) => a.name === 'name');
  console.log(`${profile.profileId}${name ? ' (' + name.value + ')' : ''}` +
              ` records: ${profile.recordIds.join(', ')}`);
  for (const link of profile.links) {
    console.log(`  evidence: ${JSON.stringify(link)}`);
  }
}
