// Hub protection: values shared by more customers than is plausible link
// nothing.

#ifndef CXKIT_LIB_IDENTITY_HUB_DETECTOR_H_
#define CXKIT_LIB_IDENTITY_HUB_DETECTOR_H_

#include "cxkit/v1/identity.pb.h"
#include "lib/identity/identifier_rules.h"
#include "lib/identity/identity_index.h"

namespace cxkit::identity {

// Marks as hubs (IdentityKey::hub) the linking keys whose records hold more
// distinct values of some limited type T than max(floor(max_per_profile(T) *
// tolerance), the most T values any one of those records holds itself): linking
// them would put implausibly many T values into one customer. The test looks
// only at what a value co-occurs with, so it means the same for 10 thousand or
// 10 million records. Appends a HubValue per hub to `response->hub_values`,
// sorted by type, custom type, namespace and value. Cost: O(sum of the
// identifiers of the records of every value seen in 2+ records).
void DetectHubs(const cxkit::v1::HubDetection& options,
                const IdentifierRules& rules, IdentityIndex* index,
                cxkit::v1::ResolveIdentitiesResponse* response);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_HUB_DETECTOR_H_
