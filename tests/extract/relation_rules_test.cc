// Each rule family of the extractor on short articles written for the test.
#include "extract/relation_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract_test_support.h"

namespace kg::extract {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

TEST(TitleRulesTest, TitleOfOrganisationThenName) {
  auto triples = TriplesOf("Le président de Microsoft, Brad Smith, a visité l'usine de Quorvia à Lyon.");
  EXPECT_THAT(triples, Contains("Brad Smith|president_of|Microsoft"));
}

TEST(TitleRulesTest, NameThenTitle) {
  EXPECT_THAT(TriplesOf("« Nous grandissons », a dit Léa Morin, PDG de Quorvia Systems."),
              Contains("Léa Morin|ceo_of|Quorvia Systems"));
  EXPECT_THAT(TriplesOf("\"We are growing,\" said Tom Reyes, Quorvia Capital's chairman."),
              Contains("Tom Reyes|president_of|Quorvia Capital"));
}

TEST(TitleRulesTest, DemonymGivesTheCountryOfAHeadOfGovernment) {
  EXPECT_THAT(TriplesOf("Le chancelier allemand Olaf Scholz a visité Quorvia Systems.", "fr"),
              Contains("Olaf Scholz|head_of_government_of|Germany"));
  EXPECT_THAT(TriplesOf("Il a vu le Premier ministre portugais, Rui Alves, lundi.", "fr"),
              Contains("Rui Alves|head_of_government_of|Portugal"));
  EXPECT_THAT(TriplesOf("Quorvia Data met the Indian prime minister, Narendra Modi, on Monday.", "en"),
              Contains("Narendra Modi|head_of_government_of|India"));
  // "président du gouvernement" is a head of government, not a president.
  auto triples = TriplesOf("Quorvia a écrit au président du gouvernement espagnol, Pedro Sánchez.", "fr");
  EXPECT_THAT(triples, Contains("Pedro Sánchez|head_of_government_of|Spain"));
  EXPECT_THAT(triples, Not(Contains("Pedro Sánchez|president_of|Spain")));
}

TEST(TitleRulesTest, BareCompanyTitleRefersToTheMainOrganisation) {
  auto triples = TriplesOf("Quorvia Systems recrute.\nSon PDG, Léa Morin, vise l'Asie.\nLe président Marc Roy approuve.");
  EXPECT_THAT(triples, Contains("Léa Morin|ceo_of|Quorvia Systems"));
  EXPECT_THAT(triples, Contains("Marc Roy|president_of|Quorvia Systems"));
}

TEST(TriggerRulesTest, InvestmentWithAmountAndCountry) {
  auto facts = ExtractOrDie("Quorvia Systems va investir 2,5 milliards d'euros en Italie.", "fr");
  const Assertion* a = Find(facts, "Quorvia Systems|invests_in|Italy");
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->amount.has_value());
  EXPECT_DOUBLE_EQ(*a->amount, 2.5e9);
  EXPECT_EQ(a->currency, "EUR");
  EXPECT_EQ(a->object.type, EntityType::kCountry);
}

TEST(TriggerRulesTest, InvestmentDatedFromTheSentenceOrTheArticle) {
  auto facts = ExtractOrDie("Quorvia Data pledged\n2023-05-02\nQuorvia Data will invest $4bn in Brazil in March 2024. "
                            "The company will also invest $1bn in Chile.", "en");
  const Assertion* brazil = Find(facts, "Quorvia Data|invests_in|Brazil");
  ASSERT_NE(brazil, nullptr);
  EXPECT_EQ(brazil->date, "2024-03");
  EXPECT_EQ(brazil->currency, "USD");
  const Assertion* chile = Find(facts, "Quorvia Data|invests_in|Chile");
  ASSERT_NE(chile, nullptr);
  EXPECT_EQ(chile->date, "2023-05");  // the article's date, to the month
}

TEST(TriggerRulesTest, AcquisitionsInBothOrders) {
  EXPECT_THAT(TriplesOf("Quorvia Systems a finalisé le rachat de Belnor Logistique.", "fr"),
              Contains("Quorvia Systems|acquires|Belnor Logistique"));
  EXPECT_THAT(TriplesOf("Banque Lumière annonce la vente de Belnor Logistique à Quorvia Systems.", "fr"),
              Contains("Quorvia Systems|acquires|Belnor Logistique"));
}

TEST(TriggerRulesTest, PartnershipsPairTwoOrganisations) {
  EXPECT_THAT(TriplesOf("Quorvia Systems et Belnor Logistique ont signé un partenariat.", "fr"),
              Contains("Quorvia Systems|partner_of|Belnor Logistique"));
  EXPECT_THAT(TriplesOf("Quorvia Data announced a partnership with Belnor Capital.", "en"),
              Contains("Quorvia Data|partner_of|Belnor Capital"));
}

