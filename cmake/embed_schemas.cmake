# Writes ${OUTPUT}, a C++ file defining kg::schema::kPredicatesJson with the text of ${PREDICATES} and the
# extractor's lexicons (kTriggersJson, kDemonymsJson, kPlacesJson, kEntitiesJson) from ${LEXICON_DIR}.
file(READ "${PREDICATES}" predicates_json)
set(body "")
foreach(pair "kTriggersJson;triggers" "kDemonymsJson;demonyms" "kPlacesJson;places" "kEntitiesJson;entities")
  list(GET pair 0 symbol)
  list(GET pair 1 stem)
  file(READ "${LEXICON_DIR}/${stem}.json" content)
  string(APPEND body "const char* const ${symbol} = R\"kgjson(${content})kgjson\";\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from schemas/ by cmake/embed_schemas.cmake. Do not edit.\n"
  "#include \"schema/embedded_schemas.h\"\n"
  "namespace kg::schema {\n"
  "const char* const kPredicatesJson = R\"kgjson(${predicates_json})kgjson\";\n"
  "${body}"
  "}  // namespace kg::schema\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
