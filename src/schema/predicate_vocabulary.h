// The predicates kg knows, loaded from schemas/predicates.json (compiled into the library).
//
// Each predicate has domain and range types, a label per language and a symmetric flag. Immutable after
// construction, so one instance can be shared between threads.
#ifndef KG_SCHEMA_PREDICATE_VOCABULARY_H_
#define KG_SCHEMA_PREDICATE_VOCABULARY_H_

#include <map>
#include <string>
#include <vector>

#include "kg/model.h"
#include "kg/status.h"

namespace kg::schema {

struct PredicateInfo {
  std::string name;
  std::vector<EntityType> domain;
  std::vector<EntityType> range;
  bool symmetric = false;
  std::map<std::string, std::string> labels;  // language -> label
};

// Whether `type` may stand where `allowed` (a predicate's domain or range) is required. An empty list
// allows every type: predicates outside the vocabulary have none.
bool TypeAllowed(const std::vector<EntityType>& allowed, EntityType type);

class PredicateVocabulary {
 public:
  // The vocabulary compiled from schemas/predicates.json.
  static const PredicateVocabulary& Builtin();

  // Parses a vocabulary document. InvalidArgument names the offending entry.
  static Result<PredicateVocabulary> Parse(const std::string& json_text);

  // The predicate named `name`, or nullptr. The pointer lives as long as the vocabulary.
  const PredicateInfo* Find(const std::string& name) const;

  const std::map<std::string, PredicateInfo>& all() const { return predicates_; }

 private:
  std::map<std::string, PredicateInfo> predicates_;
};

}  // namespace kg::schema

#endif  // KG_SCHEMA_PREDICATE_VOCABULARY_H_
