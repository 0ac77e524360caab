# Writes ${OUTPUT}, a C++ file defining kg::schema::kPredicatesJson with the text of ${PREDICATES}, and
# kLexiconFiles with every .json file under ${LEXICON_DIR} (the extractor's lexicons), each with its path
# relative to that folder ("fr/triggers.json").
file(READ "${PREDICATES}" predicates_json)
file(GLOB_RECURSE lexicon_files RELATIVE "${LEXICON_DIR}" "${LEXICON_DIR}/*.json")
list(SORT lexicon_files)
set(entries "")
foreach(path ${lexicon_files})
  file(READ "${LEXICON_DIR}/${path}" content)
  string(APPEND entries "    {\"${path}\", R\"kgjson(${content})kgjson\"},\n")
endforeach()
list(LENGTH lexicon_files count)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from schemas/ by cmake/embed_schemas.cmake. Do not edit.\n"
  "#include \"schema/embedded_schemas.h\"\n"
  "namespace kg::schema {\n"
  "const char* const kPredicatesJson = R\"kgjson(${predicates_json})kgjson\";\n"
  "const EmbeddedFile kLexiconFiles[] = {\n${entries}};\n"
  "const int kLexiconFileCount = ${count};\n"
  "}  // namespace kg::schema\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
