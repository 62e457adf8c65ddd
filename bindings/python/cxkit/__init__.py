"""cxkit: omnichannel customer-service functions over protobuf messages.

Each function takes a request message of the ``cxkit.v1`` contract (the generated
``cxkit.v1.*_pb2`` modules) and returns the response message. The functions are pure and
deterministic (same request, same response, whatever the order of the input items), thread-safe,
and release the GIL while the C++ library works, so Python threads run in parallel.

They raise only TypeError, for an argument of the wrong type. Every other problem is reported in
the response: ``response.status`` (code, message and the path of the offending request field)
for a request that is unusable as a whole, per-item issues for single bad items. Use
raise_for_status() to turn a non-OK status into a StatusError.

Each function has a ``*_bytes`` twin taking and returning serialized messages, for callers that
already hold bytes (queues, Dask, other processes).

Example:
    import cxkit
    from cxkit.v1 import common_pb2, identity_pb2

    request = identity_pb2.ResolveIdentitiesRequest()
    record = request.records.add(id="order-1")
    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="Anna.Smirnova@Gmail.com")
    response = cxkit.raise_for_status(cxkit.resolve_identities(request))
    for profile in response.profiles:
        print(profile.profile_id, list(profile.record_ids))
"""

from typing import Callable, Protocol, Type, TypeVar

# The native module first: it loads libcxkit, whose C++ descriptors the cpp protobuf runtime
# then shares with the *_pb2 modules.
from cxkit._cxkit import (
    arena_pool_bytes,
    evaluate_sla_bytes,
    merge_conversations_bytes,
    plan_staffing_bytes,
    resolve_identities_bytes,
    route_conversations_bytes,
    set_arena_pool_limit,
    version,
)
from cxkit.v1 import common_pb2, conversation_pb2, identity_pb2, routing_pb2, sla_pb2
from google.protobuf.message import Message

__all__ = [
    "StatusError",
    "__version__",
    "arena_pool_bytes",
    "evaluate_sla",
    "evaluate_sla_bytes",
    "merge_conversations",
    "merge_conversations_bytes",
    "plan_staffing",
    "plan_staffing_bytes",
    "raise_for_status",
    "resolve_identities",
    "resolve_identities_bytes",
    "route_conversations",
    "route_conversations_bytes",
    "set_arena_pool_limit",
    "version",
]

#: Version of the loaded libcxkit, "MAJOR.MINOR.PATCH".
__version__: str = version()

_Request = TypeVar("_Request", bound=Message)
_Response = TypeVar("_Response", bound=Message)


def _call(
    name: str,
    bytes_function: Callable[[bytes], bytes],
    request: _Request,
    request_type: Type[_Request],
    response_type: Type[_Response],
) -> _Response:
    """Calls ``bytes_function`` on the serialized ``request`` and parses its response."""
    if not isinstance(request, request_type):
        raise TypeError(
            f"{name}() expects a {request_type.__module__}.{request_type.__qualname__}, "
            f"got {type(request).__module__}.{type(request).__qualname__}"
        )
    response_bytes = bytes_function(request.SerializeToString(deterministic=True))
    return response_type.FromString(response_bytes)


def resolve_identities(
    request: identity_pb2.ResolveIdentitiesRequest,
) -> identity_pb2.ResolveIdentitiesResponse:
    """Resolves contact records into customer profiles; see cxkit/identity.h.

    Records sharing a normalized identifier (e-mail lowercased, phones in E.164, ...) are joined
    into one profile, within the limits of ``request.policy``; every profile carries the links
    that joined it. Pure, deterministic, thread-safe; releases the GIL.

    Raises:
        TypeError: ``request`` is not a cxkit.v1.identity_pb2.ResolveIdentitiesRequest.
        Nothing else: errors are in ``response.status`` and ``response.record_issues``.
    """
    return _call(
        "resolve_identities",
        resolve_identities_bytes,
        request,
        identity_pb2.ResolveIdentitiesRequest,
        identity_pb2.ResolveIdentitiesResponse,
    )


def evaluate_sla(request: sla_pb2.EvaluateSlaRequest) -> sla_pb2.EvaluateSlaResponse:
    """Evaluates SLA clocks of conversations at ``request.now``; see cxkit/sla.h.

    For each conversation and each metric of its policy: completed and ongoing cycles, the due
    time in business time of the target's calendar, paused / warning / breached flags, and the
    next instant anything changes; plus the service level per channel. Pure, deterministic,
    thread-safe; releases the GIL.

    Raises:
        TypeError: ``request`` is not a cxkit.v1.sla_pb2.EvaluateSlaRequest.
        Nothing else: errors are in ``response.status`` and ``response.conversation_issues``.
    """
    return _call(
        "evaluate_sla",
        evaluate_sla_bytes,
        request,
        sla_pb2.EvaluateSlaRequest,
        sla_pb2.EvaluateSlaResponse,
    )


