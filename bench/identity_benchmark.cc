// Google Benchmark suite of identity resolution and its normalizers, on
// generated traffic.
//
//   cxkit_identity_benchmark --benchmark_filter=Phone

#include <benchmark/benchmark.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "bench/generator/fuzzy_people.h"
#include "bench/generator/traffic_generator.h"
#include "cxkit/identity.h"
#include "lib/identity/email_normalizer.h"
#include "lib/identity/phone_fast_path.h"
#include "lib/identity/phone_normalizer.h"
#include "lib/identity/string_similarity.h"

namespace cxkit::bench {
namespace {

constexpr uint64_t kSeed = 1;

cxkit::v1::ResolveIdentitiesRequest MakeRequest(size_t records) {
  cxkit::v1::ResolveIdentitiesRequest request;
  TrafficOptions options;
  options.seed = kSeed;
  options.records = records;
  GenerateResolveIdentitiesRequest(options, &request);
  return request;
}

const std::vector<PhoneSample>& PhoneMix() {
  static const std::vector<PhoneSample>* const corpus =
      new std::vector<PhoneSample>(GeneratePhoneCorpus(kSeed, 200000));
  return *corpus;
}

// Each spelling of the mix once.
const std::vector<PhoneSample>& DistinctPhones() {
  static const std::vector<PhoneSample>* const distinct = [] {
    auto* out = new std::vector<PhoneSample>;
    std::set<std::pair<std::string, std::string>> seen;
    for (const PhoneSample& s : PhoneMix()) {
      if (seen.emplace(s.raw, s.region).second) out->push_back(s);
    }
    return out;
  }();
  return *distinct;
}

void BM_NormalizeEmail(benchmark::State& state) {
  const cxkit::v1::ResolveIdentitiesRequest request = MakeRequest(20000);
  std::vector<std::string> emails;
  for (const auto& record : request.records()) {
    for (const auto& identifier : record.identifiers()) {
      if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_EMAIL) {
        emails.emplace_back(absl::StripAsciiWhitespace(identifier.value()));
      }
    }
  }
  const cxkit::v1::EmailNormalization& options = request.policy().email();
  std::string key;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        identity::NormalizeEmail(emails[i], options, &key));
    if (++i == emails.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_NormalizeEmail);

// The phone mix as ResolveIdentities sees it: one PhoneNormalizer for the whole
// batch.
void BM_NormalizePhoneMix(benchmark::State& state) {
  const std::vector<PhoneSample>& mix = PhoneMix();
  identity::PhoneNormalizer normalizer;
  std::string e164;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        normalizer.Normalize(mix[i].raw, mix[i].region, &e164));
    if (++i == mix.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_NormalizePhoneMix);

// The fast path alone on distinct spellings: no cache involved.
void BM_PhoneFastPath(benchmark::State& state) {
  const std::vector<PhoneSample>& phones = DistinctPhones();
  std::string canonical;
  std::string e164;
  size_t i = 0;
  for (auto _ : state) {
    if (identity::CanonicalizePhone(phones[i].raw, &canonical)) {
      benchmark::DoNotOptimize(identity::NormalizeCanonicalPhone(
          canonical, phones[i].region, &e164));
    }
    if (++i == phones.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_PhoneFastPath);

// The reference: libphonenumber's Parse + IsPossibleNumber + Format(E164), no
// cache.
void BM_NormalizePhoneWithLibphonenumber(benchmark::State& state) {
  const std::vector<PhoneSample>& phones = DistinctPhones();
  std::string e164;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(identity::NormalizePhoneWithLibphonenumber(
        phones[i].raw, phones[i].region, &e164));
    if (++i == phones.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_NormalizePhoneWithLibphonenumber);

// Times ResolveIdentities on `request` of state.range(0) records; a status
// other than OK skips the benchmark with its message.
void TimeResolveIdentities(const cxkit::v1::ResolveIdentitiesRequest& request,
                           benchmark::State& state) {
  const int64_t bytes = static_cast<int64_t>(request.ByteSizeLong());
  for (auto _ : state) {
    cxkit::v1::ResolveIdentitiesResponse response =
        cxkit::ResolveIdentities(request);
    if (response.status().code() != cxkit::v1::STATUS_CODE_OK) {
      state.SkipWithError(response.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(response);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
}

// Edit distances on the kind of pair probabilistic matching compares: one
// typo (a swap, a substitution, a missing letter) in a family name.
const std::vector<std::pair<std::u32string, std::u32string>>& TypoPairs() {
  static const auto* const pairs =
      new std::vector<std::pair<std::u32string, std::u32string>>{
          {U"smirnova", U"smrinova"},        {U"kowalski", U"kowalsky"},
          {U"alexandrova", U"aleksandrova"}, {U"johnson", U"jonson"},
          {U"mueller", U"muller"},           {U"fernandez", U"hernandez"},
      };
  return *pairs;
}

void BM_OsaDistanceTypos(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& [a, b] : TypoPairs()) {
      benchmark::DoNotOptimize(identity::OsaDistance(a, b, 2));
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(TypoPairs().size()));
}
BENCHMARK(BM_OsaDistanceTypos);

void BM_LevenshteinTypos(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& [a, b] : TypoPairs()) {
      benchmark::DoNotOptimize(identity::Levenshtein(a, b, 2));
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(TypoPairs().size()));
}
BENCHMARK(BM_LevenshteinTypos);

void BM_ResolveIdentities(benchmark::State& state) {
  TimeResolveIdentities(MakeRequest(static_cast<size_t>(state.range(0))),
                        state);
}
BENCHMARK(BM_ResolveIdentities)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ResolveIdentities with probabilistic matching on (the fuzzy generator and
// the bench's default policy; model estimated in every call).
void BM_ResolveIdentitiesFuzzy(benchmark::State& state) {
  cxkit::v1::ResolveIdentitiesRequest request;
  FuzzyPeopleOptions options;
  options.records = static_cast<uint64_t>(state.range(0));
  GenerateFuzzyPeople(options, &request);
  SetFuzzyMatchingPolicy(request.mutable_policy()->mutable_probabilistic());
  TimeResolveIdentities(request, state);
}
BENCHMARK(BM_ResolveIdentitiesFuzzy)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace cxkit::bench

BENCHMARK_MAIN();
