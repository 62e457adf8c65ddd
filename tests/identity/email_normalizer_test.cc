#include "lib/identity/email_normalizer.h"

#include "gtest/gtest.h"

namespace cxkit::identity {
namespace {

std::string Normalize(absl::string_view email, bool dots = false,
                      bool tags = false) {
  cxkit::v1::EmailNormalization options;
  options.set_gmail_ignore_dots(dots);
  options.set_strip_plus_tags(tags);
  std::string key;
  absl::Status status = NormalizeEmail(email, options, &key);
  return status.ok() ? key : "error: " + std::string(status.message());
}

TEST(NormalizeEmail, LowercasesLocalPartAndDomain) {
  EXPECT_EQ(Normalize("Anna.Smirnova@Mail.RU"), "anna.smirnova@mail.ru");
}

TEST(NormalizeEmail, GmailDotsAndTagsOnlyWhenAsked) {
  EXPECT_EQ(Normalize("A.Nna+x@gmail.com"), "a.nna+x@gmail.com");
  EXPECT_EQ(Normalize("A.Nna+x@gmail.com", true, false), "anna+x@gmail.com");
  EXPECT_EQ(Normalize("A.Nna+x@googlemail.com", true, true), "anna@gmail.com");
  EXPECT_EQ(Normalize("a.nna+x@outlook.com", true, true), "a.nna@outlook.com");
  EXPECT_EQ(Normalize("anna+x@icloud.com", false, true), "anna@icloud.com");
  EXPECT_EQ(Normalize("anna+x@mail.ru", true, true), "anna+x@mail.ru");
}

TEST(NormalizeEmail, RejectsWhatIsNotAnAddress) {
  EXPECT_EQ(Normalize("anna"),
            "error: not an e-mail address (no local@domain)");
  EXPECT_EQ(Normalize("@mail.ru"),
            "error: not an e-mail address (no local@domain)");
  EXPECT_EQ(Normalize("anna@localhost"),
            "error: not an e-mail address (bad domain)");
  EXPECT_EQ(Normalize("anna@mail.ru, boris@mail.ru"),
            "error: not an e-mail address (contains a separator)");
  EXPECT_EQ(Normalize("+x@gmail.com", false, true), "+x@gmail.com");
}

}  // namespace
}  // namespace cxkit::identity