def plan_staffing(request: sla_pb2.PlanStaffingRequest) -> sla_pb2.PlanStaffingResponse:
    """Plans agents per interval with Erlang C or Erlang A; see cxkit/sla.h.

    Raises:
        TypeError: ``request`` is not a cxkit.v1.sla_pb2.PlanStaffingRequest.
        Nothing else: errors (e.g. a load beyond capacity) are in ``response.status``.
    """
    return _call(
        "plan_staffing",
        plan_staffing_bytes,
        request,
        sla_pb2.PlanStaffingRequest,
        sla_pb2.PlanStaffingResponse,
    )


def merge_conversations(
    request: conversation_pb2.MergeConversationsRequest,
) -> conversation_pb2.MergeConversationsResponse:
    """Merges messages, calls and e-mails into conversations; see cxkit/conversation.h.

    E-mails thread by their headers (JWZ), then by base subject for the same customer; chats join
    by thread key and idle gap; a customer's messages on other channels join an open conversation
    with the same order or ticket reference or shortly after it. Customers come from
    ``message.customer_id``, from ``request.customer_profiles`` (paste a ResolveIdentitiesResponse's
    profiles) or ``request.customers``, else from the sender's identifier. Every merge carries its
    evidence. Pure, deterministic, thread-safe; releases the GIL.

    Raises:
        TypeError: ``request`` is not a cxkit.v1.conversation_pb2.MergeConversationsRequest.
        Nothing else: errors are in ``response.status`` and ``response.message_issues``.
    """
    return _call(
        "merge_conversations",
        merge_conversations_bytes,
        request,
        conversation_pb2.MergeConversationsRequest,
        conversation_pb2.MergeConversationsResponse,
    )


def route_conversations(
    request: routing_pb2.RouteConversationsRequest,
) -> routing_pb2.RouteConversationsResponse:
    """Routes waiting work items to agents; see cxkit/routing.h.

    Eligibility (status, capacity, language, skills, team, exclusions), a weighted score with a
    per-component breakdown, bullseye relaxation, and a batch assignment: greedy in queue order,
    or optimal (most items, then best total score) with ``request.policy.mode``. Pure,
    deterministic, thread-safe; releases the GIL.

    Raises:
        TypeError: ``request`` is not a cxkit.v1.routing_pb2.RouteConversationsRequest.
        Nothing else: errors are in ``response.status`` and ``response.item_issues``.
    """
    return _call(
        "route_conversations",
        route_conversations_bytes,
        request,
        routing_pb2.RouteConversationsRequest,
        routing_pb2.RouteConversationsResponse,
    )


class StatusError(Exception):
    """A response whose status is not OK; raised by raise_for_status().

    Attributes:
        status: the response's cxkit.v1.common_pb2.Status.
        code: its code, a cxkit.v1.common_pb2.StatusCode value.
        message: its human-readable message.
        field: the path of the offending request field, e.g. "records[1].id", or "".
    """

    def __init__(self, status: common_pb2.Status) -> None:
        super().__init__(status)
        self.status = status

    @property
    def code(self) -> int:
        return self.status.code

    @property
    def message(self) -> str:
        return self.status.message

    @property
    def field(self) -> str:
        return self.status.field

    def __str__(self) -> str:
        try:
            code = common_pb2.StatusCode.Name(self.code)
        except ValueError:
            code = f"status code {self.code}"
        where = f" (field {self.field})" if self.field else ""
        return f"{code}: {self.message}{where}"


class _HasStatus(Protocol):
    @property
    def status(self) -> common_pb2.Status: ...


_WithStatus = TypeVar("_WithStatus", bound=_HasStatus)


def raise_for_status(response: _WithStatus) -> _WithStatus:
    """Returns ``response`` when its status is OK, else raises StatusError.

    Per-item issues (e.g. ``record_issues``) do not raise: they do not fail the call.

    Example:
        profiles = cxkit.raise_for_status(cxkit.resolve_identities(request)).profiles
    """
    if response.status.code != common_pb2.STATUS_CODE_OK:
        raise StatusError(response.status)
    return response
