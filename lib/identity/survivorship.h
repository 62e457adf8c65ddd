// Survivorship: which value of each attribute a profile keeps.

#ifndef CXKIT_LIB_IDENTITY_SURVIVORSHIP_H_
#define CXKIT_LIB_IDENTITY_SURVIVORSHIP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "cxkit/v1/identity.pb.h"
#include "lib/identity/identity_index.h"

namespace cxkit::identity {

// The policy's survivorship settings, looked up per attribute. Keeps scratch
// space between calls, so use one instance per thread.
class Survivorship {
 public:
  explicit Survivorship(const cxkit::v1::IdentityPolicy& policy);

  // Appends to `profile->attributes`, sorted by name, the surviving non-empty
  // value of every attribute found in `records` (request indices), with the
  // record it came from.
  void ChooseAttributes(const cxkit::v1::ResolveIdentitiesRequest& request,
                        const std::vector<RecordView>& views,
                        absl::Span<const uint32_t> records,
                        cxkit::v1::CustomerProfile* profile);

 private:
  struct Candidate {
    absl::string_view name;
    absl::string_view value;
    uint32_t record;
    absl::Time observed;
    absl::string_view record_id;
  };

  cxkit::v1::SurvivorshipStrategy StrategyFor(
      absl::string_view attribute) const;
  uint32_t SourceRank(absl::string_view source) const;

  absl::flat_hash_map<std::string, cxkit::v1::SurvivorshipStrategy> strategies_;
  cxkit::v1::SurvivorshipStrategy default_strategy_;
  absl::flat_hash_map<std::string, uint32_t> source_rank_;
  std::vector<Candidate> candidates_;  // scratch, reused across profiles
};

}  // namespace cxkit::identity

#endif  // CXKIT_LIB_IDENTITY_SURVIVORSHIP_H_
