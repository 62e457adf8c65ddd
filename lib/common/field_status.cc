#include "lib/common/field_status.h"

#include "absl/strings/cord.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace cxkit {
namespace {

constexpr absl::string_view kFieldPayloadUrl =
    "type.cxkit.dev/cxkit.v1.Status.field";

}  // namespace

absl::Status FieldError(absl::StatusCode code, absl::string_view field,
                        absl::string_view message) {
  absl::Status status(code, field.empty() ? std::string(message)
                                          : absl::StrCat(field, ": ", message));
  if (!field.empty()) status.SetPayload(kFieldPayloadUrl, absl::Cord(field));
  return status;
}

absl::Status TooManyItems(absl::string_view field, uint64_t count,
                          absl::string_view limit_path, uint64_t limit) {
  return FieldError(
      absl::StatusCode::kResourceExhausted, field,
      absl::StrCat(count, " items exceed ", limit_path, " (", limit, ")"));
}

absl::Status InvalidField(absl::string_view field, absl::string_view message) {
  return FieldError(absl::StatusCode::kInvalidArgument, field, message);
}

absl::Status CheckRequestBytes(uint64_t bytes, absl::string_view limit_field,
                               uint64_t limit) {
  if (bytes <= limit) return absl::OkStatus();
  return FieldError(absl::StatusCode::kResourceExhausted, limit_field,
                    absl::StrCat("request of ", bytes, " bytes exceeds ",
                                 limit_field, " (", limit, ")"));
}

std::string QuotedId(absl::string_view id) {
  const bool cut = id.size() > kQuotedIdBytes;
  return absl::StrCat("\"", absl::CHexEscape(id.substr(0, kQuotedIdBytes)),
                      "\"", cut ? "..." : "");
}

std::string FieldOf(const absl::Status& status) {
  absl::optional<absl::Cord> field = status.GetPayload(kFieldPayloadUrl);
  return field.has_value() ? std::string(*field) : std::string();
}

void ToProtoStatus(const absl::Status& status, cxkit::v1::Status* out) {
  out->Clear();
  if (status.ok()) return;
  out->set_code(static_cast<cxkit::v1::StatusCode>(status.code()));
  out->set_message(std::string(status.message()));
  out->set_field(FieldOf(status));
}

std::string IndexedField(absl::string_view list, size_t index) {
  return absl::StrCat(list, "[", index, "]");
}

}  // namespace cxkit
