// The generated customers: who they are and which identifiers they own, derived
// from the run seed and their index alone, so that no customer table has to be
// kept in memory.

#ifndef CXKIT_BENCH_GENERATOR_CUSTOMER_H_
#define CXKIT_BENCH_GENERATOR_CUSTOMER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "bench/generator/region_profiles.h"

namespace cxkit::bench {

struct CustomerPhone {
  const RegionProfile* region;
  size_t plan;  // index into region->plans
  std::string national_number;
};

struct Customer {
  uint64_t index;
  const RegionProfile* region;
  LocalName first_name;
  LocalName last_name;
  const char* city;
  // Addresses as the customer owns them, lower case.
  std::vector<std::string> emails;
  // An address shared with family members (several customers); empty when none.
  std::string family_email;
  std::vector<CustomerPhone> phones;
  std::string crm_id;       // "C10000042"
  std::string telegram_id;  // "512345678" or "@anna_smirnova"
  std::vector<std::string> cookies;
  std::string device_id;
  int orders;
};

// Customer `index` of the population of run `seed`. Deterministic.
Customer MakeCustomer(uint64_t seed, uint64_t index);

// The customer's page-scoped Messenger id for page `page` (different per page,
// as Meta's).
std::string MessengerPsid(uint64_t seed, const Customer& customer, int page);

// The customer's Instagram-scoped id.
std::string InstagramId(uint64_t seed, const Customer& customer);

// The id of the customer's order `order` (< customer.orders), e.g. "A-1000423".
std::string OrderId(const Customer& customer, int order);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_CUSTOMER_H_
