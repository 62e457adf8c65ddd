// Uses the installed C++ API the way an application does: two records that
// share an e-mail address must come back as one customer profile.

#include <cstdio>
#include <cstring>

#include "cxkit/identity.h"
#include "cxkit/version.h"

namespace {

void AddRecord(cxkit::v1::ResolveIdentitiesRequest& request, const char* id,
               cxkit::v1::IdentifierType type, const char* value) {
  cxkit::v1::ContactRecord* record = request.add_records();
  record->set_id(id);
  cxkit::v1::Identifier* identifier = record->add_identifiers();
  identifier->set_type(type);
  identifier->set_value(value);
}

}  // namespace

int main() {
  if (std::strcmp(cxkit::VersionString(), CXKIT_VERSION_STRING) != 0) {
    std::fprintf(stderr, "headers are %s, library is %s\n",
                 CXKIT_VERSION_STRING, cxkit::VersionString());
    return 1;
  }

  cxkit::v1::ResolveIdentitiesRequest request;
  AddRecord(request, "order-1", cxkit::v1::IDENTIFIER_TYPE_EMAIL,
            "Anna.Smirnova@Mail.Ru");
  AddRecord(request, "chat-1", cxkit::v1::IDENTIFIER_TYPE_EMAIL,
            "anna.smirnova@mail.ru");

  absl::Status valid = cxkit::ValidateResolveIdentitiesRequest(request);
  if (!valid.ok()) {
    std::fprintf(stderr, "invalid request: %s\n", valid.ToString().c_str());
    return 1;
  }
  cxkit::v1::ResolveIdentitiesResponse response =
      cxkit::ResolveIdentities(request);
  if (response.status().code() != cxkit::v1::STATUS_CODE_OK) {
    std::fprintf(stderr, "status %d: %s\n", response.status().code(),
                 response.status().message().c_str());
    return 1;
  }
  if (response.profiles_size() != 1 ||
      response.profiles(0).record_ids_size() != 2 ||
      response.profiles(0).record_ids(0) != "chat-1" ||
      response.profiles(0).record_ids(1) != "order-1") {
    std::fprintf(stderr, "expected one profile {chat-1, order-1}, got:\n%s\n",
                 response.DebugString().c_str());
    return 1;
  }
  std::printf("cxkit %s: one profile %s\n", cxkit::VersionString(),
              response.profiles(0).profile_id().c_str());
  return 0;
}
