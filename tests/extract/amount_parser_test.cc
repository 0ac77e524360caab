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

AmountOptions Spanish(std::string currency = "") { return {"es", std::move(currency)}; }
AmountOptions German() { return {"de", ""}; }

TEST(AmountParserTest, SpanishMillonesAndMilMillones) {
  EXPECT_DOUBLE_EQ(One("Northwind destinará 1.900 millones de euros a redes.", Spanish()).value, 1.9e9);
  std::string text = "El Estado aportará mil millones de euros al fondo.";
  Amount a = One(text, Spanish());
  EXPECT_DOUBLE_EQ(a.value, 1e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "mil millones de euros");
  Amount usd = One("una emisión de 2.500 millones de dólares", Spanish());
  EXPECT_DOUBLE_EQ(usd.value, 2.5e9);
  EXPECT_EQ(usd.currency, "USD");
  EXPECT_DOUBLE_EQ(One("unos dos mil millones de euros", Spanish()).value, 2e9);
  EXPECT_EQ(Count("mil millones de personas", Spanish("EUR")), 0u);
}

TEST(AmountParserTest, MexicanThousandsOfMillions) {
  std::string text = "La planta costará 4 mil 800 millones de dólares.";
  Amount a = One(text, Spanish());
  EXPECT_DOUBLE_EQ(a.value, 4.8e9);
  EXPECT_EQ(a.currency, "USD");
  EXPECT_EQ(Covered(text, a), "4 mil 800 millones de dólares");
  EXPECT_DOUBLE_EQ(One("con 7 mil 50 millones de pesos mexicanos", Spanish()).value, 7.05e9);
  EXPECT_DOUBLE_EQ(One("unos 3 mil millones de dólares", Spanish()).value, 3e9);
}

TEST(AmountParserTest, MexicanCommaGroupsThousandsBeforeMillones) {
  Amount a = One("un crédito por 1,500 millones de dólares", Spanish());
  EXPECT_DOUBLE_EQ(a.value, 1.5e9);
  EXPECT_EQ(a.currency, "USD");
  EXPECT_DOUBLE_EQ(One("1,5 millones de euros", Spanish()).value, 1.5e6);    // a decimal comma stays one
  EXPECT_DOUBLE_EQ(One("2,25 millones de euros", Spanish()).value, 2.25e6);
  EXPECT_DOUBLE_EQ(One("1,500 euros", Spanish()).value, 1.5);                // no millions: decimal comma
}

TEST(AmountParserTest, MexicanMddAndMdpAbbreviations) {
  std::string text = "Pemex debe 4.800 mdd a sus proveedores.";
  Amount a = One(text, Spanish());
  EXPECT_DOUBLE_EQ(a.value, 4.8e9);
  EXPECT_EQ(a.currency, "USD");
  EXPECT_FALSE(a.currency_inferred);
  EXPECT_EQ(Covered(text, a), "4.800 mdd");
  Amount pesos = One("un recorte de 350 mdp", Spanish());
  EXPECT_DOUBLE_EQ(pesos.value, 3.5e8);
  EXPECT_EQ(pesos.currency, "MXN");
}

TEST(AmountParserTest, PesosAloneNameNoSingleCurrency) {
  std::string text = "El municipio gastará 350 millones de pesos.";
  Amount a = One(text, Spanish());
  EXPECT_DOUBLE_EQ(a.value, 3.5e8);
  EXPECT_EQ(a.currency, "");  // Mexican, Argentine, Colombian... the text does not say
  EXPECT_FALSE(a.currency_inferred);
  EXPECT_EQ(Covered(text, a), "350 millones de pesos");
  Amount mexican = One(text, Spanish("MXN"));  // a caller that knows the source is Mexican
  EXPECT_EQ(mexican.currency, "MXN");
  EXPECT_TRUE(mexican.currency_inferred);
  EXPECT_EQ(One(text, Spanish("EUR")).currency, "");  // the euro is no peso
  EXPECT_EQ(One("20 millones de pesos argentinos", Spanish()).currency, "ARS");
}

