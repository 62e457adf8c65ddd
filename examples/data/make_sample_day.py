#!/usr/bin/env python3
"""Writes the bundled sample day of an online shop's support traffic.

The shop sells clothes, shoes and electronics from Moscow, with a second support team in
Berlin. The day is Tuesday 2026-11-03; the next day, 4 November, is a public holiday in Russia
(Unity Day). "Now" is 15:30 UTC: 18:30 in Moscow (the office has closed), 16:30 in Berlin.

Output (proto3 JSON mapping of cxkit.v1, so any host can read it):
  contact_records.jsonl  cxkit.v1.ContactRecord per line: CRM rows, shop orders, and one record
                         per inbound message (its sender's identifiers; id = the message id)
  messages.jsonl         cxkit.v1.ConversationMessage per line, every channel, in time order
  identity_policy.json   cxkit.v1.IdentityPolicy
  merge_policy.json      cxkit.v1.MergePolicy
  sla_request.json       cxkit.v1.EvaluateSlaRequest without conversations: policies with the
                         field defaults, the two offices' business calendars with their
                         holidays, service-level thresholds, `now`
  routing_request.json   cxkit.v1.RouteConversationsRequest without items: the agents of both
                         teams at `now` (languages, skills, capacities), the routing policy
  staffing_request.json  cxkit.v1.PlanStaffingRequest without intervals: handle time, targets

The day holds the classic stories, each with a test in the demo:
  * Anna: wrong size reported on Messenger (unanswered), then by phone, then a web form and an
    e-mail with the order number: one customer, one conversation.
  * James: a delayed order asked about three times (chat, WhatsApp, e-mail), same order number.
  * Dmitry: angry after a price error, on Telegram, Instagram and by phone.
  * Olga: an abandoned cart, a callback request on the web form and the shop's call back.
  * Lucía: a Spanish-speaking VIP whose order is late, angry on WhatsApp, minutes before her SLA
    runs out: she must go to the Spanish-speaking agent.
  * Pavel: an e-mail at 16:30 Moscow time with an 8-business-hour target: the holiday stops the
    clock until Thursday.
  * The Petrovs share one family e-mail; calls forwarded through the shop's own number carry
    it as the caller; web forms send junk values.
plus about 250 ordinary customers writing in Russian, English, German and Spanish.

Deterministic: re-running it rewrites identical files. Standard library only.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = "2026-11-03"
NOW = f"{DAY}T15:30:00Z"
rng = random.Random(20261103)

records = []
messages = []

PAGE = "fb-page-shop"      # the shop's Facebook page (Messenger ids are per page)
IG = "ig-shop-main"        # the shop's Instagram account
SHOP_PHONE = "+7 495 780-11-22"
HELPDESK = "support@shop.example"


def at(hh, mm, ss=0):
    """A UTC time of the day as RFC 3339."""
    return f"{DAY}T{hh:02d}:{mm:02d}:{ss:02d}Z"


def seconds(t):
    hh, mm, ss = (int(x) for x in t[11:19].split(":"))
    return hh * 3600 + mm * 60 + ss


def from_seconds(s):
    return at(s // 3600, s % 3600 // 60, s % 60)


def ident(kind, value, namespace=None):
    out = {"type": "IDENTIFIER_TYPE_" + kind, "value": value}
    if namespace:
        out["namespace"] = namespace
    return out


def record(rid, source, channel, when, identifiers, region=None, **attributes):
    out = {"id": rid, "source": source, "channel": "CHANNEL_" + channel,
           "observedAt": when, "identifiers": identifiers}
    if region:
        out["region"] = region
    if attributes:
        out["attributes"] = attributes
    records.append(out)


SOURCES = {"EMAIL": "helpdesk", "WEB_FORM": "shop", "PHONE": "telephony", "LIVE_CHAT": "livechat",
           "IN_APP": "app"}


def message(mid, channel, when, text, *, sender=(), recipients=(), author="CUSTOMER",
            thread=None, email=None, resolves=False, region=None, **attributes):
    """Adds a message; an inbound customer message also becomes a contact record."""
    inbound = author == "CUSTOMER"
    out = {"id": mid, "channel": "CHANNEL_" + channel,
           "direction": "MESSAGE_DIRECTION_" + ("INBOUND" if inbound else "OUTBOUND"),
           "authorKind": "AUTHOR_KIND_" + author, "sentAt": when, "text": text}
    if sender:
        out["sender"] = list(sender)
    if recipients:
        out["recipients"] = list(recipients)
    if thread:
        out["threadKey"] = thread
    if email:
        out["email"] = email
    if resolves:
        out["resolvesConversation"] = True
    messages.append(out)
    if inbound and sender:
        record(mid, SOURCES.get(channel, channel.lower()), channel, when, list(sender),
               region=region, **attributes)


def mail(message_id, subject, in_reply_to=None, references=()):
    out = {"messageId": message_id, "subject": subject}
    if in_reply_to:
        out["inReplyTo"] = in_reply_to
    if references:
        out["references"] = " ".join(references)
    return out


def agent_reply(mid, channel, when, text, to=(), thread=None, email=None, resolves=False,
                author="AGENT"):
    message(mid, channel, when, text, recipients=to, author=author, thread=thread, email=email,
            resolves=resolves)


# ---- The stories ---------------------------------------------------------------------------

# Anna (Moscow): wrong size on Messenger, nobody answers; she calls; the agent asks for the
# return form; she fills it in and e-mails about it with the order number.
record("crm-1001", "crm", "WEB_FORM", "2026-03-14T10:00:00Z",
       [ident("CRM_ID", "C-1001"), ident("EMAIL", "Anna.Smirnova@gmail.com"),
        ident("PHONE", "+7 916 123-45-67")],
       name="Anna Smirnova", locale="ru-RU", city="Moscow", tier="regular")
anna_psid = ident("MESSENGER_PSID", "2760018862241", PAGE)
anna_phone = ident("PHONE", "8 (916) 123-45-67")
message("msg-anna-1", "MESSENGER", at(5, 12),
        "Здравствуйте! Пришли кроссовки не того размера: 38 вместо 39. Что делать?",
        sender=[anna_psid], thread="fb:t_2760018862241", name="Anna S")
message("call-anna-1", "PHONE", at(6, 40),
        "Звонок: клиентка получила кроссовки не того размера, хочет обмен.",
        sender=[anna_phone], thread="call-77812", region="RU")
agent_reply("call-anna-1-answer", "PHONE", at(6, 41, 25),
            "Агент: оформите обмен через форму возврата на сайте, мы заберём пару курьером.",
            to=[anna_phone], thread="call-77812")
message("form-anna-1", "WEB_FORM", at(7, 5),
        "Форма возврата. Заказ № A-10234. Причина: не подошёл размер (38, нужен 39).",
        sender=[ident("EMAIL", "anna.smirnova+returns@gmail.com"),
                ident("PHONE", "+7 916 123-45-67"), anna_psid],
        name="Анна Смирнова")
anna_mail = "<CAH7x9Tq2vR0@mail.gmail.com>"
message("mail-anna-1", "EMAIL", at(7, 31),
        "Добрый день! Отправила форму возврата по заказу № A-10234, когда приедет курьер?",
        sender=[ident("EMAIL", "annasmirnova@gmail.com")],
        email=mail(anna_mail, "Обмен кроссовок, заказ A-10234"))
anna_reply = "<ticket-10234.1@help.shop.example>"
agent_reply("mail-anna-2", "EMAIL", at(8, 10),
            "Анна, курьер заберёт пару завтра с 10 до 14, новая пара уже зарезервирована.",
            to=[ident("EMAIL", "annasmirnova@gmail.com")],
            email=mail(anna_reply, "Re: Обмен кроссовок, заказ A-10234", anna_mail,
                       [anna_mail]))
message("mail-anna-3", "EMAIL", at(8, 32), "Спасибо большое!",
        sender=[ident("EMAIL", "annasmirnova@gmail.com")],
        email=mail("<CAH7x9Tq9zK4@mail.gmail.com>", "Re: Re: Обмен кроссовок, заказ A-10234",
                   anna_reply, [anna_mail, anna_reply]))
agent_reply("mail-anna-4", "EMAIL", at(8, 40), "Рады помочь! Хорошего дня.",
            to=[ident("EMAIL", "annasmirnova@gmail.com")], resolves=True,
            email=mail("<ticket-10234.2@help.shop.example>",
                       "Re: Обмен кроссовок, заказ A-10234", "<CAH7x9Tq9zK4@mail.gmail.com>",
                       [anna_mail, anna_reply, "<CAH7x9Tq9zK4@mail.gmail.com>"]))

# James (London): a delayed order, asked about on chat, WhatsApp and by e-mail.
record("crm-1002", "crm", "WEB_FORM", "2025-11-02T16:20:00Z",
       [ident("CRM_ID", "C-1002"), ident("EMAIL", "james.carter@outlook.com"),
        ident("PHONE", "+44 7700 900123")],
       name="James Carter", locale="en-GB", city="London", tier="regular")
record("order-A-10301", "shop", "WEB_FORM", "2026-10-28T19:05:00Z",
       [ident("ORDER_ID", "A-10301"), ident("EMAIL", "james.carter@outlook.com"),
        ident("PHONE", "+44 7700 900123")], name="James Carter")
james_chat = [ident("COOKIE", "ck_7f3a91d2"), ident("EMAIL", "James.Carter@outlook.com")]
message("chat-james-1", "LIVE_CHAT", at(7, 2),
        "Hi, my order A-10301 was supposed to arrive yesterday. Where is it?",
        sender=james_chat, thread="chat-5521")
agent_reply("chat-james-2", "LIVE_CHAT", at(7, 2, 4),
            "Thanks for your message! An agent will be with you shortly.", thread="chat-5521",
            author="BOT")
agent_reply("chat-james-3", "LIVE_CHAT", at(7, 3, 10),
            "Sorry James, the courier reports a delay; order A-10301 should arrive tomorrow.",
            thread="chat-5521")
message("chat-james-4", "LIVE_CHAT", at(7, 3, 52), "OK, thanks.", sender=james_chat,
        thread="chat-5521")
message("wa-james-1", "WHATSAPP", at(12, 45),
        "Still no parcel for order A-10301 and the tracking has not moved. Third day now!",
        sender=[ident("WHATSAPP_ID", "447700900123")], thread="wa:447700900123")
message("mail-james-1", "EMAIL", at(14, 58),
        "Hello, I have asked twice already: where is order A-10301? Please call me back.",
        sender=[ident("EMAIL", "james.carter+orders@outlook.com")],
        email=mail("<DB9PR01MB1234.eurprd01.prod.outlook.com>",
                   "Order A-10301 still not delivered"))

# Dmitry (Kazan): charged more than the price on the site; Telegram, Instagram, then a call.
record("crm-1003", "crm", "WEB_FORM", "2024-07-30T12:00:00Z",
       [ident("CRM_ID", "C-1003"), ident("PHONE", "8 903 555-12-34"),
        ident("TELEGRAM_ID", "@Dmitry_Volkov")], region="RU", name="Dmitry Volkov",
       locale="ru-RU", city="Kazan", tier="regular")
message("tg-dmitry-1", "TELEGRAM", at(9, 15),
        "На сайте наушники стоили 4 990 ₽, а списали 6 990 ₽! Это обман!!! Заказ A-10288.",
        sender=[ident("TELEGRAM_ID", "@dmitry_volkov")], thread="tg:dmitry_volkov")
message("ig-dmitry-1", "INSTAGRAM", at(9, 20), "Верните разницу немедленно!!!",
        sender=[ident("INSTAGRAM_ID", "17841400123456789", IG)], thread="ig:17841400123456789")
message("call-dmitry-1", "PHONE", at(9, 50),
        "Звонок: клиент требует вернуть разницу в цене по заказу A-10288.",
        sender=[ident("PHONE", "+79035551234"),
                ident("INSTAGRAM_ID", "17841400123456789", IG)], thread="call-78004")
agent_reply("call-dmitry-2", "PHONE", at(9, 51, 40),
            "Агент: ошибка цены подтверждена, разница 2 000 ₽ вернётся на карту за 3 дня.",
            to=[ident("PHONE", "+79035551234")], thread="call-78004")

# Olga (Saint Petersburg): abandoned cart, a callback request, the shop calls back.
message("web-olga-1", "WEB_FORM", at(10, 10),
        "Перезвоните, пожалуйста: не проходит оплата корзины (пуховик, 2 шт.).",
        sender=[ident("COOKIE", "ck_00b1e4aa"), ident("PHONE", "8-921-700-88-99")],
        region="RU", name="Olga")
agent_reply("call-olga-1", "PHONE", at(10, 24),
            "Исходящий звонок: помогли оплатить корзину, заказ A-10342 оформлен.",
            to=[ident("PHONE", "+7 (921) 700-88-99")], thread="call-78120", resolves=True)

# Lucía (Madrid): VIP, Spanish, late order, angry, on WhatsApp 16 minutes before now.
record("crm-1007", "crm", "WEB_FORM", "2025-06-01T09:00:00Z",
       [ident("CRM_ID", "C-1007"), ident("EMAIL", "lucia.garcia@gmail.com"),
        ident("PHONE", "+34 612 345 678")],
       name="Lucía García", locale="es-ES", city="Madrid", tier="vip")
message("wa-lucia-1", "WHATSAPP", at(15, 14),
        "Hola, mi pedido A-10377 no ha llegado y lo necesito mañana para un viaje. "
        "¡Es urgente, estoy muy enfadada!",
        sender=[ident("WHATSAPP_ID", "34612345678")], thread="wa:34612345678")

# Pavel (Moscow): an e-mail at 16:30 Moscow time; the holiday on 4 November stops the clock.
record("crm-1008", "crm", "WEB_FORM", "2023-09-12T09:00:00Z",
       [ident("CRM_ID", "C-1008"), ident("EMAIL", "pavel.orlov@yandex.ru")],
       name="Pavel Orlov", locale="ru-RU", city="Moscow", tier="regular")
message("mail-pavel-1", "EMAIL", at(13, 30),
        "Здравствуйте! По заказу A-10290 сломались наушники через неделю. Как оформить гарантию?",
        sender=[ident("EMAIL", "Pavel.Orlov@yandex.ru")],
        email=mail("<1698941400.123456@mail.yandex.ru>", "Гарантия на наушники"))

# The Petrovs share one e-mail between two CRM accounts: a hub value, not one customer.
record("crm-1004", "crm", "WEB_FORM", "2023-01-10T09:00:00Z",
       [ident("CRM_ID", "C-1004"), ident("EMAIL", "petrovy.family@mail.ru")],
       name="Irina Petrova", city="Saint Petersburg", locale="ru-RU")
record("crm-1005", "crm", "WEB_FORM", "2024-05-22T09:00:00Z",
       [ident("CRM_ID", "C-1005"), ident("EMAIL", "petrovy.family@mail.ru")],
       name="Sergei Petrov", city="Saint Petersburg", locale="ru-RU")
message("mail-petrov-1", "EMAIL", at(11, 15), "Добрый день, когда будет в наличии куртка 48 размера?",
        sender=[ident("EMAIL", "Petrovy.Family@mail.ru")],
        email=mail("<petrov.20261103@mail.ru>", "Наличие"))

# Calls forwarded through the shop's own number carry it as the caller: a hub value.
for i, crm in enumerate(["C-1001", "C-1002", "C-1003", "C-1006"]):
    record(f"ivr-{i + 1}", "telephony", "PHONE", at(11, 5 + 7 * i),
           [ident("PHONE", SHOP_PHONE), ident("CRM_ID", crm)])

# Junk that web forms and trackers produce.
record("form-junk-1", "shop", "WEB_FORM", at(12, 1),
       [ident("EMAIL", "test@test.com"), ident("PHONE", "0000000000"),
        ident("COOKIE", "undefined")], region="RU")
record("form-junk-2", "shop", "WEB_FORM", at(12, 2),
       [ident("EMAIL", "null"), ident("COOKIE", "undefined")])

# ---- Ordinary customers --------------------------------------------------------------------

FIRST = {
    # Russian family names agree with the first name's gender: "Мария Кузнецова", "Иван Кузнецов".
    "ru": ["Мария", "Иван", "Елена", "Алексей", "Софья", "Николай", "Екатерина", "Ольга",
           "Татьяна", "Михаил", "Андрей", "Юлия", "Сергей", "Наталья", "Артём", "Ирина"],
    "en": ["Emma", "Oliver", "Ava", "Lucas", "Mia", "Noah", "Chloe", "Leo", "Grace", "Harry"],
    "de": ["Lena", "Jonas", "Anna", "Felix", "Marie", "Paul"],
    "es": ["Carmen", "Javier", "Lucía", "Pablo", "Marta", "Diego"],
}
LAST = {
    "ru": ["Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Фёдоров",
           "Зайцев", "Волков", "Козлов", "Павлов", "Семёнов"],
    "en": ["Smith", "Brown", "Wilson", "Taylor", "Davies", "Evans", "Green", "Walker", "Hall"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner"],
    "es": ["López", "Martínez", "Sánchez", "Pérez", "Gómez", "Fernández"],
}
LATIN = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
                       "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
                       "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
                       "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch",
                       "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ü": "ue",
                       "ö": "oe", "ä": "ae", "ß": "ss", "á": "a", "é": "e", "í": "i", "ó": "o",
                       "ú": "u", "ñ": "n"})
# What customers write about, per language: (topic, first message, follow-up). {o} is an order.
TOPICS = {
    "ru": [("delivery", "Где мой заказ № {o}? Обещали доставить вчера.",
            "Заказ {o} так и не пришёл, ответьте, пожалуйста."),
           ("returns", "Хочу вернуть куртку из заказа {o}, не подошёл размер.",
            "Подскажите, как вернуть деньги за заказ {o}?"),
           ("payments", "С карты списали деньги дважды за заказ {o}!",
            "Деньги за {o} так и не вернули."),
           ("electronics", "Наушники из заказа {o} не включаются, что делать?",
            "Пробовала зарядить, всё равно не работают."),
           ("general", "Есть ли в наличии зимние ботинки 41 размера?",
            "Подскажите ещё про сроки доставки в Казань.")],
    "en": [("delivery", "Where is my order {o}? It was due yesterday.",
            "Any news about order {o}? Still nothing."),
           ("returns", "I'd like to return the jacket from order {o}, wrong size.",
            "How do I get a refund for order {o}?"),
           ("payments", "I was charged twice for order {o}!",
            "Still waiting for the refund for {o}."),
           ("electronics", "The headphones from order {o} won't turn on.",
            "Charged them overnight, still dead."),
           ("general", "Do you have the winter boots in size 9?",
            "Also, do you ship to Ireland?")],
    "de": [("delivery", "Wo bleibt meine Bestellung Nr. {o}? Sie sollte gestern kommen.",
            "Bestellung {o} ist immer noch nicht da."),
           ("returns", "Ich möchte die Jacke aus Bestellung Nr. {o} zurückgeben.",
            "Wann bekomme ich mein Geld für {o} zurück?"),
           ("payments", "Mir wurde die Bestellung Nr. {o} doppelt berechnet!",
            "Die Rückbuchung für {o} fehlt noch."),
           ("electronics", "Die Kopfhörer aus Bestellung Nr. {o} gehen nicht an.",
            "Auch nach dem Laden keine Reaktion."),
           ("general", "Haben Sie die Winterstiefel in Größe 42?", "Liefern Sie auch nach Wien?")],
    "es": [("delivery", "¿Dónde está mi pedido {o}? Debía llegar ayer.",
            "El pedido {o} sigue sin llegar."),
           ("returns", "Quiero devolver la chaqueta del pedido {o}, la talla no es buena.",
            "¿Cuándo me devuelven el dinero del pedido {o}?"),
           ("payments", "¡Me han cobrado dos veces el pedido {o}!",
            "Sigo esperando el reembolso de {o}."),
           ("electronics", "Los auriculares del pedido {o} no se encienden.",
            "Los cargué toda la noche y nada."),
           ("general", "¿Tienen las botas de invierno en la talla 40?",
            "¿Envían también a Portugal?")],
}
REPLIES = {
    "ru": "Здравствуйте! Проверили, всё решим сегодня, детали в следующем сообщении.",
    "en": "Hello! We have checked and will sort this out today; details follow.",
    "de": "Hallo! Wir haben es geprüft und klären das heute; Details folgen.",
    "es": "¡Hola! Lo hemos revisado y lo resolvemos hoy; le enviamos los detalles.",
}
# Channels customers pick, with weights, and how fast agents answer there (mean seconds).
CHANNELS = [("EMAIL", 22, 3 * 3600), ("LIVE_CHAT", 20, 40), ("PHONE", 14, 90),
            ("WHATSAPP", 14, 1500), ("TELEGRAM", 7, 1500), ("MESSENGER", 6, 1800),
            ("INSTAGRAM", 5, 2400), ("WEB_FORM", 6, 4 * 3600), ("SMS", 2, 2400),
            ("VIBER", 2, 1800), ("IN_APP", 2, 60)]


def pick_channel():
    return rng.choices([c for c, _, _ in CHANNELS], [w for _, w, _ in CHANNELS])[0]


def mean_reply(channel):
    return next(m for c, _, m in CHANNELS if c == channel)


USED_EMAILS = set()


class Customer:
    def __init__(self, n):
        self.n = n
        self.lang = rng.choices(["ru", "en", "de", "es"], [60, 28, 7, 5])[0]
        first, last = rng.choice(FIRST[self.lang]), rng.choice(LAST[self.lang])
        if self.lang == "ru" and first[-1] in "аяь":  # Мария, Софья, ... but not Артём
            last += "а"
        self.name = f"{first} {last}"
        latin = f"{first}.{last}".lower().translate(LATIN)
        domains = {"ru": ["mail.ru", "yandex.ru", "gmail.com"], "en": ["gmail.com", "outlook.com"],
                   "de": ["web.de", "gmx.de", "gmail.com"], "es": ["gmail.com", "hotmail.es"]}
        self.email = f"{latin}{rng.randint(1, 99)}@{rng.choice(domains[self.lang])}"
        while self.email in USED_EMAILS:  # two customers never share an address by chance
            self.email = f"{latin}{rng.randint(100, 999)}@{rng.choice(domains[self.lang])}"
        USED_EMAILS.add(self.email)
        country = {"ru": ("+7", "9", 9, "RU"), "en": ("+44", "7700", 6, "GB"),
                   "de": ("+49", "151", 8, "DE"), "es": ("+34", "6", 8, "ES")}[self.lang]
        digits = country[1] + "".join(str(rng.randint(0, 9)) for _ in range(country[2]))
        self.e164, self.region = country[0] + digits, country[3]
        # As people write them at home: Russia's trunk prefix 8, the UK's and Germany's 0,
        # none in Spain.
        self.national = {"ru": "8 " + digits[:3] + " " + digits[3:], "en": "0" + digits,
                         "de": "0" + digits, "es": digits[:3] + " " + digits[3:]}[self.lang]
        self.cookie = f"ck_{rng.getrandbits(32):08x}"
        self.psid = str(rng.randint(10**12, 10**13))
        self.igid = str(rng.randint(10**16, 10**17))
        self.tgid = str(rng.randint(10**8, 10**9))
        self.tier = "vip" if rng.random() < 0.06 else "regular"
        self.order = f"A-{11000 + n}"

    def sender(self, channel, first_contact):
        if channel in ("PHONE", "SMS"):
            return [ident("PHONE", rng.choice([self.national, self.e164]))]
        if channel == "WHATSAPP":
            return [ident("WHATSAPP_ID", self.e164[1:])]
        if channel == "EMAIL":
            return [ident("EMAIL", rng.choice([self.email, self.email.capitalize()]))]
        if channel == "WEB_FORM":
            return [ident("EMAIL", self.email), ident("PHONE", self.e164)]
        if channel in ("LIVE_CHAT", "IN_APP"):
            ids = [ident("COOKIE", self.cookie)]
            return ids + ([ident("EMAIL", self.email)] if first_contact else [])
        if channel == "MESSENGER":
            return [ident("MESSENGER_PSID", self.psid, PAGE)]
        if channel == "INSTAGRAM":
            return [ident("INSTAGRAM_ID", self.igid, IG)]
        if channel == "TELEGRAM":
            return [ident("TELEGRAM_ID", self.tgid)] + \
                ([ident("PHONE", self.e164)] if first_contact else [])
        return [ident("VIBER_ID", f"vb{self.tgid}"), ident("PHONE", self.e164)]

    def thread(self, channel, start):
        return {"LIVE_CHAT": f"chat-{self.n}-{start}", "IN_APP": f"app-{self.n}-{start}",
                "PHONE": f"call-{self.n}-{start}", "WHATSAPP": f"wa:{self.e164[1:]}",
                "MESSENGER": f"fb:t_{self.psid}", "INSTAGRAM": f"ig:{self.igid}",
                "TELEGRAM": f"tg:{self.tgid}", "WEB_FORM": f"form-{self.n}-{start}"}.get(channel)


def ordinary_episode(c, start, channel, k):
    """One matter of customer `c`: a first message, an answer (unless still due), maybe a
    follow-up and a second answer, and sometimes a message on another channel."""
    topic, first_text, follow_text = rng.choice(TOPICS[c.lang])
    mid = f"m{c.n}-{k}"
    subject = first_text.split("?")[0].split("!")[0][:60].format(o=c.order)
    ids = c.sender(channel, True)
    thread = c.thread(channel, start)
    root = f"<{c.n}.{k}.{start}@{c.email.split('@')[1]}>" if channel == "EMAIL" else None
    message(mid, channel, from_seconds(start), first_text.format(o=c.order), sender=ids,
            thread=thread, region=c.region, email=mail(root, subject) if root else None,
            name=c.name)
    now = seconds(NOW)
    answer = start + int(rng.expovariate(1 / mean_reply(channel))) + 5
    if answer >= now:
        return  # still waiting at `now`
    to = ids[:1]
    reply_id = f"<ticket-{c.n}-{k}.1@help.shop.example>" if root else None
    agent_reply(f"{mid}-r", channel, from_seconds(answer), REPLIES[c.lang], to=to, thread=thread,
                email=mail(reply_id, "Re: " + subject, root, [root]) if root else None)
    if rng.random() < 0.35:
        follow = answer + rng.randint(60, 3600)
        if follow < now:
            follow_channel = channel if rng.random() < 0.6 else pick_channel()
            same = follow_channel == channel
            follow_ids = c.sender(follow_channel, False)
            email = None
            if follow_channel == "EMAIL":
                email = (mail(f"<{c.n}.{k}.{follow}@{c.email.split('@')[1]}>", "Re: " + subject,
                              reply_id, [root, reply_id]) if same and root
                         else mail(f"<{c.n}.{k}.{follow}@{c.email.split('@')[1]}>", subject))
            message(f"{mid}-f", follow_channel, from_seconds(follow),
                    follow_text.format(o=c.order), sender=follow_ids,
                    thread=c.thread(follow_channel, start) if same else
                    c.thread(follow_channel, follow), region=c.region, email=email)
            second = follow + int(rng.expovariate(1 / mean_reply(follow_channel))) + 5
            if second < now:
                agent_reply(f"{mid}-f-r", follow_channel, from_seconds(second), REPLIES[c.lang],
                            to=follow_ids[:1], resolves=rng.random() < 0.5,
                            thread=c.thread(follow_channel, start) if same else
                            c.thread(follow_channel, follow),
                            email=mail(f"<ticket-{c.n}-{k}.2@help.shop.example>",
                                       "Re: " + subject, email["messageId"],
                                       [email["messageId"]]) if email else None)


customers = [Customer(n) for n in range(1, 251)]
for c in customers:
    if rng.random() < 0.7:  # known to the CRM
        ids = [ident("CRM_ID", f"C-{3000 + c.n}"), ident("EMAIL", c.email)]
        if rng.random() < 0.6:
            ids.append(ident("PHONE", c.e164))
        record(f"crm-{3000 + c.n}", "crm", "WEB_FORM",
               f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z", ids,
               name=c.name, locale={"ru": "ru-RU", "en": "en-GB", "de": "de-DE",
                                    "es": "es-ES"}[c.lang], tier=c.tier)
    if rng.random() < 0.5:  # ordered recently
        record(f"order-{c.order}", "shop", "WEB_FORM",
               f"2026-10-{rng.randint(20, 31):02d}T12:00:00Z",
               [ident("ORDER_ID", c.order), ident("EMAIL", c.email), ident("PHONE", c.e164)],
               region=c.region, name=c.name)
    # Traffic follows the day: 06:00-20:00 UTC, busiest late morning Moscow time.
    for k in range(rng.choices([1, 2], [85, 15])[0]):
        start = int(rng.triangular(6 * 3600, 15 * 3600 + 1500, 9 * 3600))
        ordinary_episode(c, start, pick_channel(), k)

messages.sort(key=lambda m: (m["sentAt"], m["id"]))
records.sort(key=lambda r: (r["observedAt"], r["id"]))

# ---- Policies, calendars, agents -----------------------------------------------------------


def duration(s):
    return f"{s}s"


WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
MESSAGING = ["CHANNEL_WHATSAPP", "CHANNEL_MESSENGER", "CHANNEL_INSTAGRAM", "CHANNEL_TELEGRAM",
             "CHANNEL_VIBER", "CHANNEL_SMS", "CHANNEL_SOCIAL_COMMENT"]
sla_request = {
    "now": NOW,
    "calendars": [
        {"id": "moscow-office", "timeZone": "Europe/Moscow",
         "weeklyHours": [{"day": "WEEKDAY_" + d, "intervals": [
             {"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}]}
             for d in WEEKDAYS] + [{"day": "WEEKDAY_SATURDAY",
                                    "intervals": [{"start": "10:00", "end": "16:00"}]}],
         "holidays": [{"firstDate": "2026-11-04", "name": "Unity Day"},
                      {"firstDate": "2026-12-31", "lastDate": "2027-01-08",
                       "name": "New Year holidays"}]},
        {"id": "berlin-office", "timeZone": "Europe/Berlin",
         "weeklyHours": [{"day": "WEEKDAY_" + d, "intervals": [
             {"start": "08:00", "end": "20:00"}]} for d in WEEKDAYS],
         "holidays": [{"firstDate": "2026-12-24", "lastDate": "2026-12-26",
                       "name": "Christmas"}],
         "specialDays": [{"date": "2026-12-31", "intervals": [
             {"start": "08:00", "end": "14:00"}]}]},
    ],
    "policies": [
        {"id": "vip-messaging",
         "condition": {"customerTiers": ["vip"], "channels": MESSAGING},
         "targets": [
             {"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(20 * 60),
              "warnBefore": [duration(5 * 60)]},
             {"metric": "SLA_METRIC_NEXT_REPLY", "target": duration(30 * 60),
              "warnBefore": [duration(5 * 60)]}]},
        {"id": "live-chat", "condition": {"channels": ["CHANNEL_LIVE_CHAT", "CHANNEL_IN_APP"]},
         "targets": [
             {"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(30),
              "warnBefore": [duration(10)]},
             {"metric": "SLA_METRIC_NEXT_REPLY", "target": duration(60)}]},
        {"id": "phone", "condition": {"channels": ["CHANNEL_PHONE"]},
         "targets": [{"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(180)}]},
        {"id": "messaging", "condition": {"channels": MESSAGING},
         "targets": [
             {"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(3600),
              "warnBefore": [duration(15 * 60)]},
             {"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(15 * 60),
              "priority": "PRIORITY_URGENT"},
             {"metric": "SLA_METRIC_NEXT_REPLY", "target": duration(3600)}]},
        {"id": "email-ru", "condition": {"channels": ["CHANNEL_EMAIL", "CHANNEL_WEB_FORM"],
                                         "tags": ["lang:ru"]},
         "targets": [
             {"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(8 * 3600),
              "calendarId": "moscow-office", "warnBefore": [duration(3600)]},
             {"metric": "SLA_METRIC_NEXT_REPLY", "target": duration(8 * 3600),
              "calendarId": "moscow-office"},
             {"metric": "SLA_METRIC_REQUESTER_WAIT", "target": duration(3 * 9 * 3600),
              "calendarId": "moscow-office"}]},
        {"id": "email", "condition": {"channels": ["CHANNEL_EMAIL", "CHANNEL_WEB_FORM"]},
         "targets": [
             {"metric": "SLA_METRIC_FIRST_REPLY", "target": duration(24 * 3600),
              "warnBefore": [duration(2 * 3600)]},
             {"metric": "SLA_METRIC_NEXT_REPLY", "target": duration(24 * 3600)},
             {"metric": "SLA_METRIC_REQUESTER_WAIT", "target": duration(5 * 12 * 3600),
              "calendarId": "berlin-office"}]},
    ],
    "serviceLevel": {
        "thresholds": [
            {"channel": "CHANNEL_LIVE_CHAT", "threshold": duration(30), "targetShare": 0.9},
            {"channel": "CHANNEL_PHONE", "threshold": duration(20), "targetShare": 0.8},
            {"channel": "CHANNEL_WHATSAPP", "threshold": duration(3600), "targetShare": 0.9},
            {"channel": "CHANNEL_EMAIL", "threshold": duration(24 * 3600),
             "targetShare": 0.95}],
        "percentiles": [50, 90, 95]},
}

SKILLS = ["delivery", "returns", "payments", "electronics", "general"]


def agent(aid, status, languages, skills, idle_since, teams, chats=3, messaging=3, email=5,
          phone=1, load=None):
    load = load or {}
    channels = []
    for channel, cap in [("LIVE_CHAT", chats), ("IN_APP", chats), ("PHONE", phone),
                         ("EMAIL", email), ("WEB_FORM", email)] + \
            [(c[len("CHANNEL_"):], messaging) for c in MESSAGING]:
        if cap:
            channels.append({"channel": "CHANNEL_" + channel, "maxItems": cap,
                             "activeItems": load.get(channel, 0)})
    return {"id": aid, "status": "AGENT_STATUS_" + status, "languages": languages,
            "skills": [{"skill": s, "level": lv} for s, lv in skills.items()],
            "channels": channels, "capacityUnits": 6, "idleSince": idle_since, "teams": teams}


routing_request = {
    "now": NOW,
    "agents": [
        # Moscow day shift (09:00-18:00 Moscow): gone home at 18:30.
        agent("ekaterina.m", "OFFLINE", ["ru", "en"], {"delivery": 4, "returns": 3, "general": 3},
              at(14, 55), ["moscow"]),
        agent("sergey.k", "OFFLINE", ["ru"], {"payments": 5, "general": 2}, at(14, 40),
              ["moscow"]),
        agent("natalia.p", "OFFLINE", ["ru", "en"], {"electronics": 4, "returns": 2},
              at(14, 50), ["moscow"]),
        # Moscow evening shift (15:00-23:00 Moscow).
        agent("dmitry.s", "AVAILABLE", ["ru", "en"],
              {"delivery": 3, "payments": 3, "general": 4}, at(15, 12), ["moscow"],
              load={"LIVE_CHAT": 1, "EMAIL": 2}),
        agent("irina.v", "AVAILABLE", ["ru"], {"returns": 4, "electronics": 3, "general": 3},
              at(15, 25), ["moscow"], load={"WHATSAPP": 1}),
        agent("oleg.t", "BUSY", ["ru", "en"], {"electronics": 5, "delivery": 2}, at(15, 0),
              ["moscow"], load={"PHONE": 1}),
        # Berlin team (08:00-20:00 Berlin).
        agent("carmen.ruiz", "AVAILABLE", ["es", "en", "de"],
              {"delivery": 3, "returns": 3, "general": 3}, at(15, 26), ["berlin"],
              load={"EMAIL": 1}),
        agent("jonas.weber", "AVAILABLE", ["de", "en"],
              {"delivery": 5, "payments": 4, "general": 4}, at(15, 1), ["berlin"]),
        agent("emma.schmidt", "AVAILABLE", ["en", "de"],
              {"returns": 5, "electronics": 3, "general": 3}, at(15, 20), ["berlin"],
              load={"LIVE_CHAT": 2}),
        agent("lukas.braun", "AWAY", ["de", "en"], {"electronics": 5, "general": 2},
              at(14, 30), ["berlin"]),
        agent("sophie.klein", "AVAILABLE", ["de", "en", "ru"],
              {"payments": 3, "delivery": 3, "general": 2}, at(15, 29), ["berlin"],
              load={"TELEGRAM": 2, "EMAIL": 4}),
    ],
    "policy": {
        "mode": "ASSIGNMENT_MODE_OPTIMAL",
        "skills": SKILLS,
        "maxSkillLevel": 5,
        "maxCustomerTier": 1,
        "channelUnits": [{"channel": "CHANNEL_PHONE", "units": 3},
                         {"channel": "CHANNEL_LIVE_CHAT", "units": 2}],
        "stickyTimeout": duration(300),
        "relaxation": {"dropOptionalSkillsAfter": duration(300),
                       "lowerLevelsAfter": duration(900), "levelReduction": 1,
                       "anyTeamAgentAfter": duration(1800)},
    },
    "output": {"candidatesPerItem": 3},
}

staffing_request = {
    "model": "STAFFING_MODEL_ERLANG_A",
    "intervalLength": duration(1800),
    "averageHandleTime": duration(360),
    "targetServiceLevel": 0.8,
    "serviceLevelThreshold": duration(60),
    "maxOccupancy": 0.85,
    "shrinkage": 0.3,
    "averagePatience": duration(600),
}

merge_policy = {
    "defaultRegion": "RU",
    "email": {"gmailIgnoreDots": True, "stripPlusTags": True},
}

identity_policy = {
    "defaultRegion": "RU",
    "email": {"gmailIgnoreDots": True, "stripPlusTags": True},
    "sourcePriority": ["crm", "shop", "helpdesk"],
    "survivorship": [
        {"attribute": "name", "strategy": "SURVIVORSHIP_STRATEGY_SOURCE_PRIORITY"},
        {"attribute": "locale", "strategy": "SURVIVORSHIP_STRATEGY_SOURCE_PRIORITY"},
        {"attribute": "tier", "strategy": "SURVIVORSHIP_STRATEGY_SOURCE_PRIORITY"},
        {"attribute": "city", "strategy": "SURVIVORSHIP_STRATEGY_MOST_FREQUENT"},
    ],
    "rules": [
        {"type": "IDENTIFIER_TYPE_COOKIE", "blockedPatterns": ["ck_0+"]},
    ],
}


def write_lines(name, items):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def write_json(name, value):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False, indent=2)
        out.write("\n")


write_lines("contact_records.jsonl", records)
write_lines("messages.jsonl", messages)
write_json("identity_policy.json", identity_policy)
write_json("merge_policy.json", merge_policy)
write_json("sla_request.json", sla_request)
write_json("routing_request.json", routing_request)
write_json("staffing_request.json", staffing_request)
print(f"wrote {len(records)} records and {len(messages)} messages")
