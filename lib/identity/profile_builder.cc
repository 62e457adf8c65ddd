#include "lib/identity/profile_builder.h"

#include <algorithm>
#include <array>
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

// The first 8 bytes of `s`, zero-padded, as a big-endian integer: ordering by
// it agrees with ordering the strings wherever the integers differ.
uint64_t SortPrefix(absl::string_view s) {
  uint64_t prefix = 0;
  for (size_t i = 0; i < 8; ++i) {
    prefix = (prefix << 8) | (i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
  }
  return prefix;
}

// Groups of records by union-find root, in order of their first record in the
// request, each sorted by record id.
RecordGroups GroupRecords(const IdentityIndex& index,
                          const Clustering& clustering,
                          std::vector<uint32_t>* group_of_root) {
  const uint32_t n = static_cast<uint32_t>(index.records.size());
  group_of_root->assign(n, UINT32_MAX);
  std::vector<uint32_t> sizes;
  for (uint32_t r = 0; r < n; ++r) {
    if (index.excluded[r]) continue;
    uint32_t& g = (*group_of_root)[clustering.root[r]];
    if (g == UINT32_MAX) {
      g = static_cast<uint32_t>(sizes.size());
      sizes.push_back(0);
    }
    ++sizes[g];
  }
  RecordGroups groups;
  groups.begin.resize(sizes.size() + 1);
  std::partial_sum(sizes.begin(), sizes.end(), groups.begin.begin() + 1);
  groups.records.resize(groups.begin.back());
  std::vector<uint32_t> fill(groups.begin.begin(), groups.begin.end() - 1);
  for (uint32_t r = 0; r < n; ++r) {
    if (!index.excluded[r]) {
      groups.records[fill[(*group_of_root)[clustering.root[r]]]++] = r;
    }
  }
  for (uint32_t g = 0; g < groups.size(); ++g) {
    std::sort(groups.records.begin() + groups.begin[g],
              groups.records.begin() + groups.begin[g + 1],
              [&](uint32_t a, uint32_t b) {
                return index.records[a].id < index.records[b].id;
              });
  }
  return groups;
}

void AddIdentifiers(const IdentifierRules& rules, const IdentityIndex& index,
                    absl::Span<const uint32_t> records,
                    std::vector<Occurrence>* scratch,
                    CustomerProfile* profile) {
  scratch->clear();
  for (uint32_t r : records) {
    for (const Occurrence& o : index.OccurrencesOf(r)) scratch->push_back(o);
    // Other spellings only add raw values; record = UINT32_MAX keeps them out
    // of record_count.
    auto other = std::lower_bound(
        index.other_spellings.begin(), index.other_spellings.end(), r,
        [](const Occurrence& o, uint32_t record) { return o.record < record; });
    for (; other != index.other_spellings.end() && other->record == r;
         ++other) {
      scratch->push_back(Occurrence{UINT32_MAX, other->key, other->raw});
    }
  }
  auto order = [&](const Occurrence& o) {
    const IdentityKey& key = index.keys[o.key];
    return std::tie(key.type, rules.rule(key.rule).custom_type, key.namespace_,
                    key.value, o.raw);
  };
  std::sort(scratch->begin(), scratch->end(),
            [&](const Occurrence& a, const Occurrence& b) {
              if (a.key == b.key) return a.raw < b.raw;
              return order(a) < order(b);
            });
  cxkit::v1::ProfileIdentifier* current = nullptr;
  uint32_t current_key = UINT32_MAX;
  for (const Occurrence& o : *scratch) {
    if (o.key != current_key) {
      const IdentityKey& key = index.keys[o.key];
      current = profile->add_identifiers();
      SetKeyFields(key, rules, current);
      current->set_hub(key.hub);
      current_key = o.key;
    }
    if (o.record != UINT32_MAX) {
      current->set_record_count(current->record_count() + 1);
    }
    if (current->raw_values_size() == 0 ||
        current->raw_values(current->raw_values_size() - 1) != o.raw) {
      current->add_raw_values()->assign(o.raw.data(), o.raw.size());
    }
  }
}

void AddSummary(const IdentityIndex& index, absl::Span<const uint32_t> records,
                std::vector<absl::string_view>* sources,
                CustomerProfile* profile) {
  cxkit::v1::ProfileSummary* summary = profile->mutable_summary();
  summary->set_record_count(static_cast<uint32_t>(records.size()));
  std::array<uint32_t, cxkit::v1::Channel_ARRAYSIZE> channel_counts{};
  sources->clear();
  absl::Time first = absl::InfiniteFuture();
  absl::Time last = absl::InfinitePast();
  for (uint32_t r : records) {
    const RecordView& record = index.records[r];
    const int channel = record.channel;
    if (channel > 0 && channel < cxkit::v1::Channel_ARRAYSIZE)
      ++channel_counts[channel];
    if (!record.source.empty()) sources->push_back(record.source);
    if (record.observed != absl::InfinitePast()) {
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
  std::sort(sources->begin(), sources->end());
  for (size_t i = 0; i < sources->size();) {
    size_t j = i;
    while (j < sources->size() && (*sources)[j] == (*sources)[i]) ++j;
    cxkit::v1::SourceCount* count = summary->add_source_counts();
    count->set_source((*sources)[i].data(), (*sources)[i].size());
    count->set_records(static_cast<uint32_t>(j - i));
    i = j;
  }
  if (first != absl::InfiniteFuture()) {
    ToProtoTimestamp(first, summary->mutable_first_seen());
    ToProtoTimestamp(last, summary->mutable_last_seen());
  }
}

void AddLink(const IdentifierRules& rules, const IdentityIndex& index,
             const Clustering& clustering, const MadeLink& made,
             CustomerProfile* profile) {
  cxkit::v1::IdentityLink* link = profile->add_links();
  const absl::string_view record_id = index.records[made.record].id;
  const absl::string_view joined_id = index.records[made.joined_record].id;
  link->set_record_id(record_id.data(), record_id.size());
  link->set_joined_record_id(joined_id.data(), joined_id.size());
  if (made.match != kNoMatch) {
    clustering.matcher->FillEvidence(clustering.matcher->links()[made.match],
                                     link->mutable_match());
    return;
  }
  SetKeyFields(index.keys[made.key], rules, link);
}

}  // namespace

void BuildProfiles(const ResolveIdentitiesRequest& request,
                   const IdentifierRules& rules, const IdentityIndex& index,
                   const Clustering& clustering,
                   cxkit::v1::ResolveIdentitiesResponse* response) {
  std::vector<uint32_t> group_of_root;
  const RecordGroups groups = GroupRecords(index, clustering, &group_of_root);
  std::vector<ProfileIdentity> ids =
      AssignProfileIds(request, index.records, groups);

  // Sorted by id; the first 8 bytes as a big-endian integer decide almost every
  // comparison without touching the strings.
  std::vector<std::pair<uint64_t, uint32_t>> order(groups.size());
  for (uint32_t g = 0; g < groups.size(); ++g) {
    order[g] = {SortPrefix(ids[g].profile_id), g};
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return ids[a.second].profile_id < ids[b.second].profile_id;
  });
  // Links grouped by profile, in the order they were made, so each profile is
  // written in one go while its records are in cache.
  std::vector<uint32_t> links_begin(groups.size() + 1, 0);
  for (const MadeLink& made : clustering.links) {
    ++links_begin[group_of_root[clustering.root[made.record]] + 1];
  }
  std::partial_sum(links_begin.begin(), links_begin.end(), links_begin.begin());
  std::vector<uint32_t> links(clustering.links.size());
  {
    std::vector<uint32_t> fill(links_begin.begin(), links_begin.end() - 1);
    for (uint32_t i = 0; i < clustering.links.size(); ++i) {
      const MadeLink& made = clustering.links[i];
      links[fill[group_of_root[clustering.root[made.record]]]++] = i;
    }
  }

  const cxkit::v1::ProfileOutput& output = request.output();
  Survivorship survivorship(request.policy());
  std::vector<Occurrence> scratch;
  std::vector<absl::string_view> sources;
  uint32_t multi = 0, merged = 0;
  response->mutable_profiles()->Reserve(static_cast<int>(groups.size()));
  // Profiles are written in output order, so the response grows sequentially.
  for (const auto& [prefix, g] : order) {
    CustomerProfile* profile = response->add_profiles();
    profile->set_profile_id(std::move(ids[g].profile_id));
    for (std::string& id : ids[g].merged_profile_ids) {
      profile->add_merged_profile_ids(std::move(id));
    }
    merged += profile->merged_profile_ids_size();
    multi += groups[g].size() > 1;
    profile->mutable_record_ids()->Reserve(static_cast<int>(groups[g].size()));
    for (uint32_t r : groups[g]) {
      const absl::string_view id = index.records[r].id;
      profile->add_record_ids()->assign(id.data(), id.size());
    }
    if (!output.omit_identifiers()) {
      AddIdentifiers(rules, index, groups[g], &scratch, profile);
    }
    if (!output.omit_attributes()) {
      survivorship.ChooseAttributes(request, index.records, groups[g], profile);
    }
    if (!output.omit_summary()) AddSummary(index, groups[g], &sources, profile);
    if (!output.omit_links()) {
      for (uint32_t l = links_begin[g]; l < links_begin[g + 1]; ++l) {
        AddLink(rules, index, clustering, clustering.links[links[l]], profile);
      }
    }
  }
  cxkit::v1::IdentityStats* stats = response->mutable_stats();
  stats->set_profiles(static_cast<uint32_t>(groups.size()));
  stats->set_multi_record_profiles(multi);
  stats->set_previous_profiles_merged(merged);
}

}  // namespace cxkit::identity
