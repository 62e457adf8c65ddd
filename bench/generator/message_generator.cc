#include "bench/generator/message_generator.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/generator/seeded_random.h"

namespace cxkit::bench {
namespace {

using cxkit::v1::Channel;
using cxkit::v1::ConversationMessage;

struct Customer {
  std::string id;
  std::string email_raw;
  std::string email;  // normalized
  std::string phone_raw;
  std::string phone;  // E.164
  std::string psid;
  bool russian;
};

constexpr const char* kPage = "page-shop";

Customer MakeCustomer(uint64_t seed, size_t n) {
  SeededRandom random = SeededRandom::Derived(MixSeed(seed, n));
  static constexpr const char* kFirst[] = {"anna",  "boris", "olga", "ivan",
                                           "maria", "john",  "emma", "lukas",
                                           "sofia", "pierre"};
  static constexpr const char* kDomains[] = {"gmail.com", "yandex.ru",
                                             "mail.ru",   "outlook.com",
                                             "web.de",    "icloud.com"};
  Customer c;
  c.id = absl::StrFormat("cust-%07d", n);
  const std::string first = random.Pick(kFirst);
  const std::string domain = random.Pick(kDomains);
  c.email = absl::StrCat(first, ".", n, "@", domain);
  c.email_raw = random.Percent(30)
                    ? absl::StrCat(std::string(1, first[0] - 32),
                                   first.substr(1), ".", n, "@", domain)
                    : c.email;
  const std::string digits = absl::StrFormat("%07d", n % 10000000);
  c.phone = absl::StrCat("+7916", digits);
  c.phone_raw = random.Percent(50)
                    ? c.phone
                    : absl::StrCat("+7 916 ", digits.substr(0, 3), "-",
                                   digits.substr(3, 2), "-", digits.substr(5));
  c.psid = absl::StrCat("psid-", MixSeed(seed, n) % 100000000000ULL);
  c.russian = random.Percent(50);
  return c;
}

class StreamWriter {
 public:
  StreamWriter(const MessageStreamOptions& options,
               cxkit::v1::MergeConversationsRequest* request)
      : options_(options), request_(request), random_(options.seed) {}

  bool Full() const { return next_id_ >= options_.messages; }

  ConversationMessage* Add(const Customer& customer, Channel channel,
                           int64_t at, bool from_customer) {
    ConversationMessage* m = request_->add_messages();
    m->set_id(absl::StrFormat("m%08d", next_id_++));
    m->set_channel(channel);
    m->set_direction(from_customer ? cxkit::v1::MESSAGE_DIRECTION_INBOUND
                                   : cxkit::v1::MESSAGE_DIRECTION_OUTBOUND);
    m->set_author_kind(from_customer ? cxkit::v1::AUTHOR_KIND_CUSTOMER
                                     : cxkit::v1::AUTHOR_KIND_AGENT);
    m->mutable_sent_at()->set_seconds(at);
    if (random_.Percent(50)) {
      m->set_customer_id(customer.id);
    } else {
      auto* list =
          from_customer ? m->mutable_sender() : m->mutable_recipients();
      cxkit::v1::Identifier* identifier = list->Add();
      switch (channel) {
        case cxkit::v1::CHANNEL_EMAIL:
          identifier->set_type(cxkit::v1::IDENTIFIER_TYPE_EMAIL);
          identifier->set_value(customer.email_raw);
          break;
        case cxkit::v1::CHANNEL_MESSENGER:
          identifier->set_type(cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID);
          identifier->set_value(customer.psid);
          identifier->set_namespace_(kPage);
          break;
        case cxkit::v1::CHANNEL_WHATSAPP:
          identifier->set_type(cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID);
          identifier->set_value(customer.phone.substr(1));
          break;
        default:
          identifier->set_type(cxkit::v1::IDENTIFIER_TYPE_PHONE);
          identifier->set_value(customer.phone_raw);
          break;
      }
    }
    return m;
  }

  SeededRandom& random() { return random_; }

