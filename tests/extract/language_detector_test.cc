#include "extract/language_detector.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::extract {
namespace {

TEST(LanguageDetectorTest, RecognisesFrenchNewsProse) {
  EXPECT_EQ(DetectLanguage("La société a annoncé un plan d'investissement dans le nord du pays."), "fr");
  EXPECT_EQ(DetectLanguage("Selon le ministre, les travaux commenceront avant la fin de l'été."), "fr");
}

TEST(LanguageDetectorTest, RecognisesEnglishNewsProse) {
  EXPECT_EQ(DetectLanguage("The company said it would build two data centres in the region."), "en");
  EXPECT_EQ(DetectLanguage("Shares rose after the board approved the deal on Monday."), "en");
}

TEST(LanguageDetectorTest, RecognisesSpanishNewsProse) {
  EXPECT_EQ(DetectLanguage("La empresa anunció una inversión en el sur del país según el gobierno."), "es");
  EXPECT_EQ(DetectLanguage("El banco también prevé abrir más oficinas este año."), "es");
}

TEST(LanguageDetectorTest, RecognisesGermanNewsProse) {
  EXPECT_EQ(DetectLanguage("Die Firma hat angekündigt, dass sie ein neues Werk in Sachsen baut."), "de");
  EXPECT_EQ(DetectLanguage("Der Konzern will nach eigenen Angaben über zwei Jahre investieren."), "de");
}

TEST(LanguageDetectorTest, HandlesShortTexts) {
  EXPECT_EQ(DetectLanguage("Le président et les ministres"), "fr");
  EXPECT_EQ(DetectLanguage("the plan of the city"), "en");
  EXPECT_EQ(DetectLanguage("los bancos y las empresas"), "es");
  EXPECT_EQ(DetectLanguage("der Bund und die Länder"), "de");
}

TEST(LanguageDetectorTest, IgnoresCase) {
  EXPECT_EQ(DetectLanguage("LE GOUVERNEMENT A ANNONCÉ UNE BAISSE DES IMPÔTS POUR LES ENTREPRISES"), "fr");
  EXPECT_EQ(DetectLanguage("THE GOVERNMENT OF THE UNITED KINGDOM HAS CUT TAXES FOR THE FIRMS"), "en");
  EXPECT_EQ(DetectLanguage("dIe rEgIeRuNg UnD dAs pArLaMeNt"), "de");
}

TEST(LanguageDetectorTest, IsUnsureWithoutEvidence) {
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("   \n\t"), "");
  EXPECT_EQ(DetectLanguage("Microsoft"), "");
  EXPECT_EQ(DetectLanguage("12 345 678"), "");
  EXPECT_EQ(DetectLanguage("!!! ??? ..."), "");
}

TEST(LanguageDetectorTest, IsUnsureWhenTheEvidenceIsShared) {
  // "la" and "de" are both French and Spanish function words.
  EXPECT_EQ(DetectLanguage("la de"), "");
}

TEST(LanguageDetectorTest, SurvivesInvalidUtf8AndBinaryBytes) {
  std::string bad = "le \xC3\x28 gouvernement \xFF\xFE et la \x80 ministre";
  EXPECT_EQ(DetectLanguage(bad), "fr");
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  EXPECT_EQ(DetectLanguage(binary), "");
  EXPECT_EQ(DetectLanguage(std::string("\0\0\0", 3)), "");
}

TEST(LanguageDetectorTest, ReadsAMegabyteLineWithoutSpacesQuickly) {
  std::string line(1 << 20, 'a');
  EXPECT_EQ(DetectLanguage(line), "");
  EXPECT_EQ(DetectLanguage("the plan of the city " + line), "en");
}

TEST(LanguageDetectorTest, DiacriticsTipAnOtherwiseThinText) {
  EXPECT_EQ(DetectLanguage("Größe über Straße"), "de");
  EXPECT_EQ(DetectLanguage("año señor mañana"), "es");
}

}  // namespace
}  // namespace kg::extract
