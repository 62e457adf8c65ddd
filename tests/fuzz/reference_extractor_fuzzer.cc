// Fuzz target of order-reference extraction
// (lib/conversation/reference_extractor.h). The first byte's low bit picks the
// mode: 0, the built-in patterns on the rest as text; 1, the rest is
// "kind\npattern\ntext", a custom pattern compiled (errors are fine) in
// addition to the built-in ones unless bit 1 is set. Invariants: extraction is
// deterministic, appends, and its output is sorted, distinct, with valid kinds
// and values that are non-empty, normalized (NormalizeValue is idempotent on
// them) and no longer than the text. Compiled custom extractors are cached
// across inputs (immutable once created), so most inputs only extract.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lib/conversation/reference_extractor.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using cxkit::conversation::FoundReference;
using cxkit::conversation::ReferenceExtractor;

void Check(const ReferenceExtractor& extractor, const std::string& text) {
  std::vector<FoundReference> found = {{0, "kept"}};
  extractor.Extract(text, &found);
  CXKIT_FUZZ_CHECK(found[0].value == "kept", "Extract appends");
  found.erase(found.begin());
  std::vector<FoundReference> again;
  extractor.Extract(text, &again);
  CXKIT_FUZZ_CHECK(found == again, "the same text gives the same references");
  CXKIT_FUZZ_CHECK(
      std::is_sorted(found.begin(), found.end()) &&
          std::adjacent_find(found.begin(), found.end()) == found.end(),
      "references are sorted and distinct");
  for (const FoundReference& reference : found) {
    CXKIT_FUZZ_CHECK(reference.kind < extractor.kinds().size(),
                     "the kind indexes kinds()");
    CXKIT_FUZZ_CHECK(reference.value.size() <= text.size(),
                     "a value is no longer than the text");
    CXKIT_FUZZ_CHECK(
        ReferenceExtractor::NormalizeValue(reference.value) == reference.value,
        "a value is normalized");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const cxkit::v1::MergeLimits limits = [] {
    cxkit::v1::MergeLimits l;
    l.set_max_reference_patterns(8);
    return l;
  }();
  if ((data[0] & 1) == 0) {
    static const std::shared_ptr<const ReferenceExtractor> built_in =
        ReferenceExtractor::Create({}, limits).value();
    Check(*built_in, rest);
    return 0;
  }
  const size_t kind_end = rest.find('\n');
  if (kind_end == std::string::npos) return 0;
  const size_t pattern_end = rest.find('\n', kind_end + 1);
  if (pattern_end == std::string::npos) return 0;
  // Compiling the built-in patterns with a custom one costs milliseconds
  // under ASan, while most mutations change only the text: compiled
  // extractors (and errors) are kept by (flags, kind, pattern), all dropped
  // when 8 are held (each holds RE2 programs and DFA caches of up to 70 MiB).
  using Compiled = absl::StatusOr<std::shared_ptr<const ReferenceExtractor>>;
  static std::map<std::string, Compiled> cache;
  std::string key(1, static_cast<char>(data[0] & 2));
  key += rest.substr(0, pattern_end);
  auto cached = cache.find(key);
  if (cached == cache.end()) {
    if (cache.size() >= 8) cache.clear();
    cxkit::v1::MergePolicy policy;
    policy.set_disable_default_reference_patterns(data[0] & 2);
    auto* pattern = policy.add_reference_patterns();
    pattern->set_kind(rest.substr(0, kind_end));
    pattern->set_pattern(rest.substr(kind_end + 1, pattern_end - kind_end - 1));
    cached =
        cache.emplace(key, ReferenceExtractor::Create(policy, limits)).first;
  }
  const Compiled& extractor = cached->second;
  if (!extractor.ok()) {
    CXKIT_FUZZ_CHECK(!extractor.status().message().empty(),
                     "a bad pattern is explained");
    return 0;
  }
  if (*extractor == nullptr) return 0;  // no patterns at all
  Check(**extractor, rest.substr(pattern_end + 1));
  return 0;
}
