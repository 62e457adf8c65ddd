"""Stubs of cxkit's native module: serialized request in, serialized response out."""

def resolve_identities_bytes(request: bytes) -> bytes:
    """Serialized ResolveIdentitiesRequest -> deterministically serialized response.

    Releases the GIL; never raises on bad input (errors are in the response's status).
    """

def evaluate_sla_bytes(request: bytes) -> bytes:
    """Serialized EvaluateSlaRequest -> deterministically serialized response."""

def plan_staffing_bytes(request: bytes) -> bytes:
    """Serialized PlanStaffingRequest -> deterministically serialized response."""

def merge_conversations_bytes(request: bytes) -> bytes:
    """Serialized MergeConversationsRequest -> deterministically serialized response.

    Releases the GIL; never raises on bad input (errors are in the response's status).
    """

def route_conversations_bytes(request: bytes) -> bytes:
    """Serialized RouteConversationsRequest -> deterministically serialized response.

    Releases the GIL; never raises on bad input (errors are in the response's status).
    """

def set_arena_pool_limit(bytes: int) -> int:
    """Sets the bytes of freed 4 MiB arena blocks kept for reuse; returns the previous limit."""

def arena_pool_bytes() -> int:
    """The bytes of freed arena blocks pooled now."""

def version() -> str:
    """The version of the loaded libcxkit, "MAJOR.MINOR.PATCH"."""
