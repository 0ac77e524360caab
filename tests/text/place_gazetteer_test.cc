#include "text/place_gazetteer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/name_normalizer.h"

namespace kg::text {
namespace {

// The first place named `name` (as written, normalised here) that is a region or a city as asked, or
// nullptr. Several places may share a name ("Toledo" is in Spain, Ohio and Brazil).
const GazetteerPlace* FindFirst(const std::string& name, bool region) {
  const auto* places = PlaceGazetteer::Instance().Find(NormalizeName(name));
  if (places == nullptr) return nullptr;
  for (const auto& place : *places) {
    if (place.is_region == region) return &place;
  }
  return nullptr;
}

TEST(PlaceGazetteerTest, FindsCitiesByEnglishAndOwnLanguageNames) {
  for (const char* name : {"München", "Munich", "MUNICH", "Múnich"}) {
    const auto* places = PlaceGazetteer::Instance().Find(NormalizeName(name));
    ASSERT_NE(places, nullptr) << name;
    const GazetteerPlace& munich = places->front();  // the most populous: not the small towns of that name
    EXPECT_FALSE(munich.is_region) << name;
    EXPECT_EQ(munich.name, "Munich") << name;
    EXPECT_EQ(munich.country_iso, "DE") << name;
    EXPECT_EQ(munich.parent, "Bavaria") << name;
    EXPECT_GT(munich.population, 1000000) << name;
  }
  const auto* dunkirk = FindFirst("Dunkerque", false);
  ASSERT_NE(dunkirk, nullptr);
  EXPECT_EQ(dunkirk->name, "Dunkirk");
  EXPECT_EQ(dunkirk->country_iso, "FR");
  EXPECT_EQ(dunkirk->parent, "Hauts-de-France");
  const auto* cologne = FindFirst("Köln", false);
  ASSERT_NE(cologne, nullptr);
  EXPECT_EQ(cologne->name, "Cologne");
}

TEST(PlaceGazetteerTest, KeepsOwnLanguageNamesWithoutAnEnglishOne) {
  for (const char* name : {"Getafe", "Cottbus", "Boulogne-Billancourt"}) {
    const auto* city = FindFirst(name, false);
    ASSERT_NE(city, nullptr) << name;
    EXPECT_EQ(city->name, name);
  }
  EXPECT_EQ(FindFirst("Boulogne-Billancourt", false)->parent, "Île-de-France");
}

TEST(PlaceGazetteerTest, FindsRegionsByOwnNameAndTranslations) {
  struct Case {
    const char* written;
    const char* canonical;
    const char* country;
  };
  const Case cases[] = {
      {"Bayern", "Bavaria", "DE"},
      {"Bavière", "Bavaria", "DE"},
      {"Niederösterreich", "Lower Austria", "AT"},
      {"Tirol", "Tyrol", "AT"},
      {"Aragón", "Aragon", "ES"},
      {"Aragon", "Aragon", "ES"},
      {"Vaud", "Vaud", "CH"},
      {"Waadt", "Vaud", "CH"},
      {"Val-d'Oise", "Val-d'Oise", "FR"},
      {"Val d’Oise", "Val-d'Oise", "FR"},
      {"Hauts-de-France", "Hauts-de-France", "FR"},
      {"Essonne", "Essonne", "FR"},
      {"Île-de-France", "Île-de-France", "FR"},
      {"Oxfordshire", "Oxfordshire", "GB"},
  };
  for (const Case& c : cases) {
    const auto* region = FindFirst(c.written, true);
    ASSERT_NE(region, nullptr) << c.written;
    EXPECT_EQ(region->name, c.canonical) << c.written;
    EXPECT_EQ(region->country_iso, c.country) << c.written;
    EXPECT_EQ(region->population, 0) << c.written;
  }
  EXPECT_EQ(FindFirst("Val-d'Oise", true)->parent, "Île-de-France");
  EXPECT_EQ(FindFirst("Oxfordshire", true)->parent, "England");
  EXPECT_EQ(FindFirst("Bayern", true)->parent, "");  // a first-level region
}

TEST(PlaceGazetteerTest, SpanishProvincesReadProvinceOfAndAnswerToThePlainName) {
  const auto* province = FindFirst("Province of Toledo", true);
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->name, "Province of Toledo");
  EXPECT_EQ(province->country_iso, "ES");
  EXPECT_EQ(province->parent, "Castille-La Mancha");

