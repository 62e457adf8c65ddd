// Links cxkit::cxkit through the README's CMake snippet and calls it.
#include <iostream>

#include "cxkit/identity.h"
#include "cxkit/version.h"

int main() {
  const cxkit::v1::ResolveIdentitiesResponse response =
      cxkit::ResolveIdentities(cxkit::v1::ResolveIdentitiesRequest());
  std::cout << "cxkit " << cxkit::VersionString() << " "
            << response.status().code() << "\n";
  return response.status().code() == cxkit::v1::STATUS_CODE_OK ? 0 : 1;
}
