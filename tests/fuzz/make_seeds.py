#!/usr/bin/python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ from examples/data.

Usage: tests/fuzz/make_seeds.py [--pb2-dir DIR]

The request messages are built from the sample data with python3-protobuf;
the *_pb2 modules come from DIR (a build tree's python/ directory, e.g.
build/dev/python) or, by default, are generated with protoc into a temporary
directory. Every seed is a few KB at most. Files named "edge-*" are hand-made
edge cases written below; "sample-*" files are derived from the sample data.
Re-running rewrites the sample-* and edge-* files and leaves any other file
(e.g. a saved fuzzer finding) alone. Output is deterministic.
"""

import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "examples", "data")
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def load_pb2(pb2_dir):
    if pb2_dir is None:
        pb2_dir = tempfile.mkdtemp(prefix="cxkit-pb2-")
        include = os.path.join(ROOT, "include")
        protos = sorted(
            os.path.join("cxkit", "v1", name)
            for name in os.listdir(os.path.join(include, "cxkit", "v1"))
            if name.endswith(".proto"))
        subprocess.run(["protoc", "-I", include, "--python_out", pb2_dir] + protos,
                       check=True)
    sys.path.insert(0, pb2_dir)
    from google.protobuf import json_format  # noqa: F401
    import cxkit.v1.conversation_pb2 as conversation
    import cxkit.v1.identity_pb2 as identity
    import cxkit.v1.routing_pb2 as routing
    import cxkit.v1.sla_pb2 as sla
    return identity, conversation, sla, routing


def read_json(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def read_jsonl(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Writer:
    def __init__(self):
        self.total = 0

    def write(self, target, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        directory = os.path.join(CORPUS, target)
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
        self.total += len(data)


def binary(message):
    return message.SerializeToString(deterministic=True)


def compact_json(message):
    from google.protobuf import json_format
    return json.dumps(json_format.MessageToDict(message), ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True)


def identity_requests(identity):
    from google.protobuf import json_format
    policy = read_json("identity_policy.json")
    records = read_jsonl("contact_records.jsonl")
    requests = []
    # Records that share a crm id or e-mail sit apart in the file; group by the
    # first identifier value's customer number so seeds hold linked records.
    for start in range(0, 60, 12):
        request = {"policy": policy, "records": records[start:start + 6]}
        requests.append(json_format.ParseDict(request, identity.ResolveIdentitiesRequest()))
    linked = json_format.ParseDict({"policy": policy, "records": records[:4]},
                                   identity.ResolveIdentitiesRequest())
    profile = linked.previous_profiles.add()
    profile.profile_id = "p-1"
    profile.record_ids.extend([linked.records[0].id, linked.records[1].id])
    requests.append(linked)
    return requests


def merge_requests(conversation):
    from google.protobuf import json_format
    policy = read_json("merge_policy.json")
    messages = read_jsonl("messages.jsonl")
    requests = []
    for start in (0, 8, 40, 120, 300, 600):
        request = {"policy": policy, "messages": messages[start:start + 6]}
        requests.append(json_format.ParseDict(request, conversation.MergeConversationsRequest()))
    emails = [m for m in messages if "email" in m][:6]
    requests.append(json_format.ParseDict({"policy": policy, "messages": emails},
                                          conversation.MergeConversationsRequest()))
    return requests


def sla_requests(sla):
    from google.protobuf import json_format
    base = read_json("sla_request.json")
    base.setdefault("conversations", [])
    conversations = [
        {"id": "c-1", "channel": "CHANNEL_EMAIL", "priority": "PRIORITY_HIGH",
         "createdAt": "2026-11-02T08:00:00Z",
         "events": [
             {"time": "2026-11-02T08:00:00Z", "kind": "SLA_EVENT_KIND_CUSTOMER_MESSAGE"},
             {"time": "2026-11-02T11:30:00Z", "kind": "SLA_EVENT_KIND_AGENT_REPLY"},
             {"time": "2026-11-03T09:10:00Z", "kind": "SLA_EVENT_KIND_CUSTOMER_MESSAGE"}]},
        {"id": "c-2", "channel": "CHANNEL_LIVE_CHAT", "tags": ["vip"],
         "createdAt": "2026-11-03T15:00:00Z",
         "events": [
             {"time": "2026-11-03T15:00:00Z", "kind": "SLA_EVENT_KIND_CUSTOMER_MESSAGE"},
             {"time": "2026-11-03T15:00:40Z", "kind": "SLA_EVENT_KIND_BOT_REPLY"}]},
        {"id": "c-3", "channel": "CHANNEL_PHONE", "createdAt": "2026-11-01T23:59:00Z",
         "events": [
             {"time": "2026-11-01T23:59:00Z", "kind": "SLA_EVENT_KIND_CUSTOMER_MESSAGE"},
             {"time": "2026-11-02T00:05:00Z", "kind": "SLA_EVENT_KIND_INTERNAL_NOTE"}]},
    ]
    requests = []
    full = dict(base)
    full["conversations"] = conversations
    requests.append(json_format.ParseDict(full, sla.EvaluateSlaRequest()))
    for conversation in conversations:
        one = dict(base)
        one["conversations"] = [conversation]
        requests.append(json_format.ParseDict(one, sla.EvaluateSlaRequest()))
    return requests


def staffing_requests(sla):
    from google.protobuf import json_format
    base = read_json("staffing_request.json")
    volumes = [12, 30, 55, 80, 41, 9]
    base["intervals"] = [
        {"start": "2026-11-03T%02d:%02d:00Z" % (8 + i // 2, 30 * (i % 2)), "contacts": v}
        for i, v in enumerate(volumes)]
    requests = [json_format.ParseDict(base, sla.PlanStaffingRequest())]
    erlang_c = dict(base)
    erlang_c["model"] = "STAFFING_MODEL_ERLANG_C"
    erlang_c.pop("averagePatience")
    requests.append(json_format.ParseDict(erlang_c, sla.PlanStaffingRequest()))
    given = dict(base)
    given["intervals"] = [dict(i, agents=n) for i, n in zip(base["intervals"], [3, 6, 9, 12, 8, 2])]
    requests.append(json_format.ParseDict(given, sla.PlanStaffingRequest()))
    return requests


def routing_requests(routing):
    from google.protobuf import json_format
    base = read_json("routing_request.json")
    skills = base["policy"]["skills"]
    channels = ["CHANNEL_LIVE_CHAT", "CHANNEL_PHONE", "CHANNEL_EMAIL", "CHANNEL_WHATSAPP"]
    items = []
    for i in range(6):
        items.append({
            "id": "w-%d" % i, "conversationId": "c-%d" % i, "channel": channels[i % 4],
            "language": "ru" if i % 3 else "en",
            "requiredSkills": [{"skill": skills[i % len(skills)], "level": 1 + i % 3}],
            "priority": "PRIORITY_HIGH" if i == 2 else "PRIORITY_NORMAL",
            "customerTier": i % 2, "sentiment": -0.5 if i == 4 else 0.1,
            "enqueuedAt": "2026-11-03T15:%02d:00Z" % (10 + i)})
    requests = []
    for agents, mode in ((11, None), (3, None), (4, "ASSIGNMENT_MODE_GREEDY")):
        request = json.loads(json.dumps(base))
        request["agents"] = request["agents"][:agents]
        request["items"] = items if agents > 3 else items[:3]
        if mode:
            request["policy"]["mode"] = mode
        requests.append(json_format.ParseDict(request, routing.RouteConversationsRequest()))
    return requests


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pb2-dir", help="directory holding cxkit/v1/*_pb2.py")
    args = parser.parse_args()
    identity, conversation, sla, routing = load_pb2(args.pb2_dir)
    out = Writer()

    by_target = {
        "resolve_identities": identity_requests(identity),
        "merge_conversations": merge_requests(conversation),
        "evaluate_sla": sla_requests(sla),
        "plan_staffing": staffing_requests(sla),
        "route_conversations": routing_requests(routing),
    }
    selectors = {"resolve_identities": 0, "merge_conversations": 1, "evaluate_sla": 2,
                 "plan_staffing": 3, "route_conversations": 4}
    for target, requests in by_target.items():
        for i, request in enumerate(requests):
            out.write(target, "sample-%02d" % i, binary(request))
        out.write(target, "edge-empty", b"")
        out.write(target, "edge-not-protobuf", b"\xff\xff\xff\xff\x0f")
        # JSON seeds: the first two requests of each method.
        for i, request in enumerate(requests[:2]):
            out.write("call_json", "sample-%s-%d" % (target, i),
                      bytes([selectors[target]]) + compact_json(request).encode("utf-8"))
    out.write("call_json", "edge-empty-request", b"\x00{}")
    out.write("call_json", "edge-not-json", b"\x02{\"now\":")
    out.write("call_json", "edge-unknown-field", b"\x01{\"noSuchField\":1}")
    out.write("call_json", "edge-unknown-method", b"\x05{}")
    out.write("call_json", "edge-timestamp-limits",
              b"\x02{\"now\":\"9999-12-31T23:59:59Z\",\"conversations\":[{\"id\":\"c\","
              b"\"createdAt\":\"0001-01-01T00:00:00Z\"}]}")

    messages = read_jsonl("messages.jsonl")
    emails = [m["email"] for m in messages if "email" in m]
    subjects = sorted({e["subject"] for e in emails if e.get("subject")})[:12]
    for i, subject in enumerate(subjects):
        out.write("base_subject", "sample-%02d" % i, bytes([i % 2]) + subject.encode("utf-8"))
    for i, subject in enumerate(["Re: AW: [shop] Order  12345 (fwd)", "[Fwd: Re: hi]",
                                 "Отв: Re[2]: ΣΑΣ", "İIıi", "回复：答复: x", "Re:(fwd)",
                                 "[a][b][c] [d]", "\xc3"]):
        out.write("base_subject", "edge-%02d" % i,
                  bytes([i % 2]) + subject.encode("utf-8", "surrogateescape"))

    headers = []
    for e in emails:
        for key in ("messageId", "inReplyTo", "references"):
            if e.get(key):
                headers.append(e[key])
    headers = sorted(set(headers), key=lambda h: (-len(h), h))[:10]
    for i, header in enumerate(headers):
        out.write("message_id", "sample-%02d" % i, header)
    for i, header in enumerate([" <a1@mail.example> ", "<a <b@x> c@y", "a@b, c@d\td@e",
                                "<<a@b>>", "<>", "<a b@c>", "Mon, 2 Nov 2026 <x@y"]):
        out.write("message_id", "edge-%02d" % i, header)

    texts = sorted({m["text"] for m in messages if "A-1" in m.get("text", "")})[:8]
    texts += subjects[:4]
    for i, text in enumerate(texts):
        out.write("reference_extractor", "sample-%02d" % i,
                  b"\x00" + text.encode("utf-8"))
    out.write("reference_extractor", "edge-custom",
              b"\x01ticket\n(?i)tk-(\\d+)\nsee TK-42 and order 12345, tk-42")
    out.write("reference_extractor", "edge-custom-only",
              b"\x03rma\nRMA(\\d{3})\nRMA123 RMA1234")
    out.write("reference_extractor", "edge-bad-pattern", b"\x01order\n((\\d+)\n1234")
    out.write("reference_extractor", "edge-numbers", "\x00заказ № 777777 Bestellung Nr. 12-345")

    records = read_jsonl("contact_records.jsonl")
    values = {"IDENTIFIER_TYPE_EMAIL": [], "IDENTIFIER_TYPE_PHONE": []}
    for record in records:
        for identifier in record.get("identifiers", []):
            if identifier.get("type") in values:
                values[identifier["type"]].append(identifier["value"])
    for i, email in enumerate(sorted(set(values["IDENTIFIER_TYPE_EMAIL"]))[:10]):
        out.write("email_normalizer", "sample-%02d" % i, bytes([i % 4]) + email.encode("utf-8"))
    for i, email in enumerate(["J.o.h.n+tag@GoogleMail.com", "a+b+c@icloud.com", "@x.y",
                               "a@b", "a@@b.c", "Ivan@Почта.рф", "x+@yandex.ru"]):
        out.write("email_normalizer", "edge-%02d" % i, bytes([3]) + email.encode("utf-8"))
    for i, phone in enumerate(sorted(set(values["IDENTIFIER_TYPE_PHONE"]))[:10]):
        out.write("phone_normalizer", "sample-%02d" % i, b"\x00" + phone.encode("utf-8"))
    for i, (region, phone) in enumerate([(0, "8 (916) 123-45-67"), (2, "+1 650-253-0000"),
                                         (1, "030 123456"), (4, "79161234567"),
                                         (3, "+44 20 7946 0958 ext. 12"), (0, "+7 (916) ABC"),
                                         (6, "+91 98765 43210"), (0, "１２３４５６７８９０")]):
        out.write("phone_normalizer", "edge-%02d" % i, bytes([region]) + phone.encode("utf-8"))

    calendars = read_json("sla_request.json")["calendars"]
    from google.protobuf import json_format
    for i, calendar in enumerate(calendars):
        message = json_format.ParseDict(calendar, sla.BusinessCalendar())
        for j, params in enumerate([(3600 * 10, 86400 * 9, 3600 * 20),
                                    (86400 * 5 + 100, 7, 1), (0, 86400 * 59, 86400 * 29)]):
            out.write("business_calendar", "sample-%d-%d" % (i, j),
                      struct.pack("<III", *params) + binary(message))
    overnight = json_format.ParseDict({
        "id": "night", "timeZone": "America/New_York",
        "weeklyHours": [{"day": "WEEKDAY_SATURDAY",
                         "intervals": [{"start": "22:00", "end": "24:00"},
                                       {"start": "00:00", "end": "00:00:01"}]}],
        "holidays": [{"firstDate": "2026-11-07", "lastDate": "2026-11-08"}]}, sla.BusinessCalendar())
    out.write("business_calendar", "edge-overnight",
              struct.pack("<III", 86400, 86400 * 50, 7200) + binary(overnight))
    out.write("business_calendar", "edge-bad-zone",
              struct.pack("<III", 0, 0, 0) +
              binary(sla.BusinessCalendar(id="x", time_zone="Mars/Olympus")))
    out.write("business_calendar", "edge-always-open",
              struct.pack("<III", 0, 0, 0) + binary(sla.BusinessCalendar(id="x", always_open=True)))
    print("wrote %d bytes of seeds under %s" % (out.total, CORPUS))


if __name__ == "__main__":
    main()
