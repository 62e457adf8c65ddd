// cxkit-demo: the main job. Runs cxkit's four functions over a shop's day of
// support traffic, exactly as a host would (request in, response out, each
// request built from the previous response), prints a report, and writes
// every response as JSON plus a self-contained HTML report.
//
// Usage: cxkit-demo [--data DIR] [--FILE-FLAG PATH ...] [--out DIR]
//   --data DIR    folder with the input files (default: the bundled
//                 examples/data); the flags below override single files:
//   --records, --identity-policy, --messages, --merge-policy, --sla-request,
//   --routing-request, --staffing-request   (see shop_day.h for what each is)
//   --out DIR     write {identity,merge,sla,routing,staffing}_response.json
//                 and report.html into DIR (created if missing)
// Exit codes: 0 success, 1 a function returned an error status, 2 bad usage
// or unreadable input or output.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>

#include "google/protobuf/util/json_util.h"
#include "html_report.h"
#include "pipeline.h"
#include "shop_day.h"
#include "text_report.h"

namespace {

struct Options {
  cxkit_demo::ShopDayFiles files =
      cxkit_demo::ShopDayFiles::InDirectory(CXKIT_SAMPLE_DATA_DIR);
  std::string out;
};

bool ParseArgs(int argc, char** argv, Options* options) {
  cxkit_demo::ShopDayFiles& files = options->files;
  std::pair<const char*, std::string*> file_flags[] = {
      {"--records", &files.records},
      {"--identity-policy", &files.identity_policy},
      {"--messages", &files.messages},
      {"--merge-policy", &files.merge_policy},
      {"--sla-request", &files.sla_request},
      {"--routing-request", &files.routing_request},
      {"--staffing-request", &files.staffing_request}};
  // --data first, so that single-file flags override it in any order.
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--data") {
      files = cxkit_demo::ShopDayFiles::InDirectory(argv[i + 1]);
    }
  }
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") return false;
    if (i + 1 >= argc) {
      std::cerr << "cxkit-demo: " << flag << " needs a value\n";
      return false;
    }
    const std::string value = argv[++i];
    bool known = flag == "--data";
    if (flag == "--out") {
      options->out = value;
      known = true;
    }
    for (auto& [name, path] : file_flags) {
      if (flag == name) {
        *path = value;
        known = true;
      }
    }
    if (!known) {
      std::cerr << "cxkit-demo: unknown flag " << flag << "\n";
      return false;
    }
  }
  return true;
}

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) std::cerr << "cxkit-demo: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

bool WriteJson(const google::protobuf::Message& message,
               const std::string& path) {
  std::string json;
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = true;
  print.preserve_proto_field_names = false;
  if (!google::protobuf::util::MessageToJsonString(message, &json, print)
           .ok()) {
    std::cerr << "cxkit-demo: cannot print " << path << " as JSON\n";
    return false;
  }
  return WriteText(path, json);
}

bool WriteOutputs(const cxkit_demo::PipelineResult& result,
                  const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    std::cerr << "cxkit-demo: cannot create " << dir << ": " << error.message()
              << "\n";
    return false;
  }
  const std::pair<const google::protobuf::Message*, const char*> responses[] = {
      {&result.identity, "identity_response.json"},
      {&result.merge, "merge_response.json"},
      {&result.sla, "sla_response.json"},
      {&result.routing, "routing_response.json"},
      {&result.staffing, "staffing_response.json"}};
  for (const auto& [message, name] : responses) {
    if (!WriteJson(*message, dir + "/" + name)) return false;
  }
  if (!WriteText(dir + "/report.html", cxkit_demo::HtmlReport(result))) {
    return false;
  }
  std::cout << "\nWrote the five responses as JSON and report.html to " << dir
            << "\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) {
    std::cerr << "usage: cxkit-demo [--data DIR] [--records FILE.jsonl] "
                 "[--identity-policy FILE.json] [--messages FILE.jsonl] "
                 "[--merge-policy FILE.json] [--sla-request FILE.json] "
                 "[--routing-request FILE.json] [--staffing-request FILE.json] "
                 "[--out DIR]\n";
    return 2;
  }
  cxkit_demo::ShopDay day;
  std::string error;
  if (!cxkit_demo::LoadShopDay(options.files, &day, &error)) {
    std::cerr << "cxkit-demo: " << error << "\n";
    return 2;
  }
  cxkit_demo::PipelineResult result;
  if (!cxkit_demo::RunPipeline(std::move(day), &result, &error)) {
    std::cerr << "cxkit-demo: " << error << "\n";
    return 1;
  }
  cxkit_demo::PrintTextReport(result, std::cout);
  if (!options.out.empty() && !WriteOutputs(result, options.out)) return 2;
  return 0;
}
