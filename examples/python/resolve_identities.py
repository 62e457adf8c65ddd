#!/usr/bin/env python3
"""Which of a shop's contact records are one customer, and why.

Anna writes on WhatsApp, then e-mails support, and orders in the web shop with her e-mail and
a phone number in Russian national format; Ivan orders once. Resolving the records gives one
profile per customer, with the links (evidence) that joined its records.

Run after building (see bindings/python/README.md):
    PYTHONPATH=build/python /usr/bin/python3 examples/python/resolve_identities.py
"""

import cxkit
from cxkit.v1 import common_pb2, identity_pb2


def build_request() -> identity_pb2.ResolveIdentitiesRequest:
    request = identity_pb2.ResolveIdentitiesRequest()
    request.policy.default_region = "RU"  # for phones written without +7

    chat = request.records.add(
        id="whatsapp:chat-1", source="whatsapp", channel=common_pb2.CHANNEL_WHATSAPP
    )
    chat.observed_at.FromJsonString("2024-03-01T09:15:00Z")
    # A WhatsApp id is the phone number without "+"; it matches PHONE identifiers.
    chat.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_WHATSAPP_ID, value="79161234567")
    chat.attributes["name"] = "Anna"

    mail = request.records.add(
        id="email:msg-1", source="helpdesk", channel=common_pb2.CHANNEL_EMAIL
    )
    mail.observed_at.FromJsonString("2024-03-02T18:40:00Z")
    mail.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="Anna.Smirnova@Gmail.com")
    mail.attributes["name"] = "Anna Smirnova"

    order = request.records.add(
        id="shop:order-1001", source="shop", channel=common_pb2.CHANNEL_WEB_FORM
    )
    order.observed_at.FromJsonString("2024-03-03T12:00:00Z")
    order.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="anna.smirnova@gmail.com")
    order.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_PHONE, value="8 (916) 123-45-67")
    order.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_ORDER_ID, value="1001")
    order.attributes["name"] = "Anna Smirnova"
    order.attributes["address"] = "Moscow, Tverskaya 1"

    other = request.records.add(
        id="shop:order-1002", source="shop", channel=common_pb2.CHANNEL_WEB_FORM
    )
    other.observed_at.FromJsonString("2024-03-03T13:30:00Z")
    other.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="ivan.petrov@mail.ru")
    other.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_ORDER_ID, value="1002")
    return request


def type_name(identifier_type: int) -> str:
    return common_pb2.IdentifierType.Name(identifier_type).removeprefix("IDENTIFIER_TYPE_")


def main() -> None:
    response = cxkit.resolve_identities(build_request())
    cxkit.raise_for_status(response)  # a request unusable as a whole raises StatusError

    for issue in response.record_issues:  # single bad records or identifiers
        print(f"issue: {issue.item_id} {issue.field}: {issue.reason} {issue.message}")

    print(f"{len(response.profiles)} profiles")
    for profile in response.profiles:
        print(f"\nprofile {profile.profile_id}")
        print(f"  records: {', '.join(profile.record_ids)}")
        channels = [common_pb2.Channel.Name(c) for c in profile.summary.channels]
        print(f"  channels: {', '.join(c.removeprefix('CHANNEL_') for c in channels)}")
        for identifier in profile.identifiers:
            print(f"  {type_name(identifier.type)} {identifier.normalized_value}"
                  f" (written as {', '.join(repr(raw) for raw in identifier.raw_values)})")
        for attribute in profile.attributes:
            print(f"  {attribute.name} = {attribute.value!r} (from {attribute.record_id})")
        for link in profile.links:
            print(f"  evidence: {link.record_id} joined {link.joined_record_id}"
                  f" via {type_name(link.type)} {link.normalized_value}")


if __name__ == "__main__":
    main()
