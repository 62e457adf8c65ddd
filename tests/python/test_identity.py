"""cxkit.resolve_identities() and its bytes twin, through the Python binding."""

import math
import os
import random
import re
from concurrent.futures import ThreadPoolExecutor

import cxkit
import pytest
from cxkit.v1 import common_pb2, identity_pb2

EMAIL = common_pb2.IDENTIFIER_TYPE_EMAIL
PHONE = common_pb2.IDENTIFIER_TYPE_PHONE
ORDER_ID = common_pb2.IDENTIFIER_TYPE_ORDER_ID
COOKIE = common_pb2.IDENTIFIER_TYPE_COOKIE
OK = common_pb2.STATUS_CODE_OK
INVALID_ARGUMENT = common_pb2.STATUS_CODE_INVALID_ARGUMENT


def make_request(*records, default_region=""):
    """A request from (id, [(type, value), ...], region) tuples; region may be omitted."""
    request = identity_pb2.ResolveIdentitiesRequest()
    request.policy.default_region = default_region
    for record_id, identifiers, *region in records:
        record = request.records.add(id=record_id, region=region[0] if region else "")
        for identifier_type, value in identifiers:
            record.identifiers.add(type=identifier_type, value=value)
    return request


def only_profile(response):
    assert response.status.code == OK, response.status
    assert len(response.profiles) == 1, response.profiles
    return response.profiles[0]


def identifier(profile, identifier_type):
    matches = [i for i in profile.identifiers if i.type == identifier_type]
    assert len(matches) == 1, profile.identifiers
    return matches[0]


def several_customers_request():
    """Three customers over seven records, every identifier valid (no per-record issues)."""
    return make_request(
        ("chat-1", [(PHONE, "+7 916 123 4567"), (COOKIE, "3f6c2a9e-8d41-4b7a-9c1e")]),
        ("order-1", [(EMAIL, "Anna.Smirnova@Gmail.com"), (PHONE, "8 (916) 123-45-67")], "RU"),
        ("mail-1", [(EMAIL, "anna.smirnova@gmail.com")]),
        ("order-2", [(EMAIL, "ivan.petrov@mail.ru"), (ORDER_ID, "1002")]),
        ("call-2", [(PHONE, "+49 30 123456")]),
        ("web-2", [(COOKIE, "b81d4fae-7dec-41d0-a765"), (ORDER_ID, "1002")]),
        ("mail-3", [(EMAIL, "olga@yandex.ru")]),
    )


def test_joins_emails_differing_only_in_case():
    response = cxkit.resolve_identities(
        make_request(
            ("mail-1", [(EMAIL, "Anna.Smirnova@Gmail.com")]),
            ("order-7", [(EMAIL, "anna.smirnova@gmail.com")]),
        )
    )

    profile = only_profile(response)
    assert list(profile.record_ids) == ["mail-1", "order-7"]
    email = identifier(profile, EMAIL)
    assert email.normalized_value == "anna.smirnova@gmail.com"
    assert list(email.raw_values) == ["Anna.Smirnova@Gmail.com", "anna.smirnova@gmail.com"]
    assert email.record_count == 2
    assert len(profile.links) == 1
    link = profile.links[0]
    assert {link.record_id, link.joined_record_id} == {"mail-1", "order-7"}
    assert link.type == EMAIL
    assert link.normalized_value == "anna.smirnova@gmail.com"


def test_joins_national_and_international_phone_to_e164():
    response = cxkit.resolve_identities(
        make_request(
            ("order-1", [(PHONE, "8 (916) 123-45-67")], "RU"),
            ("call-1", [(PHONE, "+7 916 123 4567")]),
        )
    )

    profile = only_profile(response)
    assert list(profile.record_ids) == ["call-1", "order-1"]
    phone = identifier(profile, PHONE)
    assert phone.normalized_value == "+79161234567"
    assert list(phone.raw_values) == ["+7 916 123 4567", "8 (916) 123-45-67"]
    assert len(profile.links) == 1
    assert profile.links[0].normalized_value == "+79161234567"


def test_default_region_applies_to_records_without_one():
    response = cxkit.resolve_identities(
        make_request(
            ("order-1", [(PHONE, "8 (916) 123-45-67")]),
            ("call-1", [(PHONE, "+7 916 123 4567")]),
            default_region="RU",
        )
    )

    assert identifier(only_profile(response), PHONE).normalized_value == "+79161234567"


