// Small helpers shared by the C++ tests: status assertions (Abseil 20220623 has
// no gtest status matchers) and request builders.

#ifndef CXKIT_TESTS_TEST_SUPPORT_H_
#define CXKIT_TESTS_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "cxkit/v1/identity.pb.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace cxkit::testing {

// Serializes deterministically, so equal messages give equal bytes.
inline std::string DeterministicBytes(
    const google::protobuf::Message& message) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

// Appends a record with `id` and identifiers given as (type, value) pairs.
inline cxkit::v1::ContactRecord* AddRecord(
    cxkit::v1::ResolveIdentitiesRequest* request, const std::string& id,
    std::vector<std::pair<cxkit::v1::IdentifierType, std::string>>
        identifiers) {
  cxkit::v1::ContactRecord* record = request->add_records();
  record->set_id(id);
  for (auto& [type, value] : identifiers) {
    cxkit::v1::Identifier* identifier = record->add_identifiers();
    identifier->set_type(type);
    identifier->set_value(value);
  }
  return record;
}

inline google::protobuf::Timestamp Time(const std::string& rfc3339) {
  google::protobuf::Timestamp t;
  EXPECT_TRUE(google::protobuf::util::TimeUtil::FromString(rfc3339, &t))
      << rfc3339;
  return t;
}

// The record ids of every profile, in response order.
inline std::vector<std::vector<std::string>> ProfileRecords(
    const cxkit::v1::ResolveIdentitiesResponse& response) {
  std::vector<std::vector<std::string>> out;
  for (const auto& profile : response.profiles()) {
    out.emplace_back(profile.record_ids().begin(), profile.record_ids().end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace cxkit::testing

#endif  // CXKIT_TESTS_TEST_SUPPORT_H_