TEST(AmountParserTest, GermanMioAndMrdAbbreviations) {
  std::string text = "Die Stadt erhält 500 Mio. Euro vom Bund.";
  Amount a = One(text, German());
  EXPECT_DOUBLE_EQ(a.value, 5e8);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "500 Mio. Euro");
  Amount chf = One("ein Umsatz von 27 Mio CHF", German());
  EXPECT_DOUBLE_EQ(chf.value, 2.7e7);
  EXPECT_EQ(chf.currency, "CHF");
  Amount usd = One("Schulden von 1,2 Mrd. Dollar", German());
  EXPECT_DOUBLE_EQ(usd.value, 1.2e9);
  EXPECT_EQ(usd.currency, "USD");
  EXPECT_DOUBLE_EQ(One("rund 3,3 Mrd. Dollar", German()).value, 3.3e9);
  Amount franken = One("Kosten von 1,2 Milliarden Franken", German());
  EXPECT_DOUBLE_EQ(franken.value, 1.2e9);
  EXPECT_EQ(franken.currency, "CHF");
}

TEST(AmountParserTest, GermanNumberWords) {
  std::string text = "Bosch plant zwölf Milliarden Euro für Chips.";
  Amount a = One(text, German());
  EXPECT_DOUBLE_EQ(a.value, 1.2e10);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "zwölf Milliarden Euro");
  Amount one = One("Das kostet knapp eine Milliarde Euro.", German());
  EXPECT_DOUBLE_EQ(one.value, 1e9);
  EXPECT_EQ(one.currency, "EUR");
  EXPECT_DOUBLE_EQ(One("drei Millionen Euro", German()).value, 3e6);
  EXPECT_EQ(Count("zwölf Milliarden Menschen", German()), 0u);  // a number word needs a currency
  EXPECT_EQ(Count("eine Milliarde", German()), 0u);
}

TEST(AmountParserTest, GermanHyphenatedCompound) {
  std::string text = "Die Zwölf-Milliarden-Euro-Investition wackelt.";
  Amount a = One(text, German());
  EXPECT_DOUBLE_EQ(a.value, 1.2e10);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "Zwölf-Milliarden-Euro");
  EXPECT_DOUBLE_EQ(One("ein 2,5-Milliarden-Euro-Paket", German()).value, 2.5e9);
  EXPECT_DOUBLE_EQ(One("a billion-dollar deal").value, 1e9);
}

TEST(AmountParserTest, GermanStrayCommaBeforeScale) {
  std::string text = "Der Bau kostet 4,5, Milliarden Euro.";
  Amount a = One(text, German());
  EXPECT_DOUBLE_EQ(a.value, 4.5e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "4,5, Milliarden Euro");
  EXPECT_EQ(Count("In 2024, millions of people moved.", {"en", "USD"}), 0u);
}

