"""The cxkit.v1 contract: protobuf modules generated from include/cxkit/v1/*.proto.

common_pb2 holds the shared types (Status, StatusCode, Channel, Identifier, ...),
identity_pb2 the messages of cxkit.resolve_identities(), conversation_pb2 those of
cxkit.merge_conversations(), sla_pb2 those of cxkit.evaluate_sla() and cxkit.plan_staffing(),
routing_pb2 those of cxkit.route_conversations().
"""
