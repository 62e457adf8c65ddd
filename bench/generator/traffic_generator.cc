#include "bench/generator/traffic_generator.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/generator/customer.h"
#include "bench/generator/seeded_random.h"
#include "bench/generator/spellings.h"

namespace cxkit::bench {
namespace {

using cxkit::v1::Channel;
using cxkit::v1::ContactRecord;
using cxkit::v1::IdentifierType;

// What kind of contact a record is.
enum Touchpoint : size_t {
  kEmail,
  kLiveChat,
  kPhoneCall,
  kSms,
  kWhatsApp,
  kMessenger,
  kInstagram,
  kTelegram,
  kWebForm,
  kInApp,
  kSocialComment,
  kCrmRow,
  kOrder,
};
constexpr int kTouchpointWeights[] = {12, 12, 10, 4, 14, 7, 4,
                                      5,  8,  5,  2, 8,  9};

// Values that sit on records of many customers.
constexpr char kShopPhone[] = "+49 30 20459000";
constexpr char kKioskCookie[] = "kiosk-berlin-alexanderplatz-01";
constexpr char kSupportMailbox[] = "support@shop.example";
constexpr const char* kMessengerPages[] = {"104738291847362",
                                           "208374619283746"};
constexpr char kInstagramAccount[] = "17841400000000001";

struct JunkValue {
  IdentifierType type;
  const char* value;
};
constexpr JunkValue kJunkValues[] = {
    {cxkit::v1::IDENTIFIER_TYPE_PHONE, "0000000000"},
    {cxkit::v1::IDENTIFIER_TYPE_PHONE, "null"},
    {cxkit::v1::IDENTIFIER_TYPE_PHONE, ""},
    {cxkit::v1::IDENTIFIER_TYPE_PHONE, "undefined"},
    {cxkit::v1::IDENTIFIER_TYPE_PHONE, "+7 (000) 000-00-00"},
    {cxkit::v1::IDENTIFIER_TYPE_PHONE, "123"},
    {cxkit::v1::IDENTIFIER_TYPE_EMAIL, "test@test.com"},
    {cxkit::v1::IDENTIFIER_TYPE_EMAIL, "null"},
    {cxkit::v1::IDENTIFIER_TYPE_EMAIL, ""},
    {cxkit::v1::IDENTIFIER_TYPE_EMAIL, "noemail@noemail.com"},
    {cxkit::v1::IDENTIFIER_TYPE_COOKIE, "undefined"},
    {cxkit::v1::IDENTIFIER_TYPE_CRM_ID, "0"},
};

class RecordGenerator {
 public:
  explicit RecordGenerator(const TrafficOptions& options)
      : options_(options),
        customers_(std::max<size_t>(1, options.customers != 0
                                           ? options.customers
                                           : options.records * 2 / 7)),
        random_(MixSeed(options.seed, 0)) {}

  void Fill(size_t index, ContactRecord* record) {
    record->set_id(absl::StrFormat("r%07u", index));
    // A fifth of the contacts come from the most active twentieth of the
    // customers.
    const uint64_t customer_index =
        random_.Percent(20)
            ? random_.Below(std::max<size_t>(1, customers_ / 20))
            : random_.Below(customers_);
    const Customer customer = MakeCustomer(options_.seed, customer_index);
    auto* observed = record->mutable_observed_at();
    observed->set_seconds(options_.start_unix_seconds +
                          static_cast<int64_t>(random_.Below(
                              static_cast<uint64_t>(options_.span_seconds))));
    observed->set_nanos(static_cast<int32_t>(random_.Below(1000)) * 1000000);
    FillTouchpoint(customer, random_.PickWeighted(kTouchpointWeights), record);
    if (random_.Percent(3)) {
      const JunkValue& junk = random_.Pick(kJunkValues);
      Add(record, junk.type, junk.value);
    }
  }

