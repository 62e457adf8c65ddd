// Many threads calling every entry point of cxkit at once on shared, const
// requests: the five C++ functions, the five C ABI bytes entries and
// cxkit_call_json for each of the five methods. Every response must equal,
// byte for byte, the response of a single-threaded call made before the
// threads start. Under ThreadSanitizer (the `tsan` preset, `make tsan`) this
// is the data-race test of the library; in every other build it is a normal
// test that results do not depend on what other threads are doing.
//
// The requests are the bundled sample day (examples/data) completed by the
// demo pipeline, so every function gets realistic, non-trivial input.
//
// Environment: CXKIT_CONCURRENCY_THREADS (default 8) and
// CXKIT_CONCURRENCY_ROUNDS (default 1; each thread calls all 15 entry points
// per round, starting at a different one).

#include <atomic>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "cxkit/conversation.h"
#include "cxkit/cxkit_c.h"
#include "cxkit/identity.h"
#include "cxkit/routing.h"
#include "cxkit/sla.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "pipeline.h"
#include "shop_day.h"
#include "tests/test_support.h"

namespace {

using cxkit::testing::DeterministicBytes;

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  int n = std::atoi(value);
  return n > 0 ? n : fallback;
}

// One entry point: a name for failure messages and a call that returns the
// response as bytes (deterministic protobuf or the C ABI's JSON text).
struct EntryPoint {
  std::string name;
  std::function<std::string()> call;
};

// Wraps a C ABI bytes entry: `request` is serialized once, up front.
using BytesFn = int (*)(const void*, size_t, void**, size_t*);
std::string CallBytes(BytesFn fn, const std::string& request) {
  void* response = nullptr;
  size_t size = 0;
  fn(request.data(), request.size(), &response, &size);
  std::string bytes(static_cast<const char*>(response), size);
  cxkit_free(response);
  return bytes;
}

std::string CallJson(const char* method, const std::string& request_json) {
  char* response = nullptr;
  size_t size = 0;
  cxkit_call_json(method, request_json.data(), request_json.size(), &response,
                  &size);
  std::string json(response, size);
  cxkit_free(response);
  return json;
}

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(message, &json).ok());
  return json;
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cxkit_demo::ShopDay day;
    std::string error;
    ASSERT_TRUE(cxkit_demo::LoadShopDay(
        cxkit_demo::ShopDayFiles::InDirectory(CXKIT_SAMPLE_DATA_DIR), &day,
        &error))
        << error;
    pipeline_ = new cxkit_demo::PipelineResult;
    ASSERT_TRUE(cxkit_demo::RunPipeline(std::move(day), pipeline_, &error))
        << error;
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  // Every entry point, bound to the shared requests (const from here on).
  std::vector<EntryPoint> EntryPoints() {
    const cxkit_demo::PipelineResult& p = *pipeline_;
    identity_bytes_ = DeterministicBytes(p.identity_request);
    merge_bytes_ = DeterministicBytes(p.merge_request);
    sla_bytes_ = DeterministicBytes(p.sla_request);
    staffing_bytes_ = DeterministicBytes(p.staffing_request);
    routing_bytes_ = DeterministicBytes(p.routing_request);
    identity_json_ = ToJson(p.identity_request);
    merge_json_ = ToJson(p.merge_request);
    sla_json_ = ToJson(p.sla_request);
    staffing_json_ = ToJson(p.staffing_request);
    routing_json_ = ToJson(p.routing_request);
    return {
        {"ResolveIdentities",
         [&p] {
           return DeterministicBytes(
               cxkit::ResolveIdentities(p.identity_request));
         }},
        {"MergeConversations",
         [&p] {
           return DeterministicBytes(
               cxkit::MergeConversations(p.merge_request));
         }},
        {"EvaluateSla",
         [&p] {
           return DeterministicBytes(cxkit::EvaluateSla(p.sla_request));
         }},
        {"PlanStaffing",
         [&p] {
           return DeterministicBytes(cxkit::PlanStaffing(p.staffing_request));
         }},
        {"RouteConversations",
         [&p] {
           return DeterministicBytes(
               cxkit::RouteConversations(p.routing_request));
         }},
        {"cxkit_resolve_identities",
         [this] {
           return CallBytes(&cxkit_resolve_identities, identity_bytes_);
         }},
        {"cxkit_merge_conversations",
         [this] {
           return CallBytes(&cxkit_merge_conversations, merge_bytes_);
         }},
        {"cxkit_evaluate_sla",
         [this] { return CallBytes(&cxkit_evaluate_sla, sla_bytes_); }},
        {"cxkit_plan_staffing",
         [this] { return CallBytes(&cxkit_plan_staffing, staffing_bytes_); }},
        {"cxkit_route_conversations",
         [this] {
           return CallBytes(&cxkit_route_conversations, routing_bytes_);
         }},
        {"cxkit_call_json ResolveIdentities",
         [this] { return CallJson("ResolveIdentities", identity_json_); }},
        {"cxkit_call_json MergeConversations",
         [this] { return CallJson("MergeConversations", merge_json_); }},
        {"cxkit_call_json EvaluateSla",
         [this] { return CallJson("EvaluateSla", sla_json_); }},
        {"cxkit_call_json PlanStaffing",
         [this] { return CallJson("PlanStaffing", staffing_json_); }},
        {"cxkit_call_json RouteConversations",
         [this] { return CallJson("RouteConversations", routing_json_); }},
    };
  }

  static cxkit_demo::PipelineResult* pipeline_;
  std::string identity_bytes_, merge_bytes_, sla_bytes_, staffing_bytes_,
      routing_bytes_;
  std::string identity_json_, merge_json_, sla_json_, staffing_json_,
      routing_json_;
};

