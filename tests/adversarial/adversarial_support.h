// Helpers of the adversarial suite: status text and field assertions.

#ifndef CXKIT_TESTS_ADVERSARIAL_ADVERSARIAL_SUPPORT_H_
#define CXKIT_TESTS_ADVERSARIAL_ADVERSARIAL_SUPPORT_H_

#include <string>

#include "cxkit/v1/common.pb.h"
#include "gtest/gtest.h"

namespace cxkit::testing {

// "RESOURCE_EXHAUSTED limits.max_tags: ..." for failure messages.
inline std::string Describe(const cxkit::v1::Status& status) {
  return cxkit::v1::StatusCode_Name(status.code()) + " " + status.field() +
         ": " + status.message();
}

// Expects `status` to have `code` and name `field`, with `field` also in the
// message (a host that only logs the message still sees the limit's path).
inline void ExpectStatus(const cxkit::v1::Status& status,
                         cxkit::v1::StatusCode code, const std::string& field) {
  EXPECT_EQ(status.code(), code) << Describe(status);
  EXPECT_EQ(status.field(), field) << Describe(status);
  EXPECT_NE(status.message().find(field), std::string::npos)
      << Describe(status);
}

}  // namespace cxkit::testing

#endif  // CXKIT_TESTS_ADVERSARIAL_ADVERSARIAL_SUPPORT_H_
