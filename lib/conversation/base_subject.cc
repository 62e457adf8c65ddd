#include "lib/conversation/base_subject.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "lib/common/utf8.h"

namespace cxkit::conversation {
namespace {

uint32_t FoldCodePoint(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0x80) return cp;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;  // Latin-1
  if (cp == 0x130 || cp == 0x131) return 'i';  // Turkish İ, ı
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;  // Greek
  if (cp == 0x3C2) return 0x3C3;                                  // final sigma
  // Greek with tonos: Ά Έ Ή Ί Ό Ύ Ώ to their plain lower-case letters.
  switch (cp) {
    case 0x386:
    case 0x3AC:
      return 0x3B1;
    case 0x388:
    case 0x3AD:
      return 0x3B5;
    case 0x389:
    case 0x3AE:
      return 0x3B7;
    case 0x38A:
    case 0x3AF:
      return 0x3B9;
    case 0x38C:
    case 0x3CC:
      return 0x3BF;
    case 0x38E:
    case 0x3CD:
      return 0x3C5;
    case 0x38F:
    case 0x3CE:
      return 0x3C9;
    default:
      break;
  }
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;  // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;  // Ѐ..Џ
  return cp;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

constexpr absl::string_view kFullWidthColon = "\xEF\xBC\x9A";  // U+FF1A

// Length of a "[...]" blob at the start of `text` (no nested brackets), or 0.
size_t BlobLength(absl::string_view text) {
  if (text.empty() || text[0] != '[') return 0;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '[') return 0;
    if (text[i] == ']') return i + 1;
  }
  return 0;
}

size_t SkipSpaces(absl::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return pos;
}

// Length of "[digits]" or "(digits)" at the start of `text`, or 0.
size_t CounterLength(absl::string_view text) {
  if (text.size() < 3 || (text[0] != '[' && text[0] != '(')) return 0;
  const char close = text[0] == '[' ? ']' : ')';
  size_t i = 1;
  while (i < text.size() && absl::ascii_isdigit(text[i])) ++i;
  if (i == 1 || i >= text.size() || text[i] != close) return 0;
  return i + 1;
}

// Length of the text at the start of `text` whose folding equals `folded`
// code point by code point, or 0 when it does not start with it.
size_t FoldedPrefixLength(absl::string_view text, absl::string_view folded) {
  size_t pos = 0;
  char buffer[4];
  while (!folded.empty()) {
    if (pos >= text.size()) return 0;
    // Invalid bytes stand for themselves.
    const Utf8CodePoint decoded = DecodeUtf8At(text, pos);
    size_t size = 1;
    if (!decoded.valid) {
      buffer[0] = text[pos];
    } else {
      size = EncodeUtf8(FoldCodePoint(decoded.code_point), buffer);
    }
    if (!absl::StartsWith(folded, absl::string_view(buffer, size))) return 0;
    folded.remove_prefix(size);
    pos += decoded.length;
  }
  return pos;
}

// Replaces `*out` with `subject`, whitespace runs as one space, leading and
// trailing ones dropped.
void CollapseWhitespaceInto(absl::string_view subject, std::string* out) {
  out->clear();
  out->reserve(subject.size());
  bool space = false;
  for (char c : subject) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out->empty()) out->push_back(' ');
    space = false;
    out->push_back(c);
  }
}

std::string CollapseWhitespace(absl::string_view subject) {
  std::string out;
  CollapseWhitespaceInto(subject, &out);
  return out;
}

}  // namespace

void AppendFolded(absl::string_view text, std::string* out) {
  for (size_t pos = 0; pos < text.size();) {
    // Invalid bytes are copied as they are.
    const Utf8CodePoint decoded = DecodeUtf8At(text, pos);
    if (!decoded.valid) {
      out->push_back(text[pos]);
    } else {
      AppendUtf8(FoldCodePoint(decoded.code_point), out);
    }
    pos += decoded.length;
  }
}

const std::vector<std::string>& SubjectNormalizer::BuiltInPrefixes() {
  static const auto* const kPrefixes = new std::vector<std::string>{
      "Re",  "Fwd",    "Fw",   "AW",     "WG",      "SV",
      "VS",  "VB",     "Antw", "Doorst", "Odp",     "PD",
      "RES", "ENC",    "RV",   "RIF",    "R",       "I",
      "TR",  "REF",    "YNT",  "İLT",    "ΑΠ",      "ΣΧΕΤ",
      "ΠΡΘ", "回复",   "回覆", "转发",   "轉寄",    "Ответ",
      "Отв", "Пересл", "Fwd",  "FW",     "Antwort", "Weiterleitung"};
  return *kPrefixes;
}

