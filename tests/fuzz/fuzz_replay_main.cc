// Runs the fuzz target without libFuzzer: seed inputs built from valid
// requests, then deterministic mutations of them (bit flips, truncations,
// splices) and random bytes. Usage: fuzz_replay [iterations]

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "cxkit/identity.h"
#include "google/protobuf/stubs/logging.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds;
  cxkit::v1::ResolveIdentitiesRequest request;
  request.mutable_policy()->set_default_region("RU");
  request.mutable_policy()->add_rules()->set_type(
      cxkit::v1::IDENTIFIER_TYPE_EMAIL);
  request.mutable_policy()->mutable_rules(0)->add_blocked_patterns(
      ".*@shop\\.ru");
  const char* values[] = {"Anna@Mail.ru",    "8 (916) 123-45-67",
                          "+7 916 123 4567", "null",
                          "79161234567",     "ck-1"};
  const cxkit::v1::IdentifierType types[] = {
      cxkit::v1::IDENTIFIER_TYPE_EMAIL,
      cxkit::v1::IDENTIFIER_TYPE_PHONE,
      cxkit::v1::IDENTIFIER_TYPE_PHONE,
      cxkit::v1::IDENTIFIER_TYPE_EMAIL,
      cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID,
      cxkit::v1::IDENTIFIER_TYPE_COOKIE};
  for (int i = 0; i < 12; ++i) {
    auto* record = request.add_records();
    record->set_id("r" + std::to_string(i));
    record->mutable_observed_at()->set_seconds(1790000000 + i);
    (*record->mutable_attributes())["name"] = "n" + std::to_string(i % 3);
    auto* identifier = record->add_identifiers();
    identifier->set_type(types[i % 6]);
    identifier->set_value(values[(i * 5) % 6]);
    seeds.push_back(request.SerializeAsString());
  }
  auto* known = request.add_previous_profiles();
  known->set_profile_id("p1");
  known->add_record_ids("r1");
  seeds.push_back(request.SerializeAsString());
  return seeds;
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 3000;
  std::mt19937_64 rng(12345);
  const std::vector<std::string> seeds = Seeds();
  google::protobuf::SetLogHandler(
      nullptr);  // mutated strings are often invalid UTF-8
  for (long i = 0; i < iterations; ++i) {
    std::string input = seeds[rng() % seeds.size()];
    switch (rng() % 4) {
      case 0:  // bit flips
        for (int f = 0; f < 4 && !input.empty(); ++f) {
          input[rng() % input.size()] ^= static_cast<char>(1u << (rng() % 8));
        }
        break;
      case 1:  // truncation
        input.resize(rng() % (input.size() + 1));
        break;
      case 2:  // splice two seeds
        input = input.substr(0, rng() % (input.size() + 1)) +
                seeds[rng() % seeds.size()];
        break;
      default:  // random bytes
        input.assign(rng() % 256, '\0');
        for (char& c : input) c = static_cast<char>(rng());
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()),
                           input.size());
  }
  std::printf("%ld inputs, no crash\n", iterations);
  return 0;
}
