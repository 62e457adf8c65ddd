#include "lib/conversation/reference_extractor.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/common/field_status.h"

namespace cxkit::conversation {
namespace {

std::vector<std::string> Find(const ReferenceExtractor& extractor,
                              const std::string& text) {
  std::vector<FoundReference> found;
  extractor.Extract(text, &found);
  std::vector<std::string> out;
  for (const auto& ref : found) {
    out.push_back(extractor.kinds()[ref.kind] + ":" + ref.value);
  }
  return out;
}

std::shared_ptr<const ReferenceExtractor> Defaults() {
  cxkit::v1::MergePolicy policy;
  cxkit::v1::MergeLimits limits;
  limits.set_max_reference_patterns(100);
  auto extractor = ReferenceExtractor::Create(policy, limits);
  EXPECT_TRUE(extractor.ok()) << extractor.status();
  return *extractor;
}

using Refs = std::vector<std::string>;

TEST(ReferenceExtractorTest, BuiltInPatternsAreCompiledOnceAndShared) {
  cxkit::v1::MergeLimits limits;
  limits.set_max_reference_patterns(100);
  const auto first = Defaults();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(Defaults(), first);
  cxkit::v1::MergePolicy custom;
  auto* pattern = custom.add_reference_patterns();
  pattern->set_kind("rma");
  pattern->set_pattern(R"(RMA-(\d{4}))");
  auto own = ReferenceExtractor::Create(custom, limits);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_NE(*own, first);
  EXPECT_EQ(Find(**own, "RMA-1234 for order 98765"),
            (std::vector<std::string>{"order:98765", "rma:1234"}));
  cxkit::v1::MergePolicy none;
  none.set_disable_default_reference_patterns(true);
  auto nothing = ReferenceExtractor::Create(none, limits);
  ASSERT_TRUE(nothing.ok()) << nothing.status();
  EXPECT_EQ(*nothing, nullptr);
}

TEST(ReferenceExtractorTest, DefaultPatterns) {
  auto e = Defaults();
  EXPECT_EQ(Find(*e, "Hi, my order 12345 came in the wrong size"),
            Refs{"order:12345"});
  EXPECT_EQ(Find(*e, "Order #A-12345"), Refs{"order:A12345"});
  EXPECT_EQ(Find(*e, "Order No. 98765"), Refs{"order:98765"});
  EXPECT_EQ(Find(*e, "Здравствуйте, заказ № 12345 не пришёл"),
            Refs{"order:12345"});
  EXPECT_EQ(Find(*e, "по ЗАКАЗУ №12345"), Refs{"order:12345"});
  EXPECT_EQ(Find(*e, "Bestellung Nr. 55555"), Refs{"order:55555"});
  EXPECT_EQ(Find(*e, "commande n° 4242"), Refs{"order:4242"});
  EXPECT_EQ(Find(*e, "Re: [#777] Refund"), Refs{"ticket:777"});
  EXPECT_EQ(Find(*e, "ticket 4711, order 12345 and order 12345"),
            (Refs{"order:12345", "ticket:4711"}));
  EXPECT_EQ(Find(*e, "I ordered 3 items on 2024-06-03"), Refs{});
  EXPECT_EQ(Find(*e, "call me at 12345"), Refs{});
}

TEST(ReferenceExtractorTest, PolicyPatternsAndKinds) {
  cxkit::v1::MergePolicy policy;
  policy.set_disable_default_reference_patterns(true);
  auto* p = policy.add_reference_patterns();
  p->set_kind("rma");
  p->set_pattern(R"((?i)rma[- ]?(\d{3,}))");
  cxkit::v1::MergeLimits limits;
  limits.set_max_reference_patterns(100);
  auto e = ReferenceExtractor::Create(policy, limits);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(Find(**e, "RMA-123 for order 12345"), Refs{"rma:123"});
}

TEST(ReferenceExtractorTest, BadPatternsNameTheirField) {
  cxkit::v1::MergeLimits limits;
  limits.set_max_reference_patterns(100);
  const struct {
    const char* kind;
    const char* pattern;
    const char* field;
  } cases[] = {
      {"order", "(unclosed", "policy.reference_patterns[0].pattern"},
      {"order", "no group", "policy.reference_patterns[0].pattern"},
      {"order", "(a)(b)", "policy.reference_patterns[0].pattern"},
      {"order", "", "policy.reference_patterns[0].pattern"},
      {"Order", "(a)", "policy.reference_patterns[0].kind"},
      {"", "(a)", "policy.reference_patterns[0].kind"},
  };
  for (const auto& c : cases) {
    cxkit::v1::MergePolicy policy;
    auto* p = policy.add_reference_patterns();
    p->set_kind(c.kind);
    p->set_pattern(c.pattern);
    auto e = ReferenceExtractor::Create(policy, limits);
    ASSERT_FALSE(e.ok()) << c.pattern;
    EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(FieldOf(e.status()), c.field) << c.pattern;
  }
}

TEST(ReferenceExtractorTest, EmptyMatchesDoNotLoop) {
  cxkit::v1::MergePolicy policy;
  policy.set_disable_default_reference_patterns(true);
  auto* p = policy.add_reference_patterns();
  p->set_kind("x");
  p->set_pattern("(a*)");
  cxkit::v1::MergeLimits limits;
  limits.set_max_reference_patterns(100);
  auto e = ReferenceExtractor::Create(policy, limits);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(Find(**e, "bab aa"), (Refs{"x:A", "x:AA"}));
}

}  // namespace
}  // namespace cxkit::conversation
