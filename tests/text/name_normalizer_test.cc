#include "text/name_normalizer.h"

#include <gtest/gtest.h>

#include "text/country_gazetteer.h"

namespace kg::text {
namespace {

TEST(NameNormalizerTest, FoldsCaseAccentsPunctuationAndSpace) {
  EXPECT_EQ(NormalizeName("  Pedro   SÁNCHEZ "), "pedro sanchez");
  EXPECT_EQ(NormalizeName("L'Oréal"), "l oreal");
  EXPECT_EQ(NormalizeName("Outre-Rhin"), "outre rhin");
  EXPECT_EQ(NormalizeName("ＭＩＣＲＯＳＯＦＴ"), "microsoft");  // full-width forms fold under NFKC
  EXPECT_EQ(NormalizeName("Straße"), "strasse");            // case folding expands ß
  EXPECT_EQ(NormalizeName("?!"), "");
}

TEST(NameNormalizerTest, StripsTrailingLegalSuffixOnly) {
  EXPECT_EQ(StripLegalSuffix(NormalizeName("Microsoft Corp.")), "microsoft");
  EXPECT_EQ(StripLegalSuffix(NormalizeName("Telefónica S.A.")), "telefonica");
  EXPECT_EQ(StripLegalSuffix(NormalizeName("Siemens AG")), "siemens");
  EXPECT_EQ(StripLegalSuffix(NormalizeName("SAP SE")), "sap");
  EXPECT_EQ(StripLegalSuffix(NormalizeName("Acme GmbH")), "acme");
  EXPECT_EQ(StripLegalSuffix(NormalizeName("Arm Ltd")), "arm");
  EXPECT_EQ(StripLegalSuffix(NormalizeName("Apple Inc.")), "apple");
  EXPECT_EQ(StripLegalSuffix("inc"), "inc");            // nothing but a suffix stays
  EXPECT_EQ(StripLegalSuffix("ag bank"), "ag bank");    // only at the end
}

TEST(CountryGazetteerTest, RecognisesCountriesInManyLanguages) {
  const auto& g = CountryGazetteer::Instance();
  for (const char* name : {"Espagne", "España", "Spanien", "Spain", "Spagna", "ESPAGNE"}) {
    auto country = g.FindByName(NormalizeName(name));
    ASSERT_TRUE(country.has_value()) << name;
    EXPECT_EQ(country->iso_code, "ES") << name;
    EXPECT_EQ(country->canonical_name, "Spain") << name;
  }
  auto germany = g.FindByName(NormalizeName("Allemagne"));
  ASSERT_TRUE(germany.has_value());
  EXPECT_EQ(germany->iso_code, "DE");
  EXPECT_FALSE(g.FindByName(NormalizeName("Microsoft")).has_value());
  EXPECT_EQ(g.FindByCode("fr")->canonical_name, "France");
}

}  // namespace
}  // namespace kg::text
