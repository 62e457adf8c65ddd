<?php
// Which of a shop's contact records are one customer, and why: Anna writes on
// WhatsApp, e-mails support, and orders with her e-mail and a Russian national
// phone number; Ivan orders once. Prints one line per customer profile and the
// evidence that joined its records.
//
// Run after `make build`:
//   CXKIT_C_LIBRARY=build/capi/libcxkit_c.so.0 php examples/php/resolve_identities.php

declare(strict_types=1);

require __DIR__ . '/Cxkit.php';

$request = [
    'policy' => ['defaultRegion' => 'RU'],  // for phones written without +7
    'records' => [
        ['id' => 'whatsapp:chat-1', 'source' => 'whatsapp', 'channel' => 'CHANNEL_WHATSAPP',
         'observedAt' => '2024-03-01T09:15:00Z',
         'identifiers' => [['type' => 'IDENTIFIER_TYPE_WHATSAPP_ID', 'value' => '79161234567']]],
        ['id' => 'email:msg-1', 'source' => 'helpdesk', 'channel' => 'CHANNEL_EMAIL',
         'observedAt' => '2024-03-02T18:40:00Z',
         'identifiers' => [['type' => 'IDENTIFIER_TYPE_EMAIL', 'value' => 'Anna.Smirnova@Gmail.com']]],
        ['id' => 'shop:order-1001', 'source' => 'shop', 'channel' => 'CHANNEL_WEB_FORM',
         'observedAt' => '2024-03-03T12:00:00Z',
         'identifiers' => [
             ['type' => 'IDENTIFIER_TYPE_EMAIL', 'value' => 'anna.smirnova@gmail.com'],
             ['type' => 'IDENTIFIER_TYPE_PHONE', 'value' => '8 (916) 123-45-67'],
             ['type' => 'IDENTIFIER_TYPE_ORDER_ID', 'value' => '1001'],
         ],
         'attributes' => ['name' => 'Анна Смирнова']],
        ['id' => 'shop:order-1002', 'source' => 'shop', 'channel' => 'CHANNEL_WEB_FORM',
         'observedAt' => '2024-03-03T13:30:00Z',
         'identifiers' => [
             ['type' => 'IDENTIFIER_TYPE_EMAIL', 'value' => 'ivan.petrov@mail.ru'],
             ['type' => 'IDENTIFIER_TYPE_ORDER_ID', 'value' => '1002'],
         ]],
    ],
];

$cx = new \Cxkit\Cxkit();
$response = $cx->resolveIdentities($request);
printf("cxkit %s: %d records -> %d customers\n", $cx->version(),
       count($request['records']), count($response['profiles']));
foreach ($response['profiles'] as $profile) {
    $name = '';
    foreach ($profile['attributes'] as $attribute) {
        if ($attribute['name'] === 'name') {
            $name = " ({$attribute['value']})";
        }
    }
    printf("%s%s records: %s\n", $profile['profileId'], $name,
           implode(', ', $profile['recordIds']));
    foreach ($profile['links'] as $link) {
        printf("  evidence: %s joins %s via %s %s\n", $link['recordId'],
               $link['joinedRecordId'], substr($link['type'], strlen('IDENTIFIER_TYPE_')),
               $link['normalizedValue']);
    }
}
