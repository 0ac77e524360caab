#include "store/records.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"

namespace kg::store {
namespace {

// What EncodeSource wrote while it went through nlohmann: stored sources must not change bytes.
std::string NlohmannSource(const SourceRecord& record) {
  nlohmann::json doc = {{"uri", record.uri}};
  if (!record.title.empty()) doc["title"] = record.title;
  if (!record.published.empty()) doc["published"] = record.published;
  if (!record.content_hash.empty()) doc["hash"] = record.content_hash;
  if (!record.language.empty()) doc["lang"] = record.language;
  if (!record.extraction.empty()) doc["extraction"] = record.extraction;
  return doc.dump();
}

TEST(RecordsTest, EncodeSourceWritesWhatNlohmannWrote) {
  const SourceRecord records[] = {
      {1, "https://daily.example/en/2015/03/a1", "Marc Dubois: acquires", "2015-03-14", "", "", ""},
      {2, "https://x.example/", "", "", "", "", ""},
      {3, "u", "Nestlé \"quoted\" \\ back\tslash\n\x01", "", "", "", ""},
      {4, "u2", "", "2020", "", "", ""},
      {5, "articles/fr_01.txt", "Titre", "2024-02-19", "sha256:00ff", "fr", "kg-extract/0.1 txt"},
  };
  for (const auto& record : records) {
    EXPECT_EQ(EncodeSource(record), NlohmannSource(record));
    auto decoded = DecodeSource(record.id, EncodeSource(record));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->uri, record.uri);
    EXPECT_EQ(decoded->title, record.title);
    EXPECT_EQ(decoded->published, record.published);
    EXPECT_EQ(decoded->content_hash, record.content_hash);
    EXPECT_EQ(decoded->language, record.language);
    EXPECT_EQ(decoded->extraction, record.extraction);
  }
}

EntityRecord MakeRecord(const std::string& name, EntityType type, std::vector<Alias> aliases) {
  EntityRecord record;
  record.key = "k:" + name;
  record.entity.id = 7;
  record.entity.type = type;
  record.entity.name = name;
  record.entity.aliases = std::move(aliases);
  return record;
}

TEST(EntityHeadTest, AgreesWithDecodeEntityOnWhatEncodeEntityWrites) {
  const std::vector<EntityRecord> records = {
      MakeRecord("Nordwind Energy", EntityType::kOrganization, {{"Nordwind Energy", "en"}, {"NWE", ""}}),
      MakeRecord("España", EntityType::kCountry, {{"Spain", "en"}}),
      // Escapes in the name (quotes, backslashes, control characters) take the fallback.
      MakeRecord("Say \"hi\" \\ to\tme", EntityType::kPerson, {}),
      // Aliases that look like keys, with brackets and escapes, must be skipped as whole values.
      MakeRecord("Tricky", EntityType::kOther, {{"\"name\":\"Wrong\"", "en"}, {"]}[{,", "x"}, {"a\\\"b", ""}}),
  };
  for (EntityRecord record : records) {
    record.entity.iso_code = record.entity.name == "España" ? "ES" : "";
    record.entity.external_id = record.entity.name == "Tricky" ? "Q{1}" : "";
    const std::string value = EncodeEntity(record);
    auto full = DecodeEntity(7, value);
    auto head = DecodeEntityHead(7, value);
    ASSERT_TRUE(full.ok()) << value;
    ASSERT_TRUE(head.ok()) << value;
    EXPECT_EQ(head->name, full->entity.name) << value;
    EXPECT_EQ(head->type, full->entity.type) << value;
  }
}

// EncodeEntity writes by hand what nlohmann's dump of the record as a JSON object gave before, byte for
// byte, so that stores written by either read and compare the same.
TEST(EntityRecordTest, EncodesAsNlohmannDumpsTheSameObject) {
  std::vector<EntityRecord> records = {
      MakeRecord("Nordwind Energy", EntityType::kOrganization, {{"Nordwind Energy", "en"}, {"NWE", ""}}),
      MakeRecord("España", EntityType::kCountry, {{"Spain", "en"}, {"Espagne", "fr"}, {"España", "es"}}),
      MakeRecord("Say \"hi\" \\ to\tme\x01\x1f", EntityType::kPerson, {}),
      MakeRecord("Tricky", EntityType::kOther, {{"\"name\":\"Wrong\"", "en"}, {"]}[{,", "x"}, {"a\\\"b", ""}}),
      MakeRecord("", EntityType::kCity, {{"", ""}}),
  };
  records[1].entity.iso_code = "ES";
  records[3].entity.external_id = "Q{1}";
  records[4].entity.iso_code = "X\"Y";
  records[4].entity.external_id = "wd:Q\u00e9";
  for (const EntityRecord& record : records) {
    const Entity& e = record.entity;
    nlohmann::json aliases = nlohmann::json::array();
    for (const auto& alias : e.aliases) aliases.push_back(nlohmann::json::array({alias.name, alias.lang}));
    nlohmann::json doc = {{"key", record.key}, {"type", EntityTypeName(e.type)}, {"name", e.name}, {"aliases", aliases}};
    if (!e.iso_code.empty()) doc["iso"] = e.iso_code;
    if (!e.external_id.empty()) doc["xid"] = e.external_id;
    EXPECT_EQ(EncodeEntity(record), doc.dump());
  }
}

TEST(EntityHeadTest, UnusualRecordsGoThroughTheFullDecoder) {
  // Whitespace and a different key order are still read right, through DecodeEntity.
  auto spaced = DecodeEntityHead(3, R"({ "type": "Person", "name": "Ada", "key": "ada", "aliases": [] })");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->name, "Ada");
  EXPECT_EQ(spaced->type, EntityType::kPerson);
  // An unknown type reads as kOther, as DecodeEntity does.
  auto unknown = DecodeEntityHead(3, R"({"aliases":[],"key":"x","name":"X","type":"Starship"})");
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->type, EntityType::kOther);
  // What DecodeEntity rejects fails the same way.
  for (const char* bad : {"", "[]", "{}", R"({"aliases":[],"key":"x","type":"Person"})",
                          R"({"aliases":[],"key":"x","name":7,"type":"Person"})", R"({"aliases":[],"key":"x",)"}) {
    auto head = DecodeEntityHead(3, bad);
    ASSERT_FALSE(head.ok()) << bad;
    EXPECT_EQ(head.status().code(), StatusCode::kDataLoss) << bad;
    EXPECT_EQ(head.status().ToString(), DecodeEntity(3, bad).status().ToString());
  }
}

}  // namespace
}  // namespace kg::store

