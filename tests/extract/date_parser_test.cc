#include "extract/date_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::extract {
namespace {

struct Found {
  std::string value;
  std::string period;
  std::string text;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{" << f.value << ", " << f.period << ", \"" << f.text << "\"}";
}

std::vector<Found> Dates(std::string_view text, const DateOptions& options = {}) {
  Result<std::vector<DateMention>> dates = FindDates(text, options);
  EXPECT_TRUE(dates.ok()) << dates.status().ToString();
  std::vector<Found> out;
  if (!dates.ok()) return out;
  for (const auto& d : *dates) {
    out.push_back({d.value, d.period, std::string(text.substr(d.span.begin, d.span.end - d.span.begin))});
  }
  return out;
}

using F = std::vector<Found>;

DateOptions Reference(std::string date, std::string language = "") { return {std::move(date), std::move(language)}; }

TEST(DateParserTest, FrenchMonthAndYear) {
  EXPECT_EQ(Dates("Annoncé en février 2024 à Madrid."), (F{{"2024-02", "", "février 2024"}}));
  EXPECT_EQ(Dates("Signé en FÉVRIER 2024."), (F{{"2024-02", "", "FÉVRIER 2024"}}));
  EXPECT_EQ(Dates("depuis août 2021"), (F{{"2021-08", "", "août 2021"}}));
}

TEST(DateParserTest, FrenchDayMonthYear) {
  EXPECT_EQ(Dates("Le contrat a été signé le 12 mars 2023 à Lyon."), (F{{"2023-03-12", "", "12 mars 2023"}}));
  EXPECT_EQ(Dates("le 1er juillet 2022"), (F{{"2022-07-01", "", "1er juillet 2022"}}));
}

TEST(DateParserTest, EnglishForms) {
  EXPECT_EQ(Dates("in March 2024"), (F{{"2024-03", "", "March 2024"}}));
  EXPECT_EQ(Dates("on 12 March 2024"), (F{{"2024-03-12", "", "12 March 2024"}}));
  EXPECT_EQ(Dates("on March 12, 2024, it said"), (F{{"2024-03-12", "", "March 12, 2024"}}));
  EXPECT_EQ(Dates("on the 3rd of May"), F{});  // no year and no reference
  EXPECT_EQ(Dates("on Sept. 5, 2023"), (F{{"2023-09-05", "", "Sept. 5, 2023"}}));
}

TEST(DateParserTest, SpanishAndGermanForms) {
  EXPECT_EQ(Dates("el 12 de marzo de 2023"), (F{{"2023-03-12", "", "12 de marzo de 2023"}}));
  EXPECT_EQ(Dates("en marzo de 2024"), (F{{"2024-03", "", "marzo de 2024"}}));
  EXPECT_EQ(Dates("am 12. März 2023"), (F{{"2023-03-12", "", "12. März 2023"}}));
  EXPECT_EQ(Dates("im Dezember 2025"), (F{{"2025-12", "", "Dezember 2025"}}));
}

TEST(DateParserTest, NumericDates) {
  EXPECT_EQ(Dates("publié le 2024-02-29"), (F{{"2024-02-29", "", "2024-02-29"}}));
  EXPECT_EQ(Dates("le 03/04/2024", Reference("", "fr")), (F{{"2024-04-03", "", "03/04/2024"}}));
  EXPECT_EQ(Dates("on 03/04/2024", Reference("", "en")), (F{{"2024-03-04", "", "03/04/2024"}}));
  EXPECT_EQ(Dates("am 24.12.2023"), (F{{"2023-12-24", "", "24.12.2023"}}));
  EXPECT_EQ(Dates("le 31/02/2024"), F{});  // no such day
}

TEST(DateParserTest, LoneYears) {
  EXPECT_EQ(Dates("2024"), (F{{"2024", "", "2024"}}));
  EXPECT_EQ(Dates("Il ouvrira en 2025."), (F{{"2025", "", "2025"}}));
  EXPECT_EQ(Dates("Opened in 2019, the plant"), (F{{"2019", "", "2019"}}));
  EXPECT_EQ(Dates("depuis 2010 et jusqu'à ce jour"), (F{{"2010", "", "2010"}}));
}

TEST(DateParserTest, NumbersThatAreNotYears) {
  EXPECT_EQ(Dates("Le site emploie 2000 salariés."), F{});
  EXPECT_EQ(Dates("une hausse de 2024 %"), F{});
  EXPECT_EQ(Dates("pour 1 2024,5 euros"), F{});
  EXPECT_EQ(Dates("le modèle A2024 ("), F{});
  EXPECT_EQ(Dates("en 1850 puis en 2150"), F{});  // outside the years news talks about
  EXPECT_EQ(Dates("12 345 678"), F{});
}

TEST(DateParserTest, QuartersAndHalves) {
  EXPECT_EQ(Dates("au premier trimestre 2024"), (F{{"2024", "Q1", "premier trimestre 2024"}}));
  EXPECT_EQ(Dates("au 3e trimestre de l'année 2023"), (F{{"2023", "Q3", "3e trimestre de l'année 2023"}}));
  EXPECT_EQ(Dates("in the fourth quarter of 2023"), (F{{"2023", "Q4", "fourth quarter of 2023"}}));
  EXPECT_EQ(Dates("revenue for Q2 2024"), (F{{"2024", "Q2", "Q2 2024"}}));
  EXPECT_EQ(Dates("im ersten Quartal 2024"), (F{{"2024", "Q1", "ersten Quartal 2024"}}));
  EXPECT_EQ(Dates("au second semestre 2025"), (F{{"2025", "H2", "second semestre 2025"}}));
  EXPECT_EQ(Dates("in the first half of 2024"), (F{{"2024", "H1", "first half of 2024"}}));
  EXPECT_EQ(Dates("au premier trimestre", Reference("2024-02")), (F{{"2024", "Q1", "premier trimestre"}}));
  EXPECT_EQ(Dates("au premier trimestre"), (F{{"", "Q1", "premier trimestre"}}));
  EXPECT_EQ(Dates("le terminal T1 ferme"), F{});
}

TEST(DateParserTest, Durations) {
  EXPECT_EQ(Dates("au cours des deux prochaines années"), (F{{"", "P2Y", "deux prochaines années"}}));
  EXPECT_EQ(Dates("over the next two years"), (F{{"", "P2Y", "next two years"}}));
  EXPECT_EQ(Dates("sur cinq ans"), (F{{"", "P5Y", "sur cinq ans"}}));
  EXPECT_EQ(Dates("over 18 months"), (F{{"", "P18M", "over 18 months"}}));
  EXPECT_EQ(Dates("en los próximos tres años"), (F{{"", "P3Y", "próximos tres años"}}));
  EXPECT_EQ(Dates("in den nächsten zwei Jahren"), (F{{"", "P2Y", "nächsten zwei Jahren"}}));
  EXPECT_EQ(Dates("d'ici trois ans"), (F{{"", "P3Y", "ici trois ans"}}));
  EXPECT_EQ(Dates("il y a deux ans"), F{});
}

TEST(DateParserTest, Deadlines) {
  EXPECT_EQ(Dates("d'ici 2026"), (F{{"", "until 2026", "d'ici 2026"}}));
  EXPECT_EQ(Dates("d’ici à 2030"), (F{{"", "until 2030", "d’ici à 2030"}}));
  EXPECT_EQ(Dates("d'ici la fin de l'année 2025"), (F{{"", "until 2025", "d'ici la fin de l'année 2025"}}));
  EXPECT_EQ(Dates("jusqu'en 2027"), (F{{"", "until 2027", "jusqu'en 2027"}}));
  EXPECT_EQ(Dates("by June 2026"), (F{{"", "until 2026-06", "by June 2026"}}));
  EXPECT_EQ(Dates("by the end of 2025"), (F{{"", "until 2025", "by the end of 2025"}}));
  EXPECT_EQ(Dates("hasta 2030"), (F{{"", "until 2030", "hasta 2030"}}));
  EXPECT_EQ(Dates("bis Ende 2026"), (F{{"", "until 2026", "bis Ende 2026"}}));
}

TEST(DateParserTest, RelativeDatesNeedAReference) {
  EXPECT_EQ(Dates("l'an dernier"), F{});
  EXPECT_EQ(Dates("l'an dernier", Reference("2024-02")), (F{{"2023", "", "l'an dernier"}}));
  EXPECT_EQ(Dates("L’année dernière", Reference("2024")), (F{{"2023", "", "L’année dernière"}}));
  EXPECT_EQ(Dates("last year", Reference("2024-02-10")), (F{{"2023", "", "last year"}}));
  EXPECT_EQ(Dates("el año pasado", Reference("2024")), (F{{"2023", "", "el año pasado"}}));
  EXPECT_EQ(Dates("next year", Reference("2024")), (F{{"2025", "", "next year"}}));
  EXPECT_EQ(Dates("cette année", Reference("2024-06")), (F{{"2024", "", "cette année"}}));
}

TEST(DateParserTest, RelativeDaysAndMonthsNeedEnoughPrecision) {
  EXPECT_EQ(Dates("hier", Reference("2024-03-01")), (F{{"2024-02-29", "", "hier"}}));
  EXPECT_EQ(Dates("yesterday", Reference("2024-01-01")), (F{{"2023-12-31", "", "yesterday"}}));
  EXPECT_EQ(Dates("aujourd'hui", Reference("2024-05-07")), (F{{"2024-05-07", "", "aujourd'hui"}}));
  EXPECT_EQ(Dates("gestern", Reference("2024-05")), F{});
  EXPECT_EQ(Dates("le mois dernier", Reference("2024-01")), (F{{"2023-12", "", "le mois dernier"}}));
  EXPECT_EQ(Dates("last month", Reference("2024")), F{});
}

TEST(DateParserTest, SpanishPastAndNextMonth) {
  EXPECT_EQ(Dates("Lo aprobó el pasado mes de marzo.", Reference("2026-01-15")),
            (F{{"2025-03", "", "el pasado mes de marzo"}}));
  EXPECT_EQ(Dates("Lo aprobó el pasado mes de marzo.", Reference("2026-05-02")),
            (F{{"2026-03", "", "el pasado mes de marzo"}}));
  EXPECT_EQ(Dates("desde el pasado marzo", Reference("2026-01-15")), (F{{"2025-03", "", "el pasado marzo"}}));
  EXPECT_EQ(Dates("desde el pasado marzo", Reference("2026-05-02")), (F{{"2026-03", "", "el pasado marzo"}}));
  EXPECT_EQ(Dates("en marzo pasado", Reference("2026-03-20")), (F{{"2025-03", "", "marzo pasado"}}));
  EXPECT_EQ(Dates("abrirá el próximo mes de junio", Reference("2026-01-15")),
            (F{{"2026-06", "", "el próximo mes de junio"}}));
  EXPECT_EQ(Dates("abrirá el próximo mes de junio", Reference("2026-08-01")),
            (F{{"2027-06", "", "el próximo mes de junio"}}));
  EXPECT_EQ(Dates("abrirá el próximo mes", Reference("2026-12-01")), (F{{"2027-01", "", "el próximo mes"}}));
  EXPECT_EQ(Dates("el pasado 3 de marzo", Reference("2026-02-10")), (F{{"2025-03-03", "", "el pasado 3 de marzo"}}));
  EXPECT_EQ(Dates("el pasado mes de marzo"), F{});                    // no reference
  EXPECT_EQ(Dates("el pasado mes de marzo", Reference("2026")), F{});  // nor its month
  EXPECT_EQ(Dates("el pasado marzo de 2024", Reference("2026-01-15")), (F{{"2024-03", "", "marzo de 2024"}}));
}

TEST(DateParserTest, SpanishLastYear) {
  EXPECT_EQ(Dates("Ganó más que el año pasado.", Reference("2026-01-15", "es")),
            (F{{"2025", "", "el año pasado"}}));
}

TEST(DateParserTest, WeekdaysOfTheReferenceWeek) {
  // 2026-01-15 is a Thursday.
  EXPECT_EQ(Dates("El consejo se reunió este martes.", Reference("2026-01-15")),
            (F{{"2026-01-13", "", "este martes"}}));
  EXPECT_EQ(Dates("votará este viernes", Reference("2026-01-15")), (F{{"2026-01-16", "", "este viernes"}}));
  EXPECT_EQ(Dates("ce lundi", Reference("2026-01-15")), (F{{"2026-01-12", "", "ce lundi"}}));
  EXPECT_EQ(Dates("el pasado jueves", Reference("2026-01-15")), (F{{"2026-01-08", "", "el pasado jueves"}}));
  EXPECT_EQ(Dates("el martes pasado", Reference("2026-01-15")), (F{{"2026-01-13", "", "martes pasado"}}));
  EXPECT_EQ(Dates("mardi prochain", Reference("2026-01-15")), (F{{"2026-01-20", "", "mardi prochain"}}));
  EXPECT_EQ(Dates("last Sunday", Reference("2026-01-01")), (F{{"2025-12-28", "", "last Sunday"}}));
  EXPECT_EQ(Dates("este martes", Reference("2026-01")), F{});  // needs the day
}

TEST(DateParserTest, GermanRelativeYearAndMonth) {
  EXPECT_EQ(Dates("Im vergangenen Jahr wuchs der Umsatz.", Reference("2026-01-15", "de")),
            (F{{"2025", "", "Im vergangenen Jahr"}}));
  EXPECT_EQ(Dates("Die Zahlen kamen im März.", Reference("2026-05-02", "de")), (F{{"2026-03", "", "im März"}}));
  EXPECT_EQ(Dates("Die Zahlen kamen im März.", Reference("2026-01-15", "de")), (F{{"2025-03", "", "im März"}}));
  EXPECT_EQ(Dates("Die Zahlen kamen im März.", Reference("2026-03-20", "de")), (F{{"2026-03", "", "im März"}}));
  EXPECT_EQ(Dates("im kommenden März", Reference("2026-05-02", "de")), (F{{"2027-03", "", "im kommenden März"}}));
  EXPECT_EQ(Dates("im März 2024", Reference("2026-05-02", "de")), (F{{"2024-03", "", "März 2024"}}));
  EXPECT_EQ(Dates("im März"), F{});
}

TEST(DateParserTest, GermanDayWithOrdinalPoint) {
  EXPECT_EQ(Dates("Der Vertrag gilt seit dem 1. März 2022."), (F{{"2022-03-01", "", "1. März 2022"}}));
  EXPECT_EQ(Dates("am 1. März 2022", Reference("2026-01-15", "de")), (F{{"2022-03-01", "", "1. März 2022"}}));
}

TEST(DateParserTest, FrenchLastMonthName) {
  EXPECT_EQ(Dates("Signé en janvier dernier.", Reference("2026-01-15", "fr")),
            (F{{"2025-01", "", "janvier dernier"}}));
  EXPECT_EQ(Dates("Signé en janvier dernier.", Reference("2026-03-02", "fr")),
            (F{{"2026-01", "", "janvier dernier"}}));
  EXPECT_EQ(Dates("le 12 mars dernier", Reference("2026-03-20", "fr")), (F{{"2026-03-12", "", "12 mars dernier"}}));
  EXPECT_EQ(Dates("en septembre prochain", Reference("2026-01-15", "fr")),
            (F{{"2026-09", "", "septembre prochain"}}));
  EXPECT_EQ(Dates("le mois dernier", Reference("2026-01-15", "fr")), (F{{"2025-12", "", "le mois dernier"}}));
}

TEST(DateParserTest, StartAndEndOfAMonthTakeTheNearest) {
  EXPECT_EQ(Dates("Les travaux dureront jusqu'à fin mars.", Reference("2026-01-15", "fr")),
            (F{{"", "until 2026-03", "jusqu'à fin mars"}}));
  EXPECT_EQ(Dates("Fin mars, le groupe a vendu.", Reference("2026-05-02", "fr")), (F{{"2026-03", "", "Fin mars"}}));
  EXPECT_EQ(Dates("fin mars", Reference("2025-11-10", "fr")), (F{{"2026-03", "", "fin mars"}}));
  EXPECT_EQ(Dates("début décembre", Reference("2026-02-01", "fr")), (F{{"2025-12", "", "début décembre"}}));
  EXPECT_EQ(Dates("bis Ende Juni", Reference("2026-01-15", "de")), (F{{"", "until 2026-06", "bis Ende Juni"}}));
  EXPECT_EQ(Dates("a finales de octubre", Reference("2026-09-15", "es")),
            (F{{"2026-10", "", "a finales de octubre"}}));
  EXPECT_EQ(Dates("fin mars 2024", Reference("2026-01-15", "fr")), (F{{"2024-03", "", "mars 2024"}}));
}

TEST(DateParserTest, DayAndMonthTakeTheReferenceYear) {
  EXPECT_EQ(Dates("le 12 mars", Reference("2024-03-20")), (F{{"2024-03-12", "", "12 mars"}}));
  EXPECT_EQ(Dates("le 12 mars"), F{});
}

TEST(DateParserTest, SeveralMentionsInOrder) {
  EXPECT_EQ(Dates("Annoncé le 5 février 2024, le plan court jusqu'en 2026 et sur trois ans."),
            (F{{"2024-02-05", "", "5 février 2024"}, {"", "until 2026", "jusqu'en 2026"},
               {"", "P3Y", "sur trois ans"}}));
}

TEST(DateParserTest, CodePointOffsets) {
  std::string text = "Éléments déjà vus : février 2024";
  Result<std::vector<DateMention>> dates = FindDates(text);
  ASSERT_TRUE(dates.ok());
  ASSERT_EQ(dates->size(), 1u);
  EXPECT_EQ((*dates)[0].span.char_begin, 20u);
  EXPECT_EQ((*dates)[0].span.begin, 24u);
  EXPECT_EQ((*dates)[0].span.char_end, 32u);
}

TEST(DateParserTest, RejectsABadReferenceDate) {
  for (std::string bad : {"2024-13", "2024-02-30", "24", "2024/02", "soon"}) {
    Result<std::vector<DateMention>> dates = FindDates("hier", Reference(bad));
    ASSERT_FALSE(dates.ok()) << bad;
    EXPECT_EQ(dates.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(dates.status().message(), "reference_date \"" + bad + "\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  }
}

TEST(DateParserTest, HostileInput) {
  EXPECT_EQ(Dates(""), F{});
  EXPECT_EQ(Dates(std::string(1 << 20, 'x')), F{});
  EXPECT_EQ(Dates(std::string(1 << 20, '2')), F{});
  EXPECT_EQ(Dates("février février février 99999999999999999999 mars"), F{});
  EXPECT_EQ(Dates("le 99 mars 2024 et le 0 mars 2024"), (F{{"2024-03", "", "mars 2024"}, {"2024-03", "", "mars 2024"}}));
  std::string binary;
  for (int i = 1; i < 128; ++i) binary.push_back(static_cast<char>(i));
  EXPECT_EQ(Dates(binary), F{});
  Result<std::vector<DateMention>> bad = FindDates("en 2024 \xF0\x9F");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "invalid UTF-8 at byte 8");
}

}  // namespace
}  // namespace kg::extract
