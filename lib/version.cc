#include "cxkit/version.h"

namespace cxkit {

const char* VersionString() { return CXKIT_VERSION_STRING; }

}  // namespace cxkit
