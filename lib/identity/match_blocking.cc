#include "lib/identity/match_blocking.h"

#include <algorithm>
#include <tuple>

#include "lib/common/stable_hash.h"
#include "lib/identity/date_similarity.h"
#include "lib/identity/string_similarity.h"

namespace cxkit::identity {
namespace {

// Latin letter for a lower-case Cyrillic code point а..я, or 0.
char Transliterate(char32_t c) {
  static constexpr char kLetters[] = "abvgdezziiklmnoprstufhccss0y0eua";
  if (c >= 0x430 && c <= 0x44F) {
    const char letter = kLetters[c - 0x430];
    return letter == '0' ? 0 : letter;
  }
  return 0;
}

char SoundexClass(char c) {
  switch (c) {
    case 'b':
    case 'f':
    case 'p':
    case 'v':
      return '1';
    case 'c':
    case 'g':
    case 'j':
    case 'k':
    case 'q':
    case 's':
    case 'x':
    case 'z':
      return '2';
    case 'd':
    case 't':
      return '3';
    case 'l':
      return '4';
    case 'm':
    case 'n':
      return '5';
    case 'r':
      return '6';
    default:
      return '0';  // vowels, h, w, y
  }
}

// The key of `record` under `rule`, or false when a value is missing.
bool BlockKey(const MatchValues& values,
              const std::vector<CompiledBlockingKey>& rule, uint32_t record,
              std::string* scratch, uint64_t* hash) {
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (const CompiledBlockingKey& key : rule) {
    const absl::string_view normalized =
        values.Normalized(key.comparison, record);
    if (normalized.empty()) return false;
    absl::string_view part = normalized;
    switch (key.transform) {
      case cxkit::v1::BLOCKING_TRANSFORM_PREFIX: {
        size_t end = 0;
        uint32_t code_points = 0;
        while (end < normalized.size() && code_points < key.length) {
          ++end;
          while (end < normalized.size() &&
                 (static_cast<unsigned char>(normalized[end]) & 0xC0) == 0x80) {
            ++end;
          }
          ++code_points;
        }
        part = normalized.substr(0, end);
        break;
      }
      case cxkit::v1::BLOCKING_TRANSFORM_YEAR: {
        const auto date = ParseLooseDate(values.Raw(key.comparison, record));
        if (!date) return false;
        *scratch = std::to_string(date->year);
        part = *scratch;
        break;
      }
      case cxkit::v1::BLOCKING_TRANSFORM_PHONETIC:
        *scratch = PhoneticKey(normalized);
        if (scratch->empty()) return false;
        part = *scratch;
        break;
      default:
        break;
    }
    h = StableHash64(part, h);
  }
  *hash = h;
  return true;
}

struct Block {
  uint32_t size;
  uint32_t rule;
  uint64_t hash;
  uint32_t begin;  // into the rule's sorted entries
};

}  // namespace

std::string PhoneticKey(absl::string_view normalized) {
  std::u32string code_points;
  DecodeUtf8(normalized, &code_points);
  std::string latin;
  for (char32_t c : code_points) {
    if (c >= U'a' && c <= U'z') {
      latin.push_back(static_cast<char>(c));
    } else if (char t = Transliterate(c)) {
      latin.push_back(t);
    }
  }
  if (latin.empty()) return "";
  std::string key(1, latin[0]);
  char last = SoundexClass(latin[0]);
  for (size_t i = 1; i < latin.size() && key.size() < 4; ++i) {
    const char cls = SoundexClass(latin[i]);
    if (cls != '0' && cls != last) key.push_back(cls);
    if (latin[i] != 'h' && latin[i] != 'w') last = cls;
  }
  key.resize(4, '0');
  return key;
}

CandidatePairs FindCandidatePairs(
    const MatchValues& values, const MatchPolicy& policy,
    const std::vector<uint32_t>& canonical_position) {
  CandidatePairs out;
  const uint32_t n = values.record_count();
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> entries(
      policy.blocking_rules.size());
  std::vector<Block> blocks;
  std::string scratch;
  for (uint32_t rule = 0; rule < policy.blocking_rules.size(); ++rule) {
    auto& rule_entries = entries[rule];
    for (uint32_t r = 0; r < n; ++r) {
      uint64_t hash;
      if (BlockKey(values, policy.blocking_rules[rule], r, &scratch, &hash)) {
        rule_entries.emplace_back(hash, canonical_position[r]);
      }
    }
    std::sort(rule_entries.begin(), rule_entries.end());
    for (size_t i = 0; i < rule_entries.size();) {
      size_t j = i + 1;
      while (j < rule_entries.size() &&
             rule_entries[j].first == rule_entries[i].first) {
        ++j;
      }
      if (j - i >= 2) {
        blocks.push_back(Block{static_cast<uint32_t>(j - i), rule,
                               rule_entries[i].first,
                               static_cast<uint32_t>(i)});
      }
      i = j;
    }
  }
  std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    return std::tie(a.size, a.rule, a.hash) < std::tie(b.size, b.rule, b.hash);
  });
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    const uint64_t pairs =
        static_cast<uint64_t>(block.size) * (block.size - 1) / 2;
    if (block.size > policy.max_block_size ||
        out.block_pairs + pairs > policy.max_candidate_pairs) {
      out.oversized_blocks = static_cast<uint32_t>(blocks.size() - b);
      break;
    }
    out.block_pairs += pairs;
    const auto& rule_entries = entries[block.rule];
    for (uint32_t i = block.begin; i < block.begin + block.size; ++i) {
      for (uint32_t j = i + 1; j < block.begin + block.size; ++j) {
        // Entries of a block are sorted by canonical position.
        out.pairs.push_back(
            (static_cast<uint64_t>(rule_entries[i].second) << 32) |
            rule_entries[j].second);
      }
    }
  }
  std::sort(out.pairs.begin(), out.pairs.end());
  out.pairs.erase(std::unique(out.pairs.begin(), out.pairs.end()),
                  out.pairs.end());
  return out;
}

}  // namespace cxkit::identity
