// What a shop's backend knows or decides itself before it calls cxkit: the
// language a conversation is in, what it is about (the skill it needs), how
// angry the customer is, and how urgent it is. Real hosts use their CRM, a
// language detector and a sentiment model; the demo uses small keyword rules
// so that it runs anywhere. Nothing here is part of the library.

#ifndef CXKIT_EXAMPLES_CPP_HOST_RULES_H_
#define CXKIT_EXAMPLES_CPP_HOST_RULES_H_

#include <string>
#include <string_view>

#include "cxkit/v1/common.pb.h"

namespace cxkit_demo {

// A lowercase BCP 47 primary tag: the part of `locale` before "-"/"_" when
// it is non-empty, else a guess from `text`: Cyrillic letters "ru"; Spanish
// marks (ñ, ¿, ¡, á, í, ó, ú) "es"; German letters (ä, ö, ü, ß) or
// "Bestellung" "de"; anything else "en".
std::string ConversationLanguage(std::string_view locale,
                                 std::string_view text);

// The skill a text needs, by keywords in Russian, English, German and
// Spanish: "delivery", "returns", "payments", "electronics", else "general".
std::string TopicSkill(std::string_view text);

// Sentiment in [-1, 1] by keywords and exclamation marks: -1 furious,
// 0 neutral. Never positive (the demo only looks for trouble).
double Sentiment(std::string_view text);

// URGENT for an angry VIP, HIGH for a VIP or an angry customer, else NORMAL.
cxkit::v1::Priority ConversationPriority(bool vip, double sentiment);

}  // namespace cxkit_demo

#endif  // CXKIT_EXAMPLES_CPP_HOST_RULES_H_
