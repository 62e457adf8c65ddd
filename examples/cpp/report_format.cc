#include "report_format.h"

#include <cstdio>
#include <cstdlib>

#include "google/protobuf/util/time_util.h"

namespace cxkit_demo {

using google::protobuf::util::TimeUtil;

std::string ClockTime(const google::protobuf::Timestamp& time,
                      const google::protobuf::Timestamp& now) {
  if (time.seconds() == 0 && time.nanos() == 0) return "-";
  const std::string text = TimeUtil::ToString(time);  // 2026-11-03T15:30:00Z
  const std::string today = TimeUtil::ToString(now).substr(0, 10);
  const std::string clock = text.substr(11, 5) + "Z";
  return text.compare(0, 10, today) == 0 ? clock
                                         : text.substr(0, 10) + " " + clock;
}

std::string Fixed(double value, const char* format) {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string ChannelName(cxkit::v1::Channel channel) {
  return std::string(
      WithoutPrefix(cxkit::v1::Channel_Name(channel), "CHANNEL_"));
}

std::string ShortDuration(int64_t seconds) {
  std::string sign = seconds < 0 ? "-" : "";
  const int64_t s = std::llabs(seconds);
  char text[64];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%llds", static_cast<long long>(s));
  } else if (s < 3600) {
    const long long minutes = s / 60, rest = s % 60;
    if (rest == 0) {
      std::snprintf(text, sizeof text, "%lldm", minutes);
    } else {
      std::snprintf(text, sizeof text, "%lldm%llds", minutes, rest);
    }
  } else if (s < 86400) {
    const long long hours = s / 3600, minutes = s % 3600 / 60;
    if (minutes == 0) {
      std::snprintf(text, sizeof text, "%lldh", hours);
    } else {
      std::snprintf(text, sizeof text, "%lldh%lldm", hours, minutes);
    }
  } else {
    const long long days = s / 86400, hours = s % 86400 / 3600;
    if (hours == 0) {
      std::snprintf(text, sizeof text, "%lldd", days);
    } else {
      std::snprintf(text, sizeof text, "%lldd%lldh", days, hours);
    }
  }
  return sign + text;
}

std::string ShortDuration(const google::protobuf::Duration& duration) {
  return ShortDuration(duration.seconds());
}

std::string_view WithoutPrefix(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) == prefix)
    name.remove_prefix(prefix.size());
  return name;
}

std::string Excerpt(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool starts_char = (byte & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars) return out + "…";
    out += (text[i] == '\n' || text[i] == '\r') ? ' ' : text[i];
  }
  return out;
}

}  // namespace cxkit_demo
