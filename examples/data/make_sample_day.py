#!/usr/bin/env python3
"""Writes the bundled sample day of an online shop's support traffic.

Output (proto3 JSON mapping of cxkit.v1, so any host can read it):
  contact_records.jsonl  one cxkit.v1.ContactRecord per line
  identity_policy.json   the cxkit.v1.IdentityPolicy the demo uses

The day holds the classic stories (a wrong size reported on Messenger, then by phone, then by
e-mail; a delayed order asked about three times; an angry customer after a price error; an
abandoned-cart callback; a family sharing one e-mail; the shop's own phone number on forwarded
calls; junk values from web forms) plus ordinary customers. Deterministic: re-running it
rewrites identical files. Standard library only.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = "2026-11-20"
rng = random.Random(20261120)
records = []


def ts(hh, mm, ss=0):
    return f"{DAY}T{hh:02d}:{mm:02d}:{ss:02d}Z"


def ident(kind, value, namespace=None):
    out = {"type": "IDENTIFIER_TYPE_" + kind, "value": value}
    if namespace:
        out["namespace"] = namespace
    return out


def record(rid, source, channel, at, identifiers, region=None, **attributes):
    out = {"id": rid, "source": source, "channel": "CHANNEL_" + channel,
           "observedAt": at, "identifiers": identifiers}
    if region:
        out["region"] = region
    if attributes:
        out["attributes"] = attributes
    records.append(out)


PAGE = "fb-page-shoes"
IG = "ig-shop-main"

# Anna: wrong size on Messenger, then a call, then a web form and an e-mail.
record("crm-1001", "crm", "WEB_FORM", "2026-03-14T10:00:00Z",
       [ident("CRM_ID", "C-1001"), ident("EMAIL", "Anna.Smirnova@gmail.com")],
       name="Anna Smirnova", locale="ru-RU", city="Moscow")
record("msg-anna-1", "messenger", "MESSENGER", ts(8, 12),
       [ident("MESSENGER_PSID", "2760018862241", PAGE)], name="Anna S")
record("call-anna-1", "telephony", "PHONE", ts(9, 40),
       [ident("PHONE", "8 (916) 123-45-67")], region="RU")
record("form-anna-1", "shop", "WEB_FORM", ts(10, 5),
       [ident("EMAIL", "anna.smirnova+returns@gmail.com"),
        ident("PHONE", "+7 916 123-45-67"), ident("ORDER_ID", "#A-10234"),
        ident("MESSENGER_PSID", "2760018862241", PAGE)], name="Анна Смирнова")
record("mail-anna-1", "helpdesk", "EMAIL", ts(10, 31),
       [ident("EMAIL", "annasmirnova@gmail.com"), ident("ORDER_ID", "A-10234")])

# James: a delayed order, asked about three times on three channels.
record("crm-1002", "crm", "WEB_FORM", "2025-11-02T16:20:00Z",
       [ident("CRM_ID", "C-1002"), ident("EMAIL", "james.carter@outlook.com"),
        ident("PHONE", "+44 7700 900123")], name="James Carter", locale="en-GB",
       city="London")
record("chat-james-1", "livechat", "LIVE_CHAT", ts(7, 2),
       [ident("COOKIE", "ck_7f3a91d2"), ident("EMAIL", "James.Carter@outlook.com"),
        ident("ORDER_ID", "A-10301")])
record("wa-james-1", "whatsapp", "WHATSAPP", ts(12, 45),
       [ident("WHATSAPP_ID", "447700900123")])
record("mail-james-1", "helpdesk", "EMAIL", ts(17, 58),
       [ident("EMAIL", "james.carter+orders@outlook.com"), ident("ORDER_ID", "a-10301")])

# Dmitry: angry about a price error, on Telegram, Instagram and by phone.
record("crm-1003", "crm", "WEB_FORM", "2024-07-30T12:00:00Z",
       [ident("CRM_ID", "C-1003"), ident("PHONE", "8 903 555-12-34"),
        ident("TELEGRAM_ID", "@Dmitry_Volkov")], region="RU", name="Dmitry Volkov",
       locale="ru-RU", city="Kazan")
record("tg-dmitry-1", "telegram", "TELEGRAM", ts(11, 3),
       [ident("TELEGRAM_ID", "@dmitry_volkov")])
record("ig-dmitry-1", "instagram", "INSTAGRAM", ts(11, 20),
       [ident("INSTAGRAM_ID", "17841400123456789", IG)])
record("call-dmitry-1", "telephony", "PHONE", ts(11, 42),
       [ident("PHONE", "+79035551234"), ident("INSTAGRAM_ID", "17841400123456789", IG)])

# Olga: abandoned cart, then asked for a callback.
record("web-olga-1", "shop", "WEB_FORM", ts(21, 10), [ident("COOKIE", "ck_00b1e4aa")])
record("callback-olga-1", "shop", "WEB_FORM", ts(21, 14),
       [ident("COOKIE", "ck_00b1e4aa"), ident("PHONE", "8-921-700-88-99")], region="RU",
       name="Olga")
record("call-olga-1", "telephony", "PHONE", ts(21, 30),
       [ident("PHONE", "+7 (921) 700-88-99")], name="Olga Ivanova")

# The Petrovs share one e-mail between two CRM accounts: a hub, not one customer.
record("crm-1004", "crm", "WEB_FORM", "2023-01-10T09:00:00Z",
       [ident("CRM_ID", "C-1004"), ident("EMAIL", "petrovy.family@mail.ru")],
       name="Irina Petrova", city="Saint Petersburg")
record("crm-1005", "crm", "WEB_FORM", "2024-05-22T09:00:00Z",
       [ident("CRM_ID", "C-1005"), ident("EMAIL", "petrovy.family@mail.ru")],
       name="Sergei Petrov", city="Saint Petersburg")
record("mail-petrov-1", "helpdesk", "EMAIL", ts(13, 15),
       [ident("EMAIL", "Petrovy.Family@mail.ru")])

# Calls forwarded through the shop's own number carry it as the caller: a hub.
for i, (crm, phone) in enumerate([("C-1001", None), ("C-1002", None), ("C-1003", None),
                                  ("C-1006", "+7 926 410-22-33")]):
    ids = [ident("PHONE", "+7 495 780-11-22"), ident("CRM_ID", crm)]
    if phone:
        ids.append(ident("PHONE", phone))
    record(f"ivr-{i + 1}", "telephony", "PHONE", ts(14, 5 + 7 * i), ids)

# Junk that web forms and trackers produce.
record("form-junk-1", "shop", "WEB_FORM", ts(15, 1),
       [ident("EMAIL", "test@test.com"), ident("PHONE", "0000000000"),
        ident("COOKIE", "undefined")], region="RU")
record("form-junk-2", "shop", "WEB_FORM", ts(15, 2),
       [ident("EMAIL", "null"), ident("COOKIE", "undefined")])

# Ordinary customers: one to four records each, over every channel.
RU_NAMES = ["Maria Kuznetsova", "Ivan Popov", "Elena Sokolova", "Alexei Lebedev",
            "Sofia Novikova", "Nikolai Morozov", "Ekaterina Fedorova", "Pavel Orlov",
            "Tatiana Volkova", "Mikhail Zaitsev"]
EN_NAMES = ["Emma Smith", "Oliver Brown", "Ava Wilson", "Lucas Taylor", "Mia Davies",
            "Noah Evans", "Chloe Green", "Leo Walker", "Grace Hall", "Harry Wright"]
CHANNELS = ["EMAIL", "LIVE_CHAT", "PHONE", "SMS", "WHATSAPP", "MESSENGER", "INSTAGRAM",
            "TELEGRAM", "VIBER", "WEB_FORM", "IN_APP", "SOCIAL_COMMENT"]
for c in range(60):
    russian = rng.random() < 0.6
    name = rng.choice(RU_NAMES if russian else EN_NAMES)
    first, last = name.split()
    local = f"{first}.{last}{rng.randint(1, 99)}".lower()
    email = local + rng.choice(["@gmail.com", "@mail.ru", "@yandex.ru", "@outlook.com"])
    if russian:
        digits = f"9{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}"
        e164, national, region = "+7" + digits, "8 " + digits[:3] + " " + digits[3:], "RU"
    else:
        digits = f"7700{rng.randint(100000, 999999)}"
        e164, national, region = "+44" + digits, "0" + digits[:4] + " " + digits[4:], "GB"
    cookie = f"ck_{rng.getrandbits(32):08x}"
    crm_ids = [ident("CRM_ID", f"C-{2000 + c}"), ident("EMAIL", email)]
    if rng.random() < 0.5:
        crm_ids.append(ident("PHONE", e164))
    record(f"crm-{2000 + c}", "crm", "WEB_FORM", f"2025-{rng.randint(1, 12):02d}-15T10:00:00Z",
           crm_ids, name=name, locale="ru-RU" if russian else "en-GB")
    for k in range(rng.randint(0, 3)):
        channel = rng.choice(CHANNELS)
        at = ts(rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59))
        rid = f"{channel.lower().replace('_', '')}-{c}-{k}"
        if channel in ("PHONE", "SMS"):
            ids = [ident("PHONE", rng.choice([national, e164]))]
        elif channel == "WHATSAPP":
            ids = [ident("WHATSAPP_ID", e164[1:])]
        elif channel in ("EMAIL", "WEB_FORM"):
            ids = [ident("EMAIL", rng.choice([email, email.upper(), email.capitalize()]))]
        elif channel in ("LIVE_CHAT", "IN_APP"):
            ids = [ident("COOKIE", cookie), ident("EMAIL", email)]
        elif channel == "MESSENGER":
            ids = [ident("MESSENGER_PSID", str(rng.randint(10**12, 10**13)), PAGE)]
        elif channel in ("INSTAGRAM", "SOCIAL_COMMENT"):
            ids = [ident("INSTAGRAM_ID", str(rng.randint(10**16, 10**17)), IG)]
        elif channel == "TELEGRAM":
            ids = [ident("TELEGRAM_ID", str(rng.randint(10**8, 10**9))),
                   ident("PHONE", e164)]
        else:
            ids = [ident("VIBER_ID", f"vb{rng.getrandbits(40):010x}"), ident("PHONE", e164)]
        record(rid, channel.lower(), channel, at, ids, region=region)

with open(os.path.join(HERE, "contact_records.jsonl"), "w", encoding="utf-8") as out:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")

policy = {
    "defaultRegion": "RU",
    "email": {"gmailIgnoreDots": True, "stripPlusTags": True},
    "sourcePriority": ["crm", "shop", "helpdesk"],
    "survivorship": [
        {"attribute": "name", "strategy": "SURVIVORSHIP_STRATEGY_SOURCE_PRIORITY"},
        {"attribute": "city", "strategy": "SURVIVORSHIP_STRATEGY_MOST_FREQUENT"},
    ],
    "rules": [
        {"type": "IDENTIFIER_TYPE_COOKIE", "blockedPatterns": ["ck_0+"]},
    ],
}
with open(os.path.join(HERE, "identity_policy.json"), "w", encoding="utf-8") as out:
    json.dump(policy, out, indent=2)
    out.write("\n")
print(f"wrote {len(records)} records")
