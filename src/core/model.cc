#include "kg/model.h"

namespace kg {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kOrganization: return "Organization";
    case EntityType::kCountry: return "Country";
    case EntityType::kPerson: return "Person";
    case EntityType::kCity: return "City";
    case EntityType::kRegion: return "Region";
    case EntityType::kFacility: return "Facility";
    case EntityType::kOther: return "Other";
  }
  return "Other";
}

std::optional<EntityType> ParseEntityType(const std::string& name) {
  for (auto type : {EntityType::kOrganization, EntityType::kCountry, EntityType::kPerson, EntityType::kCity,
                    EntityType::kRegion, EntityType::kFacility, EntityType::kOther}) {
    if (name == EntityTypeName(type)) return type;
  }
  return std::nullopt;
}

}  // namespace kg
