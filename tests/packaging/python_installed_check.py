#!/usr/bin/env python3
"""Checks the cxkit Python package as `cmake --install` put it into a prefix.

Usage: python_installed_check.py PACKAGE_PARENT   (the directory that holds cxkit/)
Imports cxkit from there alone, checks that the package is complete (native module, every
generated cxkit.v1 *_pb2 module with its .pyi stub, py.typed, _cxkit.pyi), that every public
function has a docstring, and that each capability answers a small request. Exits non-zero with
a message on the first failure.
"""
import os
import sys


def check(condition, message):
    if not condition:
        sys.exit(f"installed Python package: {message}")


def main(parent):
    sys.path.insert(0, parent)
    import cxkit
    from cxkit.v1 import (common_pb2, conversation_pb2, identity_pb2, routing_pb2,
                          sla_pb2)

    package = os.path.dirname(cxkit.__file__)
    check(os.path.realpath(package).startswith(os.path.realpath(parent)),
          f"cxkit was imported from {package}, not from {parent}")
    for name in ["py.typed", "_cxkit.pyi", "v1/__init__.py"] + [
            f"v1/{area}_pb2.{ext}" for area in
            ["common", "identity", "conversation", "sla", "routing"] for ext in ["py", "pyi"]]:
        check(os.path.isfile(os.path.join(package, name)), f"{name} is missing")
    for name in cxkit.__all__:
        value = getattr(cxkit, name)
        if callable(value):
            check(bool(getattr(value, "__doc__", None)), f"cxkit.{name} has no docstring")

    ok = common_pb2.STATUS_CODE_OK
    record = identity_pb2.ContactRecord(id="r1")
    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="anna@mail.ru")
    identity = cxkit.resolve_identities(identity_pb2.ResolveIdentitiesRequest(records=[record]))
    check(identity.status.code == ok and len(identity.profiles) == 1, "resolve_identities")
    merged = cxkit.merge_conversations(conversation_pb2.MergeConversationsRequest())
    check(merged.status.code == ok, "merge_conversations")
    sla = sla_pb2.EvaluateSlaRequest()
    sla.now.FromJsonString("2026-05-04T10:00:20Z")
    check(cxkit.evaluate_sla(sla).status.code == ok, "evaluate_sla")
    staffing = sla_pb2.PlanStaffingRequest(target_service_level=0.8)
    staffing.average_handle_time.FromSeconds(180)
    staffing.service_level_threshold.FromSeconds(20)
    staffing.intervals.add(contacts=100)
    planned = cxkit.plan_staffing(staffing)
    check(planned.status.code == ok and planned.intervals[0].agents == 14, "plan_staffing")
    routing = routing_pb2.RouteConversationsRequest()
    routing.now.FromJsonString("2026-03-02T10:00:00Z")
    check(cxkit.route_conversations(routing).status.code == ok, "route_conversations")
    print(f"installed Python package cxkit {cxkit.__version__}: complete, every capability answers")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
