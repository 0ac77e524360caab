// The files of schemas/ that the library needs at run time, compiled in by CMake (see
// cmake/embed_schemas.cmake) so that the kg binary works from any directory.
#ifndef KG_SCHEMA_EMBEDDED_SCHEMAS_H_
#define KG_SCHEMA_EMBEDDED_SCHEMAS_H_

namespace kg::schema {

extern const char* const kPredicatesJson;

// A file compiled in: its path under its folder of schemas/ and its text.
struct EmbeddedFile {
  const char* path;
  const char* text;
};

// The extractor's lexicons: every file under schemas/lexicons/, by path ("fr/triggers.json").
extern const EmbeddedFile kLexiconFiles[];
extern const int kLexiconFileCount;

}  // namespace kg::schema

#endif  // KG_SCHEMA_EMBEDDED_SCHEMAS_H_