def test_keeps_unrelated_records_apart():
    response = cxkit.resolve_identities(
        make_request(
            ("mail-1", [(EMAIL, "anna.smirnova@gmail.com")]),
            ("mail-2", [(EMAIL, "ivan.petrov@mail.ru")]),
        )
    )

    assert response.status.code == OK
    assert sorted(list(p.record_ids) for p in response.profiles) == [["mail-1"], ["mail-2"]]
    assert all(len(p.links) == 0 for p in response.profiles)


def test_several_customers_give_one_profile_each():
    response = cxkit.resolve_identities(several_customers_request())

    assert response.status.code == OK
    assert list(response.record_issues) == []
    assert sorted(list(p.record_ids) for p in response.profiles) == [
        ["call-2"],
        ["chat-1", "mail-1", "order-1"],
        ["mail-3"],
        ["order-2", "web-2"],
    ]
    for profile in response.profiles:
        assert len(profile.links) == len(profile.record_ids) - 1  # a spanning tree


def test_empty_request_is_ok_and_empty():
    response_bytes = cxkit.resolve_identities_bytes(b"")

    response = identity_pb2.ResolveIdentitiesResponse.FromString(response_bytes)

    assert response.status.code == OK
    assert list(response.profiles) == []


@pytest.mark.parametrize("garbage", [b"not a protobuf", b"\xff\xff\xff\xff\xff", b"\x0a\xff\x01"])
def test_unparseable_bytes_give_invalid_argument_on_field_request(garbage):
    response_bytes = cxkit.resolve_identities_bytes(garbage)

    response = identity_pb2.ResolveIdentitiesResponse.FromString(response_bytes)
    assert response.status.code == INVALID_ARGUMENT
    assert response.status.field == "request"
    assert "ResolveIdentitiesRequest" in response.status.message
    assert list(response.profiles) == []


def test_bytes_beyond_the_default_limit_are_refused_before_parsing():
    # 256 MiB + 1 zero bytes would not parse; the size is refused first, naming the limit.
    response = identity_pb2.ResolveIdentitiesResponse.FromString(
        cxkit.resolve_identities_bytes(bytes((256 << 20) + 1))
    )
    assert response.status.code == common_pb2.STATUS_CODE_RESOURCE_EXHAUSTED
    assert response.status.field == "policy.limits.max_request_bytes"
    assert response.status.message == (
        "request of 268435457 bytes exceeds policy.limits.max_request_bytes (268435456)"
    )


@pytest.mark.parametrize("wrong", [None, b"", "request", identity_pb2.ResolveIdentitiesResponse()])
def test_typed_function_rejects_other_types(wrong):
    with pytest.raises(TypeError, match="ResolveIdentitiesRequest"):
        cxkit.resolve_identities(wrong)


@pytest.mark.parametrize("wrong", [None, "request", 42])
def test_bytes_function_rejects_non_bytes(wrong):
    with pytest.raises(TypeError):
        cxkit.resolve_identities_bytes(wrong)


def test_duplicate_record_ids_are_invalid_argument_naming_the_field():
    response = cxkit.resolve_identities(
        make_request(
            ("order-1", [(EMAIL, "anna.smirnova@gmail.com")]),
            ("order-1", [(EMAIL, "ivan.petrov@mail.ru")]),
        )
    )

    assert response.status.code == INVALID_ARGUMENT
    assert response.status.field.startswith("records["), response.status
    assert list(response.profiles) == []
    with pytest.raises(cxkit.StatusError) as raised:
        cxkit.raise_for_status(response)
    assert raised.value.code == INVALID_ARGUMENT
    assert raised.value.field == response.status.field
    assert str(raised.value).startswith("STATUS_CODE_INVALID_ARGUMENT: ")


def test_raise_for_status_returns_ok_response():
    response = cxkit.resolve_identities(make_request(("mail-1", [(EMAIL, "olga@yandex.ru")])))

    assert cxkit.raise_for_status(response) is response


def test_same_request_gives_byte_identical_responses():
    request_bytes = several_customers_request().SerializeToString(deterministic=True)

    first = cxkit.resolve_identities_bytes(request_bytes)
    second = cxkit.resolve_identities_bytes(request_bytes)

    assert first == second
    assert cxkit.resolve_identities(several_customers_request()).SerializeToString(
        deterministic=True
    ) == first


