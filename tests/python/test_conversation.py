"""cxkit.merge_conversations() and its bytes twin, through the Python binding."""

import random
from concurrent.futures import ThreadPoolExecutor

import cxkit
import pytest
from cxkit.v1 import common_pb2, conversation_pb2, identity_pb2

OK = common_pb2.STATUS_CODE_OK
INVALID_ARGUMENT = common_pb2.STATUS_CODE_INVALID_ARGUMENT


def add_message(request, message_id, channel, seconds, text="", customer_id="", **kwargs):
    message = request.messages.add(
        id=message_id,
        channel=channel,
        author_kind=conversation_pb2.AUTHOR_KIND_CUSTOMER,
        direction=conversation_pb2.MESSAGE_DIRECTION_INBOUND,
        text=text,
        customer_id=customer_id,
        **kwargs,
    )
    message.sent_at.seconds = seconds
    return message


def annas_story():
    """Anna's Messenger message, her call 40 minutes later, her e-mail next morning."""
    identities = identity_pb2.ResolveIdentitiesRequest()
    record = identities.records.add(id="crm-anna")
    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="Anna.Smirnova@gmail.com")
    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_PHONE, value="+7 916 123-45-67")
    record.identifiers.add(
        type=common_pb2.IDENTIFIER_TYPE_MESSENGER_PSID, value="psid-881", namespace="page-shop"
    )
    profiles = cxkit.raise_for_status(cxkit.resolve_identities(identities)).profiles

    request = conversation_pb2.MergeConversationsRequest()
    request.customer_profiles.extend(profiles)
    start = 1717408800  # 2024-06-03T10:00:00Z
    fb = add_message(request, "fb-1", common_pb2.CHANNEL_MESSENGER, start, "wrong size in order 12345")
    fb.sender.add(type=common_pb2.IDENTIFIER_TYPE_MESSENGER_PSID, value="psid-881", namespace="page-shop")
    call = add_message(request, "call-1", common_pb2.CHANNEL_PHONE, start + 2400)
    call.sender.add(type=common_pb2.IDENTIFIER_TYPE_PHONE, value="8 916 123 45 67")
    request.policy.default_region = "RU"
    mail = add_message(request, "mail-1", common_pb2.CHANNEL_EMAIL, start + 82800)
    mail.email.subject = "Re: Order #12345"
    mail.sender.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="anna.smirnova@gmail.com")
    return request, profiles[0].profile_id


def test_annas_story_is_one_conversation():
    request, profile_id = annas_story()
    response = cxkit.raise_for_status(cxkit.merge_conversations(request))
    assert len(response.conversations) == 1
    conversation = response.conversations[0]
    assert list(conversation.message_ids) == ["fb-1", "call-1", "mail-1"]
    assert conversation.customer_id == profile_id
    assert [(r.kind, r.value) for r in conversation.references] == [("order", "12345")]
    assert [m.rule for m in conversation.merges] == [
        conversation_pb2.MERGE_RULE_CROSS_CHANNEL_WINDOW,
        conversation_pb2.MERGE_RULE_SAME_REFERENCE,
    ]
    assert conversation.subject == "Order #12345"


def test_bytes_twin_and_shuffle_give_the_same_conversations():
    request, _ = annas_story()
    expected = cxkit.merge_conversations(request)
    shuffled = conversation_pb2.MergeConversationsRequest()
    shuffled.CopyFrom(request)
    messages = list(shuffled.messages)
    random.Random(4).shuffle(messages)
    del shuffled.messages[:]
    shuffled.messages.extend(messages)
    again = cxkit.merge_conversations(shuffled)
    assert [list(c.message_ids) for c in again.conversations] == [
        list(c.message_ids) for c in expected.conversations
    ]
    raw = cxkit.merge_conversations_bytes(request.SerializeToString(deterministic=True))
    assert conversation_pb2.MergeConversationsResponse.FromString(raw) == expected


def test_bad_pattern_is_a_status_with_its_field():
    request = conversation_pb2.MergeConversationsRequest()
    request.policy.reference_patterns.add(kind="order", pattern="order (\\d+")
    response = cxkit.merge_conversations(request)
    assert response.status.code == INVALID_ARGUMENT
    assert response.status.field == "policy.reference_patterns[0].pattern"
    with pytest.raises(cxkit.StatusError) as error:
        cxkit.raise_for_status(response)
    assert error.value.field == "policy.reference_patterns[0].pattern"


def test_garbage_bytes_and_wrong_type():
    response = conversation_pb2.MergeConversationsResponse.FromString(
        cxkit.merge_conversations_bytes(b"\x0a\xff\x01abc")
    )
    assert response.status.code == INVALID_ARGUMENT
    assert response.status.field == "request"
    with pytest.raises(TypeError):
        cxkit.merge_conversations(identity_pb2.ResolveIdentitiesRequest())


def test_threads_run_in_parallel_with_equal_results():
    request, _ = annas_story()
    expected = cxkit.merge_conversations(request)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: cxkit.merge_conversations(request), range(8)))
    assert all(result == expected for result in results)
