#include "lib/common/proto_time.h"

#include "gtest/gtest.h"

namespace cxkit {
namespace {

TEST(ProtoTime, RoundTripsWithNanos) {
  google::protobuf::Timestamp in;
  in.set_seconds(1790000000);
  in.set_nanos(123456789);
  ASSERT_TRUE(ValidateTimestamp(in, "t").ok());
  google::protobuf::Timestamp out;
  ToProtoTimestamp(FromProtoTimestamp(in), &out);
  EXPECT_EQ(out.seconds(), 1790000000);
  EXPECT_EQ(out.nanos(), 123456789);
}

TEST(ProtoTime, RejectsOutOfRangeWithTheField) {
  google::protobuf::Timestamp t;
  t.set_seconds(253402300800);  // 10000-01-01
  EXPECT_EQ(ValidateTimestamp(t, "records[0].observed_at").message(),
            "records[0].observed_at: timestamp outside 0001-01-01..9999-12-31");
  t.set_seconds(0);
  t.set_nanos(1000000000);
  EXPECT_FALSE(ValidateTimestamp(t, "x").ok());
}

TEST(ProtoTime, InfiniteTimesClampToTheProtoRange) {
  google::protobuf::Timestamp t;
  ToProtoTimestamp(absl::InfiniteFuture(), &t);
  EXPECT_EQ(t.seconds(), 253402300799);
  ToProtoTimestamp(absl::InfinitePast(), &t);
  EXPECT_EQ(t.seconds(), -62135596800);
}

}  // namespace
}  // namespace cxkit
