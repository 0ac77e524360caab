#include "schema/predicate_vocabulary.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "schema/embedded_schemas.h"

namespace kg::schema {
namespace {

Result<std::vector<EntityType>> ParseTypes(const nlohmann::json& list, const std::string& where) {
  std::vector<EntityType> types;
  if (!list.is_array()) return InvalidArgument(where + ": expected an array of entity types");
  for (const auto& item : list) {
    auto type = item.is_string() ? ParseEntityType(item.get<std::string>()) : std::nullopt;
    if (!type) return InvalidArgument(where + ": unknown entity type " + item.dump());
    types.push_back(*type);
  }
  return types;
}

}  // namespace

bool TypeAllowed(const std::vector<EntityType>& allowed, EntityType type) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), type) != allowed.end();
}

const PredicateVocabulary& PredicateVocabulary::Builtin() {
  static const PredicateVocabulary* builtin = [] {
    auto parsed = Parse(kPredicatesJson);
    // The file is part of the build and covered by a test, so failing here is a build defect.
    if (!parsed.ok()) std::abort();
    return new PredicateVocabulary(std::move(parsed).value());
  }();
  return *builtin;
}

Result<PredicateVocabulary> PredicateVocabulary::Parse(const std::string& json_text) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.contains("predicates") || !doc["predicates"].is_array()) {
    return InvalidArgument("predicates: expected an object with a \"predicates\" array");
  }
  PredicateVocabulary vocabulary;
  for (const auto& entry : doc["predicates"]) {
    PredicateInfo info;
    if (!entry.contains("name") || !entry["name"].is_string()) {
      return InvalidArgument("predicates: every entry needs a string \"name\"");
    }
    info.name = entry["name"].get<std::string>();
    const std::string where = "predicates." + info.name;
    auto domain = ParseTypes(entry.value("domain", nlohmann::json::array()), where + ".domain");
    if (!domain.ok()) return domain.status();
    auto range = ParseTypes(entry.value("range", nlohmann::json::array()), where + ".range");
    if (!range.ok()) return range.status();
    info.domain = *domain;
    info.range = *range;
    info.symmetric = entry.value("symmetric", false);
    const nlohmann::json labels = entry.value("labels", nlohmann::json::object());
    for (const auto& [lang, label] : labels.items()) {
      if (label.is_string()) info.labels[lang] = label.get<std::string>();
    }
    vocabulary.predicates_[info.name] = std::move(info);
  }
  return vocabulary;
}

const PredicateInfo* PredicateVocabulary::Find(const std::string& name) const {
  auto it = predicates_.find(name);
  return it == predicates_.end() ? nullptr : &it->second;
}

}  // namespace kg::schema
