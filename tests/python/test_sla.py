"""cxkit.evaluate_sla() and cxkit.plan_staffing() through the Python binding."""

import os
import random
import sys

import pytest

import cxkit
from cxkit.v1 import common_pb2, sla_pb2


def chat_request(now: str = "2026-05-04T10:00:20Z") -> sla_pb2.EvaluateSlaRequest:
    request = sla_pb2.EvaluateSlaRequest()
    request.now.FromJsonString(now)
    conversation = request.conversations.add(id="c1", channel=common_pb2.CHANNEL_LIVE_CHAT)
    event = conversation.events.add(kind=sla_pb2.SLA_EVENT_KIND_CUSTOMER_MESSAGE)
    event.time.FromJsonString("2026-05-04T10:00:00Z")
    return request


def test_live_chat_is_due_thirty_seconds_after_the_message():
    response = cxkit.raise_for_status(cxkit.evaluate_sla(chat_request()))
    (conversation,) = response.conversations
    assert conversation.policy_id == "default"
    first = conversation.metrics[0]
    assert first.metric == sla_pb2.SLA_METRIC_FIRST_REPLY
    assert first.ongoing_cycle.due.ToJsonString() == "2026-05-04T10:00:30Z"
    assert first.ongoing_cycle.remaining.seconds == 10
    assert conversation.next_change.ToJsonString() == "2026-05-04T10:00:30Z"


def test_berlin_business_hours_across_the_weekend():
    request = sla_pb2.EvaluateSlaRequest()
    request.now.FromJsonString("2026-03-28T12:00:00Z")
    calendar = request.calendars.add(id="berlin", time_zone="Europe/Berlin")
    for day in range(1, 6):
        hours = calendar.weekly_hours.add(day=day)
        hours.intervals.add(start="09:00", end="12:00")
        hours.intervals.add(start="13:00", end="17:00")
    policy = request.policies.add(id="email")
    target = policy.targets.add(metric=sla_pb2.SLA_METRIC_FIRST_REPLY, calendar_id="berlin")
    target.target.seconds = 4 * 3600
    conversation = request.conversations.add(id="m", channel=common_pb2.CHANNEL_EMAIL)
    event = conversation.events.add(kind=sla_pb2.SLA_EVENT_KIND_CUSTOMER_MESSAGE)
    event.time.FromJsonString("2026-03-27T14:00:00Z")
    response = cxkit.raise_for_status(cxkit.evaluate_sla(request))
    cycle = response.conversations[0].metrics[0].ongoing_cycle
    assert cycle.due.ToJsonString() == "2026-03-30T09:00:00Z"
    assert not cycle.running


def test_unknown_zone_names_the_field():
    request = chat_request()
    request.calendars.add(id="x", time_zone="Mars/Olympus", always_open=True)
    response = cxkit.evaluate_sla(request)
    assert response.status.code == common_pb2.STATUS_CODE_INVALID_ARGUMENT
    assert response.status.field == "calendars[0].time_zone"
    with pytest.raises(cxkit.StatusError):
        cxkit.raise_for_status(response)


def test_shuffled_conversations_give_identical_bytes():
    request = chat_request()
    for i in range(20):
        conversation = request.conversations.add(id=f"c{i + 2}", channel=common_pb2.CHANNEL_EMAIL)
        event = conversation.events.add(kind=sla_pb2.SLA_EVENT_KIND_CUSTOMER_MESSAGE)
        event.time.FromJsonString(f"2026-05-04T0{i % 10}:00:00Z")
    expected = cxkit.evaluate_sla_bytes(request.SerializeToString(deterministic=True))
    conversations = list(request.conversations)
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(conversations)
        shuffled = sla_pb2.EvaluateSlaRequest(now=request.now, conversations=conversations)
        assert cxkit.evaluate_sla_bytes(shuffled.SerializeToString()) == expected


def test_erlang_c_textbook_case():
    request = sla_pb2.PlanStaffingRequest(target_service_level=0.8)
    request.average_handle_time.seconds = 180
    request.service_level_threshold.seconds = 20
    request.intervals.add(contacts=100)
    response = cxkit.raise_for_status(cxkit.plan_staffing(request))
    (interval,) = response.intervals
    assert interval.agents == 14
    assert interval.service_level == pytest.approx(0.8884, abs=5e-5)
    assert interval.probability_of_waiting == pytest.approx(0.1741, abs=5e-5)


def test_wrong_request_type_is_a_type_error():
    with pytest.raises(TypeError, match="EvaluateSlaRequest"):
        cxkit.evaluate_sla(sla_pb2.PlanStaffingRequest())
    with pytest.raises(TypeError, match="PlanStaffingRequest"):
        cxkit.plan_staffing(sla_pb2.EvaluateSlaRequest())


def test_large_calls_leave_their_blocks_in_the_arena_pool():
    # 20,000 chat conversations need an arena of several 4 MiB blocks, which go back to the
    # pool (Linux, no ASan: LD_PRELOAD names the ASan runtime in the sanitized build).
    pooling = sys.platform.startswith("linux") and "asan" not in os.environ.get("LD_PRELOAD", "")
    previous = cxkit.set_arena_pool_limit(0)
    assert cxkit.arena_pool_bytes() == 0
    assert cxkit.set_arena_pool_limit(64 << 20) == 0
    request = chat_request()
    for i in range(2, 20001):
        request.conversations.add().CopyFrom(request.conversations[0])
        request.conversations[-1].id = f"c{i}"
    response = cxkit.raise_for_status(cxkit.evaluate_sla(request))
    assert len(response.conversations) == 20000
    pooled = cxkit.arena_pool_bytes()
    if pooling:
        assert 0 < pooled <= 64 << 20 and pooled % (4 << 20) == 0
    else:
        assert pooled == 0
    assert cxkit.set_arena_pool_limit(previous) == 64 << 20
