// A seeded generator of realistic omnichannel contact records, for benchmarks
// and tests.
//
// Customers live in a few regions (RU, DE, US, GB, FR, IT, ES, NL, KZ, BR) and
// each owns several identifiers: e-mail addresses, phone numbers, a CRM id,
// cookies, a device id, a Telegram id, page-scoped Messenger and Instagram ids,
// orders. Each record is one contact on one channel and carries the identifiers
// that channel sees, spelled the way people and systems write them: e-mails in
// varied case, with Gmail dots and "+tags"; phones in national and
// international formats (with ContactRecord.region set when the spelling needs
// it); WhatsApp ids as E.164 digits. The mix also has what real data has: junk
// values ("null", "", "undefined", "0000000000", "test@test.com"), hub values
// on records of many customers (the shop's own phone number, an in-store kiosk
// cookie, the support mailbox) and family e-mail addresses shared by several
// customers.
//
// Output depends only on the options: the same seed gives byte-identical
// requests on every platform (std::mt19937_64 with a fixed integer mapping; no
// std distributions, no hashing).
//
// Example:
//   cxkit::v1::ResolveIdentitiesRequest request;
//   cxkit::bench::TrafficOptions options;
//   options.records = 10000;
//   options.seed = 42;
//   cxkit::bench::GenerateResolveIdentitiesRequest(options, &request);

#ifndef CXKIT_BENCH_GENERATOR_TRAFFIC_GENERATOR_H_
#define CXKIT_BENCH_GENERATOR_TRAFFIC_GENERATOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cxkit/v1/identity.pb.h"

namespace cxkit::bench {

struct TrafficOptions {
  uint64_t seed = 1;
  size_t records = 10000;
  // Customers the records come from; 0: records * 2 / 7 (3.5 records per
  // customer).
  size_t customers = 0;
  // observed_at is spread uniformly over [start, start + span).
  int64_t start_unix_seconds = 1717372800;  // 2024-06-03T00:00:00Z
  int64_t span_seconds = 24 * 60 * 60;      // a day; 30 days for a month
};

// Replaces the records and the policy of `request` with `options.records`
// generated records (ids "r0000000", "r0000001", ...) and a policy with Gmail
// dot and "+tag" rules on.
void GenerateResolveIdentitiesRequest(
    const TrafficOptions& options,
    cxkit::v1::ResolveIdentitiesRequest* request);

// A phone value as ResolveIdentities normalizes it: the raw spelling and the
// region it is read in ("" for international spellings).
struct PhoneSample {
  std::string raw;
  std::string region;
};

// `count` phone values drawn from the same mix as the records of
// GenerateResolveIdentitiesRequest(seed): the PHONE identifiers with their
// record's region, and WhatsApp ids as "+" and the digits (as cxkit normalizes
// them), junk and hub values included. Deterministic.
std::vector<PhoneSample> GeneratePhoneCorpus(uint64_t seed, size_t count);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_TRAFFIC_GENERATOR_H_
