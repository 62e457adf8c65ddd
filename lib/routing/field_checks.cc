#include "lib/routing/field_checks.h"

namespace cxkit::routing {

std::string LazyField::Path() const {
  std::string out = parent != nullptr ? parent->Path() + "." : "";
  out += name;
  if (index >= 0) out = IndexedField(out, static_cast<size_t>(index));
  return out;
}

absl::Status CheckNameLength(absl::string_view name, const LazyField& field,
                             const cxkit::v1::RoutingLimits& limits) {
  if (name.size() > limits.max_name_bytes()) {
    return InvalidField(
        field.Path(), absl::StrCat("longer than policy.limits.max_name_bytes (",
                                   limits.max_name_bytes(), ")"));
  }
  return absl::OkStatus();
}

absl::Status CheckName(absl::string_view name, const LazyField& field,
                       const cxkit::v1::RoutingLimits& limits) {
  if (name.empty()) return InvalidField(field.Path(), "required");
  return CheckNameLength(name, field, limits);
}

absl::Status CheckEntries(int count, const LazyField& field,
                          const cxkit::v1::RoutingLimits& limits) {
  if (static_cast<uint32_t>(count) > limits.max_entries_per_item()) {
    return TooManyItems(field.Path(), count,
                        "policy.limits.max_entries_per_item",
                        limits.max_entries_per_item());
  }
  return absl::OkStatus();
}

}  // namespace cxkit::routing
