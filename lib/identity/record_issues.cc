#include "lib/identity/record_issues.h"

namespace cxkit::identity {

void AddRecordIssue(const cxkit::v1::ResolveIdentitiesRequest& request,
                    uint32_t index, cxkit::v1::Severity severity,
                    absl::string_view reason, const std::string& field,
                    absl::string_view message,
                    cxkit::v1::ResolveIdentitiesResponse* response) {
  cxkit::v1::ItemIssue* issue = response->add_record_issues();
  issue->set_item_id(request.records(index).id());
  issue->set_item_index(index);
  issue->set_severity(severity);
  issue->set_reason(std::string(reason));
  issue->set_field(field);
  issue->set_message(std::string(message));
}

}  // namespace cxkit::identity
