// The place gazetteer's text, compiled in at build time so that kg needs no data files at run time.
//
// cmake/places_gazetteer.cmake runs tools/gazetteer/make_places.py, which writes the gazetteer (one place
// a line, tab-separated; see that script) from Debian's iso-codes and libgeonames data, and a C++ file
// defining these two symbols. The text is split into chunks of at most 16 KB, each a raw string literal,
// because some compilers cap the length of one literal; concatenated in order they give the whole text.
#ifndef KG_TEXT_EMBEDDED_PLACES_H_
#define KG_TEXT_EMBEDDED_PLACES_H_

#include <cstddef>

namespace kg::text {

extern const char* const kEmbeddedPlacesChunks[];
extern const size_t kEmbeddedPlacesChunkCount;

}  // namespace kg::text

#endif  // KG_TEXT_EMBEDDED_PLACES_H_