 private:
  void FillTouchpoint(const Customer& c, size_t touchpoint,
                      ContactRecord* record) {
    switch (touchpoint) {
      case kEmail:
        Set(record, "email", cxkit::v1::CHANNEL_EMAIL);
        AddEmail(c, record);
        if (random_.Percent(60)) AddName(c, record);
        break;
      case kLiveChat:
        Set(record, "chat", cxkit::v1::CHANNEL_LIVE_CHAT);
        AddCookie(c, record);
        if (random_.Percent(40)) AddEmail(c, record);
        if (random_.Percent(20)) AddPhone(c, record);
        if (random_.Percent(50)) AddName(c, record);
        AddLocale(c, record);
        break;
      case kPhoneCall:
        Set(record, "telephony", cxkit::v1::CHANNEL_PHONE);
        AddPhone(c, record);
        if (random_.Percent(30)) AddCrmId(c, record);
        break;
      case kSms:
        Set(record, "sms", cxkit::v1::CHANNEL_SMS);
        AddPhone(c, record);
        break;
      case kWhatsApp:
        Set(record, "whatsapp", cxkit::v1::CHANNEL_WHATSAPP);
        Add(record, cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID,
            WhatsAppId(c.phones[PhoneIndex(c)]));
        if (random_.Percent(70)) AddName(c, record);
        break;
      case kMessenger: {
        Set(record, "messenger", cxkit::v1::CHANNEL_MESSENGER);
        const int page = static_cast<int>(random_.Below(2));
        Add(record, cxkit::v1::IDENTIFIER_TYPE_MESSENGER_PSID,
            MessengerPsid(options_.seed, c, page), kMessengerPages[page]);
        if (random_.Percent(80)) AddName(c, record);
        break;
      }
      case kInstagram:
      case kSocialComment:
        Set(record, touchpoint == kInstagram ? "instagram" : "social",
            touchpoint == kInstagram ? cxkit::v1::CHANNEL_INSTAGRAM
                                     : cxkit::v1::CHANNEL_SOCIAL_COMMENT);
        Add(record, cxkit::v1::IDENTIFIER_TYPE_INSTAGRAM_ID,
            InstagramId(options_.seed, c), kInstagramAccount);
        break;
      case kTelegram:
        Set(record, "telegram", cxkit::v1::CHANNEL_TELEGRAM);
        Add(record, cxkit::v1::IDENTIFIER_TYPE_TELEGRAM_ID, c.telegram_id);
        if (random_.Percent(30)) AddPhone(c, record);
        if (random_.Percent(50)) AddName(c, record);
        break;
      case kWebForm:
        Set(record, "web", cxkit::v1::CHANNEL_WEB_FORM);
        AddEmail(c, record);
        if (random_.Percent(60)) AddPhone(c, record);
        AddCookie(c, record);
        AddName(c, record);
        AddCity(c, record);
        break;
      case kInApp:
        Set(record, "app", cxkit::v1::CHANNEL_IN_APP);
        Add(record, cxkit::v1::IDENTIFIER_TYPE_DEVICE_ID, c.device_id);
        if (random_.Percent(70)) AddCrmId(c, record);
        AddLocale(c, record);
        break;
      case kCrmRow:
        Set(record, "crm", cxkit::v1::CHANNEL_UNSPECIFIED);
        AddCrmId(c, record);
        AddEmail(c, record);
        if (random_.Percent(80)) AddPhone(c, record);
        AddName(c, record);
        AddLocale(c, record);
        AddCity(c, record);
        break;
      case kOrder:
      default:
        Set(record, "shop", cxkit::v1::CHANNEL_UNSPECIFIED);
        Add(record, cxkit::v1::IDENTIFIER_TYPE_ORDER_ID,
            SpellOrderId(OrderId(c, static_cast<int>(random_.Below(
                                        static_cast<uint64_t>(c.orders)))),
                         random_));
        AddEmail(c, record);
        AddPhone(c, record);
        if (random_.Percent(50)) AddCookie(c, record);
        if (random_.Percent(40)) AddCrmId(c, record);
        AddName(c, record);
        AddCity(c, record);
        break;
    }
  }

  static void Set(ContactRecord* record, const char* source, Channel channel) {
    record->set_source(source);
    record->set_channel(channel);
  }

