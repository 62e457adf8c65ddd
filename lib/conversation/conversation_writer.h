// Writes the conversations, refusals and stats of a linking into the
// response: stable ids, ordered message references (no texts are copied),
// channels, references, times, states and the evidence of every merge.

#ifndef CXKIT_LIB_CONVERSATION_CONVERSATION_WRITER_H_
#define CXKIT_LIB_CONVERSATION_CONVERSATION_WRITER_H_

#include "cxkit/v1/conversation.pb.h"
#include "lib/conversation/conversation_linker.h"
#include "lib/conversation/merge_settings.h"
#include "lib/conversation/message_preparation.h"

namespace cxkit::conversation {

// Conversation ids: the previous conversation that holds the conversation's
// earliest message that was in one (if that previous conversation does not
// survive in an earlier-sorted conversation), else "c-" + HashToHex(XXH3 of the
// earliest message id). Conversations are sorted by (opened_at, id).
void WriteConversations(const cxkit::v1::MergeConversationsRequest& request,
                        const MergeSettings& settings,
                        const PreparedMessages& prepared,
                        const Linking& linking,
                        cxkit::v1::MergeConversationsResponse* response);

}  // namespace cxkit::conversation

#endif  // CXKIT_LIB_CONVERSATION_CONVERSATION_WRITER_H_
