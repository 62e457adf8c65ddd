#include "lib/conversation/reference_extractor.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"

namespace cxkit::conversation {
namespace {

using cxkit::v1::ReferencePattern;

ReferencePattern MakePattern(const char* kind, const char* pattern) {
  ReferencePattern out;
  out.set_kind(kind);
  out.set_pattern(pattern);
  return out;
}

bool IsValidKind(absl::string_view kind) {
  if (kind.empty() || kind.size() > 64) return false;
  for (char c : kind) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<ReferencePattern> ReferenceExtractor::DefaultPatterns() {
  return {
      // "[#12345]" as help desks put it into subjects.
      MakePattern("ticket", R"(\[#\s*(\d{3,12})\])"),
      MakePattern(
          "ticket",
          R"((?i)(?:ticket|case|тикет|обращени[а-яё]*)\s*(?:no\.?|nr\.?|number|#|№|:)?\s*#?\s*(\d{3,12})\b)"),
      // "order 12345", "order #A-12345", "Order No. 12345", "заказ № 12345",
      // "заказу 12345", "Bestellung Nr. 12345", "commande n° 12345".
      MakePattern(
          "order",
          R"((?i)(?:order|bestellung|commande|pedido|ordine|заказ[а-яё]*)\s*(?:number|nummer|no\.?|nr\.?|n°|n\.|№|#|:)?\s*#?\s*([a-z]{0,3}-?\d{4,12})\b)"),
  };
}

absl::StatusOr<std::shared_ptr<const ReferenceExtractor>>
ReferenceExtractor::Create(const cxkit::v1::MergePolicy& policy,
                           const cxkit::v1::MergeLimits& limits) {
  if (static_cast<uint32_t>(policy.reference_patterns_size()) >
      limits.max_reference_patterns()) {
    return FieldError(
        absl::StatusCode::kResourceExhausted, "policy.reference_patterns",
        absl::StrCat(policy.reference_patterns_size(),
                     " patterns exceed policy.limits.max_reference_patterns (",
                     limits.max_reference_patterns(), ")"));
  }
  if (policy.reference_patterns_size() == 0 &&
      !policy.disable_default_reference_patterns()) {
    // The usual policy: the built-in patterns alone, compiled once per
    // process (about 0.4 ms, more than merging a small batch costs) and
    // shared, immutable, by every call. Never destroyed, so calls from
    // other static destructors stay safe.
    static const auto* const built_in =
        new std::shared_ptr<const ReferenceExtractor>(
            Compile(cxkit::v1::MergePolicy()).value());
    return *built_in;
  }
  return Compile(policy);
}

absl::StatusOr<std::shared_ptr<const ReferenceExtractor>>
ReferenceExtractor::Compile(const cxkit::v1::MergePolicy& policy) {
  // (pattern, field path or "" for built-ins)
  std::vector<std::pair<ReferencePattern, std::string>> sources;
  if (!policy.disable_default_reference_patterns()) {
    for (ReferencePattern& p : DefaultPatterns()) {
      sources.emplace_back(std::move(p), "");
    }
  }
  for (int i = 0; i < policy.reference_patterns_size(); ++i) {
    sources.emplace_back(policy.reference_patterns(i),
                         IndexedField("policy.reference_patterns", i));
  }
  std::unique_ptr<ReferenceExtractor> extractor(new ReferenceExtractor());
  for (const auto& [pattern, field] : sources) {
    if (!IsValidKind(pattern.kind())) {
      return InvalidField(field + ".kind",
                          "required: 1-64 lowercase letters, digits or '_'");
    }
    extractor->kinds_.push_back(pattern.kind());
  }
  std::sort(extractor->kinds_.begin(), extractor->kinds_.end());
  extractor->kinds_.erase(
      std::unique(extractor->kinds_.begin(), extractor->kinds_.end()),
      extractor->kinds_.end());

  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  std::string combined;
  for (const auto& [pattern, field] : sources) {
    const std::string path = field + ".pattern";
    if (!field.empty()) extractor->needs_digit_ = false;  // not known
    if (pattern.pattern().empty()) return InvalidField(path, "required");
    if (pattern.pattern().size() > 1024) {
      return InvalidField(path, "longer than 1,024 bytes");
    }
    auto regex = std::make_unique<re2::RE2>(pattern.pattern(), options);
    if (!regex->ok()) {
      return InvalidField(
          path, absl::StrCat("not a valid RE2 pattern: ", regex->error()));
    }
    if (regex->NumberOfCapturingGroups() != 1) {
      return InvalidField(
          path, absl::StrCat("needs exactly one capturing group (the value), "
                             "has ",
                             regex->NumberOfCapturingGroups()));
    }
    if (!combined.empty()) combined.push_back('|');
    absl::StrAppend(&combined, "(?:", pattern.pattern(), ")");
    const uint32_t kind = static_cast<uint32_t>(
        std::lower_bound(extractor->kinds_.begin(), extractor->kinds_.end(),
                         pattern.kind()) -
        extractor->kinds_.begin());
    extractor->patterns_.push_back(Pattern{std::move(regex), kind});
  }
  if (extractor->patterns_.empty()) {
    return std::shared_ptr<const ReferenceExtractor>();
  }
  options.set_max_mem(32 << 20);
  extractor->combined_ = std::make_unique<re2::RE2>(combined, options);
  if (!extractor->combined_->ok()) {
    return FieldError(absl::StatusCode::kResourceExhausted,
                      "policy.reference_patterns",
                      absl::StrCat("the patterns together do not compile: ",
                                   extractor->combined_->error()));
  }
  return std::shared_ptr<const ReferenceExtractor>(std::move(extractor));
}

std::string ReferenceExtractor::NormalizeValue(absl::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '-' || c == ' ' || c == '#') continue;
    out.push_back(absl::ascii_toupper(c));
  }
  return out;
}

void ReferenceExtractor::Extract(absl::string_view text,
                                 std::vector<FoundReference>* out) const {
  if (text.empty()) return;
  if (needs_digit_ && std::none_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return;
  }
  const re2::StringPiece input(text.data(), text.size());
  const int groups = static_cast<int>(patterns_.size());
  absl::InlinedVector<re2::StringPiece, 8> match(patterns_.size() + 1);
  const size_t first = out->size();
  size_t pos = 0;
  while (pos <= input.size() &&
         combined_->Match(input, pos, input.size(), re2::RE2::UNANCHORED,
                          match.data(), groups + 1)) {
    for (int g = 1; g <= groups; ++g) {
      if (match[g].data() == nullptr) continue;
      std::string normalized =
          NormalizeValue(absl::string_view(match[g].data(), match[g].size()));
      if (!normalized.empty()) {
        out->push_back(
            FoundReference{patterns_[g - 1].kind, std::move(normalized)});
      }
      break;
    }
    const size_t end = static_cast<size_t>(match[0].end() - input.begin());
    pos = end > pos ? end : pos + 1;  // an empty match moves on by one
  }
  std::sort(out->begin() + first, out->end());
  out->erase(std::unique(out->begin() + first, out->end()), out->end());
}

}  // namespace cxkit::conversation
