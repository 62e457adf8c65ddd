// Builders for EvaluateSla requests in the tests.

#ifndef CXKIT_TESTS_SLA_SLA_TEST_SUPPORT_H_
#define CXKIT_TESTS_SLA_SLA_TEST_SUPPORT_H_

#include <string>

#include "cxkit/v1/sla.pb.h"
#include "tests/sla/calendar_test_support.h"

namespace cxkit::sla::testing {

inline void SetTime(const std::string& text, google::protobuf::Timestamp* out) {
  out->set_seconds(Utc(text));
}

inline std::string Text(const google::protobuf::Timestamp& t) {
  return UtcText(t.seconds());
}

// Appends events to a conversation in a readable way.
class Timeline {
 public:
  explicit Timeline(cxkit::v1::SlaConversation* conversation)
      : conversation_(conversation) {}
  Timeline& Add(cxkit::v1::SlaEventKind kind, const std::string& time) {
    last_ = conversation_->add_events();
    last_->set_kind(kind);
    SetTime(time, last_->mutable_time());
    return *this;
  }
  Timeline& Customer(const std::string& time) {
    return Add(cxkit::v1::SLA_EVENT_KIND_CUSTOMER_MESSAGE, time);
  }
  Timeline& Agent(const std::string& time) {
    return Add(cxkit::v1::SLA_EVENT_KIND_AGENT_REPLY, time);
  }
  Timeline& Bot(const std::string& time) {
    return Add(cxkit::v1::SLA_EVENT_KIND_BOT_REPLY, time);
  }
  Timeline& Status(cxkit::v1::ConversationStatus status,
                   const std::string& time) {
    Add(cxkit::v1::SLA_EVENT_KIND_STATUS_CHANGE, time);
    last_->set_status(status);
    return *this;
  }
  Timeline& Priority(cxkit::v1::Priority priority, const std::string& time) {
    Add(cxkit::v1::SLA_EVENT_KIND_PRIORITY_CHANGE, time);
    last_->set_priority(priority);
    return *this;
  }

 private:
  cxkit::v1::SlaConversation* conversation_;
  cxkit::v1::SlaEvent* last_ = nullptr;
};

inline cxkit::v1::SlaConversation* AddConversation(
    cxkit::v1::EvaluateSlaRequest* request, const std::string& id,
    cxkit::v1::Channel channel) {
  auto* conversation = request->add_conversations();
  conversation->set_id(id);
  conversation->set_channel(channel);
  return conversation;
}

inline cxkit::v1::SlaTarget* AddTarget(cxkit::v1::SlaPolicy* policy,
                                       cxkit::v1::SlaMetric metric,
                                       int64_t seconds,
                                       const std::string& calendar = "") {
  auto* target = policy->add_targets();
  target->set_metric(metric);
  target->mutable_target()->set_seconds(seconds);
  target->set_calendar_id(calendar);
  return target;
}

}  // namespace cxkit::sla::testing

#endif  // CXKIT_TESTS_SLA_SLA_TEST_SUPPORT_H_
