// The N-Triples line parser against a table in the style of the W3C RDF 1.1 N-Triples syntax tests
// (nt-syntax-*): each valid line must parse, each invalid one must be rejected at the stated column.
#include "rdf/ntriples_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::rdf {
namespace {

struct Valid {
  const char* name;
  std::string line;
};

const Valid kValid[] = {
    {"nt-syntax-uri-01", "<http://example/s> <http://example/p> <http://example/o> ."},
    {"nt-syntax-uri-02 (UCHAR in IRI)", "<http://example/\\u0053> <http://example/p> <http://example/o> ."},
    {"nt-syntax-uri-03 (long UCHAR)", "<http://example/\\U00000053> <http://example/p> <http://example/o> ."},
    {"nt-syntax-uri-04 (any scheme)", "<scheme:!$%25&'()*+,-./0123456789:/@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~?#> <http://example/p> <http://example/o> ."},
    {"nt-syntax-string-01", "<http://example/s> <http://example/p> \"string\" ."},
    {"nt-syntax-string-02 (lang)", "<http://example/s> <http://example/p> \"string\"@en ."},
    {"nt-syntax-string-03 (lang with subtag)", "<http://example/s> <http://example/p> \"string\"@en-uk ."},
    {"nt-syntax-str-esc-01 (ECHAR)", "<http://example/s> <http://example/p> \"a\\n\" ."},
    {"nt-syntax-str-esc-02 (UCHAR)", "<http://example/s> <http://example/p> \"a\\u0020b\" ."},
    {"nt-syntax-str-esc-03 (long UCHAR)", "<http://example/s> <http://example/p> \"a\\U00000020b\" ."},
    {"nt-syntax-bnode-01", "_:a  <http://example/p> <http://example/o> ."},
    {"nt-syntax-bnode-02", "<http://example/s> <http://example/p> _:a ."},
    {"nt-syntax-bnode-03 (dot inside a label)", "_:a.b <http://example/p> _:1a ."},
    {"nt-syntax-datatypes-01", "<http://example/s> <http://example/p> \"123\"^^<http://www.w3.org/2001/XMLSchema#byte> ."},
    {"nt-syntax-datatypes-02", "<http://example/s> <http://example/p> \"123\"^^<http://www.w3.org/2001/XMLSchema#string> ."},
    {"minimal-whitespace-01", "<http://example/s><http://example/p><http://example/o>."},
    {"minimal-whitespace-02", "<http://example/s><http://example/p>\"Alice\"."},
    {"minimal-whitespace-03 (label then dot)", "<http://example/s><http://example/p>_:o."},
    {"minimal-whitespace-04", "_:s<http://example/p>\"Alice\"@en."},
    {"comment-after-triple", "<http://example/s> <http://example/p> <http://example/o> . # a comment"},
    {"tabs", "\t<http://example/s>\t<http://example/p>\t<http://example/o>\t.\t"},
    {"literal-all-controls", "<http://example/s> <http://example/p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\\" ."},
    {"literal-utf8", "<http://example/s> <http://example/p> \"Espa\xC3\xB1" "a \xE2\x82\xAC \xF0\x9F\x98\x80\" ."},
    {"iri-utf8", "<http://example/Espa\xC3\xB1" "a> <http://example/p> <http://example/o> ."},
    {"bnode-unicode-label", "_:\xC3\xA9t\xC3\xA9 <http://example/p> <http://example/o> ."},
    {"nt-syntax-uri-04 (every IRI character, empty after '#')",
     "<http://example/s> <http://example/p> <scheme:!$%25&'()*+,-./0123456789:/@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~?#> ."},
    {"nt-syntax-lang-space (white space before the tag)", "<http://example/s> <http://example/p> \"x\" @en ."},
    {"nt-syntax-datatype-space (white space before ^^)",
     "<http://example/s> <http://example/p> \"x\" ^^<http://www.w3.org/2001/XMLSchema#string> ."},
};

TEST(NTriplesParserTest, ValidLinesParse) {
  for (const Valid& v : kValid) {
    ParsedTriple parsed = ParseNTriplesLine(v.line);
    const auto* error = std::get_if<schema::LineError>(&parsed);
    EXPECT_TRUE(std::holds_alternative<Triple>(parsed)) << v.name << ": " << (error ? error->ToString() : "blank");
  }
}

TEST(NTriplesParserTest, BlankAndCommentLinesHoldNoTriple) {
  for (const char* line : {"", "   ", "\t", "# comment", "   # indented comment <a> <b> <c> ."}) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(ParseNTriplesLine(line))) << line;
  }
}