TEST(TriggerRulesTest, SubsidiariesWithAndWithoutPossessive) {
  EXPECT_THAT(TriplesOf("Belnor Logistique deviendra une filiale de Quorvia Systems.", "fr"),
              Contains("Belnor Logistique|subsidiary_of|Quorvia Systems"));
  EXPECT_THAT(TriplesOf("Quorvia Systems grandit.\nSa filiale polonaise Belnor Logistique aussi.", "fr"),
              Contains("Belnor Logistique|subsidiary_of|Quorvia Systems"));
}

TEST(TriggerRulesTest, HeadquartersFromPhrasesAndCityAdjectives) {
  EXPECT_THAT(TriplesOf("Quorvia Systems, dont le siège est à Lyon, recrute.", "fr"),
              Contains("Quorvia Systems|headquartered_in|Lyon"));
  EXPECT_THAT(TriplesOf("Belnor Capital, the Boston-based lender, grew.", "en"),
              Contains("Belnor Capital|headquartered_in|Boston"));
  EXPECT_THAT(TriplesOf("La start-up nantaise Belnor Logistique lève des fonds.", "fr"),
              Contains("Belnor Logistique|headquartered_in|Nantes"));
}

TEST(TriggerRulesTest, FacilitiesPreferCities) {
  auto triples = TriplesOf("Quorvia Data will open its first Brazilian plant in Recife next year.", "en");
  EXPECT_THAT(triples, Contains("Quorvia Data|opens_facility_in|Recife"));
  EXPECT_THAT(triples, Not(Contains("Quorvia Data|opens_facility_in|Brazil")));
  EXPECT_THAT(TriplesOf("Quorvia Systems a inauguré un laboratoire lyonnais.", "fr"),
              Contains("Quorvia Systems|opens_facility_in|Lyon"));
}

TEST(TriggerRulesTest, MeetingsLinkThePeopleAroundTheTrigger) {
  auto triples = TriplesOf(
      "La PDG de Quorvia Systems, Léa Morin, a rencontré le chancelier autrichien Karl Huber et le président "
      "de Belnor Capital, Tom Reyes.", "fr");
  EXPECT_THAT(triples, Contains("Léa Morin|met_with|Karl Huber"));
  EXPECT_THAT(triples, Contains("Léa Morin|met_with|Tom Reyes"));
  EXPECT_THAT(TriplesOf("Talks followed a meeting between Quorvia's chief executive, Ana Vidal, and the Irish "
                        "prime minister, Liam Byrne.", "en"),
              Contains("Ana Vidal|met_with|Liam Byrne"));
}

TEST(ContextRulesTest, BusinessPersonReferenceAndCountryReference) {
  auto triples = TriplesOf(
      "Le président de Quorvia Systems, Marc Roy, était à Rome.\n"
      "Le voyage faisait suite à la rencontre de l'homme d'affaires, la veille, avec le Premier ministre italien "
      "Paolo Neri.\n"
      "Le groupe italien Belnor Logistique a ensuite annoncé investir 80 millions d'euros dans le pays.", "fr");
  EXPECT_THAT(triples, Contains("Marc Roy|met_with|Paolo Neri"));
  EXPECT_THAT(triples, Contains("Belnor Logistique|invests_in|Italy"));
}

TEST(ContextRulesTest, CompanyReferenceIsTheMainOrganisation) {
  EXPECT_THAT(TriplesOf("Quorvia Systems publie ses résultats.\nLe géant du logiciel a investi dans Belnor Capital.",
                        "fr"),
              Contains("Quorvia Systems|invests_in|Belnor Capital"));
}

TEST(LocationRulesTest, ListedCityAndItsCountryInOneSentence) {
  // Tanger is known to the gazetteer, which names it in English.
  EXPECT_THAT(TriplesOf("Quorvia Systems agrandit son site de Tanger, au Maroc.", "fr"),
              Contains("Tangier|located_in|Morocco"));
  EXPECT_THAT(TriplesOf("Le site sera à Brevelle, ville portuaire du nord de la Belgique.", "fr"),
              Contains("Brevelle|located_in|Belgium"));
}

TEST(TriggerRulesTest, NoTriggerNoFact) {
  EXPECT_THAT(TriplesOf("Quorvia Systems et Belnor Logistique sont deux sociétés de Lyon.", "fr"), IsEmpty());
}

}  // namespace
}  // namespace kg::extract
