// Recognises cities and administrative regions (states, provinces, departments, cantons, Länder) by name.
//
// "München", "Munich" and "Múnich" all find Munich (DE, in Bavaria); "Bayern" and "Bavière" find the region
// Bavaria. Canonical names are English where English has a name of its own (Munich, Lower Austria), else the
// place's own (Val-d'Oise, Getafe). The table is generated at build time from Debian's iso-codes (ISO 3166-2
// and its translations) and libgeonames (GeoNames cities of 15,000 inhabitants or more) by
// tools/gazetteer/make_places.py, which also leaves out names that are everyday words ("Nord", "Split",
// "Mobile"). It is parsed from the embedded text on first use (about 150 ms) and immutable
// afterwards, so lookups are thread-safe; the process-wide instance is never destroyed.
#ifndef KG_TEXT_PLACE_GAZETTEER_H_
#define KG_TEXT_PLACE_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::text {

struct GazetteerPlace {
  bool is_region = false;   // an administrative region; otherwise a city
  std::string name;         // canonical name, such as "Munich" or "Val-d'Oise"
  std::string country_iso;  // ISO 3166-1 alpha-2, such as "DE"
  std::string parent;       // canonical name of the enclosing region ("Bavaria"); empty when unknown
  int64_t population = 0;   // inhabitants; 0 for regions, whose sources give none
};

class PlaceGazetteer {
 public:
  // The process-wide table, parsed from the embedded gazetteer on first use. Safe to call from any thread.
  static const PlaceGazetteer& Instance();

  // Parses gazetteer text in make_places.py's format. Lines that are empty, start with '#' or have fewer
  // than five fields are skipped, and a population that is not a number counts as 0. For tests and tools;
  // kg itself uses Instance().
  explicit PlaceGazetteer(std::string_view text);

  PlaceGazetteer(const PlaceGazetteer&) = delete;
  PlaceGazetteer& operator=(const PlaceGazetteer&) = delete;

  // The places whose canonical name or an alias normalises to `normalized` (the output of NormalizeName),
  // most populous first; places of equal population (regions among themselves) keep the gazetteer's order,
  // bigger units first. Returns nullptr when no place has that name. The vector lives as long as the
  // gazetteer.
  const std::vector<GazetteerPlace>* Find(const std::string& normalized) const;

  // The number of places (regions and cities), each counted once however many names it has.
  size_t size() const { return place_count_; }

 private:
  std::unordered_map<std::string, std::vector<GazetteerPlace>> by_name_;  // normalised name -> places
  size_t place_count_ = 0;
};

}  // namespace kg::text

#endif  // KG_TEXT_PLACE_GAZETTEER_H_
