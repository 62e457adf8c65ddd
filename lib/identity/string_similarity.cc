#include "lib/identity/string_similarity.h"

#include <algorithm>
#include <array>
#include <vector>

#include "lib/common/utf8.h"

namespace cxkit::identity {
namespace {

char32_t ToLowerMatching(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1
  if (c >= 0x410 && c <= 0x42F) return c + 32;             // А-Я
  if (c >= 0x400 && c <= 0x40F) c += 80;                   // Ѐ-Џ
  if (c == 0x451) return 0x435;                            // ё -> е
  return c;
}

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
           (c >= U'A' && c <= U'Z');
  }
  // Letters of Latin-1 and beyond; the Latin-1 symbols and the general
  // punctuation block are not.
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  return c != 0xFFFD;
}

// Rows of up to kInlineCells cells live on the stack; longer strings (at most
// the value limit) use the heap.
constexpr size_t kInlineCells = 64;

// A row of `n` zeroed cells, on the stack when it fits.
template <typename T>
class ScratchRow {
 public:
  explicit ScratchRow(size_t n) {
    if (n > kInlineCells) {
      heap_.assign(n, T{});
      data_ = heap_.data();
    } else {
      inline_.fill(T{});
      data_ = inline_.data();
    }
  }
  T& operator[](size_t i) { return data_[i]; }

 private:
  std::array<T, kInlineCells> inline_;
  std::vector<T> heap_;
  T* data_;
};

// Drops the common prefix and suffix of `a` and `b`, which an optimal
// alignment matches at no cost in both distances below, so that the dynamic
// program runs on the differing middle only (typos are usually one letter).
void TrimCommonAffixes(std::u32string_view* a, std::u32string_view* b) {
  size_t prefix = 0;
  const size_t most = std::min(a->size(), b->size());
  while (prefix < most && (*a)[prefix] == (*b)[prefix]) ++prefix;
  a->remove_prefix(prefix);
  b->remove_prefix(prefix);
  size_t suffix = 0;
  const size_t rest = std::min(a->size(), b->size());
  while (suffix < rest &&
         (*a)[a->size() - 1 - suffix] == (*b)[b->size() - 1 - suffix]) {
    ++suffix;
  }
  a->remove_suffix(suffix);
  b->remove_suffix(suffix);
}

}  // namespace

void DecodeUtf8(absl::string_view text, std::u32string* out) {
  out->clear();
  for (size_t pos = 0; pos < text.size();) {
    const Utf8CodePoint decoded = DecodeUtf8At(text, pos);
    out->push_back(decoded.code_point);  // U+FFFD when invalid
    pos += decoded.length;
  }
}

std::string NormalizeForMatching(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool ascii = true;
  for (char ch : text) ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    for (char ch : text) {
      if (ch >= 'A' && ch <= 'Z') {
        out.push_back(static_cast<char>(ch + 32));
      } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        out.push_back(ch);
      }
    }
    return out;
  }
  std::u32string code_points;
  DecodeUtf8(text, &code_points);
  for (char32_t c : code_points) {
    if (IsLetterOrDigit(c)) AppendUtf8(ToLowerMatching(c), &out);
  }
  return out;
}

double Jaro(std::u32string_view a, std::u32string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t window =
      std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  ScratchRow<char> a_matched(a.size());
  ScratchRow<char> b_matched(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_matched[j] && a[i] == b[j]) {
        a_matched[i] = b_matched[j] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  size_t half_transpositions = 0;
  size_t j = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  return (m / static_cast<double>(a.size()) +
          m / static_cast<double>(b.size()) + (m - t) / m) /
         3.0;
}

double JaroWinkler(std::u32string_view a, std::u32string_view b) {
  const double jaro = Jaro(a, b);
  size_t prefix = 0;
  const size_t most = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < most && a[prefix] == b[prefix]) ++prefix;
  return jaro + 0.1 * static_cast<double>(prefix) * (1.0 - jaro);
}

uint32_t Levenshtein(std::u32string_view a, std::u32string_view b,
                     uint32_t cap) {
  const size_t diff =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > cap) return cap + 1;
  TrimCommonAffixes(&a, &b);
  if (a.empty() || b.empty()) {
    return static_cast<uint32_t>(
        std::min<size_t>(a.size() + b.size(), cap + 1));
  }
  ScratchRow<uint32_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    uint32_t diagonal = row[0];
    row[0] = static_cast<uint32_t>(i);
    uint32_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const uint32_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > cap) return cap + 1;
  }
  return std::min(row[b.size()], cap + 1);
}

uint32_t OsaDistance(std::u32string_view a, std::u32string_view b,
                     uint32_t cap) {
  const size_t diff =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > cap) return cap + 1;
  TrimCommonAffixes(&a, &b);
  if (a.empty() || b.empty()) {
    return static_cast<uint32_t>(
        std::min<size_t>(a.size() + b.size(), cap + 1));
  }
  // Three rolling rows: i - 2 (for transpositions), i - 1 and i.
  const size_t width = b.size() + 1;
  ScratchRow<uint32_t> two_back(width);
  ScratchRow<uint32_t> previous(width);
  ScratchRow<uint32_t> current(width);
  for (size_t j = 0; j < width; ++j) previous[j] = static_cast<uint32_t>(j);
  uint32_t previous_min = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<uint32_t>(i);
    uint32_t row_min = current[0];
    for (size_t j = 1; j < width; ++j) {
      const uint32_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      uint32_t best = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, two_back[j - 2] + 1);
      }
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    // A transposition reaches back two rows, so stop only when both rows a
    // later cell can build on exceed the cap.
    if (row_min > cap && previous_min > cap) return cap + 1;
    previous_min = row_min;
    for (size_t j = 0; j < width; ++j) {
      two_back[j] = previous[j];
      previous[j] = current[j];
    }
  }
  return std::min(previous[b.size()], cap + 1);
}

}  // namespace cxkit::identity
