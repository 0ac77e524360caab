// StoreWriter's ledger operations: curated aliases and merges, and their undoing. Rules are data in the
// `ledger` column family, consulted on every resolution, so they hold for evidence ingested later too.
#include "resolve/entity_key.h"
#include "store/store_writer.h"

namespace kg::store {

Status StoreWriter::AddRule(const std::string& name, const std::string& target, const std::string& kind) {
  auto target_id = FindEntityId(target);
  if (!target_id.ok()) return target_id.status();
  auto target_value = Get(kEntities, Fixed64Key(*target_id));
  if (!target_value.ok()) return target_value.status();
  auto target_record = DecodeEntity(*target_id, *target_value);
  if (!target_record.ok()) return target_record.status();

  // A merge redirects the other entity's own key; an alias redirects whatever key the name has, so it
  // also works for a name that no evidence has used yet.
  std::string from_key;
  std::optional<EntityId> previous;
  if (kind == "merge") {
    auto other = FindEntityId(name);
    if (!other.ok()) return other.status();
    auto value = Get(kEntities, Fixed64Key(*other));
    if (!value.ok()) return value.status();
    auto record = DecodeEntity(*other, *value);
    if (!record.ok()) return record.status();
    from_key = record->key;
    previous = *other;
  } else {
    from_key = resolve::KeyForName(EntityRef{name, std::nullopt, "", ""}, {}).key;
    auto stored = Get(kNames, FollowLedger(rules_, from_key));
    if (stored.ok()) previous = GetFixed64(*stored);
  }
  const std::string& to_key = target_record->key;
  if (previous && *previous == *target_id) {
    return AlreadyExists("\"" + name + "\" already resolves to \"" + target_record->entity.name + "\"");
  }
  for (std::string k = to_key;;) {  // the target must not lead back to the name
    if (k == from_key) return InvalidArgument("the rule \"" + name + "\" -> \"" + target + "\" would make a cycle");
    auto next = rules_.find(k);
    if (next == rules_.end()) break;
    k = next->second.to_key;
  }

  LedgerRule rule{from_key, to_key, name, target_record->entity.name, kind};
  if (rules_.count(from_key) == 0) ++counters_.stats.ledger_rules;
  KG_RETURN_IF_ERROR(Put(kLedger, from_key, EncodeRule(rule)));
  rules_[from_key] = rule;
  ForgetResolutions();  // cached resolutions may now go elsewhere
  if (previous) KG_RETURN_IF_ERROR(Refile(*previous));
  return Commit();
}

Status StoreWriter::RemoveRule(const std::string& name) {
  std::string from_key;
  for (const std::string& key : resolve::CandidateKeys(name)) {
    if (rules_.count(key) != 0) {
      from_key = key;
      break;
    }
  }
  if (from_key.empty()) {
    for (const auto& [key, rule] : rules_) {
      if (rule.from_name == name) from_key = key;
    }
  }
  if (from_key.empty()) return NotFound("no alias or merge rule for \"" + name + "\" (see `kg ledger`)");

  std::optional<EntityId> target;
  auto stored = Get(kNames, FollowLedger(rules_, from_key));
  if (stored.ok()) target = GetFixed64(*stored);
  KG_RETURN_IF_ERROR(Delete(kLedger, from_key));
  rules_.erase(from_key);
  --counters_.stats.ledger_rules;
  ForgetResolutions();
  if (target) KG_RETURN_IF_ERROR(Refile(*target));
  return Commit();
}

}  // namespace kg::store
