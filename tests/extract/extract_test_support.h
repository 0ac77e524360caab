// Helpers for the extractor's tests: run ExtractArticle on a text and read its facts as "S|p|O" strings.
#ifndef KG_TESTS_EXTRACT_EXTRACT_TEST_SUPPORT_H_
#define KG_TESTS_EXTRACT_EXTRACT_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace kg::extract {

inline std::vector<Assertion> ExtractOrDie(const std::string& text, const std::string& language = "") {
  ExtractOptions options;
  options.source_uri = "test.txt";
  options.language = language;
  auto extraction = ExtractArticle(text, options);
  EXPECT_TRUE(extraction.ok()) << extraction.status().ToString();
  return extraction.ok() ? extraction->assertions : std::vector<Assertion>{};
}

// The facts as "Subject|predicate|Object"; symmetric facts appear as written.
inline std::set<std::string> Triples(const std::vector<Assertion>& facts) {
  std::set<std::string> out;
  for (const Assertion& a : facts) out.insert(a.subject.name + "|" + a.predicate + "|" + a.object.name);
  return out;
}

inline std::set<std::string> TriplesOf(const std::string& text, const std::string& language = "") {
  return Triples(ExtractOrDie(text, language));
}

// The assertion with this triple, or null.
inline const Assertion* Find(const std::vector<Assertion>& facts, const std::string& triple) {
  for (const Assertion& a : facts) {
    if (a.subject.name + "|" + a.predicate + "|" + a.object.name == triple) return &a;
  }
  return nullptr;
}

}  // namespace kg::extract

#endif  // KG_TESTS_EXTRACT_EXTRACT_TEST_SUPPORT_H_
