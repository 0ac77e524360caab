#include "extract/entity_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/relation_rules.h"
#include "extract/title_rules.h"

namespace kg::extract {
namespace {

// The mentions of `text` read as one sentence, as "Type:Name" strings.
std::vector<std::string> MentionsOf(const std::string& text, DocumentContext* ctx) {
  auto tokens = ScanTokens(text);
  EXPECT_TRUE(tokens.ok());
  std::vector<bool> blocked;
  FindTitles(*tokens, Lexicon::Default(), "", &blocked);
  std::vector<std::string> out;
  for (const Mention& m : FindMentions(*tokens, text, blocked, Lexicon::Default(), ctx)) {
    out.push_back(std::string(EntityTypeName(m.type)) + ":" + m.name);
  }
  return out;
}

std::vector<std::string> MentionsOf(const std::string& text) {
  DocumentContext ctx;
  return MentionsOf(text, &ctx);
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(EntityFinderTest, CountriesByIcuNameInEveryLanguage) {
  EXPECT_THAT(MentionsOf("Les usines de l'Espagne et du Maroc ferment."),
              ElementsAre("Country:Spain", "Country:Morocco"));
  EXPECT_THAT(MentionsOf("Trade between Germany and the United States grew."),
              ElementsAre("Country:Germany", "Country:United States"));
  EXPECT_THAT(MentionsOf("Exporta a Alemania y a España."), ElementsAre("Country:Germany", "Country:Spain"));
  EXPECT_THAT(MentionsOf("Sie liefert nach Spanien."), ElementsAre("Country:Spain"));
  EXPECT_THAT(MentionsOf("Elle vend du cacao en Côte d'Ivoire."), ElementsAre("Country:Côte d’Ivoire"));
}

TEST(EntityFinderTest, DemonymsAndNicknamesArePlaces) {
  EXPECT_THAT(MentionsOf("le ministre espagnol et son homologue allemande"),
              ElementsAre("Country:Spain", "Country:Germany"));
  EXPECT_THAT(MentionsOf("ses usines outre-Rhin"), ElementsAre("Country:Germany"));
  EXPECT_THAT(MentionsOf("an Indian engineer met a Spanish banker"), ElementsAre("Country:India", "Country:Spain"));
  EXPECT_THAT(MentionsOf("un laboratoire parisien et une usine lyonnaise"), ElementsAre("City:Paris", "City:Lyon"));
}

TEST(EntityFinderTest, CitiesFromTheGazetteerAndAfterPrepositions) {
  // Known places take the packaged gazetteer's canonical name, English where English has one.
  EXPECT_THAT(MentionsOf("Elle a des bureaux à Londres et à München."), ElementsAre("City:London", "City:Munich"));
  EXPECT_THAT(MentionsOf("Une usine à Valence, dans la Drôme."), ElementsAre("City:Valence", "Region:Drôme"));
  EXPECT_THAT(MentionsOf("Un entrepôt ouvrira à Tolvanne l'an prochain."), ElementsAre("City:Tolvanne"));
  EXPECT_THAT(MentionsOf("The plant in Kestrelton will close."), ElementsAre("City:Kestrelton"));
}

TEST(EntityFinderTest, OrganisationsByCueGazetteerAndDefault) {
  EXPECT_THAT(MentionsOf("Selon la Banque Lumière, Microsoft et Quorvia Capital progressent."),
              ElementsAre("Organization:Banque Lumière", "Organization:Microsoft", "Organization:Quorvia Capital"));
  // A lone capitalised word that opens a sentence is a name only if the article uses it as one elsewhere.
  DocumentContext ctx;
  EXPECT_THAT(MentionsOf("Fondée en 2019, elle emploie 40 personnes.", &ctx), IsEmpty());
  ctx.seen_inside_sentences.insert("zelvia");
  EXPECT_THAT(MentionsOf("Zelvia emploie 40 personnes.", &ctx), ElementsAre("Organization:Zelvia"));
  EXPECT_THAT(MentionsOf("Pour Zelvia, rien ne change.", &ctx), ElementsAre("Organization:Zelvia"));
}

TEST(EntityFinderTest, TitlesAreNotNames) {
  EXPECT_THAT(MentionsOf("Le Premier ministre a parlé."), IsEmpty());
}

TEST(EntityFinderTest, ReferencesResolveThroughTheDocumentContext) {
  DocumentContext ctx;
  MentionsOf("Quorvia Capital publie ses comptes.", &ctx);
  EXPECT_EQ(ctx.main_org, "Quorvia Capital");
  ctx.last_business_person = "Anna Berg";
  ctx.last_person = "Jon Ek";
  EXPECT_THAT(MentionsOf("La société a reçu la femme d'affaires, puis ce dernier.", &ctx),
              ElementsAre("Organization:Quorvia Capital", "Person:Anna Berg", "Person:Jon Ek"));
  EXPECT_THAT(MentionsOf("The company said so.", &ctx), ElementsAre("Organization:Quorvia Capital"));
  // "le groupe industriel Zelvia" introduces a name: the phrase is a cue, not a reference.
  EXPECT_THAT(MentionsOf("le groupe industriel Zelvia", &ctx), ElementsAre("Organization:Zelvia"));
  MentionsOf("Elle investit en Italie.", &ctx);
  EXPECT_THAT(MentionsOf("dans le pays", &ctx), ElementsAre("Country:Italy"));
}

TEST(EntityFinderTest, ShortFormsResolveToTheFullName) {
  DocumentContext ctx;
  RegisterName(EntityType::kOrganization, "Quorvia Capital", &ctx);
  RegisterName(EntityType::kPerson, "Dana Holm", &ctx);
  EXPECT_THAT(MentionsOf("Analysts say Quorvia trusts Holm.", &ctx),
              ElementsAre("Organization:Quorvia Capital", "Person:Dana Holm"));
}

}  // namespace
}  // namespace kg::extract
