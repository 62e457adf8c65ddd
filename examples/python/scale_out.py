#!/usr/bin/env python3
"""Identity resolution for a customer base split into partitions, on a Dask cluster.

When the records no longer fit one call (one machine, one process), resolve them in three
steps on a dask.distributed cluster (local worker processes by default, or any scheduler):

1. Key: every partition is resolved on its own, in parallel. This does the expensive work
   (normalizing e-mails and phones) and yields local profiles with their normalized keys.
2. Join: local profiles of different partitions that share a normalized key belong to one
   connected component (union-find over the keys, on the client: one small record per local
   profile). A component holds every record that could possibly be linked to another, so a
   component can be resolved without looking at any other.
3. Resolve: components are packed into partitions (whole components only) and each partition
   is resolved again, in parallel. cxkit's decisions (links, limits, hub values, survivorship,
   derived profile ids) depend only on the records of a component, so the concatenated
   profiles equal those of one call over all records, profile for profile, byte for byte.
4. Merge: every record here is also an inbound message; messages are partitioned by the
   customer (profile) they belong to and each partition is merged into conversations with its
   customers' profiles, in parallel. The merging rules that join messages of one customer need
   only that customer's messages, so the conversations equal those of one call (compared
   without `message_indexes`, which are positions in each request). One exception: an order
   number mentioned by two customers; one call refuses to merge the second customer's messages
   by it, a partition that holds only the second customer cannot know.

Usage (after the build; Debian's python3 has dask.distributed from python3-distributed):
    PYTHONPATH=build/python /usr/bin/python3 examples/python/scale_out.py \
        --customers 20000 --partitions 8 [--scheduler tcp://host:8786] [--verify]

--records FILE reads your own records (JSON Lines, one cxkit.v1.ContactRecord per line in the
proto3 JSON mapping) instead of generating them. --verify also makes the single call and
checks that both results (profiles and conversations) are identical. Previous profiles (stable ids across runs) are left
out of this example: pass the ones of each component with its records in step 3.
"""

import argparse
import random
import sys
from typing import Dict, Iterable, List, Sequence, Tuple

import cxkit
from cxkit.v1 import common_pb2, conversation_pb2, identity_pb2
from distributed import Client, LocalCluster
from google.protobuf import json_format

# ---- Steps 1 and 3: run on the workers (bytes in, bytes out) ------------------------------


def resolve_partition(records: Sequence[bytes], policy: bytes) -> bytes:
    """Resolves one partition of serialized ContactRecords; returns the serialized response.

    Raises cxkit.StatusError when the request as a whole is unusable (e.g. a bad policy).
    """
    request = identity_pb2.ResolveIdentitiesRequest()
    request.policy.ParseFromString(policy)
    for record in records:
        request.records.add().ParseFromString(record)
    return cxkit.raise_for_status(cxkit.resolve_identities(request)).SerializeToString()


def merge_partition(messages: Sequence[bytes], profiles: Sequence[bytes]) -> bytes:
    """Merges one partition of serialized ConversationMessages into conversations, with the
    serialized CustomerProfiles of its customers; returns the serialized response."""
    request = conversation_pb2.MergeConversationsRequest()
    request.policy.default_region = "RU"
    for message in messages:
        request.messages.add().ParseFromString(message)
    for profile in profiles:
        request.customer_profiles.add().ParseFromString(profile)
    return cxkit.raise_for_status(cxkit.merge_conversations(request)).SerializeToString()


def local_profile_keys(response_bytes: bytes) -> List[Tuple[List[str], List[str]]]:
    """(record ids, normalized keys) of each local profile of a step-1 response.

    A key is the normalized value alone, whatever its type: keys that are equal across types
    only make components coarser, which never changes the result (see step 2).
    """
    response = identity_pb2.ResolveIdentitiesResponse.FromString(response_bytes)
    return [
        (list(profile.record_ids), [i.normalized_value for i in profile.identifiers])
        for profile in response.profiles
    ]


# ---- Step 2: connected components over the shared keys, on the client ---------------------


