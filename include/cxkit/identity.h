// Customer-identity resolution.
//
// ResolveIdentities() decides which contact records (CRM rows, orders, chats,
// calls, visits) belong to one customer. Identifiers are normalized per type
// (e-mail case and provider rules, phones to E.164 with libphonenumber,
// messenger ids scoped by their namespace), junk and blocked values are
// dropped, values shared by implausibly many customers ("hubs") are ignored,
// and records sharing a value are joined by union-find, in rank order, refusing
// any link that would give a profile more values of a type than its limit
// allows. Every profile carries the links that joined it and a 360° summary.
//
// Example:
//   cxkit::v1::ResolveIdentitiesRequest request;
//   auto* record = request.add_records();
//   record->set_id("order-1");
//   auto* email = record->add_identifiers();
//   email->set_type(cxkit::v1::IDENTIFIER_TYPE_EMAIL);
//   email->set_value("Anna.Smirnova@Gmail.com");
//   cxkit::v1::ResolveIdentitiesResponse response =
//   cxkit::ResolveIdentities(request); if (response.status().code() !=
//   cxkit::v1::STATUS_CODE_OK) { /* status().field() */ }

#ifndef CXKIT_IDENTITY_H_
#define CXKIT_IDENTITY_H_

#include "absl/status/status.h"
#include "cxkit/v1/identity.pb.h"

namespace cxkit {

// Resolves the records of `request` into customer profiles.
//
// Pure and deterministic: the response depends only on the request, and is
// byte-identical whatever the order of records, identifiers or rules, except
// that record_issues name a record by its position (item_index, field path).
// Thread-safe; never throws; does not keep references to `request`.
//
// Errors: a request that fails ValidateResolveIdentitiesRequest() gets that
// status (with the field path) and nothing else. A bad record (too many
// identifiers or attributes, an oversized attribute, an invalid timestamp) is
// an ERROR item in record_issues and is left out; an unusable identifier
// (unparseable, blocked, oversized, unknown type) is a WARNING and the record
// goes on without it.
//
// Complexity: O(n log^2 n) time and O(n) memory in the number of identifiers,
// for any input within IdentityLimits (which bound identifiers per record,
// value sizes and blocked patterns; each distinct value is matched against the
// patterns once, within RE2's memory budget).
cxkit::v1::ResolveIdentitiesResponse ResolveIdentities(
    const cxkit::v1::ResolveIdentitiesRequest& request);

// Same as ResolveIdentities(), writing into `*response` (cleared first).
// `response` may live on a google::protobuf::Arena: a large response is then
// several times cheaper to build and to free (cxkit-bench times it so).
// `response` must not be null.
void ResolveIdentitiesInto(const cxkit::v1::ResolveIdentitiesRequest& request,
                           cxkit::v1::ResolveIdentitiesResponse* response);

// Returns the first problem that makes `request` unusable as a whole (missing
// or duplicate record ids, bad patterns or regions in the policy, limits
// exceeded), with the field path in the message, or OK. ResolveIdentities()
// calls it first. Thread-safe; O(n).
absl::Status ValidateResolveIdentitiesRequest(
    const cxkit::v1::ResolveIdentitiesRequest& request);

}  // namespace cxkit

#endif  // CXKIT_IDENTITY_H_
