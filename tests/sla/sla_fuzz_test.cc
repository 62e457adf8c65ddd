// Replays deterministic mutations of valid requests (bit flips, truncations,
// random bytes): every input that parses gives a response, the same twice,
// in bounded time.

#include <random>
#include <string>
#include <vector>

#include "bench/generator/sla_traffic.h"
#include "cxkit/sla.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace cxkit {
namespace {

template <typename Request>
std::vector<std::string> Mutations(const std::string& seed, int count,
                                   uint64_t rng_seed) {
  std::mt19937_64 rng(rng_seed);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string bytes = seed;
    switch (rng() % 4) {
      case 0:
        for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) {
          bytes[rng() % bytes.size()] ^= static_cast<char>(1 << (rng() % 8));
        }
        break;
      case 1:
        bytes.resize(rng() % bytes.size());
        break;
      case 2:
        bytes[rng() % bytes.size()] = static_cast<char>(rng());
        bytes[rng() % bytes.size()] = static_cast<char>(rng());
        break;
      default:
        bytes.insert(rng() % bytes.size(), std::string(1 + rng() % 8, '\xff'));
    }
    out.push_back(bytes);
  }
  return out;
}

TEST(SlaFuzzReplay, MutatedEvaluateSlaRequestsNeverCrash) {
  google::protobuf::SetLogHandler(nullptr);
  cxkit::v1::EvaluateSlaRequest seed;
  bench::SlaTrafficOptions options;
  options.conversations = 12;
  bench::GenerateEvaluateSlaRequest(options, &seed);
  int parsed = 0;
  for (const std::string& bytes : Mutations<cxkit::v1::EvaluateSlaRequest>(
           seed.SerializeAsString(), 1500, 1)) {
    cxkit::v1::EvaluateSlaRequest request;
    if (!request.ParseFromString(bytes)) continue;
    ++parsed;
    const cxkit::v1::EvaluateSlaResponse response = EvaluateSla(request);
    const std::string first = testing::DeterministicBytes(response);
    ASSERT_EQ(testing::DeterministicBytes(EvaluateSla(request)), first);
    // Every response prints as proto3 JSON (valid timestamps and durations),
    // as the C ABI's JSON entry needs.
    std::string json;
    ASSERT_TRUE(
        google::protobuf::util::MessageToJsonString(response, &json).ok());
  }
  EXPECT_GT(parsed, 100);
}

TEST(SlaFuzzReplay, MutatedPlanStaffingRequestsNeverCrash) {
  google::protobuf::SetLogHandler(nullptr);
  cxkit::v1::PlanStaffingRequest seed;
  seed.set_model(cxkit::v1::STAFFING_MODEL_ERLANG_A);
  seed.mutable_average_handle_time()->set_seconds(240);
  seed.mutable_average_patience()->set_seconds(90);
  seed.set_target_service_level(0.8);
  seed.set_shrinkage(0.3);
  seed.set_max_occupancy(0.9);
  for (double contacts : {0.0, 12.5, 100.0, 480.0}) {
    seed.add_intervals()->set_contacts(contacts);
  }
  seed.mutable_limits()->set_max_agents(2000);
  int parsed = 0;
  for (const std::string& bytes : Mutations<cxkit::v1::PlanStaffingRequest>(
           seed.SerializeAsString(), 600, 2)) {
    cxkit::v1::PlanStaffingRequest request;
    if (!request.ParseFromString(bytes)) continue;
    ++parsed;
    const std::string first =
        testing::DeterministicBytes(PlanStaffing(request));
    ASSERT_EQ(testing::DeterministicBytes(PlanStaffing(request)), first);
  }
  EXPECT_GT(parsed, 50);
}

}  // namespace
}  // namespace cxkit
