// Order and ticket references in texts and subjects, found with RE2 patterns.

#ifndef CXKIT_LIB_CONVERSATION_REFERENCE_EXTRACTOR_H_
#define CXKIT_LIB_CONVERSATION_REFERENCE_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cxkit/v1/conversation.pb.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace cxkit::conversation {

// One reference: the kind (index into ReferenceExtractor::kinds()) and the
// normalized value.
struct FoundReference {
  uint32_t kind;
  std::string value;
  bool operator==(const FoundReference& other) const {
    return kind == other.kind && value == other.value;
  }
  bool operator<(const FoundReference& other) const {
    return kind != other.kind ? kind < other.kind : value < other.value;
  }
};

// Finds references with one RE2::Set pass over the text (which patterns
// match anywhere) and then the matching patterns alone to extract their
// values. Linear time in the text; immutable after Create(): safe for
// concurrent use.
class ReferenceExtractor {
 public:
  // The built-in patterns (see MergePolicy.reference_patterns).
  static std::vector<cxkit::v1::ReferencePattern> DefaultPatterns();

  // Compiles the policy's patterns (and the built-in ones unless disabled).
  // Errors: InvalidArgument naming "policy.reference_patterns[i].kind" or
  // ".pattern" (empty, bad syntax, not exactly one capturing group, too long),
  // ResourceExhausted for too many patterns.
  static absl::StatusOr<std::unique_ptr<ReferenceExtractor>> Create(
      const cxkit::v1::MergePolicy& policy,
      const cxkit::v1::MergeLimits& limits);

  // Appends the distinct references in `text` to `*out`, sorted.
  void Extract(absl::string_view text, std::vector<FoundReference>* out) const;

  // Kind names, sorted; FoundReference::kind indexes this.
  const std::vector<std::string>& kinds() const { return kinds_; }

  // Upper-cases ASCII letters and removes "-", spaces and "#".
  static std::string NormalizeValue(absl::string_view value);

 private:
  struct Pattern {
    std::unique_ptr<re2::RE2> regex;
    uint32_t kind;
  };
  ReferenceExtractor() = default;

  std::vector<std::string> kinds_;
  std::vector<Pattern> patterns_;
  std::unique_ptr<re2::RE2::Set> set_;
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_REFERENCE_EXTRACTOR_H_