  // "Toledo" alone is cities in Ohio, Brazil and Spain, the most populous first, then the regions (which
  // have no population): the Spanish province and a district of Belize.
  const auto* toledo = PlaceGazetteer::Instance().Find("toledo");
  ASSERT_NE(toledo, nullptr);
  ASSERT_GE(toledo->size(), 4u);
  for (size_t i = 1; i < toledo->size(); ++i) EXPECT_GE((*toledo)[i - 1].population, (*toledo)[i].population);
  EXPECT_EQ(toledo->front().name, "Toledo");
  EXPECT_EQ(toledo->front().country_iso, "US");
  bool has_province = false;
  for (const auto& place : *toledo) has_province = has_province || place.name == "Province of Toledo";
  EXPECT_TRUE(has_province);
  EXPECT_TRUE(toledo->back().is_region);
}

TEST(PlaceGazetteerTest, LeavesOutNamesThatAreEverydayWords) {
  // Stop words: compass points, function words.
  for (const char* word : {"Nord", "Sud", "Est", "Ouest", "Centre", "Of", "Nord-Est"}) {
    EXPECT_EQ(PlaceGazetteer::Instance().Find(NormalizeName(word)), nullptr) << word;
  }
  // Common words that name places too small to outweigh them (Mobile, Alabama; Split, Croatia).
  for (const char* word : {"Mobile", "Split", "Bar", "Mons", "Gent"}) {
    EXPECT_EQ(PlaceGazetteer::Instance().Find(NormalizeName(word)), nullptr) << word;
  }
  // Ghent itself stays, under its English and French names.
  const auto* ghent = FindFirst("Gand", false);
  ASSERT_NE(ghent, nullptr);
  EXPECT_EQ(ghent->name, "Ghent");
  // A city big enough to outweigh the word stays.
  const auto* nice = FindFirst("Nice", false);
  ASSERT_NE(nice, nullptr);
  EXPECT_EQ(nice->country_iso, "FR");
}

TEST(PlaceGazetteerTest, HasAPlausibleSize) {
  // About 24,000 GeoNames cities of 15,000 inhabitants or more and 5,500 regions, less ambiguous names.
  EXPECT_GT(PlaceGazetteer::Instance().size(), 25000u);
  EXPECT_LT(PlaceGazetteer::Instance().size(), 40000u);
}

TEST(PlaceGazetteerTest, ParsesTextAndSortsByPopulation) {
  PlaceGazetteer gazetteer(
      "# comment\n"
      "R\tSpringfield County\tUS\t\t0\tSpringfield\n"
      "C\tSpringfield\tUS\tIllinois\t114000\n"
      "C\tSpringfield\tUS\tMissouri\t169000\tSpringfield MO\n"
      "C\ttoo few fields\n"
      "\n");
  EXPECT_EQ(gazetteer.size(), 3u);
  const auto* places = gazetteer.Find("springfield");
  ASSERT_NE(places, nullptr);
  ASSERT_EQ(places->size(), 3u);
  EXPECT_EQ((*places)[0].parent, "Missouri");
  EXPECT_EQ((*places)[1].parent, "Illinois");
  EXPECT_TRUE((*places)[2].is_region);
  ASSERT_NE(gazetteer.Find("springfield mo"), nullptr);
  EXPECT_EQ(gazetteer.Find("springfield mo")->size(), 1u);
  EXPECT_EQ(gazetteer.Find("Springfield"), nullptr);  // callers pass normalised names
}

}  // namespace
}  // namespace kg::text
