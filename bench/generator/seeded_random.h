// A seeded random source whose output is the same on every platform and
// standard library.
//
// std::mt19937_64's output sequence is fixed by the C++ standard, but the
// standard distributions (std::uniform_int_distribution, ...) are not, so the
// mapping from engine output to ranges is done here with fixed integer
// arithmetic.

#ifndef CXKIT_BENCH_GENERATOR_SEEDED_RANDOM_H_
#define CXKIT_BENCH_GENERATOR_SEEDED_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>

namespace cxkit::bench {

// SplitMix64's finalizer: a fixed, well-mixed function of `x`, used to derive
// independent seeds (e.g. one per customer) from one run seed.
inline uint64_t MixSeed(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline uint64_t MixSeed(uint64_t a, uint64_t b) {
  return MixSeed(MixSeed(a) ^ (b * 0xd6e8feb86659fd93ULL));
}

// Not thread-safe.
class SeededRandom {
 public:
  // A std::mt19937_64 stream, for long sequences (the records of a run).
  explicit SeededRandom(uint64_t seed) : engine_(std::in_place, seed) {}

  // A SplitMix64 stream, for a few values derived from `key` (a customer).
  static SeededRandom Derived(uint64_t key) { return SeededRandom(key, 0); }

  uint64_t Next() {
    if (engine_.has_value()) return (*engine_)();
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n) for n > 0 (0 when n == 0), by Lemire's multiply-shift.
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >>
                                 64);
  }

  // Uniform in [low, high].
  int Between(int low, int high) {
    return low + static_cast<int>(Below(static_cast<uint64_t>(high - low) + 1));
  }

  // True with probability percent / 100.
  bool Percent(int percent) {
    return Below(100) < static_cast<uint64_t>(percent);
  }

  // An element of a non-empty array.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

  // An index into `weights` drawn in proportion to the weights (at least one
  // positive).
  template <size_t N>
  size_t PickWeighted(const int (&weights)[N]) {
    uint64_t total = 0;
    for (int w : weights) total += static_cast<uint64_t>(w);
    uint64_t point = Below(total);
    for (size_t i = 0; i < N; ++i) {
      const uint64_t w = static_cast<uint64_t>(weights[i]);
      if (point < w) return i;
      point -= w;
    }
    return N - 1;
  }

  // `count` decimal digits.
  std::string Digits(int count) {
    std::string out;
    out.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
      out.push_back(static_cast<char>('0' + Below(10)));
    }
    return out;
  }

  // `count` lower-case hexadecimal digits.
  std::string Hex(int count) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) out.push_back(kHex[Below(16)]);
    return out;
  }

 private:
  SeededRandom(uint64_t key, int /*derived*/) : state_(key) {}

  std::optional<std::mt19937_64> engine_;
  uint64_t state_ = 0;
};

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_SEEDED_RANDOM_H_
