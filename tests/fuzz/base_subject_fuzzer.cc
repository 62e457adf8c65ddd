// Fuzz target of the base subject (lib/conversation/base_subject.h): the input
// is a subject; the first byte's low bit picks the normalizer without or with
// extra prefixes. Invariants: the base subject is no longer than the subject
// and is its own base subject (idempotence); folding never grows the text and
// is idempotent; BaseSubjectKey is the folded BaseSubject, and the key of a
// base subject is the subject's key; the same input gives the same result.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/conversation/base_subject.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using cxkit::conversation::AppendFolded;
using cxkit::conversation::SubjectNormalizer;

std::string Folded(const std::string& text) {
  std::string out;
  AppendFolded(text, &out);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const SubjectNormalizer plain({});
  static const SubjectNormalizer extra({"Antw", "Réf", "ПЕРЕСЛ", "答复", "x"});
  if (size == 0) return 0;
  const SubjectNormalizer& subjects = (data[0] & 1) ? extra : plain;
  const std::string subject(reinterpret_cast<const char*>(data) + 1, size - 1);

  const std::string base = subjects.BaseSubject(subject);
  CXKIT_FUZZ_CHECK(base.size() <= subject.size(),
                   "the base subject is no longer than the subject");
  CXKIT_FUZZ_CHECK(subjects.BaseSubject(base) == base,
                   "the base subject of a base subject is itself");
  CXKIT_FUZZ_CHECK(subjects.BaseSubject(subject) == base,
                   "the same subject gives the same base subject");

  const std::string folded = Folded(subject);
  CXKIT_FUZZ_CHECK(folded.size() <= subject.size(), "folding never grows");
  CXKIT_FUZZ_CHECK(Folded(folded) == folded, "folding is idempotent");

  const std::string key = subjects.BaseSubjectKey(subject);
  CXKIT_FUZZ_CHECK(key == Folded(base), "the key is the folded base subject");
  CXKIT_FUZZ_CHECK(subjects.BaseSubjectKey(base) == key,
                   "a base subject has the subject's key");
  return 0;
}
