"""The cxkit.v1 contract: protobuf modules generated from include/cxkit/v1/*.proto.

common_pb2 holds the shared types (Status, StatusCode, Channel, Identifier, ...),
identity_pb2 the messages of cxkit.resolve_identities(), routing_pb2 those of
cxkit.route_conversations().
"""
