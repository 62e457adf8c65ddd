// cxkit-demo: runs cxkit on a shop's day of support traffic, exactly as a host
// would (request in, response out), and prints what it found.
//
// Usage: cxkit-demo [--data DIR] [--records FILE.jsonl] [--policy FILE.json]
// [--out DIR]
//   --data     folder with contact_records.jsonl and identity_policy.json
//   (default: the
//              bundled examples/data)
//   --records  contact records, one cxkit.v1.ContactRecord per line in the
//   proto3 JSON mapping
//   --policy   a cxkit.v1.IdentityPolicy in the proto3 JSON mapping
//   --out      folder to write identity_response.json into
// Exit codes: 0 success, 1 the library returned an error status, 2 bad usage or
// input files.

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cxkit/identity.h"
#include "cxkit/version.h"
#include "google/protobuf/util/json_util.h"
#include "identity_report.h"

namespace {

using google::protobuf::util::JsonStringToMessage;

struct Options {
  std::string records =
      std::string(CXKIT_SAMPLE_DATA_DIR) + "/contact_records.jsonl";
  std::string policy =
      std::string(CXKIT_SAMPLE_DATA_DIR) + "/identity_policy.json";
  std::string out;
};

bool ParseArgs(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") return false;
    if (i + 1 >= argc) {
      std::cerr << "cxkit-demo: " << flag << " needs a value\n";
      return false;
    }
    const std::string value = argv[++i];
    if (flag == "--data") {
      options->records = value + "/contact_records.jsonl";
      options->policy = value + "/identity_policy.json";
    } else if (flag == "--records") {
      options->records = value;
    } else if (flag == "--policy") {
      options->policy = value;
    } else if (flag == "--out") {
      options->out = value;
    } else {
      std::cerr << "cxkit-demo: unknown flag " << flag << "\n";
      return false;
    }
  }
  return true;
}

bool ReadRecords(const std::string& path,
                 cxkit::v1::ResolveIdentitiesRequest* request) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cxkit-demo: cannot open " << path << "\n";
    return false;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto status = JsonStringToMessage(line, request->add_records());
    if (!status.ok()) {
      std::cerr << path << ":" << number << ": " << status.message() << "\n";
      return false;
    }
  }
  return true;
}

bool ReadPolicy(const std::string& path, cxkit::v1::IdentityPolicy* policy) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cxkit-demo: cannot open " << path << "\n";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto status = JsonStringToMessage(text.str(), policy);
  if (!status.ok()) std::cerr << path << ": " << status.message() << "\n";
  return status.ok();
}

bool WriteJson(const google::protobuf::Message& message,
               const std::string& path) {
  std::string json;
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = true;
  if (!google::protobuf::util::MessageToJsonString(message, &json, print).ok())
    return false;
  std::ofstream out(path);
  out << json;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) {
    std::cerr << "usage: cxkit-demo [--data DIR] [--records FILE.jsonl] "
                 "[--policy FILE.json]"
                 " [--out DIR]\n";
    return 2;
  }
  cxkit::v1::ResolveIdentitiesRequest request;
  if (!ReadRecords(options.records, &request) ||
      !ReadPolicy(options.policy, request.mutable_policy())) {
    return 2;
  }
  std::cout << "cxkit " << cxkit::VersionString()
            << " demo: " << request.records_size() << " contact records from "
            << options.records << "\n\n";

  const cxkit::v1::ResolveIdentitiesResponse response =
      cxkit::ResolveIdentities(request);
  if (response.status().code() != cxkit::v1::STATUS_CODE_OK) {
    std::cerr << "ResolveIdentities failed: " << response.status().message()
              << "\n";
    return 1;
  }
  cxkit_demo::PrintIdentityReport(response, std::cout);

  if (!options.out.empty()) {
    const std::string path = options.out + "/identity_response.json";
    if (!WriteJson(response, path)) {
      std::cerr << "cxkit-demo: cannot write " << path << "\n";
      return 2;
    }
    std::cout << "\nWrote " << path << "\n";
  }
  return 0;
}
