// Mutated wire bytes of valid routing requests: whatever parses must give a
// response without crashing, and the same response twice.

#include <random>
#include <string>
#include <vector>

#include "google/protobuf/stubs/logging.h"
#include "gtest/gtest.h"
#include "tests/routing/random_routing_requests.h"
#include "tests/test_support.h"

namespace cxkit::testing {
namespace {

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds;
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    RandomShape shape;
    shape.items = 12;
    shape.agents = 5;
    shape.phone_units = 1 + static_cast<int>(seed % 3);
    cxkit::v1::RouteConversationsRequest request =
        RandomRoutingRequest(seed, shape);
    request.mutable_policy()->set_mode(seed % 2 == 0
                                           ? cxkit::v1::ASSIGNMENT_MODE_OPTIMAL
                                           : cxkit::v1::ASSIGNMENT_MODE_GREEDY);
    request.mutable_output()->set_candidates_per_item(2);
    request.mutable_output()->set_explain_ineligible(seed % 3 == 0);
    request.mutable_policy()->add_skills("delivery");
    request.mutable_policy()->add_skills("returns");
    request.mutable_policy()->add_skills("payments");
    seeds.push_back(request.SerializeAsString());
  }
  return seeds;
}

TEST(RoutingFuzzTest, MutatedRequestsNeverCrashAndAreDeterministic) {
  google::protobuf::SetLogHandler(nullptr);  // mutated strings: bad UTF-8
  std::mt19937_64 rng(2026);
  const std::vector<std::string> seeds = Seeds();
  int parsed = 0;
  int routed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string input = seeds[rng() % seeds.size()];
    switch (rng() % 3) {
      case 0:
        for (int f = 0; f < 4; ++f) {
          input[rng() % input.size()] ^= static_cast<char>(1u << (rng() % 8));
        }
        break;
      case 1:
        input.resize(rng() % (input.size() + 1));
        break;
      default:
        input = input.substr(0, rng() % (input.size() + 1)) +
                seeds[rng() % seeds.size()];
    }
    cxkit::v1::RouteConversationsRequest request;
    if (!request.ParseFromString(input)) continue;
    ++parsed;
    request.mutable_policy()->mutable_limits()->set_max_items(200);
    request.mutable_policy()->mutable_limits()->set_max_agents(50);
    const cxkit::v1::RouteConversationsResponse response =
        RouteConversations(request);
    routed += response.status().code() == cxkit::v1::STATUS_CODE_OK &&
              response.assignments_size() > 0;
    ASSERT_EQ(DeterministicBytes(RouteConversations(request)),
              DeterministicBytes(response))
        << "input " << i;
  }
  // Both rejected and routed mutants occur.
  EXPECT_GT(parsed, 1000);
  EXPECT_GT(routed, 200);
}

}  // namespace
}  // namespace cxkit::testing