def test_record_order_does_not_change_the_response():
    request = several_customers_request()
    expected = cxkit.resolve_identities_bytes(request.SerializeToString(deterministic=True))
    shuffler = random.Random(20240301)

    for _ in range(10):
        records = list(request.records)
        shuffler.shuffle(records)
        shuffled = identity_pb2.ResolveIdentitiesRequest(records=records, policy=request.policy)
        assert cxkit.resolve_identities_bytes(shuffled.SerializeToString()) == expected


def test_identifier_order_does_not_change_the_response():
    request = several_customers_request()
    expected = cxkit.resolve_identities_bytes(request.SerializeToString(deterministic=True))
    shuffler = random.Random(7)

    for _ in range(10):
        shuffled = identity_pb2.ResolveIdentitiesRequest()
        shuffled.CopyFrom(request)
        for record in shuffled.records:
            identifiers = list(record.identifiers)
            shuffler.shuffle(identifiers)
            del record.identifiers[:]
            record.identifiers.extend(identifiers)
        assert cxkit.resolve_identities_bytes(shuffled.SerializeToString()) == expected


def test_concurrent_calls_from_threads_give_the_same_results():
    requests = [
        several_customers_request().SerializeToString(),
        make_request(("mail-1", [(EMAIL, "Anna.Smirnova@Gmail.com")])).SerializeToString(),
        b"not a protobuf",
    ]
    expected = [cxkit.resolve_identities_bytes(r) for r in requests]
    work = [i % len(requests) for i in range(300)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: cxkit.resolve_identities_bytes(requests[i]), work))

    assert results == [expected[i] for i in work]


def test_version_is_major_minor_patch():
    assert re.fullmatch(r"\d+\.\d+\.\d+", cxkit.__version__)
    assert cxkit.version() == cxkit.__version__
    expected = os.environ.get("CXKIT_EXPECTED_VERSION")  # set by ctest
    if expected:
        assert cxkit.__version__ == expected


def probabilistic_request():
    """Three records without identifiers; two are one person by attributes."""
    request = identity_pb2.ResolveIdentitiesRequest()
    for record_id, family, born in [("r1", "Smirnova", "1990-03-07"),
                                    ("r2", "Smirnova", "07.03.1990"),
                                    ("r3", "Petrova", "1990-03-07")]:
        record = request.records.add(id=record_id)
        record.attributes["family_name"] = family
        record.attributes["birth_date"] = born
    matching = request.policy.probabilistic
    matching.enabled = True
    family = matching.comparisons.add(attribute="family_name")
    family.levels.add(kind=identity_pb2.COMPARISON_LEVEL_KIND_EXACT)
    birth = matching.comparisons.add(attribute="birth_date")
    birth.levels.add(kind=identity_pb2.COMPARISON_LEVEL_KIND_DATE_TYPO)
    key = matching.blocking_rules.add().keys.add(comparison="birth_date")
    key.transform = identity_pb2.BLOCKING_TRANSFORM_YEAR
    matching.review_threshold = 0.1
    model = matching.model
    model.prior_match_probability = 0.5
    for name in ["family_name", "birth_date"]:
        levels = model.comparisons.add(comparison=name).levels
        levels.add(m_probability=0.9, u_probability=0.01)
        levels.add(m_probability=0.1, u_probability=0.99)
    return request


def test_probabilistic_links_carry_evidence_and_suggestions():
    response = cxkit.resolve_identities(probabilistic_request())
    assert response.status.code == OK
    joined = [p for p in response.profiles if len(p.record_ids) == 2]
    assert [list(p.record_ids) for p in joined] == [["r1", "r2"]]
    match = joined[0].links[0].match
    assert match.match_weight == pytest.approx(2 * math.log2(90))
    assert [c.level for c in match.comparisons] == ["exact", "date_typo"]
    # r3 shares the birth date only: log2(90) + log2(0.1 / 0.99) -> p ~ 0.9.
    assert sorted((s.record_id, s.other_record_id) for s in response.suggestions) == [
        ("r1", "r3"), ("r2", "r3")]
    assert response.stats.candidate_pairs == 3
    assert response.model.comparisons[0].levels[0].label == "exact"


def test_probabilistic_bad_threshold_names_the_field():
    request = probabilistic_request()
    request.policy.probabilistic.match_threshold = 2
    response = cxkit.resolve_identities(request)
    assert response.status.code == INVALID_ARGUMENT
    assert response.status.field == "policy.probabilistic.match_threshold"