class _UnionFind:
    """Union-find over dense integer ids, with path halving."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def components(
    local_profiles: Iterable[Tuple[List[str], List[str]]]
) -> List[List[str]]:
    """Record ids grouped by connected component of local profiles sharing a key.

    Deterministic: each component's ids are sorted, components ordered by their first id.
    """
    profiles = list(local_profiles)
    union_find = _UnionFind(len(profiles))
    owner_of_key: Dict[str, int] = {}
    for index, (_, keys) in enumerate(profiles):
        for key in keys:
            union_find.union(owner_of_key.setdefault(key, index), index)
    grouped: Dict[int, List[str]] = {}
    for index, (record_ids, _) in enumerate(profiles):
        grouped.setdefault(union_find.find(index), []).extend(record_ids)
    return sorted((sorted(ids) for ids in grouped.values()), key=lambda ids: ids[0])


def pack(groups: List[List[str]], partitions: int) -> List[List[str]]:
    """Packs whole components into `partitions` bins of similar size (largest first)."""
    bins: List[List[str]] = [[] for _ in range(partitions)]
    for group in sorted(groups, key=lambda ids: (-len(ids), ids[0])):
        min(bins, key=len).extend(group)
    return [b for b in bins if b]


# ---- The driver ----------------------------------------------------------------------------


def resolve_distributed(
    client: Client,
    records: List[identity_pb2.ContactRecord],
    policy: identity_pb2.IdentityPolicy,
    partitions: int,
) -> List[identity_pb2.CustomerProfile]:
    """The three steps; returns the profiles sorted by profile id."""
    by_id = {record.id: record.SerializeToString(deterministic=True) for record in records}
    if len(by_id) != len(records):
        raise ValueError("record ids must be unique across all partitions")
    policy_bytes = policy.SerializeToString(deterministic=True)
    policy_future = client.scatter(policy_bytes, broadcast=True)

    # Step 1: any split will do; here by position.
    ids = [record.id for record in records]
    first = [ids[i::partitions] for i in range(partitions) if ids[i::partitions]]
    step1 = client.map(
        resolve_partition, [[by_id[i] for i in part] for part in first],
        [policy_future] * len(first))
    step1_keys = client.map(local_profile_keys, step1)

    # Step 2: on the client.
    local_profiles = [p for part in client.gather(step1_keys) for p in part]
    groups = components(local_profiles)

    # Step 3: whole components per partition.
    final = client.map(
        resolve_partition,
        [[by_id[i] for i in part] for part in pack(groups, partitions)],
        [policy_future] * partitions)
    profiles = []
    for response_bytes in client.gather(final):
        profiles.extend(identity_pb2.ResolveIdentitiesResponse.FromString(response_bytes).profiles)
    return sorted(profiles, key=lambda profile: profile.profile_id)


def merge_distributed(
    client: Client,
    messages: List[conversation_pb2.ConversationMessage],
    profiles: List[identity_pb2.CustomerProfile],
    partitions: int,
) -> List[conversation_pb2.Conversation]:
    """Step 4: messages partitioned by customer; conversations sorted by id."""
    customer_of = {record_id: p for p in profiles for record_id in p.record_ids}
    parts: List[Tuple[List[bytes], Dict[str, bytes]]] = [([], {}) for _ in range(partitions)]
    for message in messages:
        profile = customer_of[message.id]
        # Any stable assignment of customers to partitions will do.
        part = parts[sum(profile.profile_id.encode()) % partitions]
        part[0].append(message.SerializeToString(deterministic=True))
        part[1].setdefault(profile.profile_id, profile.SerializeToString(deterministic=True))
    merged = client.map(merge_partition, [m for m, _ in parts if m],
                        [sorted(p.values()) for m, p in parts if m])
    conversations = []
    for response_bytes in client.gather(merged):
        response = conversation_pb2.MergeConversationsResponse.FromString(response_bytes)
        conversations.extend(response.conversations)
    return canonical_conversations(conversations)


def canonical_conversations(
    conversations: Iterable[conversation_pb2.Conversation],
) -> List[conversation_pb2.Conversation]:
    """Sorted by id, without `message_indexes` (positions in one request)."""
    out = []
    for conversation in conversations:
        copy = conversation_pb2.Conversation()
        copy.CopyFrom(conversation)
        del copy.message_indexes[:]
        out.append(copy)
    return sorted(out, key=lambda c: c.conversation_id)


def merge_single_call(
    messages: List[conversation_pb2.ConversationMessage],
    profiles: List[identity_pb2.CustomerProfile],
) -> List[conversation_pb2.Conversation]:
    """The reference: one call over all messages with all profiles."""
    request = conversation_pb2.MergeConversationsRequest(
        messages=messages, customer_profiles=profiles)
    request.policy.default_region = "RU"
    response = cxkit.raise_for_status(cxkit.merge_conversations(request))
    return canonical_conversations(response.conversations)


def messages_of(
    records: List[identity_pb2.ContactRecord], profiles: List[identity_pb2.CustomerProfile]
) -> List[conversation_pb2.ConversationMessage]:
    """Each record as the inbound message that produced it; every fourth mentions the order of
    the customer (profile) it belongs to, so no order number is shared by two customers."""
    customer_of = {record_id: p.profile_id for p in profiles for record_id in p.record_ids}
    messages = []
    for index, record in enumerate(records):
        message = conversation_pb2.ConversationMessage(
            id=record.id, channel=record.channel,
            direction=conversation_pb2.MESSAGE_DIRECTION_INBOUND,
            author_kind=conversation_pb2.AUTHOR_KIND_CUSTOMER, sender=record.identifiers)
        message.sent_at.CopyFrom(record.observed_at)
        order = int(customer_of[record.id][2:12], 16)  # from the profile id's hex digits
        message.text = f"order {order}" if index % 4 == 0 else "hello, a question"
        messages.append(message)
    return messages


def resolve_single_call(
    records: List[identity_pb2.ContactRecord], policy: identity_pb2.IdentityPolicy
) -> List[identity_pb2.CustomerProfile]:
    """The reference: one call over all records, profiles sorted by profile id."""
    request = identity_pb2.ResolveIdentitiesRequest(records=records, policy=policy)
    response = cxkit.raise_for_status(cxkit.resolve_identities(request))
    return sorted(response.profiles, key=lambda profile: profile.profile_id)


def serialized(messages: Iterable) -> List[bytes]:
    return [m.SerializeToString(deterministic=True) for m in messages]


# ---- Data ----------------------------------------------------------------------------------


def generate_records(customers: int, seed: int) -> List[identity_pb2.ContactRecord]:
    """A seeded customer base: 1 to 5 records per customer over e-mail, phone, WhatsApp,
    Messenger and the shop's CRM, with case and format variants, shared family e-mails, the
    shop's own phone on many call records (a hub value) and junk values."""
    rng = random.Random(seed)
    records: List[identity_pb2.ContactRecord] = []
    families = [f"family{n}@mail.ru" for n in range(max(1, customers // 50))]
    for c in range(customers):
        email = f"customer{c}@{rng.choice(['mail.ru', 'gmail.com', 'yandex.ru', 'web.de'])}"
        phone = f"+7916{c:07d}"
        for r in range(rng.randint(1, 5)):
            record = identity_pb2.ContactRecord(id=f"c{c}-r{r}", source="shop", region="RU")
            record.observed_at.FromSeconds(1_700_000_000 + rng.randrange(86_400 * 30))
            kind = rng.random()
            if kind < 0.35:
                record.channel = common_pb2.CHANNEL_EMAIL
                value = email.upper() if rng.random() < 0.2 else email
                record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value=value)
            elif kind < 0.6:
                record.channel = common_pb2.CHANNEL_PHONE
                national = f"8 ({phone[2:5]}) {phone[5:8]}-{phone[8:10]}-{phone[10:]}"
                record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_PHONE,
                                       value=rng.choice([phone, national]))
                if rng.random() < 0.3:  # calls to the shop's own line carry its number
                    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_PHONE,
                                           value="+74950000000")
            elif kind < 0.8:
                record.channel = common_pb2.CHANNEL_WHATSAPP
                record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_WHATSAPP_ID,
                                       value=phone[1:])
            elif kind < 0.9:
                record.channel = common_pb2.CHANNEL_MESSENGER
                record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_MESSENGER_PSID,
                                       namespace="page-1", value=f"psid-{c}")
                if r > 0:  # the chat bot asked for the e-mail
                    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value=email)
            else:
                record.channel = common_pb2.CHANNEL_WEB_FORM
                record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_CRM_ID, value=f"crm-{c}")
                record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_PHONE, value=phone)
                if rng.random() < 0.1:
                    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL,
                                           value=rng.choice(families))
                if rng.random() < 0.05:
                    record.identifiers.add(type=common_pb2.IDENTIFIER_TYPE_EMAIL, value="null")
            record.attributes["name"] = f"Customer {c}"
            records.append(record)
    rng.shuffle(records)
    return records


