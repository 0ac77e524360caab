# Writes ${OUTPUT}, a C++ file defining kg::schema::kPredicatesJson with the text of ${PREDICATES}.
file(READ "${PREDICATES}" predicates_json)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from schemas/predicates.json by cmake/embed_schemas.cmake. Do not edit.\n"
  "#include \"schema/embedded_schemas.h\"\n"
  "namespace kg::schema {\n"
  "const char* const kPredicatesJson = R\"kgjson(${predicates_json})kgjson\";\n"
  "}  // namespace kg::schema\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