 private:
  const MessageStreamOptions& options_;
  cxkit::v1::MergeConversationsRequest* request_;
  SeededRandom random_;
  size_t next_id_ = 0;
};

std::string OrderText(SeededRandom& random, const Customer& c,
                      const std::string& order, bool from_customer) {
  if (!from_customer) {
    static constexpr const char* kAgentEn[] = {
        "Thank you for your message, we are checking it.",
        "We have arranged an exchange, the courier will call you.",
        "Sorry for the delay, your parcel is on its way."};
    static constexpr const char* kAgentRu[] = {
        "Спасибо за обращение, мы проверяем.",
        "Мы оформили обмен, курьер позвонит вам.",
        "Извините за задержку, посылка уже в пути."};
    return c.russian ? random.Pick(kAgentRu) : random.Pick(kAgentEn);
  }
  if (order.empty() || random.Percent(40)) {
    static constexpr const char* kPlainEn[] = {
        "Hi, any news?", "The shoes are too small, what can I do?",
        "Hello? Is anybody there", "I still have not received a refund."};
    static constexpr const char* kPlainRu[] = {
        "Здравствуйте, есть новости?", "Туфли малы, что делать?",
        "Алло, есть кто-нибудь?", "Деньги так и не вернули."};
    return c.russian ? random.Pick(kPlainRu) : random.Pick(kPlainEn);
  }
  if (c.russian) {
    return random.Percent(50)
               ? absl::StrCat("Здравствуйте! Заказ № ", order,
                              " пришёл не того размера, хочу обменять.")
               : absl::StrCat("По заказу ", order, " до сих пор нет ответа");
  }
  return random.Percent(50)
             ? absl::StrCat("Hi, I got the wrong size in order #", order,
                            ". Can I swap it for a 38?")
             : absl::StrCat("Where is my order ", order,
                            "? It was due yesterday.");
}

// One e-mail thread of `length` messages starting at `at`; returns the time
// of its last message.
int64_t EmailThread(StreamWriter& w, const Customer& c,
                    const std::string& order, int64_t at, int length) {
  SeededRandom& random = w.random();
  static constexpr const char* kReplyPrefixes[] = {
      "Re: ", "RE: ", "AW: ", "Re[2]: ", "Отв: "};
  const std::string base =
      order.empty() ? (c.russian ? "Вопрос по доставке" : "Delivery question")
                    : absl::StrCat(c.russian ? "Заказ " : "Order ", order);
  const bool list_tag = random.Percent(20);
  std::string references;
  std::string last_id;
  for (int i = 0; i < length && !w.Full(); ++i) {
    const bool from_customer = i % 2 == 0;
    ConversationMessage* m =
        w.Add(c, cxkit::v1::CHANNEL_EMAIL, at, from_customer);
    const std::string id = absl::StrCat(
        "<", absl::StrFormat("%016x", MixSeed(at, w.random().Next())), ".",
        m->id(), from_customer ? "@mail.example>" : "@support.shop.example>");
    auto* email = m->mutable_email();
    email->set_message_id(id);
    std::string subject = base;
    if (list_tag) subject = "[shop-support] " + subject;
    if (i > 0) {
      subject = random.Pick(kReplyPrefixes) + subject;
      email->set_in_reply_to(last_id);
      email->set_references(references);
    }
    email->set_subject(subject);
    m->set_text(OrderText(random, c, i == 0 ? order : "", from_customer));
    if (!references.empty()) references.push_back(' ');
    references += id;
    last_id = id;
    at += random.Between(600, 6 * 3600);
  }
  return at;
}

int64_t ChatSession(StreamWriter& w, const Customer& c, Channel channel,
                    const std::string& order, int64_t at, int length) {
  SeededRandom& random = w.random();
  const std::string key =
      channel == cxkit::v1::CHANNEL_LIVE_CHAT
          ? absl::StrCat("chat-", random.Hex(12))
          : absl::StrCat(channel == cxkit::v1::CHANNEL_WHATSAPP ? "wa-" : "fb-",
                         c.phone);
  const int gap = channel == cxkit::v1::CHANNEL_LIVE_CHAT ? 90 : 1800;
  for (int i = 0; i < length && !w.Full(); ++i) {
    const bool from_customer = i % 3 != 1;
    ConversationMessage* m = w.Add(c, channel, at, from_customer);
    m->set_thread_key(key);
    m->set_text(OrderText(random, c, i == 0 ? order : "", from_customer));
    if (i + 1 == length && !from_customer && random.Percent(30)) {
      m->set_resolves_conversation(true);
    }
    at += random.Between(5, gap);
  }
  return at;
}

int64_t Call(StreamWriter& w, const Customer& c, const std::string& order,
             int64_t at) {
  SeededRandom& random = w.random();
  const std::string call_id = absl::StrCat("call-", random.Hex(10));
  ConversationMessage* call = w.Add(c, cxkit::v1::CHANNEL_PHONE, at, true);
  call->set_thread_key(call_id);
  call->set_text(OrderText(random, c, order, true));
  at += random.Between(60, 900);
  if (!w.Full() && random.Percent(60)) {
    ConversationMessage* notes = w.Add(c, cxkit::v1::CHANNEL_PHONE, at, false);
    notes->set_direction(cxkit::v1::MESSAGE_DIRECTION_INTERNAL);
    notes->set_thread_key(call_id);
    notes->set_text(c.russian
                        ? "Клиент просит обмен, заказ " + order
                        : "Customer asks for an exchange, order " + order);
  }
  return at;
}

}  // namespace

void GenerateMergeConversationsRequest(
    const MessageStreamOptions& options,
    cxkit::v1::MergeConversationsRequest* request) {
  request->clear_messages();
  request->clear_customer_profiles();
  request->mutable_messages()->Reserve(static_cast<int>(options.messages));
  const size_t customers = options.customers != 0
                               ? options.customers
                               : std::max<size_t>(1, options.messages / 6);
  StreamWriter w(options, request);
  SeededRandom& random = w.random();
  std::vector<bool> used(customers, false);
  static constexpr int kContactWeights[] = {30, 25, 15, 10, 20};
  static constexpr Channel kChatChannels[] = {cxkit::v1::CHANNEL_LIVE_CHAT,
                                              cxkit::v1::CHANNEL_WHATSAPP,
                                              cxkit::v1::CHANNEL_MESSENGER};
  while (!w.Full()) {
    const size_t n = random.Below(customers);
    used[n] = true;
    const Customer c = MakeCustomer(options.seed, n);
    const std::string order =
        random.Percent(70) ? absl::StrCat(100000 + random.Below(900000)) : "";
    int64_t at = options.start_unix_seconds +
                 static_cast<int64_t>(
                     random.Below(static_cast<uint64_t>(options.span_seconds)));
    const int contacts = random.Between(1, 3);
    for (int k = 0; k < contacts && !w.Full(); ++k) {
      switch (random.PickWeighted(kContactWeights)) {
        case 0:
          at = EmailThread(w, c, order, at, random.Between(1, 6));
          break;
        case 1:
          at = ChatSession(w, c, cxkit::v1::CHANNEL_LIVE_CHAT, order, at,
                           random.Between(3, 15));
          break;
        case 2: {
          // One draw after the other (see customer.device_id in customer.cc).
          const int messages = random.Between(2, 8);
          at = ChatSession(w, c, random.Pick(kChatChannels), order, at,
                           messages);
          break;
        }
        case 3:
          at = Call(w, c, order, at);
          break;
        default: {
          ConversationMessage* sms = w.Add(c, cxkit::v1::CHANNEL_SMS, at, true);
          sms->set_text(OrderText(random, c, order, true));
          at += 60;
          break;
        }
      }
      // The next contact: soon (the window) or the next day (by order).
      at += random.Percent(60) ? random.Between(60, 3 * 3600)
                               : random.Between(20 * 3600, 40 * 3600);
    }
  }
  if (!options.with_profiles) return;
  for (size_t n = 0; n < customers; ++n) {
    if (!used[n]) continue;
    const Customer c = MakeCustomer(options.seed, n);
    cxkit::v1::CustomerProfile* profile = request->add_customer_profiles();
    profile->set_profile_id(c.id);
    auto add = [&](cxkit::v1::IdentifierType type, const std::string& value,
                   const char* name_space) {
      cxkit::v1::ProfileIdentifier* identifier = profile->add_identifiers();
      identifier->set_type(type);
      identifier->set_normalized_value(value);
      identifier->set_namespace_(name_space);
    };
    add(cxkit::v1::IDENTIFIER_TYPE_EMAIL, c.email, "");
    add(cxkit::v1::IDENTIFIER_TYPE_PHONE, c.phone, "");
    add(cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID, c.psid, kPage);
  }
}

}  // namespace cxkit::bench
