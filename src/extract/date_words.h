// The words FindDates reads, per language: month names, number words, duration units, ordinals and the
// phrases of deadlines and relative dates. Data only, included by date_parser.cc alone; lower case, with
// "'" standing for any apostrophe and spaces separating the scanner's tokens.
#ifndef KG_EXTRACT_DATE_WORDS_H_
#define KG_EXTRACT_DATE_WORDS_H_

#include <string_view>
#include <utility>

namespace kg::extract::date_words {

struct Entry {
  std::string_view word;
  int value;
};

// Month names and their usual abbreviations in French, English, Spanish and German, lower case. "may" and
// "mar" are safe because a month only counts beside a day or a year.
constexpr Entry kMonths[] = {
    {"janvier", 1},    {"janv", 1},       {"january", 1},   {"jan", 1},       {"enero", 1},     {"januar", 1},
    {"jänner", 1},     {"février", 2},    {"fevrier", 2},   {"févr", 2},      {"february", 2},  {"feb", 2},
    {"febrero", 2},    {"februar", 2},    {"mars", 3},      {"march", 3},     {"mar", 3},       {"marzo", 3},
    {"märz", 3},       {"avril", 4},      {"april", 4},     {"apr", 4},       {"abril", 4},     {"mai", 5},
    {"may", 5},        {"mayo", 5},       {"juin", 6},      {"june", 6},      {"jun", 6},       {"junio", 6},
    {"juni", 6},       {"juillet", 7},    {"july", 7},      {"jul", 7},       {"julio", 7},     {"juli", 7},
    {"août", 8},       {"aout", 8},       {"august", 8},    {"aug", 8},       {"agosto", 8},    {"septembre", 9},
    {"september", 9},  {"sept", 9},       {"sep", 9},       {"septiembre", 9}, {"setiembre", 9}, {"octobre", 10},
    {"october", 10},   {"oct", 10},       {"octubre", 10},  {"oktober", 10},  {"novembre", 11}, {"november", 11},
    {"nov", 11},       {"noviembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},      {"december", 12},
    {"dec", 12},       {"diciembre", 12}, {"dezember", 12},
};

// Weekday names, Monday first (ISO 8601 numbering).
constexpr Entry kWeekdays[] = {
    {"lundi", 1},    {"monday", 1},    {"lunes", 1},     {"montag", 1},  {"mardi", 2},     {"tuesday", 2},
    {"martes", 2},   {"dienstag", 2},  {"mercredi", 3},  {"wednesday", 3}, {"miércoles", 3}, {"mittwoch", 3},
    {"jeudi", 4},    {"thursday", 4},  {"jueves", 4},    {"donnerstag", 4}, {"vendredi", 5},  {"friday", 5},
    {"viernes", 5},  {"freitag", 5},   {"samedi", 6},    {"saturday", 6}, {"sábado", 6},    {"samstag", 6},
    {"dimanche", 7}, {"sunday", 7},    {"domingo", 7},   {"sonntag", 7},
};

// Words that place a month or weekday name (or a day and month) in time, relative to the reference date.
enum class Toward {
  kPast,       // the last one before the reference: "el pasado marzo", "janvier dernier", "last Tuesday"
  kPastOrNow,  // the reference's own month or the last one before: German "im März"
  kFuture,     // the next one after the reference: "el próximo mes de junio", "mars prochain"
  kThisWeek,   // a weekday of the reference's week (Monday to Sunday): "este martes", "ce mardi"
  kNearest,    // the closest either way, ties to the past: "fin mars", "Anfang Juni"
};
struct NameShift {
  std::string_view words;
  Toward toward;
};
// Before the name; longer phrases first, as the first match wins. "mes de" may follow ("el pasado mes de
// marzo").
constexpr NameShift kShiftsBefore[] = {
    {"el pasado", Toward::kPast},          {"pasado", Toward::kPast},           {"el próximo", Toward::kFuture},
    {"próximo", Toward::kFuture},          {"este", Toward::kThisWeek},         {"ce", Toward::kThisWeek},
    {"am vergangenen", Toward::kPast},     {"im vergangenen", Toward::kPast},   {"vergangenen", Toward::kPast},
    {"am letzten", Toward::kPast},         {"im letzten", Toward::kPast},       {"letzten", Toward::kPast},
    {"am kommenden", Toward::kFuture},     {"im kommenden", Toward::kFuture},   {"kommenden", Toward::kFuture},
    {"am nächsten", Toward::kFuture},      {"im nächsten", Toward::kFuture},    {"nächsten", Toward::kFuture},
    {"im", Toward::kPastOrNow},            {"last", Toward::kPast},             {"next", Toward::kFuture},
    {"a finales de", Toward::kNearest},    {"finales de", Toward::kNearest},    {"a principios de", Toward::kNearest},
    {"principios de", Toward::kNearest},   {"a mediados de", Toward::kNearest}, {"mediados de", Toward::kNearest},
    {"fin", Toward::kNearest},             {"début", Toward::kNearest},         {"ende", Toward::kNearest},
    {"anfang", Toward::kNearest},          {"mitte", Toward::kNearest},
};
// After the name: "janvier dernier", "le 12 mars dernier", "marzo pasado", "mardi prochain".
constexpr NameShift kShiftsAfter[] = {
    {"dernier", Toward::kPast},  {"passé", Toward::kPast},    {"pasado", Toward::kPast},
    {"prochain", Toward::kFuture}, {"próximo", Toward::kFuture},
};

constexpr Entry kNumberWords[] = {
    {"un", 1},   {"une", 1},    {"one", 1},    {"a", 1},      {"uno", 1},   {"una", 1},    {"ein", 1},
    {"einem", 1}, {"eines", 1}, {"deux", 2},   {"two", 2},    {"dos", 2},   {"zwei", 2},   {"trois", 3},
    {"three", 3}, {"tres", 3},  {"drei", 3},   {"quatre", 4}, {"four", 4},  {"cuatro", 4}, {"vier", 4},
    {"cinq", 5},  {"five", 5},  {"cinco", 5},  {"fünf", 5},   {"six", 6},   {"seis", 6},   {"sechs", 6},
    {"sept", 7},  {"seven", 7}, {"siete", 7},  {"sieben", 7}, {"huit", 8},  {"eight", 8},  {"ocho", 8},
    {"acht", 8},  {"neuf", 9},  {"nine", 9},   {"nueve", 9},  {"neun", 9},  {"dix", 10},   {"ten", 10},
    {"diez", 10}, {"zehn", 10},
};

// Duration units, by the ISO 8601 designator they become.
constexpr std::pair<std::string_view, char> kUnits[] = {
    {"an", 'Y'},      {"ans", 'Y'},    {"année", 'Y'},   {"années", 'Y'},  {"year", 'Y'},   {"years", 'Y'},
    {"año", 'Y'},     {"años", 'Y'},   {"jahr", 'Y'},    {"jahre", 'Y'},   {"jahren", 'Y'}, {"mois", 'M'},
    {"month", 'M'},   {"months", 'M'}, {"mes", 'M'},     {"meses", 'M'},   {"monat", 'M'},  {"monate", 'M'},
    {"monaten", 'M'}, {"semaines", 'W'}, {"weeks", 'W'}, {"semanas", 'W'}, {"wochen", 'W'}, {"jours", 'D'},
    {"days", 'D'},    {"días", 'D'},   {"tage", 'D'},    {"tagen", 'D'},
};
constexpr std::string_view kNextWords[] = {"prochaines", "prochains", "next", "coming", "próximos", "próximas",
                                           "nächsten", "kommenden"};
constexpr std::string_view kDurationIntroducers[] = {"sur", "over", "pendant", "during", "for", "durante",
                                                     "within", "ici", "über", "innerhalb"};
constexpr std::string_view kDeadlines[] = {
    "d ' ici à la fin de", "d ' ici la fin de", "d ' ici fin", "d ' ici à", "d ' ici", "jusqu ' en",
    "jusqu ' à fin", "jusqu ' à", "by the end of", "by end", "by", "until", "hasta finales de", "hasta", "bis ende",
    "bis"};
// Quarter (Q) and half-year (H) phrasings: the ordinal's word, the part's noun, the number.
// Written with digits ("1er", "2nd", "3e"), an ordinal is the digit and one of kOrdinalMarks.
constexpr Entry kOrdinals[] = {
    {"premier", 1}, {"first", 1},   {"primer", 1}, {"ersten", 1},  {"deuxième", 2}, {"second", 2},
    {"segundo", 2}, {"zweiten", 2}, {"troisième", 3}, {"third", 3}, {"tercer", 3},  {"dritten", 3},
    {"quatrième", 4}, {"fourth", 4}, {"cuarto", 4}, {"vierten", 4},
};
constexpr std::string_view kOrdinalMarks[] = {"er", "e", "ème", "st", "nd", "rd", "th", "."};
constexpr std::pair<std::string_view, char> kParts[] = {
    {"trimestre", 'Q'}, {"quarter", 'Q'}, {"quartal", 'Q'}, {"semestre", 'H'}, {"half", 'H'}, {"halbjahr", 'H'}};
// Relative mentions: the words, the unit they move ('Y', 'M', 'D') and by how much.
struct Relative {
  std::string_view words;
  char unit;
  int delta;
};
constexpr Relative kRelatives[] = {
    {"l ' an dernier", 'Y', -1},       {"l ' année dernière", 'Y', -1}, {"l ' an passé", 'Y', -1},
    {"l ' année passée", 'Y', -1},     {"last year", 'Y', -1},          {"el año pasado", 'Y', -1},
    {"letztes jahr", 'Y', -1},         {"im vergangenen jahr", 'Y', -1}, {"l ' an prochain", 'Y', 1},
    {"l ' année prochaine", 'Y', 1},   {"next year", 'Y', 1},           {"el año próximo", 'Y', 1},
    {"el próximo año", 'Y', 1},        {"nächstes jahr", 'Y', 1},       {"cette année", 'Y', 0},
    {"this year", 'Y', 0},             {"este año", 'Y', 0},            {"dieses jahr", 'Y', 0},
    {"le mois dernier", 'M', -1},      {"last month", 'M', -1},         {"el mes pasado", 'M', -1},
    {"letzten monat", 'M', -1},        {"le mois prochain", 'M', 1},    {"next month", 'M', 1},
    {"im vergangenen monat", 'M', -1}, {"vergangenen monat", 'M', -1},  {"el próximo mes", 'M', 1},
    {"el mes próximo", 'M', 1},        {"nächsten monat", 'M', 1},      {"este mes", 'M', 0},
    {"this month", 'M', 0},            {"vergangenes jahr", 'Y', -1},   {"im kommenden jahr", 'Y', 1},
    {"im nächsten jahr", 'Y', 1},
    {"hier", 'D', -1},                 {"yesterday", 'D', -1},          {"ayer", 'D', -1},
    {"gestern", 'D', -1},              {"aujourd ' hui", 'D', 0},       {"today", 'D', 0},
    {"hoy", 'D', 0},                   {"heute", 'D', 0},               {"demain", 'D', 1},
    {"tomorrow", 'D', 1},
};
// Words after which a lone four-digit number is a year.
constexpr std::string_view kYearPrepositions[] = {
    "en", "in", "depuis", "since", "dès", "de", "del", "im", "seit", "for", "pour", "of", "année",
    "year", "año", "jahr", "fin", "début", "end", "early", "mid", "late", "from", "desde", "von", "ab",
    "vers", "around", "au", "el", "durante", "during", "entre", "between", "et", "and", "y", "und", "à",
    "to", "avant", "before", "après", "after", "antes", "nach", "vor"};

// Words and signs after which a number is a quantity, even when it looks like a year.
constexpr std::string_view kNotAfterYears[] = {"%", "€", "$", "£", "¥", "euros", "euro", "dollars", "percent",
                                               "pour", "prozent", "por", "millions", "milliards", "million"};

}  // namespace kg::extract::date_words

#endif  // KG_EXTRACT_DATE_WORDS_H_
