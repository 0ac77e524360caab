// The files of schemas/ that the library needs at run time, compiled in by CMake (see
// cmake/embed_schemas.cmake) so that the kg binary works from any directory.
#ifndef KG_SCHEMA_EMBEDDED_SCHEMAS_H_
#define KG_SCHEMA_EMBEDDED_SCHEMAS_H_

namespace kg::schema {

extern const char* const kPredicatesJson;

// The extractor's lexicons: schemas/lexicons/{triggers,demonyms,places,entities}.json.
extern const char* const kTriggersJson;
extern const char* const kDemonymsJson;
extern const char* const kPlacesJson;
extern const char* const kEntitiesJson;

}  // namespace kg::schema

#endif  // KG_SCHEMA_EMBEDDED_SCHEMAS_H_
