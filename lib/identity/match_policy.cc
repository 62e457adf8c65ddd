#include "lib/identity/match_policy.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/common/field_status.h"

namespace cxkit::identity {
namespace {

using cxkit::v1::BlockingTransform;
using cxkit::v1::ComparisonLevelKind;
using cxkit::v1::ProbabilisticMatching;

constexpr char kRoot[] = "policy.probabilistic";

bool IsProbability(double p) { return std::isfinite(p) && p > 0 && p < 1; }

absl::StatusOr<CompiledLevel> CompileLevel(const cxkit::v1::ComparisonLevel& in,
                                           const std::string& field) {
  CompiledLevel level;
  level.kind = in.kind();
  switch (in.kind()) {
    case cxkit::v1::COMPARISON_LEVEL_KIND_EXACT:
      level.label = "exact";
      level.equality = true;
      break;
    case cxkit::v1::COMPARISON_LEVEL_KIND_NORMALIZED_EXACT:
      level.label = "normalized_exact";
      level.equality = true;
      break;
    case cxkit::v1::COMPARISON_LEVEL_KIND_JARO_WINKLER:
      if (!std::isfinite(in.threshold()) || in.threshold() <= 0 ||
          in.threshold() > 1) {
        return InvalidField(field + ".threshold", "must be in (0, 1]");
      }
      level.threshold = in.threshold();
      level.label = absl::StrCat("jaro_winkler_", in.threshold());
      break;
    case cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN:
    case cxkit::v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN:
      if (in.max_distance() < 1 || in.max_distance() > 16) {
        return InvalidField(field + ".max_distance", "must be in 1..16");
      }
      level.max_distance = in.max_distance();
      level.label =
          absl::StrCat(in.kind() == cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN
                           ? "levenshtein_"
                           : "damerau_levenshtein_",
                       in.max_distance());
      break;
    case cxkit::v1::COMPARISON_LEVEL_KIND_DATE_TYPO:
      level.label = "date_typo";
      break;
    case cxkit::v1::COMPARISON_LEVEL_KIND_NUMERIC_DISTANCE:
      if (!std::isfinite(in.numeric_distance()) || in.numeric_distance() < 0) {
        return InvalidField(field + ".numeric_distance",
                            "must be finite and >= 0");
      }
      level.numeric_distance = in.numeric_distance();
      level.label = absl::StrCat("numeric_", in.numeric_distance());
      break;
    case cxkit::v1::COMPARISON_LEVEL_KIND_SWAPPED:
      // The other comparison is resolved by ResolveSwappedLevels.
      level.label = absl::StrCat("swapped_with_", in.swapped_with());
      break;
    default:
      return InvalidField(field + ".kind", "required: a known level kind");
  }
  return level;
}

// Points every SWAPPED level at its other comparison, which must be another
// comparison of the policy.
absl::Status ResolveSwappedLevels(
    const ProbabilisticMatching& in,
    const absl::flat_hash_map<std::string, uint32_t>& by_name,
    MatchPolicy* policy) {
  for (uint32_t c = 0; c < policy->comparisons.size(); ++c) {
    std::vector<CompiledLevel>& levels = policy->comparisons[c].levels;
    for (uint32_t l = 0; l < levels.size(); ++l) {
      if (levels[l].kind != cxkit::v1::COMPARISON_LEVEL_KIND_SWAPPED) continue;
      const std::string& other = in.comparisons(static_cast<int>(c))
                                     .levels(static_cast<int>(l))
                                     .swapped_with();
      auto it = by_name.find(other);
      if (it == by_name.end() || it->second == c) {
        const std::string comparison_field =
            IndexedField(absl::StrCat(kRoot, ".comparisons"), c);
        return InvalidField(
            IndexedField(comparison_field + ".levels", l) + ".swapped_with",
            absl::StrCat(QuotedId(other),
                         " must name another comparison of the policy"));
      }
      levels[l].swapped_with = it->second;
    }
  }
  return absl::OkStatus();
}

absl::Status CompileModel(const cxkit::v1::ProbabilisticModel& in,
                          MatchPolicy* policy) {
  const std::string root = absl::StrCat(kRoot, ".model");
  if (!IsProbability(in.prior_match_probability())) {
    return InvalidField(root + ".prior_match_probability", "must be in (0, 1)");
  }
  if (in.comparisons_size() != static_cast<int>(policy->comparisons.size())) {
    return InvalidField(
        root + ".comparisons",
        absl::StrCat("has ", in.comparisons_size(), " entries; the policy has ",
                     policy->comparisons.size(), " comparisons"));
  }
  MatchModel& model = policy->model;
  model.prior = in.prior_match_probability();
  for (int c = 0; c < in.comparisons_size(); ++c) {
    const auto& params = in.comparisons(c);
    const CompiledComparison& comparison = policy->comparisons[c];
    const std::string field = IndexedField(root + ".comparisons", c);
    if (params.comparison() != comparison.name) {
      return InvalidField(field + ".comparison",
                          absl::StrCat("is ", QuotedId(params.comparison()),
                                       "; the policy's comparison ", c,
                                       " is \"", comparison.name, "\""));
    }
    if (params.levels_size() != static_cast<int>(comparison.level_count())) {
      return InvalidField(
          field + ".levels",
          absl::StrCat("has ", params.levels_size(), " entries; expected ",
                       comparison.level_count(), " (the levels and \"else\")"));
    }
    model.m.emplace_back();
    model.u.emplace_back();
    for (int l = 0; l < params.levels_size(); ++l) {
      const std::string level_field = IndexedField(field + ".levels", l);
      const auto& level = params.levels(l);
      if (!IsProbability(level.m_probability())) {
        return InvalidField(level_field + ".m_probability",
                            "must be in (0, 1)");
      }
      if (!IsProbability(level.u_probability())) {
        return InvalidField(level_field + ".u_probability",
                            "must be in (0, 1)");
      }
      model.m.back().push_back(level.m_probability());
      model.u.back().push_back(level.u_probability());
    }
  }
  policy->has_model = true;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MatchPolicy> CompileMatchPolicy(
    const ProbabilisticMatching& in) {
  const std::string root = kRoot;
  MatchPolicy policy;
  if (in.comparisons_size() == 0) {
    return InvalidField(root + ".comparisons", "at least one when enabled");
  }
  if (in.comparisons_size() > kMaxComparisons) {
    return InvalidField(root + ".comparisons",
                        absl::StrCat("at most ", kMaxComparisons));
  }
  absl::flat_hash_map<std::string, uint32_t> by_name;
  for (int c = 0; c < in.comparisons_size(); ++c) {
    const auto& comparison = in.comparisons(c);
    const std::string field = IndexedField(root + ".comparisons", c);
    CompiledComparison out;
    const bool has_attribute = !comparison.attribute().empty();
    const bool has_derived =
        comparison.derived() != cxkit::v1::DERIVED_ATTRIBUTE_UNSPECIFIED;
    if (has_attribute == has_derived) {
      return InvalidField(field, "set exactly one of attribute and derived");
    }
    out.derived = comparison.derived();
    if (has_attribute) {
      out.attribute = comparison.attribute();
      out.name = comparison.attribute();
    } else if (comparison.derived() ==
               cxkit::v1::DERIVED_ATTRIBUTE_EMAIL_LOCAL_PART) {
      out.name = "email_local_part";
    } else if (comparison.derived() ==
               cxkit::v1::DERIVED_ATTRIBUTE_PHONE_SUFFIX) {
      out.name = "phone_suffix";
    } else {
      return InvalidField(field + ".derived", "unknown derived attribute");
    }
    if (!by_name.try_emplace(out.name, c).second) {
      return InvalidField(
          field, absl::StrCat("second comparison named ", QuotedId(out.name)));
    }
    if (comparison.levels_size() == 0 ||
        comparison.levels_size() > kMaxLevels) {
      return InvalidField(field + ".levels",
                          absl::StrCat("between 1 and ", kMaxLevels));
    }
    for (int l = 0; l < comparison.levels_size(); ++l) {
      absl::StatusOr<CompiledLevel> level = CompileLevel(
          comparison.levels(l), IndexedField(field + ".levels", l));
      if (!level.ok()) return level.status();
      if (level->kind == cxkit::v1::COMPARISON_LEVEL_KIND_LEVENSHTEIN) {
        out.levenshtein_cap =
            std::max(out.levenshtein_cap, level->max_distance);
      } else if (level->kind ==
                 cxkit::v1::COMPARISON_LEVEL_KIND_DAMERAU_LEVENSHTEIN) {
        out.osa_cap = std::max(out.osa_cap, level->max_distance);
      }
      out.levels.push_back(*std::move(level));
    }
    out.term_frequency = comparison.term_frequency_adjustment();
    policy.comparisons.push_back(std::move(out));
  }
  if (absl::Status swapped = ResolveSwappedLevels(in, by_name, &policy);
      !swapped.ok()) {
    return swapped;
  }
  if (in.blocking_rules_size() == 0) {
    return InvalidField(root + ".blocking_rules",
                        "at least one when enabled (without blocking every "
                        "pair of records would be compared)");
  }
  for (int b = 0; b < in.blocking_rules_size(); ++b) {
    const auto& rule = in.blocking_rules(b);
    const std::string field = IndexedField(root + ".blocking_rules", b);
    if (rule.keys_size() == 0) {
      return InvalidField(field + ".keys", "at least one");
    }
    std::vector<CompiledBlockingKey> keys;
    for (int k = 0; k < rule.keys_size(); ++k) {
      const auto& key = rule.keys(k);
      const std::string key_field = IndexedField(field + ".keys", k);
      auto it = by_name.find(key.comparison());
      if (it == by_name.end()) {
        return InvalidField(
            key_field + ".comparison",
            absl::StrCat("unknown attribute ", QuotedId(key.comparison()),
                         ": not a comparison of the policy"));
      }
      if (!cxkit::v1::BlockingTransform_IsValid(key.transform())) {
        return InvalidField(key_field + ".transform", "unknown transform");
      }
      if (key.transform() == cxkit::v1::BLOCKING_TRANSFORM_PREFIX &&
          (key.length() < 1 || key.length() > 64)) {
        return InvalidField(key_field + ".length", "must be in 1..64");
      }
      keys.push_back(
          CompiledBlockingKey{it->second, key.transform(), key.length()});
    }
    policy.blocking_rules.push_back(std::move(keys));
  }
  if (in.match_threshold() != 0) {
    if (!std::isfinite(in.match_threshold()) || in.match_threshold() < 0 ||
        in.match_threshold() > 1) {
      return InvalidField(root + ".match_threshold", "must be in (0, 1]");
    }
    policy.match_threshold = in.match_threshold();
  }
  if (!std::isfinite(in.review_threshold()) || in.review_threshold() < 0 ||
      in.review_threshold() > policy.match_threshold) {
    return InvalidField(root + ".review_threshold",
                        "must be in [0, match_threshold]");
  }
  policy.review_threshold = in.review_threshold();
  if (in.em_max_iterations() > 1000) {
    return InvalidField(root + ".em_max_iterations", "at most 1000");
  }
  if (in.em_max_iterations() != 0) {
    policy.em_max_iterations = in.em_max_iterations();
  }
  if (!std::isfinite(in.em_tolerance()) || in.em_tolerance() < 0 ||
      in.em_tolerance() >= 1) {
    return InvalidField(root + ".em_tolerance", "must be in [0, 1)");
  }
  if (in.em_tolerance() != 0) policy.em_tolerance = in.em_tolerance();
  if (in.u_sample_pairs() > 10000000) {
    return InvalidField(root + ".u_sample_pairs", "at most 10,000,000");
  }
  if (in.u_sample_pairs() != 0) policy.u_sample_pairs = in.u_sample_pairs();
  policy.seed = in.seed();
  if (in.limits().max_block_size() != 0) {
    policy.max_block_size = in.limits().max_block_size();
  }
  if (in.limits().max_candidate_pairs() != 0) {
    policy.max_candidate_pairs = in.limits().max_candidate_pairs();
  }
  if (in.limits().max_score_pairs() != 0) {
    policy.max_score_pairs = in.limits().max_score_pairs();
  }
  if (in.has_model()) {
    absl::Status status = CompileModel(in.model(), &policy);
    if (!status.ok()) return status;
  }
  return policy;
}

void ModelToProto(const MatchPolicy& policy, const MatchModel& model,
                  cxkit::v1::ProbabilisticModel* out) {
  out->set_prior_match_probability(model.prior);
  for (size_t c = 0; c < policy.comparisons.size(); ++c) {
    const CompiledComparison& comparison = policy.comparisons[c];
    auto* params = out->add_comparisons();
    params->set_comparison(comparison.name);
    for (uint32_t l = 0; l < comparison.level_count(); ++l) {
      auto* level = params->add_levels();
      level->set_label(l < comparison.levels.size() ? comparison.levels[l].label
                                                    : std::string("else"));
      level->set_m_probability(model.m[c][l]);
      level->set_u_probability(model.u[c][l]);
      level->set_match_weight(std::log2(model.m[c][l] / model.u[c][l]));
    }
  }
}

}  // namespace cxkit::identity