def read_records(path: str) -> List[identity_pb2.ContactRecord]:
    with open(path, encoding="utf-8") as lines:
        return [
            json_format.Parse(line, identity_pb2.ContactRecord())
            for line in lines if line.strip()
        ]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=5000, help="generated customers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--records", help="JSON Lines of cxkit.v1.ContactRecord instead")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--verify", action="store_true",
                        help="compare with one call over all records")
    args = parser.parse_args(argv)
    if args.partitions < 1:
        parser.error("--partitions must be at least 1")

    records = read_records(args.records) if args.records else generate_records(
        args.customers, args.seed)
    policy = identity_pb2.IdentityPolicy(default_region="RU")

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    with client:
        profiles = resolve_distributed(client, records, policy, args.partitions)
        messages = messages_of(records, profiles) if not args.records else []
        conversations = merge_distributed(client, messages, profiles, args.partitions)
    linked = sum(1 for p in profiles if len(p.record_ids) > 1)
    print(f"{len(records)} records in {args.partitions} partitions -> {len(profiles)} "
          f"customers ({linked} recognised across several records)")
    if messages:
        crossing = sum(1 for c in conversations if len(c.channels) > 1)
        print(f"{len(messages)} messages in {args.partitions} partitions by customer -> "
              f"{len(conversations)} conversations ({crossing} across channels)")
    if args.verify:
        same = serialized(profiles) == serialized(resolve_single_call(records, policy))
        print("identical to one call over all records:", "yes" if same else "NO")
        if messages:
            same_conversations = serialized(conversations) == serialized(
                merge_single_call(messages, resolve_single_call(records, policy)))
            print("conversations identical to one call over all messages:",
                  "yes" if same_conversations else "NO")
            same = same and same_conversations
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