  static void Add(ContactRecord* record, IdentifierType type, std::string value,
                  const char* name_space = "") {
    auto* identifier = record->add_identifiers();
    identifier->set_type(type);
    identifier->set_value(std::move(value));
    if (*name_space != '\0') identifier->set_namespace_(name_space);
  }

  size_t PhoneIndex(const Customer& c) {
    return c.phones.size() > 1 && random_.Percent(30) ? 1 : 0;
  }

  void AddPhone(const Customer& c, ContactRecord* record) {
    if (random_.Percent(3)) {
      // An agent typed the shop's own number for a customer who gave none.
      Add(record, cxkit::v1::IDENTIFIER_TYPE_PHONE, kShopPhone);
      return;
    }
    std::string region;
    std::string raw = SpellPhone(c.phones[PhoneIndex(c)], random_, &region);
    if (!region.empty()) record->set_region(region);
    Add(record, cxkit::v1::IDENTIFIER_TYPE_PHONE, std::move(raw));
  }

  void AddEmail(const Customer& c, ContactRecord* record) {
    if (random_.Percent(1)) {
      Add(record, cxkit::v1::IDENTIFIER_TYPE_EMAIL, kSupportMailbox);
      return;
    }
    const std::string& address = !c.family_email.empty() && random_.Percent(30)
                                     ? c.family_email
                                     : c.emails[random_.Below(c.emails.size())];
    Add(record, cxkit::v1::IDENTIFIER_TYPE_EMAIL, SpellEmail(address, random_));
  }

  void AddCookie(const Customer& c, ContactRecord* record) {
    Add(record, cxkit::v1::IDENTIFIER_TYPE_COOKIE,
        random_.Percent(2) ? kKioskCookie
                           : c.cookies[random_.Below(c.cookies.size())]);
  }

  static void AddCrmId(const Customer& c, ContactRecord* record) {
    Add(record, cxkit::v1::IDENTIFIER_TYPE_CRM_ID, c.crm_id, "crm");
  }

  void AddName(const Customer& c, ContactRecord* record) {
    (*record->mutable_attributes())["name"] = SpellName(c, random_);
  }

  static void AddLocale(const Customer& c, ContactRecord* record) {
    (*record->mutable_attributes())["locale"] = c.region->locale;
  }

  static void AddCity(const Customer& c, ContactRecord* record) {
    (*record->mutable_attributes())["city"] = c.city;
  }

  const TrafficOptions options_;
  const size_t customers_;
  SeededRandom random_;
};

}  // namespace

void GenerateResolveIdentitiesRequest(
    const TrafficOptions& options,
    cxkit::v1::ResolveIdentitiesRequest* request) {
  request->clear_records();
  request->clear_policy();
  auto* policy = request->mutable_policy();
  policy->mutable_email()->set_gmail_ignore_dots(true);
  policy->mutable_email()->set_strip_plus_tags(true);
  request->mutable_records()->Reserve(static_cast<int>(options.records));
  RecordGenerator generator(options);
  for (size_t i = 0; i < options.records; ++i) {
    generator.Fill(i, request->add_records());
  }
}

std::vector<PhoneSample> GeneratePhoneCorpus(uint64_t seed, size_t count) {
  TrafficOptions options;
  options.seed = seed;
  // About 0.6 phone values per record.
  options.records = count * 5 / 3 + 1;
  RecordGenerator generator(options);
  std::vector<PhoneSample> corpus;
  corpus.reserve(count);
  ContactRecord record;
  for (size_t i = 0; corpus.size() < count; ++i) {
    record.Clear();
    generator.Fill(i, &record);
    for (const auto& identifier : record.identifiers()) {
      if (corpus.size() == count) break;
      const absl::string_view value =
          absl::StripAsciiWhitespace(identifier.value());
      if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_PHONE) {
        corpus.push_back({std::string(value), record.region()});
      } else if (identifier.type() == cxkit::v1::IDENTIFIER_TYPE_WHATSAPP_ID) {
        corpus.push_back({absl::StrCat("+", value), ""});
      }
    }
  }
  return corpus;
}

}  // namespace cxkit::bench
