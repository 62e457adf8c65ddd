// Fuzz target: any bytes, parsed as a ResolveIdentitiesRequest when they parse,
// must give a response without crashing, and the same response twice.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cxkit/identity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cxkit::v1::ResolveIdentitiesRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  // Keep each input cheap: the fuzzer looks for crashes, not for slow large
  // batches.
  request.mutable_policy()->mutable_limits()->set_max_records(2000);
  const cxkit::v1::ResolveIdentitiesResponse first =
      cxkit::ResolveIdentities(request);
  const cxkit::v1::ResolveIdentitiesResponse second =
      cxkit::ResolveIdentities(request);
  if (first.SerializeAsString() != second.SerializeAsString()) std::abort();
  return 0;
}
