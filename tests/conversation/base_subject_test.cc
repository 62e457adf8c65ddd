#include "lib/conversation/base_subject.h"

#include <string>

#include "gtest/gtest.h"

namespace cxkit::conversation {
namespace {

TEST(BaseSubjectTest, StripsEveryBuiltInPrefixInEveryCase) {
  const SubjectNormalizer subjects({});
  for (const std::string& prefix : SubjectNormalizer::BuiltInPrefixes()) {
    EXPECT_EQ(subjects.BaseSubject(prefix + ": Wrong size"), "Wrong size")
        << prefix;
    EXPECT_EQ(subjects.BaseSubject(prefix + ":Wrong size"), "Wrong size")
        << prefix;
    EXPECT_EQ(subjects.BaseSubject(prefix + " : Wrong size"), "Wrong size")
        << prefix;
    EXPECT_EQ(subjects.BaseSubject(prefix + "\xEF\xBC\x9A Wrong size"),
              "Wrong size")
        << prefix << " with a full-width colon";
    EXPECT_EQ(subjects.BaseSubject(prefix + "[2]: Wrong size"), "Wrong size")
        << prefix;
    EXPECT_EQ(subjects.BaseSubject(prefix + "(3): Wrong size"), "Wrong size")
        << prefix;
    std::string lower;
    AppendFolded(prefix, &lower);
    EXPECT_EQ(subjects.BaseSubject(lower + ": Wrong size"), "Wrong size")
        << lower;
  }
}

TEST(BaseSubjectTest, CaseInsensitiveBeyondAscii) {
  const SubjectNormalizer subjects({});
  EXPECT_EQ(subjects.BaseSubject("ОТВ: Заказ 12345"), "Заказ 12345");
  EXPECT_EQ(subjects.BaseSubject("отв: Заказ 12345"), "Заказ 12345");
  EXPECT_EQ(subjects.BaseSubject("пересл: Заказ"), "Заказ");
  EXPECT_EQ(subjects.BaseSubject("απ: Παραγγελία"), "Παραγγελία");
  EXPECT_EQ(subjects.BaseSubject("Σχετ: Παραγγελία"), "Παραγγελία");
  EXPECT_EQ(subjects.BaseSubject("ilt: Sipariş"), "Sipariş");
  EXPECT_EQ(subjects.BaseSubject("İLT: Sipariş"), "Sipariş");
  EXPECT_EQ(subjects.BaseSubject("回复：订单"), "订单");
}

TEST(BaseSubjectTest, StacksListTagsCountersAndTrailers) {
  const SubjectNormalizer subjects({});
  EXPECT_EQ(subjects.BaseSubject("AW: Re[2]: [shop] Order  12345 (fwd)"),
            "Order 12345");
  EXPECT_EQ(subjects.BaseSubject("[shop-support] Re: Re: Order"), "Order");
  EXPECT_EQ(subjects.BaseSubject("Re: [shop-support] Fwd: Order (FWD) (fwd)"),
            "Order");
  EXPECT_EQ(subjects.BaseSubject("[Fwd: Re: Order 7]"), "Order 7");
  EXPECT_EQ(subjects.BaseSubject("  Re:\tOrder\r\n 7  "), "Order 7");
  EXPECT_EQ(subjects.BaseSubject("Re [shop]: Order"), "Order");
}

TEST(BaseSubjectTest, KeepsWhatIsNotAPrefix) {
  const SubjectNormalizer subjects({});
  EXPECT_EQ(subjects.BaseSubject("Reorder: shoes"), "Reorder: shoes");
  EXPECT_EQ(subjects.BaseSubject("Return my money"), "Return my money");
  EXPECT_EQ(subjects.BaseSubject("[only a tag]"), "[only a tag]");
  EXPECT_EQ(subjects.BaseSubject("Re"), "Re");
  EXPECT_EQ(subjects.BaseSubject(""), "");
  EXPECT_EQ(subjects.BaseSubject("Meeting at 10:30"), "Meeting at 10:30");
}

TEST(BaseSubjectTest, ExtraPrefixesFromThePolicy) {
  const SubjectNormalizer plain({});
  const SubjectNormalizer extended({"Réf", "Vs"});
  EXPECT_EQ(plain.BaseSubject("Réf: Commande"), "Réf: Commande");
  EXPECT_EQ(extended.BaseSubject("RÉF: Commande"), "Commande");
}

TEST(BaseSubjectTest, KeyFoldsCase) {
  const SubjectNormalizer subjects({});
  EXPECT_EQ(subjects.BaseSubjectKey("Re: ЗАКАЗ Order"), "заказ order");
}

// Fuzz finding: the overlong form "\xC0\xA0" decoded to a space, so the key
// (folded, then stripped) lost it while the base subject kept it. Invalid
// UTF-8 (overlong, surrogates, past U+10FFFF) stays as bytes.
TEST(BaseSubjectTest, OverlongBytesAreNotSpaces) {
  const SubjectNormalizer subjects({});
  const std::string subject = "\xD3\x9B\xC0\xA0";
  EXPECT_EQ(subjects.BaseSubject(subject), subject);
  EXPECT_EQ(subjects.BaseSubjectKey(subject), subject);
  std::string folded;
  AppendFolded("A\xED\xA0\x80\xF4\x90\x80\x80", &folded);
  EXPECT_EQ(folded, "a\xED\xA0\x80\xF4\x90\x80\x80");
}

}  // namespace
}  // namespace cxkit::conversation
