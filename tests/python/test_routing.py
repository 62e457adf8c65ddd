"""cxkit.route_conversations() and its bytes twin, through the Python binding."""


import cxkit
import pytest
from cxkit.v1 import common_pb2, routing_pb2

OK = common_pb2.STATUS_CODE_OK
INVALID_ARGUMENT = common_pb2.STATUS_CODE_INVALID_ARGUMENT
WHATSAPP = common_pb2.CHANNEL_WHATSAPP
AVAILABLE = routing_pb2.AGENT_STATUS_AVAILABLE
NOW = 1772445600  # 2026-03-02T10:00:00Z


def make_request():
    """A Spanish speaker and an English speaker on WhatsApp; two agents with two slots each."""
    request = routing_pb2.RouteConversationsRequest()
    request.now.seconds = NOW
    for item_id, language, waited in (("w1", "es", 60), ("w2", "en", 30)):
        item = request.items.add(id=item_id, channel=WHATSAPP, language=language)
        item.enqueued_at.seconds = NOW - waited
    for agent_id, languages in (("anna", ["en"]), ("lucia", ["es", "en"])):
        agent = request.agents.add(id=agent_id, status=AVAILABLE, languages=languages)
        agent.channels.add(channel=WHATSAPP, max_items=2)
    return request


def assignments(response):
    return [(a.item_id, a.agent_id) for a in response.assignments]


def test_spanish_speaker_goes_to_spanish_speaking_agent():
    response = cxkit.raise_for_status(cxkit.route_conversations(make_request()))
    assert assignments(response) == [("w1", "lucia"), ("w2", "anna")]
    breakdown = response.assignments[0].breakdown
    assert breakdown.language == 5
    assert breakdown.total == 14
    assert breakdown.relaxation_step == routing_pb2.RELAXATION_STEP_NONE
    assert response.summary.assigned == 2


def test_optimal_mode_and_candidates():
    request = make_request()
    request.policy.mode = routing_pb2.ASSIGNMENT_MODE_OPTIMAL
    request.output.candidates_per_item = 2
    response = cxkit.raise_for_status(cxkit.route_conversations(request))
    assert assignments(response) == [("w1", "lucia"), ("w2", "anna")]
    assert response.summary.optimality == routing_pb2.OPTIMALITY_EXACT
    assert [c.agent_id for c in response.candidates[1].candidates] == ["anna", "lucia"]


def test_bytes_twin_and_order_independence():
    request = make_request()
    expected = cxkit.route_conversations_bytes(request.SerializeToString(deterministic=True))
    shuffled = routing_pb2.RouteConversationsRequest()
    shuffled.CopyFrom(request)
    shuffled.items.reverse()
    shuffled.agents.reverse()
    assert [i.id for i in shuffled.items] != [i.id for i in request.items]
    assert cxkit.route_conversations_bytes(shuffled.SerializeToString()) == expected


def test_bad_input_names_the_field():
    request = make_request()
    request.agents[1].channels[0].max_items = -1
    response = cxkit.route_conversations(request)
    assert response.status.code == INVALID_ARGUMENT
    assert response.status.field == "agents[1].channels[0].max_items"
    with pytest.raises(cxkit.StatusError) as error:
        cxkit.raise_for_status(response)
    assert error.value.field == "agents[1].channels[0].max_items"


def test_wrong_request_type_raises_type_error():
    with pytest.raises(TypeError):
        cxkit.route_conversations(common_pb2.Status())
