#include "store/records.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kg::store {
namespace {

// What EncodeSource wrote while it went through nlohmann: stored sources must not change bytes.
std::string NlohmannSource(const SourceRecord& record) {
  nlohmann::json doc = {{"uri", record.uri}};
  if (!record.title.empty()) doc["title"] = record.title;
  if (!record.published.empty()) doc["published"] = record.published;
  return doc.dump();
}

TEST(RecordsTest, EncodeSourceWritesWhatNlohmannWrote) {
  const SourceRecord records[] = {
      {1, "https://daily.example/en/2015/03/a1", "Marc Dubois: acquires", "2015-03-14"},
      {2, "https://x.example/", "", ""},
      {3, "u", "Nestlé \"quoted\" \\ back\tslash\n\x01", ""},
      {4, "u2", "", "2020"},
  };
  for (const auto& record : records) {
    EXPECT_EQ(EncodeSource(record), NlohmannSource(record));
    auto decoded = DecodeSource(record.id, EncodeSource(record));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->uri, record.uri);
    EXPECT_EQ(decoded->title, record.title);
    EXPECT_EQ(decoded->published, record.published);
  }
}

}  // namespace
}  // namespace kg::store
