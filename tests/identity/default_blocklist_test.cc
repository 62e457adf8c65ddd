#include "lib/identity/default_blocklist.h"

#include "gtest/gtest.h"

namespace cxkit::identity {
namespace {

constexpr auto kEmail = cxkit::v1::IDENTIFIER_TYPE_EMAIL;
constexpr auto kPhone = cxkit::v1::IDENTIFIER_TYPE_PHONE;
constexpr auto kCookie = cxkit::v1::IDENTIFIER_TYPE_COOKIE;

TEST(IsDefaultBlocked, PlaceholdersOfEveryType) {
  for (const char* value : {"", "null", "NULL", "undefined", "Anonymous", "-1",
                            "0000", "---", "n/a", "[object Object]"}) {
    EXPECT_TRUE(IsDefaultBlocked(kCookie, value)) << value;
  }
  EXPECT_FALSE(IsDefaultBlocked(kCookie, "ck-0001"));
  EXPECT_FALSE(IsDefaultBlocked(kCookie, "10"));
}

TEST(IsDefaultBlocked, TestAndNoReplyAddresses) {
  EXPECT_TRUE(IsDefaultBlocked(kEmail, "anna@example.com"));
  EXPECT_TRUE(IsDefaultBlocked(kEmail, "x@mail.example.org"));
  EXPECT_TRUE(IsDefaultBlocked(kEmail, "anna@shop.test"));
  EXPECT_TRUE(IsDefaultBlocked(kEmail, "test@test.com"));
  EXPECT_TRUE(IsDefaultBlocked(kEmail, "noreply@shop.ru"));
  EXPECT_FALSE(IsDefaultBlocked(kEmail, "anna@mail.ru"));
  EXPECT_FALSE(IsDefaultBlocked(kEmail, "anna@notexample.com"));
}

TEST(IsDefaultBlocked, RepeatedAndSequentialPhoneDigits) {
  EXPECT_TRUE(IsDefaultBlocked(kPhone, "+70000000000"));
  EXPECT_TRUE(IsDefaultBlocked(kPhone, "+79999999999"));
  EXPECT_TRUE(IsDefaultBlocked(kPhone, "+71234567890"));
  EXPECT_FALSE(IsDefaultBlocked(kPhone, "+79161234567"));
  EXPECT_FALSE(IsDefaultBlocked(kPhone, "+74957801122"));
}

}  // namespace
}  // namespace cxkit::identity
