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

// The status names the list; the message names the limit by the full path
// the caller gives, from the request root.
TEST(FieldStatus, TooManyItemsNamesTheLimitByItsFullPath) {
  const absl::Status nested =
      TooManyItems("records", 12, "policy.limits.max_records", 10);
  EXPECT_EQ(nested.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(nested.message(),
            "records: 12 items exceed policy.limits.max_records (10)");
  EXPECT_EQ(FieldOf(nested), "records");
  const absl::Status top =
      TooManyItems("conversations", 3, "limits.max_conversations", 2);
  EXPECT_EQ(top.message(),
            "conversations: 3 items exceed limits.max_conversations (2)");
  EXPECT_EQ(FieldOf(top), "conversations");
}

// The status names the limit itself, by the full path the caller gives, in
// its field and in its message.
TEST(FieldStatus, CheckRequestBytesNamesTheLimitByItsFullPath) {
  EXPECT_TRUE(
      CheckRequestBytes(100, "policy.limits.max_request_bytes", 100).ok());
  const absl::Status status =
      CheckRequestBytes(101, "policy.limits.max_request_bytes", 100);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(),
            "policy.limits.max_request_bytes: request of 101 bytes exceeds "
            "policy.limits.max_request_bytes (100)");
  EXPECT_EQ(FieldOf(status), "policy.limits.max_request_bytes");
}

TEST(FieldStatus, IndexedField) {
  EXPECT_EQ(IndexedField("records", 3), "records[3]");
}

}  // namespace
}  // namespace cxkit
