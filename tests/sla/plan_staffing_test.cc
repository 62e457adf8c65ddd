#include <cmath>
#include <string>

#include "cxkit/sla.h"
#include "google/protobuf/arena.h"
#include "gtest/gtest.h"
#include "lib/sla/erlang.h"

namespace cxkit {
namespace {

using namespace cxkit::v1;  // NOLINT

// The textbook example: 100 calls in 30 minutes, 3-minute handle time, 80 %
// within 20 seconds.
PlanStaffingRequest Textbook() {
  PlanStaffingRequest request;
  request.mutable_average_handle_time()->set_seconds(180);
  request.set_target_service_level(0.8);
  request.mutable_service_level_threshold()->set_seconds(20);
  request.add_intervals()->set_contacts(100);
  return request;
}

TEST(ErlangC, PublishedValues) {
  const sla::QueueForecast fourteen = sla::ErlangC(14, 10, 180, 20);
  EXPECT_NEAR(fourteen.service_level, 0.8884, 5e-5);
  EXPECT_NEAR(fourteen.probability_of_waiting, 0.1741, 5e-5);
  EXPECT_NEAR(fourteen.occupancy, 10.0 / 14, 1e-12);
  // ASA = C * AHT / (N - A) = 0.17412 * 180 / 4.
  EXPECT_NEAR(fourteen.average_speed_of_answer, 7.835, 5e-3);
  EXPECT_NEAR(sla::ErlangC(13, 10, 180, 20).service_level, 0.7956, 5e-5);
}

TEST(ErlangC, StableForThousandsOfAgents) {
  const sla::QueueForecast big = sla::ErlangC(5200, 5000, 180, 20);
  EXPECT_TRUE(std::isfinite(big.service_level));
  EXPECT_GT(big.service_level, 0.99);
  EXPECT_LT(big.probability_of_waiting, 0.05);
  EXPECT_FALSE(sla::ErlangC(10, 10, 180, 20).stable);
}

TEST(PlanStaffing, TextbookNeedsFourteenAgents) {
  PlanStaffingRequest request = Textbook();
  request.set_shrinkage(0.3);
  const PlanStaffingResponse response = PlanStaffing(request);
  ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
      << response.status().message();
  ASSERT_EQ(response.intervals_size(), 1);
  const StaffingIntervalResult& result = response.intervals(0);
  EXPECT_DOUBLE_EQ(result.traffic_erlangs(), 10);
  EXPECT_EQ(result.agents(), 14u);
  EXPECT_EQ(result.scheduled_agents(), 20u);  // 14 / 0.7
  EXPECT_NEAR(result.service_level(), 0.8884, 5e-5);
  EXPECT_NEAR(result.probability_of_waiting(), 0.1741, 5e-5);
  EXPECT_TRUE(result.target_met());
  EXPECT_EQ(response.peak_scheduled_agents(), 20u);
  EXPECT_DOUBLE_EQ(response.scheduled_agent_hours(), 10);
}

// -0.0 contacts is valid (not below zero) and must answer exactly like 0:
// JSON cannot carry the sign, so a -0 Erlangs would differ between the binary
// and the JSON entry points (found by the call_json fuzzer).
TEST(PlanStaffing, NegativeZeroContactsAnswerLikeZero) {
  PlanStaffingRequest zero = Textbook();
  zero.mutable_intervals(0)->set_contacts(0.0);
  PlanStaffingRequest negative_zero = Textbook();
  negative_zero.mutable_intervals(0)->set_contacts(-0.0);
  const PlanStaffingResponse from_negative = PlanStaffing(negative_zero);
  ASSERT_EQ(from_negative.status().code(), STATUS_CODE_OK)
      << from_negative.status().message();
  EXPECT_FALSE(std::signbit(from_negative.intervals(0).traffic_erlangs()));
  EXPECT_EQ(from_negative.SerializeAsString(),
            PlanStaffing(zero).SerializeAsString());
}

// PlanStaffingInto clears a used response first and may write on an arena: the
// bytes equal PlanStaffing()'s.
TEST(PlanStaffing, IntoClearsTheResponseAndWorksOnAnArena) {
  PlanStaffingRequest request = Textbook();
  request.set_shrinkage(0.3);
  const std::string expected = PlanStaffing(request).SerializeAsString();
  google::protobuf::Arena arena;
  auto* response =
      google::protobuf::Arena::CreateMessage<PlanStaffingResponse>(&arena);
  response->add_intervals()->set_agents(99);
  response->mutable_status()->set_message("left over");
  PlanStaffingInto(request, response);
  EXPECT_EQ(response->intervals_size(), 1);
  EXPECT_EQ(response->SerializeAsString(), expected);
}

TEST(PlanStaffing, MaxOccupancyAddsAgents) {
  PlanStaffingRequest request = Textbook();
  request.set_max_occupancy(0.65);  // 10 / 16 = 0.625
  const PlanStaffingResponse response = PlanStaffing(request);
  EXPECT_EQ(response.intervals(0).agents(), 16u);
}

TEST(PlanStaffing, GivenStaffIsEvaluated) {
  PlanStaffingRequest request = Textbook();
  request.mutable_intervals(0)->set_agents(13);
  const PlanStaffingResponse response = PlanStaffing(request);
  EXPECT_NEAR(response.intervals(0).service_level(), 0.7956, 5e-5);
  EXPECT_FALSE(response.intervals(0).target_met());
}

TEST(ErlangA, PatienceEqualToHandleTimeIsPoisson) {
  // With abandonment rate = service rate the number in system is Poisson(A).
  const double a = 10;
  double p = std::exp(-a), below = 0, excess = 0;
  for (int k = 0; k < 200; ++k) {
    if (k < 14) below += p;
    if (k > 14) excess += (k - 14) * p;
    p *= a / (k + 1);
  }
  const sla::QueueForecast f = sla::ErlangA(14, a, 180, 20, 180);
  EXPECT_NEAR(f.probability_of_waiting, 1 - below, 1e-9);
  EXPECT_NEAR(f.abandonment, excess / a, 1e-9);
}

TEST(ErlangA, VeryPatientCustomersApproachErlangC) {
  const sla::QueueForecast f = sla::ErlangA(14, 10, 180, 20, 1e6);
  EXPECT_NEAR(f.service_level, 0.8884, 2e-3);
  EXPECT_NEAR(f.probability_of_waiting, 0.1741, 2e-3);
  // Impatient customers leave, so fewer wait and fewer agents are needed.
  const sla::QueueForecast impatient = sla::ErlangA(14, 10, 180, 20, 60);
  EXPECT_GT(impatient.service_level, 0.8884);
  EXPECT_GT(impatient.abandonment, 0);
  EXPECT_TRUE(sla::ErlangA(8, 10, 180, 20, 60).stable);
}

TEST(PlanStaffing, ErlangANeedsNoMoreAgentsThanErlangC) {
  PlanStaffingRequest request = Textbook();
  request.set_model(STAFFING_MODEL_ERLANG_A);
  request.mutable_average_patience()->set_seconds(120);
  const PlanStaffingResponse response = PlanStaffing(request);
  ASSERT_EQ(response.status().code(), STATUS_CODE_OK)
      << response.status().message();
  EXPECT_LE(response.intervals(0).agents(), 14u);
  EXPECT_GE(response.intervals(0).service_level(), 0.8);
  EXPECT_GT(response.intervals(0).abandonment_probability(), 0);
}

void ExpectRefused(const PlanStaffingRequest& request, StatusCode code,
                   const std::string& field) {
  const PlanStaffingResponse response = PlanStaffing(request);
  EXPECT_EQ(response.status().code(), code) << response.status().message();
  EXPECT_EQ(response.status().field(), field) << response.status().message();
  EXPECT_EQ(response.intervals_size(), 0);
}

TEST(PlanStaffingValidation, ArrivalRateBeyondCapacity) {
  PlanStaffingRequest request = Textbook();
  request.mutable_intervals(0)->set_agents(9);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "intervals[0].agents");
  request = Textbook();
  request.mutable_limits()->set_max_agents(12);
  ExpectRefused(request, STATUS_CODE_RESOURCE_EXHAUSTED,
                "intervals[0].contacts");
}

// A load of 2^32 - 1 Erlangs (and beyond) once wrapped the first staff tried
// to 0 and searched forever; it is beyond limits.max_agents.
TEST(PlanStaffingValidation, LoadBeyondAnyStaffIsRefusedAtOnce) {
  PlanStaffingRequest request = Textbook();
  request.mutable_interval_length()->set_seconds(1);
  request.mutable_average_handle_time()->set_seconds(5);
  request.mutable_intervals(0)->set_contacts(858993459);
  ExpectRefused(request, STATUS_CODE_RESOURCE_EXHAUSTED,
                "intervals[0].contacts");
  request.mutable_average_handle_time()->set_seconds(86400);
  request.mutable_intervals(0)->set_contacts(1e9);  // 8.64e13 Erlangs
  ExpectRefused(request, STATUS_CODE_RESOURCE_EXHAUSTED,
                "intervals[0].contacts");
}

TEST(PlanStaffingValidation, BadNumbers) {
  PlanStaffingRequest request = Textbook();
  request.mutable_intervals(0)->set_contacts(-1);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "intervals[0].contacts");
  request = Textbook();
  request.set_target_service_level(1);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "target_service_level");
  request = Textbook();
  request.clear_average_handle_time();
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "intervals[0].average_handle_time");
  request = Textbook();
  request.set_model(STAFFING_MODEL_ERLANG_A);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT, "average_patience");
  request = Textbook();
  request.mutable_service_level_threshold()->set_seconds(-20);
  ExpectRefused(request, STATUS_CODE_INVALID_ARGUMENT,
                "service_level_threshold");
  EXPECT_FALSE(ValidatePlanStaffingRequest(request).ok());
  EXPECT_TRUE(ValidatePlanStaffingRequest(Textbook()).ok());
}

}  // namespace
}  // namespace cxkit