SubjectNormalizer::SubjectNormalizer(
    const std::vector<std::string>& extra_prefixes) {
  for (const auto* list : {&BuiltInPrefixes(), &extra_prefixes}) {
    for (const std::string& prefix : *list) {
      std::string folded;
      AppendFolded(CollapseWhitespace(prefix), &folded);
      if (!folded.empty()) prefixes_.push_back(std::move(folded));
    }
  }
  std::sort(prefixes_.begin(), prefixes_.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() != b.size() ? a.size() > b.size() : a < b;
            });
  prefixes_.erase(std::unique(prefixes_.begin(), prefixes_.end()),
                  prefixes_.end());
  for (size_t i = 0; i < prefixes_.size(); ++i) {
    const uint8_t first = static_cast<uint8_t>(prefixes_[i][0]);
    by_first_byte_[first].push_back(static_cast<uint32_t>(i));
    all_.push_back(static_cast<uint32_t>(i));
  }
}

size_t SubjectNormalizer::LeaderLength(absl::string_view text,
                                       bool folded) const {
  if (text.empty()) return 0;
  const uint8_t first = static_cast<uint8_t>(text[0]);
  // Folded text starts like its prefix; raw ASCII folds to lower case; raw
  // non-ASCII may fold to another lead byte (or to ASCII, as "İ" does), so
  // every prefix is tried.
  const std::vector<uint32_t>& candidates =
      folded ? by_first_byte_[first]
      : first < 0x80
          ? by_first_byte_[static_cast<uint8_t>(absl::ascii_tolower(first))]
          : all_;
  for (uint32_t index : candidates) {
    const std::string& prefix = prefixes_[index];
    size_t pos = folded ? (absl::StartsWith(text, prefix) ? prefix.size() : 0)
                        : FoldedPrefixLength(text, prefix);
    if (pos == 0) continue;
    pos = SkipSpaces(text, pos);
    if (const size_t counter = CounterLength(text.substr(pos))) {
      pos = SkipSpaces(text, pos + counter);
    } else if (const size_t blob = BlobLength(text.substr(pos))) {
      pos = SkipSpaces(text, pos + blob);
    }
    if (pos < text.size() && text[pos] == ':') {
      return SkipSpaces(text, pos + 1);
    }
    if (absl::StartsWith(text.substr(pos), kFullWidthColon)) {
      return SkipSpaces(text, pos + kFullWidthColon.size());
    }
  }
  return 0;
}

absl::string_view SubjectNormalizer::Strip(absl::string_view text,
                                           bool folded) const {
  bool changed = true;
  while (changed) {
    changed = false;
    // (2) trailers: "(fwd)" and spaces.
    for (;;) {
      if (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
        continue;
      }
      if (text.size() >= 5 &&
          absl::EqualsIgnoreCase(text.substr(text.size() - 5), "(fwd)")) {
        text.remove_suffix(5);
        continue;
      }
      break;
    }
    // (3), (4), (5): leaders and leading blobs.
    for (;;) {
      // Blobs before a prefix belong to the leader ("[list] Re: x").
      size_t pos = 0;
      size_t last_blob = 0;
      while (const size_t blob = BlobLength(text.substr(pos))) {
        last_blob = pos;
        pos = SkipSpaces(text, pos + blob);
      }
      if (const size_t leader = LeaderLength(text.substr(pos), folded)) {
        text.remove_prefix(pos + leader);
        changed = true;
        continue;
      }
      // No leader after the run: drop its blobs in one step (linear, not one
      // blob per pass). A run that ends the text keeps its last blob, which
      // then is the subject.
      const size_t drop = pos < text.size() ? pos : last_blob;
      if (drop != 0) {
        text.remove_prefix(drop);
        changed = true;
        continue;
      }
      break;
    }
    // (6) "[Fwd: ...]" wrappers.
    if (text.size() > 6 && text.back() == ']' && text[0] == '[' &&
        absl::EqualsIgnoreCase(text.substr(1, 4), "fwd:")) {
      text = text.substr(5, text.size() - 6);
      text.remove_prefix(SkipSpaces(text, 0));
      changed = true;
    }
  }
  return text;
}

std::string SubjectNormalizer::BaseSubject(absl::string_view subject) const {
  std::string buffer;
  return std::string(BaseSubject(subject, &buffer));
}

absl::string_view SubjectNormalizer::BaseSubject(absl::string_view subject,
                                                 std::string* buffer) const {
  CollapseWhitespaceInto(subject, buffer);
  return Strip(*buffer, /*folded=*/false);
}

std::string SubjectNormalizer::BaseSubjectKey(absl::string_view subject) const {
  std::string collapsed;
  std::string folded;
  return std::string(BaseSubjectKey(subject, &collapsed, &folded));
}

absl::string_view SubjectNormalizer::BaseSubjectKey(absl::string_view subject,
                                                    std::string* collapsed,
                                                    std::string* folded) const {
  CollapseWhitespaceInto(subject, collapsed);
  folded->clear();
  AppendFolded(*collapsed, folded);
  return Strip(*folded, /*folded=*/true);
}

}  // namespace cxkit::conversation
