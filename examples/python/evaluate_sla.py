#!/usr/bin/env python3
"""When is each promised answer due, and how many agents keep the promise?

A Berlin shop answers e-mail within 4 business hours (Monday to Friday 09:00-17:00 with a lunch
break) and live chat within 30 seconds. On Friday afternoon an e-mail arrives at 15:00; a chat
waits 20 seconds. Evaluating the clocks on Saturday morning shows the e-mail due on Monday at
11:00 (across the weekend and the spring daylight-saving switch), its clock stopped until the
office opens, and the chat due in 10 seconds. Then Erlang C sizes the chat team.

Run after building (see bindings/python/README.md):
    PYTHONPATH=build/python /usr/bin/python3 examples/python/evaluate_sla.py
"""

import cxkit
from cxkit.v1 import common_pb2, sla_pb2


def build_request() -> sla_pb2.EvaluateSlaRequest:
    request = sla_pb2.EvaluateSlaRequest()
    request.now.FromJsonString("2026-03-28T08:00:00Z")  # Saturday 09:00 in Berlin

    office = request.calendars.add(id="berlin-office", time_zone="Europe/Berlin")
    for day in range(sla_pb2.WEEKDAY_MONDAY, sla_pb2.WEEKDAY_FRIDAY + 1):
        hours = office.weekly_hours.add(day=day)
        hours.intervals.add(start="09:00", end="12:00")
        hours.intervals.add(start="13:00", end="17:00")
    office.holidays.add(first_date="2026-04-03", name="Good Friday")

    email = request.policies.add(id="email")
    email.condition.channels.append(common_pb2.CHANNEL_EMAIL)
    target = email.targets.add(metric=sla_pb2.SLA_METRIC_FIRST_REPLY, calendar_id="berlin-office")
    target.target.seconds = 4 * 3600
    target.warn_before.add(seconds=3600)
    # Conversations no policy matches (the chat) get the built-in defaults: 30 s for live chat.

    mail = request.conversations.add(id="mail-1", channel=common_pb2.CHANNEL_EMAIL)
    mail.events.add(kind=sla_pb2.SLA_EVENT_KIND_CUSTOMER_MESSAGE).time.FromJsonString(
        "2026-03-27T14:00:00Z"  # Friday 15:00 in Berlin
    )
    chat = request.conversations.add(id="chat-1", channel=common_pb2.CHANNEL_LIVE_CHAT)
    chat.events.add(kind=sla_pb2.SLA_EVENT_KIND_CUSTOMER_MESSAGE).time.FromJsonString(
        "2026-03-28T07:59:40Z"
    )
    return request


def main() -> None:
    response = cxkit.raise_for_status(cxkit.evaluate_sla(build_request()))
    for conversation in response.conversations:
        for metric in conversation.metrics:
            cycle = metric.ongoing_cycle
            print(
                f"{conversation.conversation_id}: {sla_pb2.SlaMetric.Name(metric.metric)} "
                f"{sla_pb2.SlaState.Name(metric.state)}, policy {conversation.policy_id}, "
                f"due {cycle.due.ToJsonString()}, elapsed {cycle.elapsed.seconds} s, "
                f"clock {'running' if cycle.running else 'stopped'}"
            )
        if conversation.HasField("next_change"):
            print(
                f"  wake up at {conversation.next_change.ToJsonString()} "
                f"({sla_pb2.SlaChangeKind.Name(conversation.next_change_kind)})"
            )

    staffing = sla_pb2.PlanStaffingRequest(target_service_level=0.8, shrinkage=0.3)
    staffing.average_handle_time.seconds = 180
    staffing.service_level_threshold.seconds = 20
    staffing.intervals.add(contacts=100)  # chats per 30 minutes
    plan = cxkit.raise_for_status(cxkit.plan_staffing(staffing)).intervals[0]
    print(
        f"100 chats per 30 min: {plan.agents} agents ({plan.scheduled_agents} scheduled), "
        f"service level {plan.service_level:.4f}, P(wait) {plan.probability_of_waiting:.4f}"
    )


if __name__ == "__main__":
    main()