TEST(NTriplesParserTest, TermsAreDecoded) {
  ParsedTriple parsed = ParseNTriplesLine(
      "<http://example/\\u00E9> <http://example/p> \"a\\tb\\\"c\\u00E9\\U0001F600\"@en-GB .");
  ASSERT_TRUE(std::holds_alternative<Triple>(parsed));
  const Triple& t = std::get<Triple>(parsed);
  EXPECT_EQ(t.subject.value, "http://example/\xC3\xA9");
  EXPECT_EQ(t.object.kind, Term::Kind::kLiteral);
  EXPECT_EQ(t.object.value, "a\tb\"c\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(t.object.lang, "en-GB");
  EXPECT_EQ(t.object.datatype, "");

  parsed = ParseNTriplesLine("_:a.b <http://example/p> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer>.");
  ASSERT_TRUE(std::holds_alternative<Triple>(parsed)) << std::get<schema::LineError>(parsed).ToString();
  EXPECT_EQ(std::get<Triple>(parsed).subject.kind, Term::Kind::kBlank);
  EXPECT_EQ(std::get<Triple>(parsed).subject.value, "a.b");
  EXPECT_EQ(std::get<Triple>(parsed).object.datatype, "http://www.w3.org/2001/XMLSchema#integer");
}

struct Invalid {
  const char* name;
  std::string line;
  std::string marker;  // the error's column is where this text first starts in the line
  const char* field;
};

const Invalid kInvalid[] = {
    {"nt-syntax-bad-uri-01 (space)", "<http://example/ space> <http://example/p> <http://example/o> .", " space", "subject"},
    {"nt-syntax-bad-uri-02 (bad UCHAR)", "<http://example/\\u00ZZ11> <http://example/p> <http://example/o> .", "ZZ", "subject"},
    {"nt-syntax-bad-uri-03 (bad long UCHAR)", "<http://example/\\U00ZZ1111> <http://example/p> <http://example/o> .", "ZZ", "subject"},
    {"nt-syntax-bad-uri-04 ({})", "<http://example/{abc}> <http://example/p> <http://example/o> .", "{", "subject"},
    {"nt-syntax-bad-uri-05 (escaped space)", "<http://example/\\u0020> <http://example/p> <http://example/o> .", "\\u0020", "subject"},
    {"nt-syntax-bad-uri-06 (relative subject)", "<s> <http://example/p> <http://example/o> .", "<s>", "subject"},
    {"nt-syntax-bad-uri-07 (relative predicate)", "<http://example/s> <p> <http://example/o> .", "<p>", "predicate"},
    {"nt-syntax-bad-uri-08 (relative object)", "<http://example/s> <http://example/p> <o> .", "<o>", "object"},
    {"nt-syntax-bad-uri-09 (relative datatype)", "<http://example/s> <http://example/p> \"foo\"^^<dt> .", "<dt>", "object"},
    {"nt-syntax-bad-prefix-01 (Turtle directive)", "@prefix : <http://example/> .", "@", "subject"},
    {"nt-syntax-bad-base-01", "@base <http://example/> .", "@", "subject"},
    {"nt-syntax-bad-struct-01 (object list)", "<http://example/s> <http://example/p> <http://example/o>, <http://example/o2> .", ",", "line"},
    {"nt-syntax-bad-struct-02 (predicate list)", "<http://example/s> <http://example/p> <http://example/o>; <http://example/p2>, <http://example/o2> .", ";", "line"},
    {"nt-syntax-bad-lang-01", "<http://example/s> <http://example/p> \"string\"@1 .", "@1", "object"},
    {"nt-syntax-bad-esc-01", "<http://example/s> <http://example/p> \"a\\zb\" .", "\\z", "object"},
    {"nt-syntax-bad-esc-02", "<http://example/s> <http://example/p> \"\\uWXYZ\" .", "W", "object"},
    {"nt-syntax-bad-esc-03", "<http://example/s> <http://example/p> \"\\U0000WXYZ\" .", "W", "object"},
    {"nt-syntax-bad-string-01 (single quotes)", "<http://example/s> <http://example/p> 'string' .", "'", "object"},
    {"nt-syntax-bad-string-05 (long quotes)", "<http://example/s> <http://example/p> \"\"\"abc\"\"\" .", "\"abc", "line"},
    {"nt-syntax-bad-string-06 (unterminated)", "<http://example/s> <http://example/p> \"abc .", "\"abc", "object"},
    {"nt-syntax-bad-num-01 (number)", "<http://example/s> <http://example/p> 1 .", "1 .", "object"},
    {"nt-syntax-bad-num-02 (boolean)", "<http://example/s> <http://example/p> true .", "true", "object"},
    {"nt-syntax-bad-struct (literal subject)", "\"s\" <http://example/p> <http://example/o> .", "\"s\"", "subject"},
    {"nt-syntax-bad-struct (blank predicate)", "<http://example/s> _:p <http://example/o> .", "_:p", "predicate"},
    {"nt-syntax-bad-struct (prefixed name)", "<http://example/s> <http://example/p> ex:o .", "ex:o", "object"},
    {"missing dot", "<http://example/s> <http://example/p> <http://example/o>", "", "line"},
    {"text after the dot", "<http://example/s> <http://example/p> <http://example/o> . extra", "extra", "line"},
    {"two triples on a line", "<http://example/s> <http://example/p> <http://example/o> . <http://example/s2> <http://example/p> <http://example/o> .", "<http://example/s2>", "line"},
    {"empty blank node label", "_: <http://example/p> <http://example/o> .", " <http://example/p>", "subject"},
    {"nt-syntax-bad-bnode-01 (colon first)", "_::a <http://example/p> <http://example/o> .", ":a", "subject"},
    {"nt-syntax-bad-bnode-02 (colon inside)", "_:abc:def <http://example/p> <http://example/o> .", ":def", "predicate"},
    {"blank node label ending with '.'", "_:a.. <http://example/p> <http://example/o> .", ".. <http", "predicate"},
    {"blank node label starting with '-'", "_:-a <http://example/p> <http://example/o> .", "-a", "subject"},
    {"unterminated IRI", "<http://example/s <http://example/p> <http://example/o> .", " <http", "subject"},
    {"datatype without IRI", "<http://example/s> <http://example/p> \"x\"^^\"y\" .", "\"y\"", "object"},
    {"single caret", "<http://example/s> <http://example/p> \"x\"^<http://example/dt> .", "^", "object"},
    {"surrogate escape", "<http://example/s> <http://example/p> \"\\uD800\" .", "\\uD800", "object"},
    {"invalid UTF-8", "<http://example/s> <http://example/p> \"caf\xE9\" .", "\xE9", "line"},
    {"lone continuation byte", "<http://example/\x80> <http://example/p> <http://example/o> .", "\x80", "line"},
};

// The 1-based column, in code points, of `marker` in `line` (or of the line's end for an empty marker).
int ColumnOfMarker(const std::string& line, const std::string& marker) {
  return schema::ColumnOf(line, marker.empty() ? line.size() : line.find(marker));
}

TEST(NTriplesParserTest, InvalidLinesAreRejectedAtTheirColumn) {
  for (const Invalid& v : kInvalid) {
    ParsedTriple parsed = ParseNTriplesLine(v.line);
    ASSERT_TRUE(std::holds_alternative<schema::LineError>(parsed)) << v.name;
    const auto& error = std::get<schema::LineError>(parsed);
    EXPECT_EQ(error.field, v.field) << v.name << ": " << error.ToString();
    EXPECT_EQ(error.column, ColumnOfMarker(v.line, v.marker)) << v.name << ": " << error.ToString();
  }
}

TEST(NTriplesParserTest, ColumnsCountCharactersNotBytes) {
  const std::string line = "<http://example/\xC3\xA9\xC3\xA9> <http://example/p> <o> .";
  ParsedTriple parsed = ParseNTriplesLine(line);
  ASSERT_TRUE(std::holds_alternative<schema::LineError>(parsed));
  // "<http://example/éé> <http://example/p> " is 39 characters (41 bytes), so <o> starts at column 40.
  EXPECT_EQ(std::get<schema::LineError>(parsed).column, 40);
  EXPECT_EQ(std::get<schema::LineError>(parsed).ToString(),
            "40: object: relative IRI (N-Triples needs an absolute IRI with a scheme)");
}

}  // namespace
}  // namespace kg::rdf
