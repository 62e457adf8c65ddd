// The service-level report: per channel, the share of conversations answered
// within a threshold, first reply time statistics and breach counts.

#ifndef CXKIT_LIB_SLA_SERVICE_LEVEL_H_
#define CXKIT_LIB_SLA_SERVICE_LEVEL_H_

#include <cstdint>
#include <vector>

#include "cxkit/v1/sla.pb.h"
#include "lib/sla/compiled_request.h"
#include "lib/sla/conversation_clocks.h"

namespace cxkit::sla {

// Collects conversations, then writes the report.
class ServiceLevelCollector {
 public:
  explicit ServiceLevelCollector(const CompiledRequest* compiled);

  // Adds one evaluated conversation.
  void Add(const cxkit::v1::ConversationSla& result,
           const FirstReplyFacts& facts);

  void WriteReport(cxkit::v1::ServiceLevelReport* out);

 private:
  struct Row {
    uint32_t conversations = 0;
    uint32_t within = 0;
    uint32_t waiting_beyond = 0;
    uint32_t breached_conversations = 0;
    uint32_t breached_cycles = 0;
    std::vector<int64_t> first_replies;
  };
  void WriteRow(Row& row, cxkit::v1::ChannelServiceLevel* out);

  const CompiledRequest* compiled_;
  std::vector<Row> rows_;  // indexed by Channel
};

}  // namespace cxkit::sla

#endif  // CXKIT_LIB_SLA_SERVICE_LEVEL_H_
