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

// The smallest record id of group g (groups are sorted by record id).
absl::string_view FirstRecordId(const std::vector<RecordView>& records,
                                const RecordGroups& groups, uint32_t g) {
  return records[groups[g][0]].id;
}

std::string DerivedId(absl::string_view first_record_id, int attempt) {
  return absl::StrCat(
      "p-", HashToHex(attempt == 0 ? StableHash64(first_record_id)
                                   : StableHash64(absl::StrCat(first_record_id,
                                                               "#", attempt))));
}

// Gives each group in `fresh` the id derived from its first record id. A clash
// with a previous id or another derived id is astronomically rare, so the
// common path neither sorts nor keeps strings; clashing groups are re-derived
// in order of their first record ids, so the result does not depend on the
// order of the request.
void AssignDerivedIds(
    const std::vector<RecordView>& records, const RecordGroups& groups,
    const std::vector<uint32_t>& fresh,
    const google::protobuf::RepeatedPtrField<cxkit::v1::KnownProfile>& previous,
    std::vector<ProfileIdentity>* ids) {
  auto first_id = [&](uint32_t g) { return FirstRecordId(records, groups, g); };
  absl::flat_hash_set<absl::string_view> previous_ids;
  for (const auto& profile : previous)
    previous_ids.insert(profile.profile_id());
  absl::flat_hash_map<absl::string_view, uint32_t> owner;  // id -> group
  owner.reserve(fresh.size());
  std::vector<uint32_t> clashed;
  for (uint32_t g : fresh) {
    (*ids)[g].profile_id = DerivedId(first_id(g), 0);
    const absl::string_view id = (*ids)[g].profile_id;
    if (previous_ids.contains(id)) {
      clashed.push_back(g);
      continue;
    }
    auto [it, inserted] = owner.try_emplace(id, g);
    if (inserted) continue;
    // The smaller first record id keeps the id; the other re-derives. Keys view
    // the owner's string, so a new owner is re-inserted.
    if (first_id(g) < first_id(it->second)) {
      clashed.push_back(it->second);
      owner.erase(it);
      owner.try_emplace((*ids)[g].profile_id, g);
    } else {
      clashed.push_back(g);
    }
  }
  std::sort(clashed.begin(), clashed.end(),
            [&](uint32_t a, uint32_t b) { return first_id(a) < first_id(b); });
  for (uint32_t g : clashed) {
    std::string id;
    for (int attempt = 1;; ++attempt) {
      id = DerivedId(first_id(g), attempt);
      if (!previous_ids.contains(id) && !owner.contains(id)) break;
    }
    (*ids)[g].profile_id = std::move(id);
    owner.try_emplace((*ids)[g].profile_id, g);
  }
}

}  // namespace

std::vector<ProfileIdentity> AssignProfileIds(
    const cxkit::v1::ResolveIdentitiesRequest& request,
    const std::vector<RecordView>& records, const RecordGroups& groups) {
  const auto& previous = request.previous_profiles();
  absl::flat_hash_map<absl::string_view, uint32_t> previous_of_record;
  for (int p = 0; p < previous.size(); ++p) {
    for (const std::string& id : previous[p].record_ids()) {
      previous_of_record.try_emplace(id, static_cast<uint32_t>(p));
    }
  }
  auto first_id = [&](uint32_t g) { return FirstRecordId(records, groups, g); };

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
  AssignDerivedIds(records, groups, fresh, previous, &ids);
  return ids;
}

}  // namespace cxkit::identity
