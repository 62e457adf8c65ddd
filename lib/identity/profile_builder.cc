#include "lib/identity/profile_builder.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <vector>

#include "absl/time/time.h"
#include "lib/common/proto_time.h"
#include "lib/identity/profile_ids.h"
#include "lib/identity/survivorship.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::ContactRecord;
using cxkit::v1::CustomerProfile;
using cxkit::v1::ResolveIdentitiesRequest;

// Groups of records by union-find root, each sorted by record id.
std::vector<std::vector<uint32_t>> GroupRecords(
    const ResolveIdentitiesRequest& request, const IdentityIndex& index,
    const Clustering& clustering, std::vector<uint32_t>* group_of_root) {
  const uint32_t n = static_cast<uint32_t>(request.records_size());
  std::vector<std::vector<uint32_t>> groups;
  group_of_root->assign(n, UINT32_MAX);
  for (uint32_t r = 0; r < n; ++r) {
    if (index.excluded[r]) continue;
    uint32_t& g = (*group_of_root)[clustering.root[r]];
    if (g == UINT32_MAX) {
      g = static_cast<uint32_t>(groups.size());
      groups.emplace_back();
    }
    groups[g].push_back(r);
  }
  for (auto& group : groups) {
    std::sort(group.begin(), group.end(), [&](uint32_t a, uint32_t b) {
      return index.records[a].id < index.records[b].id;
    });
  }
  return groups;
}

void AddIdentifiers(const IdentifierRules& rules, const IdentityIndex& index,
                    const std::vector<uint32_t>& records,
                    std::vector<Occurrence>* scratch,
                    CustomerProfile* profile) {
  scratch->clear();
  for (uint32_t r : records) {
    for (const Occurrence& o : index.OccurrencesOf(r)) scratch->push_back(o);
  }
  auto order = [&](const Occurrence& o) {
    const IdentityKey& key = index.keys[o.key];
    return std::tie(key.type, rules.rule(key.rule).custom_type, key.namespace_,
                    key.value, o.raw);
  };
  std::sort(scratch->begin(), scratch->end(),
            [&](const Occurrence& a, const Occurrence& b) {
              return order(a) < order(b);
            });
  cxkit::v1::ProfileIdentifier* current = nullptr;
  uint32_t current_key = UINT32_MAX;
  for (const Occurrence& o : *scratch) {
    if (o.key != current_key) {
      const IdentityKey& key = index.keys[o.key];
      current = profile->add_identifiers();
      current->set_type(key.type);
      current->set_custom_type(rules.rule(key.rule).custom_type);
      current->set_namespace_(key.namespace_.data(), key.namespace_.size());
      current->set_normalized_value(key.value.data(), key.value.size());
      current->set_hub(key.hub);
      current_key = o.key;
    }
    current->set_record_count(current->record_count() + 1);
    if (current->raw_values_size() == 0 ||
        current->raw_values(current->raw_values_size() - 1) != o.raw) {
      current->add_raw_values(std::string(o.raw));
    }
  }
}

void AddSummary(const IdentityIndex& index,
                const std::vector<uint32_t>& records,
                CustomerProfile* profile) {
  cxkit::v1::ProfileSummary* summary = profile->mutable_summary();
  summary->set_record_count(static_cast<uint32_t>(records.size()));
  std::vector<uint32_t> channel_counts(cxkit::v1::Channel_ARRAYSIZE, 0);
  std::vector<absl::string_view> sources;
  absl::Time first = absl::InfiniteFuture();
  absl::Time last = absl::InfinitePast();
  for (uint32_t r : records) {
    const RecordView& record = index.records[r];
    const int channel = record.channel;
    if (channel > 0 && channel < cxkit::v1::Channel_ARRAYSIZE)
      ++channel_counts[channel];
    if (!record.source.empty()) sources.push_back(record.source);
    if (record.has_observed) {
      first = std::min(first, record.observed);
      last = std::max(last, record.observed);
    }
  }
  for (int c = 1; c < cxkit::v1::Channel_ARRAYSIZE; ++c) {
    if (channel_counts[c] == 0) continue;
    summary->add_channels(static_cast<cxkit::v1::Channel>(c));
    cxkit::v1::ChannelCount* count = summary->add_channel_counts();
    count->set_channel(static_cast<cxkit::v1::Channel>(c));
    count->set_records(channel_counts[c]);
  }
  std::sort(sources.begin(), sources.end());
  for (size_t i = 0; i < sources.size();) {
    size_t j = i;
    while (j < sources.size() && sources[j] == sources[i]) ++j;
    cxkit::v1::SourceCount* count = summary->add_source_counts();
    count->set_source(std::string(sources[i]));
    count->set_records(static_cast<uint32_t>(j - i));
    i = j;
  }
  if (first != absl::InfiniteFuture()) {
    ToProtoTimestamp(first, summary->mutable_first_seen());
    ToProtoTimestamp(last, summary->mutable_last_seen());
  }
}

}  // namespace

void BuildProfiles(const ResolveIdentitiesRequest& request,
                   const IdentifierRules& rules, const IdentityIndex& index,
                   const Clustering& clustering,
                   cxkit::v1::ResolveIdentitiesResponse* response) {
  std::vector<uint32_t> group_of_root;
  const std::vector<std::vector<uint32_t>> groups =
      GroupRecords(request, index, clustering, &group_of_root);
  std::vector<ProfileIdentity> ids =
      AssignProfileIds(request, index.records, groups);

  std::vector<uint32_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return ids[a].profile_id < ids[b].profile_id;
  });
  std::vector<CustomerProfile*> profile_of_group(groups.size());
  response->mutable_profiles()->Reserve(static_cast<int>(groups.size()));
  for (uint32_t g : order) profile_of_group[g] = response->add_profiles();

  const Survivorship survivorship(request.policy());
  std::vector<Occurrence> scratch;
  uint32_t multi = 0, merged = 0;
  for (uint32_t g = 0; g < groups.size(); ++g) {
    CustomerProfile* profile = profile_of_group[g];
    profile->set_profile_id(std::move(ids[g].profile_id));
    for (std::string& id : ids[g].merged_profile_ids) {
      profile->add_merged_profile_ids(std::move(id));
    }
    merged += profile->merged_profile_ids_size();
    multi += groups[g].size() > 1;
    for (uint32_t r : groups[g])
      profile->add_record_ids(std::string(index.records[r].id));
    AddIdentifiers(rules, index, groups[g], &scratch, profile);
    survivorship.ChooseAttributes(request, index.records, groups[g], profile);
    AddSummary(index, groups[g], profile);
  }
  for (const MadeLink& made : clustering.links) {
    CustomerProfile* profile =
        profile_of_group[group_of_root[clustering.root[made.record]]];
    const IdentityKey& key = index.keys[made.key];
    cxkit::v1::IdentityLink* link = profile->add_links();
    link->set_record_id(std::string(index.records[made.record].id));
    link->set_joined_record_id(
        std::string(index.records[made.joined_record].id));
    link->set_type(key.type);
    link->set_custom_type(rules.rule(key.rule).custom_type);
    link->set_namespace_(key.namespace_.data(), key.namespace_.size());
    link->set_normalized_value(key.value.data(), key.value.size());
  }
  cxkit::v1::IdentityStats* stats = response->mutable_stats();
  stats->set_profiles(static_cast<uint32_t>(groups.size()));
  stats->set_multi_record_profiles(multi);
  stats->set_previous_profiles_merged(merged);
}

}  // namespace cxkit::identity
