// Small checks shared by the validation of the routing request: lazily
// spelled field paths, names, list sizes and skill lists.

#ifndef CXKIT_LIB_ROUTING_FIELD_CHECKS_H_
#define CXKIT_LIB_ROUTING_FIELD_CHECKS_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/routing.pb.h"
#include "lib/common/field_status.h"

namespace cxkit::routing {

// A field path that is only spelled out when an error needs it, so the
// happy path over millions of items builds no strings.
struct LazyField {
  const LazyField* parent = nullptr;
  const char* name = "";
  int index = -1;

  LazyField Child(const char* child) const { return {this, child, -1}; }
  LazyField At(int i) const { return {parent, name, i}; }
  // "agents[3].channels[0].max_items".
  std::string Path() const;
};

// `name` (optional) is at most limits.max_name_bytes long.
absl::Status CheckNameLength(absl::string_view name, const LazyField& field,
                             const cxkit::v1::RoutingLimits& limits);

// `name` is required and at most limits.max_name_bytes long.
absl::Status CheckName(absl::string_view name, const LazyField& field,
                       const cxkit::v1::RoutingLimits& limits);

// A list of `count` entries is within limits.max_entries_per_item.
absl::Status CheckEntries(int count, const LazyField& field,
                          const cxkit::v1::RoutingLimits& limits);

// Shared checks of the skill lists of items and agents.
class SkillChecker {
 public:
  SkillChecker(const cxkit::v1::RoutingPolicy& policy,
               const cxkit::v1::RoutingLimits& limits)
      : limits_(limits),
        max_level_(policy.max_skill_level() > 0 ? policy.max_skill_level()
                                                : 10) {
    for (const std::string& skill : policy.skills()) catalogue_.insert(skill);
  }

  // Checks the list `skills` at `list`: size, names, membership of a
  // non-empty policy.skills catalogue, levels, and (with `unique`) repeats.
  absl::Status Check(
      const google::protobuf::RepeatedPtrField<cxkit::v1::SkillLevel>& skills,
      const LazyField& list, bool unique) const {
    absl::Status status = CheckEntries(skills.size(), list, limits_);
    if (!status.ok()) return status;
    // Repeats are looked up by linear scan in short lists (no allocation) and
    // in a set in long ones; both find the first repeat.
    constexpr int kLinearRepeatScan = 16;
    absl::flat_hash_set<absl::string_view> seen;
    for (int i = 0; i < skills.size(); ++i) {
      const LazyField field = list.At(i);
      const cxkit::v1::SkillLevel& skill = skills[i];
      status = CheckName(skill.skill(), field.Child("skill"), limits_);
      if (!status.ok()) return status;
      if (!catalogue_.empty() && !catalogue_.contains(skill.skill())) {
        return InvalidField(
            field.Child("skill").Path(),
            absl::StrCat("unknown skill ", QuotedId(skill.skill()),
                         " (not in policy.skills)"));
      }
      if (skill.level() > max_level_) {
        return InvalidField(
            field.Child("level").Path(),
            absl::StrCat("level ", skill.level(),
                         " exceeds policy.max_skill_level (", max_level_, ")"));
      }
      if (unique && skills.size() > 1 &&
          (skills.size() <= kLinearRepeatScan
               ? RepeatsEarlier(skills, i)
               : !seen.insert(skill.skill()).second)) {
        return InvalidField(
            field.Child("skill").Path(),
            absl::StrCat("second entry for ", QuotedId(skill.skill())));
      }
    }
    return absl::OkStatus();
  }

 private:
  // Whether skills[i] names a skill of skills[0..i).
  static bool RepeatsEarlier(
      const google::protobuf::RepeatedPtrField<cxkit::v1::SkillLevel>& skills,
      int i) {
    for (int j = 0; j < i; ++j) {
      if (skills[j].skill() == skills[i].skill()) return true;
    }
    return false;
  }

  const cxkit::v1::RoutingLimits& limits_;
  uint32_t max_level_;
  absl::flat_hash_set<absl::string_view> catalogue_;
};

}  // namespace cxkit::routing

#endif  // CXKIT_LIB_ROUTING_FIELD_CHECKS_H_
