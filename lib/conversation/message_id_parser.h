// Message-IDs in the e-mail headers Message-ID, In-Reply-To and References.

#ifndef CXKIT_LIB_CONVERSATION_MESSAGE_ID_PARSER_H_
#define CXKIT_LIB_CONVERSATION_MESSAGE_ID_PARSER_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace cxkit::conversation {

// The Message-ID header value without surrounding whitespace and angle
// brackets, e.g. " <a1@mail.example> " -> "a1@mail.example"; "" when nothing
// usable is left or it holds whitespace.
absl::string_view NormalizeMessageId(absl::string_view header);

// Appends the msg-ids of a References header to `*ids`, left to right, as
// views into `header`: the contents of "<...>" that contain "@" and no
// whitespace; when the header has no "<" at all, its whitespace-separated
// words with "@". Everything else (dates, names, "<junk>") is skipped.
void ParseMessageIds(absl::string_view header,
                     std::vector<absl::string_view>* ids);

// The same for an In-Reply-To header, without the bare-word fallback: only
// the contents of "<...>". An In-Reply-To without brackets holds an address
// ("support@shop.example") or free text, never an id, and taking the shop's
// own address for one would thread every customer who wrote to it together.
void ParseBracketedMessageIds(absl::string_view header,
                              std::vector<absl::string_view>* ids);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_MESSAGE_ID_PARSER_H_
