#include "bench/generator/customer.h"

#include "absl/strings/str_cat.h"

namespace cxkit::bench {
namespace {

// Streams of derived seeds, so that each kind of value has its own sequence.
enum SeedStream : uint64_t {
  kCustomerStream = 1,
  kFamilyStream = 2,
  kPsidStream = 3,
  kInstagramStream = 4,
};

// Customers are grouped in threes; some groups are families sharing one
// address.
constexpr uint64_t kFamilySize = 3;
constexpr int kFamilyPercent = 6;

std::string LocalPart(const Customer& c, SeededRandom& random) {
  const std::string first = c.first_name.ascii;
  const std::string last = c.last_name.ascii;
  const std::string number = absl::StrCat(c.index);
  switch (random.Below(5)) {
    case 0:
      return absl::StrCat(first, ".", last, number);
    case 1:
      return absl::StrCat(first.substr(0, 1), last, number);
    case 2:
      return absl::StrCat(first, "_", last, "_", number);
    case 3:
      return absl::StrCat(last, ".", first, number);
    default:
      return absl::StrCat(first, number);
  }
}

}  // namespace

Customer MakeCustomer(uint64_t seed, uint64_t index) {
  SeededRandom random =
      SeededRandom::Derived(MixSeed(seed, index * 8 + kCustomerStream));
  Customer c;
  c.index = index;
  c.region = &PickRegion(random);
  const RegionProfile& region = *c.region;
  c.first_name = region.first_names[random.Below(region.first_names.size())];
  c.last_name = region.last_names[random.Below(region.last_names.size())];
  c.city = region.cities[random.Below(region.cities.size())];

  const int emails = random.Percent(25) ? 2 : 1;
  for (int i = 0; i < emails; ++i) {
    const char* domain =
        region.email_domains[random.Below(region.email_domains.size())];
    c.emails.push_back(absl::StrCat(LocalPart(c, random), "@", domain));
  }
  const uint64_t family = index / kFamilySize;
  if (SeededRandom::Derived(MixSeed(seed, family * 8 + kFamilyStream))
          .Percent(kFamilyPercent)) {
    c.family_email =
        absl::StrCat("family.", c.last_name.ascii, family, "@gmail.com");
  }

  const int phones = random.Percent(30) ? 2 : 1;
  for (int i = 0; i < phones; ++i) {
    // A second phone is now and then from another country (a work or travel
    // SIM).
    const RegionProfile& phone_region =
        (i > 0 && random.Percent(20)) ? PickRegion(random) : region;
    CustomerPhone phone{&phone_region, 0, ""};
    phone.national_number =
        MakeNationalNumber(phone_region, random, &phone.plan);
    c.phones.push_back(std::move(phone));
  }

  c.crm_id = absl::StrCat("C", 10000000 + index);
  c.telegram_id = random.Percent(60)
                      ? absl::StrCat(100000000 + random.Below(6000000000))
                      : absl::StrCat("@", c.first_name.ascii, "_",
                                     c.last_name.ascii, index % 1000);
  const int cookies = random.Between(1, 3);
  for (int i = 0; i < cookies; ++i) c.cookies.push_back(random.Hex(32));
  // Drawn one by one: the arguments of one call are evaluated in an order
  // each compiler picks (GCC right to left, Clang left to right), and the
  // seeded data must not depend on the compiler. This is GCC's order, which
  // the figures in tests/bench were taken with.
  const std::string node = random.Hex(12);
  const std::string sequence = random.Hex(3);
  const std::string version = random.Hex(3);
  const std::string middle = random.Hex(4);
  const std::string low = random.Hex(8);
  c.device_id =
      absl::StrCat(low, "-", middle, "-4", version, "-a", sequence, "-", node);
  c.orders = random.Between(1, 4);
  return c;
}

std::string MessengerPsid(uint64_t seed, const Customer& customer, int page) {
  SeededRandom random = SeededRandom::Derived(MixSeed(
      seed,
      customer.index * 64 + static_cast<uint64_t>(page) * 8 + kPsidStream));
  // One draw after the other, in the order of customer.device_id's comment.
  const std::string rest = random.Digits(15);
  return absl::StrCat(random.Between(1, 9), rest);
}

std::string InstagramId(uint64_t seed, const Customer& customer) {
  SeededRandom random = SeededRandom::Derived(
      MixSeed(seed, customer.index * 8 + kInstagramStream));
  return absl::StrCat("17", random.Digits(15));
}

std::string OrderId(const Customer& customer, int order) {
  return absl::StrCat(
      "A-", 1000000 + customer.index * 4 + static_cast<uint64_t>(order));
}

}  // namespace cxkit::bench
