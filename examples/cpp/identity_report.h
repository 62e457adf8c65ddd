// Prints a ResolveIdentitiesResponse as a report a person reads.

#ifndef CXKIT_EXAMPLES_CPP_IDENTITY_REPORT_H_
#define CXKIT_EXAMPLES_CPP_IDENTITY_REPORT_H_

#include <ostream>

#include "cxkit/v1/identity.pb.h"

namespace cxkit_demo {

// Writes the counts, every customer seen in more than one record with its
// identifiers and the evidence that joined it, the hub values, the refused
// links and the warnings by reason.
void PrintIdentityReport(const cxkit::v1::ResolveIdentitiesResponse& response,
                         std::ostream& out);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_IDENTITY_REPORT_H_
