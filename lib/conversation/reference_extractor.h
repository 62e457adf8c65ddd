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

// Finds references with one RE2 that combines every pattern, scanning the text
// left to right (texts without an ASCII digit are skipped when every pattern
// needs one, as the built-in ones do). Linear time in the text; immutable after
// Create(): safe for concurrent use.
class ReferenceExtractor {
 public:
  // The built-in patterns (see MergePolicy.reference_patterns).
  static std::vector<cxkit::v1::ReferencePattern> DefaultPatterns();

  // Compiles the policy's patterns (and the built-in ones unless disabled);
  // null when there are none. The built-in patterns alone are compiled once
  // per process and shared. Errors: InvalidArgument naming
  // "policy.reference_patterns[i].kind" or ".pattern" (empty, bad syntax, not
  // exactly one capturing group, too long), ResourceExhausted for too many
  // patterns.
  static absl::StatusOr<std::shared_ptr<const ReferenceExtractor>> Create(
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
  // Create() without the limit check and the shared built-in extractor.
  static absl::StatusOr<std::shared_ptr<const ReferenceExtractor>> Compile(
      const cxkit::v1::MergePolicy& policy);

  std::vector<std::string> kinds_;
  std::vector<Pattern> patterns_;
  // All patterns as one alternation "(?:p1)|(?:p2)|...": one scan finds the
  // leftmost match of any pattern (the first listed wins at one position).
  std::unique_ptr<re2::RE2> combined_;
  // Every pattern needs an ASCII digit (true of the built-in ones), so a
  // text without digits is skipped without running RE2.
  bool needs_digit_ = true;
};

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_REFERENCE_EXTRACTOR_H_
