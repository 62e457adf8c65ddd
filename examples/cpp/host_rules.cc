#include "host_rules.h"

#include <algorithm>
#include <initializer_list>

namespace cxkit_demo {
namespace {

bool ContainsAny(std::string_view text,
                 std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
    return text.find(n) != std::string_view::npos;
  });
}

// ASCII lowercase; UTF-8 sequences pass through unchanged, so keywords in
// other scripts are listed in the case customers write them.
std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace

std::string ConversationLanguage(std::string_view locale,
                                 std::string_view text) {
  const size_t end = locale.find_first_of("-_");
  if (!locale.empty() && end != 0) {
    return AsciiLower(locale.substr(0, end));
  }
  // Cyrillic letters are two-byte sequences starting 0xD0 or 0xD1.
  if (std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte == 0xD0 || byte == 0xD1;
      })) {
    return "ru";
  }
  if (ContainsAny(text, {"ñ", "¿", "¡", "á", "í", "ó", "ú", "pedido"})) {
    return "es";
  }
  if (ContainsAny(text, {"ä", "ö", "ü", "ß", "Bestellung"})) return "de";
  return "en";
}

std::string TopicSkill(std::string_view text) {
  const std::string lower = AsciiLower(text);
  if (ContainsAny(lower, {"наушник", "headphone", "kopfhörer", "auricular"})) {
    return "electronics";
  }
  if (ContainsAny(lower,
                  {"списали", "оплат", "цен", "charged", "refund", "berechnet",
                   "rückbuchung", "cobrado", "reembolso"})) {
    return "payments";
  }
  if (ContainsAny(lower, {"вернуть", "возврат", "размер", "обмен", "return",
                          "wrong size", "zurückgeben", "devolver", "talla"})) {
    return "returns";
  }
  if (ContainsAny(lower, {"где мой", "доставк", "не пришёл", "курьер",
                          "where is", "deliver", "parcel", "wo bleibt",
                          "llegado", "llegar", "no ha llegado"})) {
    return "delivery";
  }
  return "general";
}

double Sentiment(std::string_view text) {
  const std::string lower = AsciiLower(text);
  double score = 0;
  if (ContainsAny(lower,
                  {"обман", "безобраз", "немедленно", "unacceptable", "furious",
                   "third day", "enfadad", "urgente", "frechheit"})) {
    score -= 0.6;
  }
  if (lower.find("!!") != std::string::npos) score -= 0.3;
  if (ContainsAny(lower, {"still", "так и не", "immer noch", "sigue"})) {
    score -= 0.2;
  }
  return std::max(-1.0, score);
}

cxkit::v1::Priority ConversationPriority(bool vip, double sentiment) {
  const bool angry = sentiment <= -0.5;
  if (vip && angry) return cxkit::v1::PRIORITY_URGENT;
  if (vip || angry) return cxkit::v1::PRIORITY_HIGH;
  return cxkit::v1::PRIORITY_NORMAL;
}

}  // namespace cxkit_demo
