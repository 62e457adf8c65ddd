// Small formatting helpers shared by the text and HTML reports.

#ifndef CXKIT_EXAMPLES_CPP_REPORT_FORMAT_H_
#define CXKIT_EXAMPLES_CPP_REPORT_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "cxkit/v1/common.pb.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace cxkit_demo {

// "15:30Z" when `time` falls on the same UTC date as `now`, else
// "2026-11-05 13:30Z"; "-" when unset (seconds 0 and nanos 0).
std::string ClockTime(const google::protobuf::Timestamp& time,
                      const google::protobuf::Timestamp& now);

// `value` printed with the printf `format` ("%.1f" by default).
std::string Fixed(double value, const char* format = "%.1f");

// "EMAIL" for CHANNEL_EMAIL.
std::string ChannelName(cxkit::v1::Channel channel);

// "45s", "3m", "1h30m", "2d4h"; a leading "-" when negative.
std::string ShortDuration(int64_t seconds);
std::string ShortDuration(const google::protobuf::Duration& duration);

// The enum value name without its prefix: "CHANNEL_EMAIL" -> "EMAIL".
std::string_view WithoutPrefix(std::string_view name, std::string_view prefix);

// At most `max_chars` UTF-8 characters of `text` on one line ("…" appended
// when cut); newlines become spaces.
std::string Excerpt(std::string_view text, size_t max_chars);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_REPORT_FORMAT_H_
