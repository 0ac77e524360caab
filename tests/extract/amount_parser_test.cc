#include "extract/amount_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::extract {
namespace {

// The single amount in `text`; fails the test when there is not exactly one.
Amount One(std::string_view text, const AmountOptions& options = {}) {
  Result<std::vector<Amount>> amounts = FindAmounts(text, options);
  EXPECT_TRUE(amounts.ok()) << amounts.status().ToString();
  if (!amounts.ok()) return {};
  EXPECT_EQ(amounts->size(), 1u) << text;
  return amounts->empty() ? Amount{} : amounts->front();
}

std::string Covered(std::string_view text, const Amount& a) {
  return std::string(text.substr(a.span.begin, a.span.end - a.span.begin));
}

size_t Count(std::string_view text, const AmountOptions& options = {}) {
  Result<std::vector<Amount>> amounts = FindAmounts(text, options);
  EXPECT_TRUE(amounts.ok()) << amounts.status().ToString();
  return amounts.ok() ? amounts->size() : 0;
}

AmountOptions French(std::string currency = "") { return {"fr", std::move(currency)}; }

TEST(AmountParserTest, FrenchMilliardWithElidedCurrency) {
  std::string text = "Le groupe promet 1,9 milliard d'euros au pays.";
  Amount a = One(text, French());
  EXPECT_DOUBLE_EQ(a.value, 1.9e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_FALSE(a.currency_inferred);
  EXPECT_EQ(Covered(text, a), "1,9 milliard d'euros");
}

TEST(AmountParserTest, TypographicApostrophe) {
  std::string text = "Un chèque de 300 millions d’euros.";
  Amount a = One(text, French());
  EXPECT_DOUBLE_EQ(a.value, 3e8);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "300 millions d’euros");
}

TEST(AmountParserTest, ScaleWithoutCurrencyTakesTheDefault) {
  Amount a = One("Le chantier coûtera 3,2 milliards.", French("EUR"));
  EXPECT_DOUBLE_EQ(a.value, 3.2e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_TRUE(a.currency_inferred);
}

TEST(AmountParserTest, ScaleWithoutCurrencyTakesTheNearestMention) {
  Result<std::vector<Amount>> amounts =
      FindAmounts("Le budget, libellé en dollars, atteint 3,2 milliards.", French("EUR"));
  ASSERT_TRUE(amounts.ok());
  ASSERT_EQ(amounts->size(), 1u);
  EXPECT_EQ((*amounts)[0].currency, "USD");
  EXPECT_TRUE((*amounts)[0].currency_inferred);
}

TEST(AmountParserTest, ScaleWithoutAnyCurrencyLeavesItEmpty) {
  Amount a = One("Il faudra 4 milliards.", French());
  EXPECT_DOUBLE_EQ(a.value, 4e9);
  EXPECT_EQ(a.currency, "");
  EXPECT_TRUE(a.currency_inferred);
}

TEST(AmountParserTest, EnglishSymbolsAndAbbreviations) {
  std::string text = "It raised $10bn last year.";
  Amount a = One(text);
  EXPECT_DOUBLE_EQ(a.value, 1e10);
  EXPECT_EQ(a.currency, "USD");
  EXPECT_EQ(Covered(text, a), "$10bn");

  EXPECT_DOUBLE_EQ(One("a $10 billion plan").value, 1e10);
  Amount words = One("a 10 billion dollars plan");
  EXPECT_DOUBLE_EQ(words.value, 1e10);
  EXPECT_EQ(words.currency, "USD");

  std::string pounds = "a £40m stake";
  Amount gbp = One(pounds);
  EXPECT_DOUBLE_EQ(gbp.value, 4e7);
  EXPECT_EQ(gbp.currency, "GBP");
  EXPECT_EQ(Covered(pounds, gbp), "£40m");

  Amount euros = One("a €300m loan");
  EXPECT_DOUBLE_EQ(euros.value, 3e8);
  EXPECT_EQ(euros.currency, "EUR");
}

TEST(AmountParserTest, DollarPrefixes) {
  std::string text = "The fund took US$2.5 million.";
  Amount a = One(text);
  EXPECT_DOUBLE_EQ(a.value, 2.5e6);
  EXPECT_EQ(a.currency, "USD");
  EXPECT_EQ(Covered(text, a), "US$2.5 million");
  EXPECT_EQ(One("a C$40m deal").currency, "CAD");
  EXPECT_EQ(One("a HK$3bn deal").currency, "HKD");
}

TEST(AmountParserTest, YenTrillion) {
  Amount a = One("Tokyo set aside 1.2 trillion yen.");
  EXPECT_DOUBLE_EQ(a.value, 1.2e12);
  EXPECT_EQ(a.currency, "JPY");
}

TEST(AmountParserTest, SpanishThousandsDot) {
  std::string text = "La eléctrica invertirá 7.500 millones de euros.";
  Amount a = One(text);
  EXPECT_DOUBLE_EQ(a.value, 7.5e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "7.500 millones de euros");
  EXPECT_DOUBLE_EQ(One("unos 2.000 millones de dólares").value, 2e9);
  EXPECT_DOUBLE_EQ(One("unos 5 mil millones de dólares").value, 5e9);
}

TEST(AmountParserTest, GermanMilliarden) {
  Amount a = One("Der Konzern investiert 2,5 Milliarden Euro.");
  EXPECT_DOUBLE_EQ(a.value, 2.5e9);
  EXPECT_EQ(a.currency, "EUR");
  Amount b = One("rund 3,2 Mrd. Euro", {"de", ""});
  EXPECT_DOUBLE_EQ(b.value, 3.2e9);
  EXPECT_EQ(b.currency, "EUR");
}

TEST(AmountParserTest, SpaceGroupedThousands) {
  EXPECT_DOUBLE_EQ(One("une aide de 500 000 euros", French()).value, 5e5);
  EXPECT_DOUBLE_EQ(One("une aide de 1\xC2\xA0" "250\xC2\xA0" "000 €", French()).value, 1.25e6);  // no-break spaces
  EXPECT_DOUBLE_EQ(One("une aide de 12\xE2\x80\xAF" "500 euros", French()).value, 12500);   // narrow no-break
  EXPECT_DOUBLE_EQ(One("soit 1 234,5 euros", French()).value, 1234.5);
}

TEST(AmountParserTest, MegaEuroSign) {
  std::string text = "Un budget de 12 M€ pour la ville.";
  Amount a = One(text, French());
  EXPECT_DOUBLE_EQ(a.value, 1.2e7);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "12 M€");
  EXPECT_DOUBLE_EQ(One("soit 2 Md€", French()).value, 2e9);
}

TEST(AmountParserTest, IsoCodes) {
  Amount a = One("a EUR 300 million facility");
  EXPECT_DOUBLE_EQ(a.value, 3e8);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(One("un prêt de 40 millions CHF", French()).currency, "CHF");
  EXPECT_EQ(Count("the eur 300 plan"), 0u);  // a code is written in capitals
}

TEST(AmountParserTest, TwoWordCurrencies) {
  EXPECT_EQ(One("10 millions de livres sterling", French()).currency, "GBP");
  EXPECT_EQ(One("5 milliards de francs suisses", French()).currency, "CHF");
  EXPECT_EQ(One("3 billion Canadian dollars").currency, "CAD");
  EXPECT_EQ(One("2 millions de dollars canadiens", French()).currency, "CAD");
}

TEST(AmountParserTest, DecimalCommaVersusThousandsByLanguage) {
  EXPECT_DOUBLE_EQ(One("$1,500 million").value, 1.5e9);                   // English thousands comma
  EXPECT_DOUBLE_EQ(One("1,500 millions d'euros", French()).value, 1.5e6);  // French decimal comma
  EXPECT_DOUBLE_EQ(One("1,25 milliard d'euros", French()).value, 1.25e9);
  EXPECT_DOUBLE_EQ(One("$1,234,567").value, 1234567);
  EXPECT_DOUBLE_EQ(One("1.234.567,50 €", {"es", ""}).value, 1234567.5);
  EXPECT_DOUBLE_EQ(One("$1,234.50").value, 1234.5);
  EXPECT_DOUBLE_EQ(One("0,500 million d'euros", French()).value, 5e5);
}

TEST(AmountParserTest, BillionFollowsTheLanguage) {
  EXPECT_DOUBLE_EQ(One("2 billions d'euros", French()).value, 2e12);
  EXPECT_DOUBLE_EQ(One("2 billion euros", {"en", ""}).value, 2e9);
  EXPECT_DOUBLE_EQ(One("2 billones de euros").value, 2e12);
}

TEST(AmountParserTest, YearsPercentagesAndCountsAreNotAmounts) {
  EXPECT_EQ(Count("en 2024, le groupe a grandi", French("EUR")), 0u);
  EXPECT_EQ(Count("une hausse de 30 % sur un an", French("EUR")), 0u);
  EXPECT_EQ(Count("le site crée 200 emplois", French("EUR")), 0u);
  EXPECT_EQ(Count("le pays compte 47 millions d'habitants", French("EUR")), 0u);
  EXPECT_EQ(Count("2 million of people", {"en", "USD"}), 0u);
  EXPECT_EQ(Count("une tour de 300m de haut", French("EUR")), 0u);
  EXPECT_EQ(Count("l'Airbus A320 et le 737", French("EUR")), 0u);
}

TEST(AmountParserTest, SeveralAmountsInOneSentence) {
  std::string text = "Après 1,9 milliard d'euros en Espagne, 3,2 milliards d'euros en Allemagne et $5bn ailleurs.";
  Result<std::vector<Amount>> amounts = FindAmounts(text, French());
  ASSERT_TRUE(amounts.ok());
  ASSERT_EQ(amounts->size(), 3u);
  EXPECT_DOUBLE_EQ((*amounts)[0].value, 1.9e9);
  EXPECT_DOUBLE_EQ((*amounts)[1].value, 3.2e9);
  EXPECT_EQ((*amounts)[2].currency, "USD");
  EXPECT_LT((*amounts)[0].span.end, (*amounts)[1].span.begin);
}

TEST(AmountParserTest, CodePointOffsets) {
  std::string text = "Écrit à Séville : 5 millions d'euros.";
  Amount a = One(text, French());
  EXPECT_EQ(a.span.char_begin, 18u);
  EXPECT_EQ(a.span.begin, 21u);
  EXPECT_EQ(a.span.char_end - a.span.char_begin, 18u);
}

TEST(AmountParserTest, HugeNumbersAreRejectedNotInfinite) {
  std::string digits(400, '9');
  EXPECT_EQ(Count(digits + " euros"), 0u);
  EXPECT_EQ(Count("$" + digits), 0u);
  EXPECT_EQ(Count("5000000 trillion dollars"), 0u);
  EXPECT_EQ(Count("10^400 euros"), 1u);  // "400 euros" after the caret is a plain sum
}

TEST(AmountParserTest, HostileInput) {
  EXPECT_EQ(Count(""), 0u);
  EXPECT_EQ(Count("   "), 0u);
  EXPECT_EQ(Count(std::string(1 << 20, 'x')), 0u);
  EXPECT_EQ(Count(std::string(1 << 20, '5')), 0u);
  EXPECT_EQ(Count("€ $ £ , . , . milliards"), 0u);
  EXPECT_EQ(Count("1,,2 euros 3..4 dollars"), 2u);
  std::string binary;
  for (int i = 1; i < 128; ++i) binary.push_back(static_cast<char>(i));
  EXPECT_EQ(Count(binary), 0u);

  Result<std::vector<Amount>> bad = FindAmounts("5 millions d'euros \xE2\x82");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "invalid UTF-8 at byte 19");
}

}  // namespace
}  // namespace kg::extract
