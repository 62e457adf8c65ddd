#include "shop_day.h"

#include <fstream>
#include <sstream>

#include "google/protobuf/util/json_util.h"

namespace cxkit_demo {
namespace {

using google::protobuf::Message;
using google::protobuf::util::JsonStringToMessage;

bool ReadFile(const std::string& path, std::string* text, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return true;
}

bool ReadJson(const std::string& path, Message* message, std::string* error) {
  std::string text;
  if (!ReadFile(path, &text, error)) return false;
  const auto status = JsonStringToMessage(text, message);
  if (!status.ok()) {
    *error = path + ": " + std::string(status.message());
    return false;
  }
  return true;
}

// Parses each non-blank line of `path` into a new element of `items`.
template <typename T>
bool ReadJsonLines(const std::string& path,
                   google::protobuf::RepeatedPtrField<T>* items,
                   std::string* error) {
  std::string text;
  if (!ReadFile(path, &text, error)) return false;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto status = JsonStringToMessage(line, items->Add());
    if (!status.ok()) {
      *error = path + ":" + std::to_string(number) + ": " +
               std::string(status.message());
      return false;
    }
  }
  return true;
}

}  // namespace

ShopDayFiles ShopDayFiles::InDirectory(const std::string& dir) {
  return ShopDayFiles{
      dir + "/contact_records.jsonl", dir + "/identity_policy.json",
      dir + "/messages.jsonl",        dir + "/merge_policy.json",
      dir + "/sla_request.json",      dir + "/routing_request.json",
      dir + "/staffing_request.json"};
}

bool LoadShopDay(const ShopDayFiles& files, ShopDay* day, std::string* error) {
  return ReadJsonLines(files.records, day->identity.mutable_records(), error) &&
         ReadJson(files.identity_policy, day->identity.mutable_policy(),
                  error) &&
         ReadJsonLines(files.messages, day->merge.mutable_messages(), error) &&
         ReadJson(files.merge_policy, day->merge.mutable_policy(), error) &&
         ReadJson(files.sla_request, &day->sla, error) &&
         ReadJson(files.routing_request, &day->routing, error) &&
         ReadJson(files.staffing_request, &day->staffing, error);
}

}  // namespace cxkit_demo
