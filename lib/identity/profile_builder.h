// Turns the record groups into CustomerProfile messages with their evidence and
// summary.

#ifndef CXKIT_LIB_IDENTITY_PROFILE_BUILDER_H_
#define CXKIT_LIB_IDENTITY_PROFILE_BUILDER_H_

#include "cxkit/v1/identity.pb.h"
#include "lib/identity/identifier_rules.h"
#include "lib/identity/identity_index.h"
#include "lib/identity/limited_linker.h"

namespace cxkit::identity {

// Appends one profile per group of non-excluded records to
// `response->profiles`, sorted by profile id, each with its records (sorted)
// and merged previous ids and, unless request.output omits them, its
// identifiers, links, surviving attributes and summary; fills the profile
// counts of `response->stats`.
void BuildProfiles(const cxkit::v1::ResolveIdentitiesRequest& request,
                   const IdentifierRules& rules, const IdentityIndex& index,
                   const Clustering& clustering,
                   cxkit::v1::ResolveIdentitiesResponse* response);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PROFILE_BUILDER_H_