cxkit_demo::PipelineResult* ConcurrencyTest::pipeline_ = nullptr;

// The requests exercise every function for real: a test on empty requests
// would race-check nothing.
TEST_F(ConcurrencyTest, SampleDayRequestsAreNotTrivial) {
  const cxkit_demo::PipelineResult& p = *pipeline_;
  EXPECT_GT(p.identity_request.records_size(), 500);
  EXPECT_GT(p.merge_request.messages_size(), 500);
  EXPECT_GT(p.sla_request.conversations_size(), 100);
  EXPECT_GT(p.staffing_request.intervals_size(), 10);
  EXPECT_GT(p.routing_request.items_size(), 10);
  EXPECT_GT(p.identity.profiles_size(), 100);
  EXPECT_GT(p.routing.assignments_size(), 0);
}

TEST_F(ConcurrencyTest, EveryEntryPointAtOnceGivesTheSingleThreadedBytes) {
  const std::vector<EntryPoint> entries = EntryPoints();
  // Single-threaded reference, which also warms up every lazy initialization
  // (descriptors, JSON type resolver, time zones) before the threads start.
  std::vector<std::string> expected;
  for (const EntryPoint& entry : entries) {
    expected.push_back(entry.call());
    ASSERT_FALSE(expected.back().empty()) << entry.name;
  }
  // The C ABI gives the same bytes as the C++ function it wraps.
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(expected[i], expected[i + 5]) << entries[i].name;
  }

  const int threads = EnvInt("CXKIT_CONCURRENCY_THREADS", 8);
  const int rounds = EnvInt("CXKIT_CONCURRENCY_ROUNDS", 1);
  const size_t n = entries.size();
  std::vector<std::vector<int>> mismatches(threads, std::vector<int>(n, 0));
  std::atomic<int> ready{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      // Start together, so the first calls overlap too.
      ready.fetch_add(1);
      while (ready.load() < threads) std::this_thread::yield();
      for (int round = 0; round < rounds; ++round) {
        for (size_t k = 0; k < n; ++k) {
          // Each thread starts at a different entry point and walks them in
          // its own order, so different functions run side by side.
          size_t i = (k * (t % 2 == 0 ? 1 : n - 1) + t * 7 + round) % n;
          if (entries[i].call() != expected[i]) ++mismatches[t][i];
        }
      }
    });
  }
  for (std::thread& thread : pool) thread.join();
  for (int t = 0; t < threads; ++t) {
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(mismatches[t][i], 0)
          << "thread " << t << ": " << entries[i].name
          << " differed from the single-threaded response";
    }
  }
}

}  // namespace
