#include "bench/cli/report.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cxkit::bench {
namespace {

std::string JsonString(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<int>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out += "\"";
  return out;
}

// Thousands separators for the text form: 1234567 -> "1,234,567".
std::string Grouped(uint64_t value) {
  std::string digits = absl::StrCat(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

void Report::AddString(absl::string_view key, absl::string_view value) {
  entries_.push_back({std::string(key), JsonString(value), std::string(value)});
}

void Report::AddInt(absl::string_view key, int64_t value) {
  entries_.push_back(
      {std::string(key), absl::StrCat(value),
       value < 0 ? absl::StrCat("-", Grouped(static_cast<uint64_t>(-value)))
                 : Grouped(static_cast<uint64_t>(value))});
}

void Report::AddUint(absl::string_view key, uint64_t value) {
  entries_.push_back({std::string(key), absl::StrCat(value), Grouped(value)});
}

void Report::AddDouble(absl::string_view key, double value,
                       absl::string_view unit) {
  // JSON has no NaN or infinity.
  std::string json = "null";
  if (std::isfinite(value)) {
    json = std::fabs(value) >= 1000 ? absl::StrFormat("%.0f", value)
                                    : absl::StrFormat("%.6g", value);
  }
  std::string text;
  if (!std::isfinite(value)) {
    text = "n/a";
  } else if (std::fabs(value) >= 1000) {
    text = Grouped(static_cast<uint64_t>(std::llround(std::fabs(value))));
    if (value < 0) text.insert(0, "-");
  } else {
    text = absl::StrFormat("%.4g", value);
  }
  if (!unit.empty()) absl::StrAppend(&text, " ", unit);
  entries_.push_back({std::string(key), json, text});
}

std::string Report::ToJson() const {
  std::string out = "{";
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i > 0) out += ", ";
    absl::StrAppend(&out, JsonString(entries_[i].key), ": ", entries_[i].json);
  }
  out += "}";
  return out;
}

std::string Report::ToText() const {
  size_t width = 0;
  for (const Entry& entry : entries_) width = std::max(width, entry.key.size());
  std::string out;
  for (const Entry& entry : entries_) {
    absl::StrAppendFormat(&out, "%-*s  %s\n", static_cast<int>(width),
                          entry.key, entry.text);
  }
  return out;
}

uint64_t PeakRssBytes() {
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux: kilobytes
}

uint64_t CurrentRssBytes() {
  std::FILE* file = std::fopen("/proc/self/statm", "r");
  if (file == nullptr) return 0;
  unsigned long long size_pages = 0;
  unsigned long long resident_pages = 0;
  const int read = std::fscanf(file, "%llu %llu", &size_pages, &resident_pages);
  std::fclose(file);
  if (read != 2) return 0;
  const long page = sysconf(_SC_PAGESIZE);
  return page > 0 ? resident_pages * static_cast<uint64_t>(page) : 0;
}

double ProcessCpuSeconds() {
  struct timespec now;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) != 0) return 0;
  return static_cast<double>(now.tv_sec) +
         static_cast<double>(now.tv_nsec) * 1e-9;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid]
                                : (values[mid - 1] + values[mid]) / 2;
}

}  // namespace cxkit::bench
