#include "lib/identity/profile_ids.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "lib/common/proto_time.h"
#include "lib/common/stable_hash.h"

namespace cxkit::identity {
namespace {

struct Claim {
  uint32_t previous;  // index into request.previous_profiles
  uint32_t group;
  uint32_t
      records;  // how many of the previous profile's records the group holds
};

}  // namespace

std::vector<ProfileIdentity> AssignProfileIds(
    const cxkit::v1::ResolveIdentitiesRequest& request,
    const std::vector<RecordView>& records, const RecordGroups& groups) {
  const auto& previous = request.previous_profiles();
  absl::flat_hash_map<absl::string_view, uint32_t> previous_of_record;
  absl::flat_hash_set<std::string> used;
  for (int p = 0; p < previous.size(); ++p) {
    used.insert(previous[p].profile_id());
    for (const std::string& id : previous[p].record_ids()) {
      previous_of_record.try_emplace(id, static_cast<uint32_t>(p));
    }
  }
  auto first_id = [&](uint32_t g) { return records[groups[g][0]].id; };

  std::vector<Claim> claims;
  if (!previous_of_record.empty()) {
    absl::flat_hash_map<uint32_t, uint32_t> counts;
    for (uint32_t g = 0; g < groups.size(); ++g) {
      counts.clear();
      for (uint32_t r : groups[g]) {
        auto it = previous_of_record.find(records[r].id);
        if (it != previous_of_record.end()) ++counts[it->second];
      }
      for (const auto& [p, c] : counts) claims.push_back(Claim{p, g, c});
    }
  }
  // Per previous profile, the winning claim first.
  std::sort(claims.begin(), claims.end(), [&](const Claim& a, const Claim& b) {
    if (a.previous != b.previous) return a.previous < b.previous;
    if (a.records != b.records) return a.records > b.records;
    return first_id(a.group) < first_id(b.group);
  });
  std::vector<std::vector<uint32_t>> continued(groups.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    if (i == 0 || claims[i].previous != claims[i - 1].previous) {
      continued[claims[i].group].push_back(claims[i].previous);
    }
  }

  std::vector<ProfileIdentity> ids(groups.size());
  auto older = [&](uint32_t a, uint32_t b) {
    const auto& pa = previous[a];
    const auto& pb = previous[b];
    const absl::Time ta = pa.has_created_at()
                              ? FromProtoTimestamp(pa.created_at())
                              : absl::InfiniteFuture();
    const absl::Time tb = pb.has_created_at()
                              ? FromProtoTimestamp(pb.created_at())
                              : absl::InfiniteFuture();
    return std::tie(ta, pa.profile_id()) < std::tie(tb, pb.profile_id());
  };
  std::vector<uint32_t> fresh;
  for (uint32_t g = 0; g < groups.size(); ++g) {
    std::vector<uint32_t>& mine = continued[g];
    if (mine.empty()) {
      fresh.push_back(g);
      continue;
    }
    std::sort(mine.begin(), mine.end(), older);
    ids[g].profile_id = previous[mine[0]].profile_id();
    for (size_t i = 1; i < mine.size(); ++i) {
      ids[g].merged_profile_ids.push_back(previous[mine[i]].profile_id());
    }
    std::sort(ids[g].merged_profile_ids.begin(),
              ids[g].merged_profile_ids.end());
  }
  // New ids in the order of the groups' first record ids, so clashes resolve
  // the same way whatever the request's order.
  std::sort(fresh.begin(), fresh.end(),
            [&](uint32_t a, uint32_t b) { return first_id(a) < first_id(b); });
  for (uint32_t g : fresh) {
    std::string id = absl::StrCat("p-", HashToHex(StableHash64(first_id(g))));
    for (int attempt = 1; used.contains(id); ++attempt) {
      id = absl::StrCat(
          "p-",
          HashToHex(StableHash64(absl::StrCat(first_id(g), "#", attempt))));
    }
    used.insert(id);
    ids[g].profile_id = std::move(id);
  }
  return ids;
}

}  // namespace cxkit::identity
