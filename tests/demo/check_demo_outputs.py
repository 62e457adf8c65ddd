#!/usr/bin/env python3
"""Checks the demo's outputs on the bundled sample day: the stories come out exactly.

Usage: check_demo_outputs.py DIR   (DIR holds what `cxkit-demo --out DIR` wrote)
Standard library only; exits non-zero with a message on the first failed check.
"""
import json
import os
import sys
import xml.etree.ElementTree as ElementTree


def load(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        return json.load(f)


def check(condition, message):
    if not condition:
        sys.exit(f"check failed: {message}")


def profile_of(identity, record_id):
    found = [p for p in identity["profiles"] if record_id in p["recordIds"]]
    check(len(found) == 1, f"record {record_id} is in exactly one profile")
    return found[0]


def conversation_of(merge, message_id):
    found = [c for c in merge["conversations"] if message_id in c["messageIds"]]
    check(len(found) == 1, f"message {message_id} is in exactly one conversation")
    return found[0]


def main(directory):
    identity = load(directory, "identity_response.json")
    merge = load(directory, "merge_response.json")
    sla = load(directory, "sla_response.json")
    routing = load(directory, "routing_response.json")
    staffing = load(directory, "staffing_response.json")

    # Anna's Messenger message, call, web form and e-mail: one customer ...
    anna = profile_of(identity, "msg-anna-1")
    for record in ["call-anna-1", "form-anna-1", "mail-anna-1", "mail-anna-3", "crm-1001"]:
        check(profile_of(identity, record)["profileId"] == anna["profileId"],
              f"{record} is Anna's")
    # ... and one conversation, read top to bottom.
    conversation = conversation_of(merge, "msg-anna-1")
    check(conversation["messageIds"] == [
        "msg-anna-1", "call-anna-1", "call-anna-1-answer", "form-anna-1", "mail-anna-1",
        "mail-anna-2", "mail-anna-3", "mail-anna-4"], "Anna's conversation holds her day")
    check(conversation["customerId"] == anna["profileId"], "Anna's conversation is hers")
    check(conversation["references"] == [{"kind": "order", "value": "A10234"}],
          "Anna's conversation carries her order")

    # James asked about one delayed order three times, on three channels: one conversation.
    james = conversation_of(merge, "chat-james-1")
    check(james["messageIds"] == ["chat-james-1", "chat-james-2", "chat-james-3",
                                  "chat-james-4", "wa-james-1", "mail-james-1"],
          "James's three questions are one conversation")

    # The holiday stops the e-mail clock: Pavel wrote at 16:30 Moscow time on Tuesday;
    # 8 business hours are 1.5 h on Tuesday, none on Wednesday 4 November (Unity Day),
    # 6.5 h on Thursday from 09:00 with the 13:00-14:00 lunch break: due 16:30 (13:30Z).
    pavel_id = conversation_of(merge, "mail-pavel-1")["conversationId"]
    pavel = [c for c in sla["conversations"] if c["conversationId"] == pavel_id]
    check(len(pavel) == 1, "Pavel's conversation has SLA results")
    check(pavel[0]["policyId"] == "email-ru", "Pavel's e-mail falls under email-ru")
    first_reply = [m for m in pavel[0]["metrics"] if m["metric"] == "SLA_METRIC_FIRST_REPLY"]
    check(len(first_reply) == 1, "Pavel has a first-reply clock")
    cycle = first_reply[0]["ongoingCycle"]
    check(first_reply[0]["calendarId"] == "moscow-office", "on the Moscow calendar")
    check(cycle["due"] == "2026-11-05T13:30:00Z", f"due after the holiday, not {cycle['due']}")
    check(not cycle.get("running", False), "the clock does not run at 18:30 Moscow time")
    check(cycle["elapsed"] == "5400s", f"1.5 business hours elapsed, not {cycle['elapsed']}")
    check(pavel[0]["nextChange"] == "2026-11-05T06:00:00Z",
          "the next change is Thursday's opening, after the holiday")

    # Lucia writes Spanish on WhatsApp: she goes to the one available Spanish speaker.
    lucia_id = conversation_of(merge, "wa-lucia-1")["conversationId"]
    lucia = [a for a in routing["assignments"] if a["conversationId"] == lucia_id]
    check(len(lucia) == 1 and lucia[0]["agentId"] == "carmen.ruiz",
          "Lucia is routed to carmen.ruiz, who speaks Spanish")
    candidates = [c for c in routing["candidates"] if c["itemId"] == lucia_id]
    check([c["agentId"] for c in candidates[0]["candidates"]] == ["carmen.ruiz"],
          "no agent without Spanish is a candidate for Lucia")

    # Staffing covers the day.
    check(staffing["peakAgents"] > 0 and len(staffing["intervals"]) > 10,
          "staffing has a plan for the day")

    # The HTML report is well-formed and draws the timelines and the chart.
    root = ElementTree.parse(os.path.join(directory, "report.html")).getroot()
    svgs = list(root.iter("{http://www.w3.org/2000/svg}svg"))
    crossing = sum(1 for c in merge["conversations"] if len(c["channels"]) > 1)
    check(len(svgs) == min(crossing, 20) + 1,
          "one timeline per cross-channel conversation (up to 20) and the chart")
    print("demo outputs: all checks passed")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
