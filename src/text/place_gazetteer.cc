#include "text/place_gazetteer.h"

#include <algorithm>
#include <charconv>

#include "text/embedded_places.h"
#include "text/name_normalizer.h"

namespace kg::text {
namespace {

constexpr size_t kFixedFields = 5;  // kind, name, country, parent, population; aliases follow

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

int64_t ParsePopulation(std::string_view field) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  return error == std::errc() && end == field.data() + field.size() ? value : 0;
}

std::string EmbeddedText() {
  std::string text;
  for (size_t i = 0; i < kEmbeddedPlacesChunkCount; ++i) text += kEmbeddedPlacesChunks[i];
  return text;
}

}  // namespace

const PlaceGazetteer& PlaceGazetteer::Instance() {
  static const PlaceGazetteer* instance = new PlaceGazetteer(EmbeddedText());  // never destroyed: used at exit too
  return *instance;
}

PlaceGazetteer::PlaceGazetteer(std::string_view text) {
  std::vector<std::string> keys;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < kFixedFields || fields[1].empty()) continue;

    GazetteerPlace place;
    place.is_region = fields[0] == "R";
    place.name = std::string(fields[1]);
    place.country_iso = std::string(fields[2]);
    place.parent = std::string(fields[3]);
    place.population = ParsePopulation(fields[4]);

    // The generator removed aliases that normalise alike as far as Python can tell; ICU decides here, and
    // a place must not appear twice under one key.
    keys.clear();
    auto add_key = [&keys](std::string_view name) {
      std::string key = NormalizeName(name);
      if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    };
    add_key(fields[1]);
    for (size_t i = kFixedFields; i < fields.size(); ++i) add_key(fields[i]);
    for (const auto& key : keys) by_name_[key].push_back(place);
    ++place_count_;
  }
  // Stable, so that equally populous places keep the file's order, which puts bigger regions first.
  for (auto& [key, places] : by_name_) {
    std::stable_sort(places.begin(), places.end(),
                     [](const GazetteerPlace& a, const GazetteerPlace& b) { return a.population > b.population; });
  }
}

const std::vector<GazetteerPlace>* PlaceGazetteer::Find(const std::string& normalized) const {
  auto it = by_name_.find(normalized);
  return it == by_name_.end() ? nullptr : &it->second;
}

}  // namespace kg::text