TEST(AmountParserTest, FrenchMilliardEtDemi) {
  std::string text = "L'État versera un milliard et demi d'euros.";
  Amount a = One(text, French());
  EXPECT_DOUBLE_EQ(a.value, 1.5e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(Covered(text, a), "un milliard et demi d'euros");
  EXPECT_DOUBLE_EQ(One("2 millions et demi d'euros", French()).value, 2.5e6);
  EXPECT_DOUBLE_EQ(One("un millón y medio de euros", Spanish()).value, 1.5e6);
  EXPECT_DOUBLE_EQ(One("deux milliards d'euros", French()).value, 2e9);
}

TEST(AmountParserTest, MoroccanDirhams) {
  std::string text = "Le port a coûté 11 MDH.";
  Amount a = One(text, French());
  EXPECT_DOUBLE_EQ(a.value, 1.1e7);
  EXPECT_EQ(a.currency, "MAD");
  EXPECT_EQ(Covered(text, a), "11 MDH");
  Amount dh = One("un budget de 2 milliards de DH", French());
  EXPECT_DOUBLE_EQ(dh.value, 2e9);
  EXPECT_EQ(dh.currency, "MAD");
  EXPECT_EQ(One("3 milliards de dirhams", French()).currency, "MAD");
  EXPECT_DOUBLE_EQ(One("soit 5 MMDH", French()).value, 5e9);
}

TEST(AmountParserTest, FrenchMegaDollarAndMilliardEuroSigns) {
  std::string text = "Une levée de 145 M$ cette année.";
  Amount a = One(text, French());
  EXPECT_DOUBLE_EQ(a.value, 1.45e8);
  EXPECT_EQ(a.currency, "USD");
  EXPECT_EQ(Covered(text, a), "145 M$");
  Amount eur = One("une dette de 27,3 Md€", French());
  EXPECT_DOUBLE_EQ(eur.value, 2.73e10);
  EXPECT_EQ(eur.currency, "EUR");
}

TEST(AmountParserTest, SouthAfricanRand) {
  std::string text = "Eskom owes R71.5 billion to municipalities.";
  Amount a = One(text, {"en", ""});
  EXPECT_DOUBLE_EQ(a.value, 7.15e10);
  EXPECT_EQ(a.currency, "ZAR");
  EXPECT_FALSE(a.currency_inferred);
  EXPECT_EQ(Covered(text, a), "R71.5 billion");
  EXPECT_DOUBLE_EQ(One("a R3.4bn upgrade", {"en", ""}).value, 3.4e9);
  EXPECT_EQ(Count("the R2 highway and the R500 model", {"en", ""}), 0u);  // "R" and digits alone name things
}

TEST(AmountParserTest, IndianCroreAndLakh) {
  std::string text = "The state cleared Rs 500 crore for roads.";
  Amount a = One(text, {"en", ""});
  EXPECT_DOUBLE_EQ(a.value, 5e9);
  EXPECT_EQ(a.currency, "INR");
  EXPECT_EQ(Covered(text, a), "Rs 500 crore");
  Amount rupee = One("a ₹1,200 crore order", {"en", ""});
  EXPECT_DOUBLE_EQ(rupee.value, 1.2e10);
  EXPECT_EQ(rupee.currency, "INR");
  EXPECT_DOUBLE_EQ(One("Rs. 2 lakh crore", {"en", ""}).value, 2e12);
  EXPECT_DOUBLE_EQ(One("Rs 15 lakh", {"en", ""}).value, 1.5e6);
}

TEST(AmountParserTest, DollarCountryLettersBeforeAndAfterTheSign) {
  Amount cad = One("a C$1.3 billion pipeline", {"en", ""});
  EXPECT_DOUBLE_EQ(cad.value, 1.3e9);
  EXPECT_EQ(cad.currency, "CAD");
  std::string text = "debt of $US10 trillion";
  Amount usd = One(text, {"en", ""});
  EXPECT_DOUBLE_EQ(usd.value, 1e13);
  EXPECT_EQ(usd.currency, "USD");
  EXPECT_EQ(Covered(text, usd), "$US10 trillion");
  EXPECT_EQ(One("a $A5 million grant", {"en", ""}).currency, "AUD");
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

TEST(AmountParserTest, Iso4217NamesAndCodesFromIsoCodes) {
  // Names and codes no hand list holds, from iso-codes' ISO 4217 catalogs.
  EXPECT_EQ(One("500 millions de couronnes suédoises", French()).currency, "SEK");
  EXPECT_EQ(One("2.000 millones de reales brasileños", {"es", ""}).currency, "BRL");
  EXPECT_EQ(One("300 Millionen Schweizer Franken", {"de", ""}).currency, "CHF");
  EXPECT_EQ(One("4 billion Turkish lira").currency, "TRY");
  EXPECT_EQ(One("une enveloppe de 12 milliards de nairas", French()).currency, "NGN");
  EXPECT_EQ(One("a 700 million PLN contract").currency, "PLN");
  // A longer ISO name wins over our own shorter one: the Hong Kong dollar is not the US dollar.
  EXPECT_EQ(One("200 millions de dollars de Hong-Kong", French()).currency, "HKD");
}

TEST(AmountParserTest, IsoCodesAndOneWordNamesOnlyAfterAnAmount) {
  // Elsewhere a code or a one-word currency name is too often something else.
  Amount chip = One("AMD will spend 400 million on the plant");
  EXPECT_TRUE(chip.currency_inferred);
  EXPECT_NE(chip.currency, "AMD");
  EXPECT_EQ(Count("the AMD 7950 chip"), 0u);
  EXPECT_EQ(One("3 Milliarden Zloty", {"de", ""}).currency, "PLN");
  // An everyday English word is no currency name, even after an amount.
  EXPECT_NE(One("2 million real estate deals").currency, "BRL");
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
