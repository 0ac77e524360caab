# Builds the ISO 4217 currency table (src/extract/iso_currencies.h) from Debian's iso-codes:
# tools/gazetteer/make_currencies.py reads iso_4217.json and its fr/es/de catalogs and writes
# ${KG_CURRENCIES_SOURCE}. Include this file before add_library(kg_core) and list ${KG_CURRENCIES_SOURCE}
# among kg_core's sources. The table is regenerated when the script or the package's files change.

find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)

set(KG_CURRENCIES_SOURCE ${CMAKE_BINARY_DIR}/generated/iso_currencies.cc)
set(KG_CURRENCIES_SCRIPT ${CMAKE_SOURCE_DIR}/tools/gazetteer/make_currencies.py)
set(KG_CURRENCIES_INPUTS ${KG_CURRENCIES_SCRIPT} /usr/share/iso-codes/json/iso_4217.json
    /usr/share/dict/american-english-small /usr/share/dict/british-english-small)
foreach(language fr es de)
  list(APPEND KG_CURRENCIES_INPUTS /usr/share/locale/${language}/LC_MESSAGES/iso_4217.mo)
endforeach()
foreach(path IN LISTS KG_CURRENCIES_INPUTS)
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "The currency table needs ${path}: install the Debian packages iso-codes, wamerican-small and wbritish-small "
                        "(tools/setup.sh does).")
  endif()
endforeach()

add_custom_command(
  OUTPUT ${KG_CURRENCIES_SOURCE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND ${Python3_EXECUTABLE} ${KG_CURRENCIES_SCRIPT} --cc-output ${KG_CURRENCIES_SOURCE}
  DEPENDS ${KG_CURRENCIES_INPUTS}
  COMMENT "Generating the ISO 4217 currency table from iso-codes"
  VERBATIM)
