#include "lib/common/field_status.h"

#include "gtest/gtest.h"

namespace cxkit {
namespace {

TEST(FieldStatus, CarriesTheFieldIntoTheProtoStatus) {
  const absl::Status status = InvalidField("records[2].id", "required");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "records[2].id: required");
  EXPECT_EQ(FieldOf(status), "records[2].id");
  cxkit::v1::Status proto;
  ToProtoStatus(status, &proto);
  EXPECT_EQ(proto.code(), cxkit::v1::STATUS_CODE_INVALID_ARGUMENT);
  EXPECT_EQ(proto.message(), "records[2].id: required");
  EXPECT_EQ(proto.field(), "records[2].id");
}

TEST(FieldStatus, OkBecomesAnEmptyStatus) {
  cxkit::v1::Status proto;
  proto.set_message("stale");
  ToProtoStatus(absl::OkStatus(), &proto);
  EXPECT_EQ(proto.code(), cxkit::v1::STATUS_CODE_OK);
  EXPECT_EQ(proto.message(), "");
}

TEST(FieldStatus, ProtoCodesAreNumberedLikeAbsl) {
  EXPECT_EQ(static_cast<int>(cxkit::v1::STATUS_CODE_RESOURCE_EXHAUSTED),
            static_cast<int>(absl::StatusCode::kResourceExhausted));
  EXPECT_EQ(static_cast<int>(cxkit::v1::STATUS_CODE_UNAUTHENTICATED),
            static_cast<int>(absl::StatusCode::kUnauthenticated));
}

TEST(FieldStatus, IndexedField) {
  EXPECT_EQ(IndexedField("records", 3), "records[3]");
}

}  // namespace
}  // namespace cxkit