namespace kg::store {
namespace {

// Builds before the days-in-month rule stored dates such as 2024-02-31; those lines must still read.
TEST(RecordsTest, StoredEvidenceWithADayPastTheMonthsEndStillReads) {
  const std::string line =
      R"({"date":"2024-02-31","object":"Spain","predicate":"invests_in","source":{"published":"2023-04-31","uri":"https://news.example/old"},"subject":"Acme"})";
  auto decoded = DecodeEvidence(line);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->date, "2024-02-31");
  EXPECT_EQ(decoded->source_published, "2023-04-31");
  EXPECT_FALSE(DecodeEvidence(R"({"date":"2024-02-32","object":"Spain","predicate":"invests_in","subject":"Acme"})").ok());
}

// Builds before names were checked for control characters stored such names; those lines must still read
// (and check, export and render), while new input refuses them.
TEST(RecordsTest, StoredEvidenceWithAControlCharacterInANameStillReads) {
  const std::string line = R"({"object":"Spain","predicate":"invests_in","subject":"Esc\u001b[31mRed\u202e"})";
  auto decoded = DecodeEvidence(line);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->subject.name, "Esc\x1b[31mRed\xE2\x80\xAE");
  const auto fresh = schema::ParseAssertionLine(line, schema::PredicateVocabulary::Builtin(), schema::ParseLimits{});
  ASSERT_TRUE(std::holds_alternative<schema::LineError>(fresh));
  EXPECT_EQ(std::get<schema::LineError>(fresh).ToString(),
            "54: subject: a name must not hold control characters or bidi controls: control character U+001B at "
            "character 4");
}

}  // namespace
}  // namespace kg::store
