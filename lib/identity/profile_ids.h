// Stable profile ids across calls.

#ifndef CXKIT_LIB_IDENTITY_PROFILE_IDS_H_
#define CXKIT_LIB_IDENTITY_PROFILE_IDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "cxkit/v1/identity.pb.h"
#include "lib/identity/identity_index.h"

namespace cxkit::identity {

// Records partitioned into groups (future profiles): group g is
// records[begin[g] .. begin[g + 1]), sorted by record id.
struct RecordGroups {
  std::vector<uint32_t> begin{0};
  std::vector<uint32_t> records;

  uint32_t size() const { return static_cast<uint32_t>(begin.size() - 1); }
  absl::Span<const uint32_t> operator[](uint32_t g) const {
    return absl::MakeConstSpan(records.data() + begin[g],
                               begin[g + 1] - begin[g]);
  }
};

struct ProfileIdentity {
  std::string profile_id;
  // Previous ids absorbed by this profile, sorted.
  std::vector<std::string> merged_profile_ids;
};

// Names each group (its records as request indices, sorted by record id). A
// previous profile continues in the group holding most of its records (ties:
// the group whose first record id is smaller); a group continuing several keeps
// the oldest (created_at, then smaller id) and lists the others as merged.
// Other groups get "p-" + 16 hex digits of the StableHash64 of their first
// record id, re-derived on a clash with any previous or assigned id.
// Deterministic and independent of the request's order.
std::vector<ProfileIdentity> AssignProfileIds(
    const cxkit::v1::ResolveIdentitiesRequest& request,
    const std::vector<RecordView>& records, const RecordGroups& groups);

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_PROFILE_IDS_H_
