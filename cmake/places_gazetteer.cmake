# Builds the place gazetteer (src/text/place_gazetteer.h) from data that Debian packages keep current:
# tools/gazetteer/make_places.py reads iso-codes (ISO 3166-2 and its translations), libgeonames (GeoNames
# cities) and the SCOWL common-word lists, and writes ${CMAKE_BINARY_DIR}/generated/places.tsv plus a C++
# file embedding it (kg::text::kEmbeddedPlacesChunks, see src/text/embedded_places.h).
#
# Include this file from the top-level CMakeLists.txt before add_library(kg_core) and list
# ${KG_PLACES_SOURCE} among kg_core's sources. The data is regenerated when the script or any package file
# it reads changes (an apt upgrade of iso-codes, say); the C++ file is rewritten only when its text changes.

find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)

set(KG_PLACES_TSV ${CMAKE_BINARY_DIR}/generated/places.tsv)
set(KG_PLACES_SOURCE ${CMAKE_BINARY_DIR}/generated/embedded_places.cc)
set(KG_PLACES_SCRIPT ${CMAKE_SOURCE_DIR}/tools/gazetteer/make_places.py)

# Each input the generator needs, with the Debian package that installs it, so that a missing package is
# reported at configure time by name rather than as a Python traceback during the build.
find_library(KG_GEONAMES_LIBRARY NAMES libgeonames.so.0 geonames)
if(NOT KG_GEONAMES_LIBRARY)
  message(FATAL_ERROR "The place gazetteer needs libgeonames.so.0: install the Debian package libgeonames0 "
                      "(tools/setup.sh does).")
endif()
set(kg_places_required
    "/usr/share/iso-codes/json/iso_3166-2.json|iso-codes"
    "/usr/share/iso-codes/json/iso_3166-1.json|iso-codes"
    "/usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo|iso-codes"
    "/usr/share/locale/en/LC_MESSAGES/geonames.mo|libgeonames-common"
    "${KG_GEONAMES_LIBRARY}|libgeonames0"
    "/usr/share/dict/american-english-small|wamerican-small"
    "/usr/share/dict/british-english-small|wbritish-small")
set(KG_PLACES_INPUTS ${KG_PLACES_SCRIPT})
foreach(entry IN LISTS kg_places_required)
  string(REPLACE "|" ";" entry "${entry}")
  list(GET entry 0 path)
  list(GET entry 1 package)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "The place gazetteer needs ${path}: install the Debian package ${package} "
                        "(tools/setup.sh does).")
  endif()
  list(APPEND KG_PLACES_INPUTS "${path}")
endforeach()
# Every catalog the generator may read: en/fr/de/es give names, all languages help match the two sources.
file(GLOB kg_places_catalogs /usr/share/locale/*/LC_MESSAGES/iso_3166-2.mo
     /usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo /usr/share/locale/*/LC_MESSAGES/geonames.mo)
list(APPEND KG_PLACES_INPUTS ${kg_places_catalogs})
list(REMOVE_DUPLICATES KG_PLACES_INPUTS)

add_custom_command(
  OUTPUT ${KG_PLACES_TSV} ${KG_PLACES_SOURCE}
  COMMAND ${Python3_EXECUTABLE} ${KG_PLACES_SCRIPT} --output ${KG_PLACES_TSV} --cc-output ${KG_PLACES_SOURCE}
  DEPENDS ${KG_PLACES_INPUTS}
  COMMENT "Generating the place gazetteer from iso-codes and libgeonames"
  VERBATIM)
