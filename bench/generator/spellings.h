// How people and systems write the same identifier in different ways.

#ifndef CXKIT_BENCH_GENERATOR_SPELLINGS_H_
#define CXKIT_BENCH_GENERATOR_SPELLINGS_H_

#include <string>

#include "bench/generator/customer.h"
#include "bench/generator/seeded_random.h"

namespace cxkit::bench {

// `address` as typed somewhere: as owned, capitalized, upper-case domain, with
// surrounding spaces; at Gmail also with moved dots or a "+tag".
std::string SpellEmail(const std::string& address, SeededRandom& random);

// `phone` as written by the customer or an agent: one of its region's national
// or international spellings, or now and then dialled from another region with
// that region's international prefix ("00 7 916 ..."). `*region` receives the
// region needed to read the spelling, or "" for spellings starting with "+".
std::string SpellPhone(const CustomerPhone& phone, SeededRandom& random,
                       std::string* region);

// The WhatsApp id of `phone`: its E.164 digits without "+", e.g. "79161234567".
std::string WhatsAppId(const CustomerPhone& phone);

// The customer's name as a form or a CRM would hold it.
std::string SpellName(const Customer& customer, SeededRandom& random);

// An order id as written: "A-1000423", "#A-1000423" or "a-1000423".
std::string SpellOrderId(const std::string& order_id, SeededRandom& random);

}  // namespace cxkit::bench

#endif  // CXKIT_BENCH_GENERATOR_SPELLINGS_H_
