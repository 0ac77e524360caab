#include <gtest/gtest.h>

#include "kg/graph_store.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

using testing::ExpectCheckPasses;
using testing::Export;
using testing::IngestText;
using testing::StatsOf;

const char* const kFacts = R"(
{"subject":"Microsoft","predicate":"invests_in","object":"Spain","amount":1.9e9,"currency":"EUR","source":{"uri":"a"}}
{"subject":"MSFT","predicate":"invests_in","object":"Germany","amount":3.2e9,"currency":"EUR","source":{"uri":"b"}}
{"subject":"MSFT","predicate":"acquires","object":"Activision","source":{"uri":"b"}}
)";

class LedgerTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto opened = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    IngestText(*store_, kFacts);
  }

  size_t FactCount(const std::string& name) {
    auto details = store_->LookupEntity(name);
    EXPECT_TRUE(details.ok()) << details.status().ToString();
    return details.ok() ? details->facts.size() : 0;
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_F(LedgerTest, MergeMovesFactsAndUnmergeRestoresThem) {
  EXPECT_EQ(StatsOf(*store_).entities, 5u);
  const std::string before = Export(*store_);

  ASSERT_TRUE(store_->Merge("Microsoft", "MSFT").ok());
  EXPECT_EQ(StatsOf(*store_).entities, 4u);
  EXPECT_EQ(FactCount("Microsoft"), 3u);
  EXPECT_EQ(FactCount("MSFT"), 3u);  // the merged name now finds the kept entity
  EXPECT_EQ(store_->LookupEntity("MSFT")->entity.name, "Microsoft");
  ExpectCheckPasses(*store_);

  ASSERT_TRUE(store_->RemoveRule("MSFT").ok());
  EXPECT_EQ(StatsOf(*store_).entities, 5u);
  EXPECT_EQ(FactCount("Microsoft"), 1u);
  EXPECT_EQ(FactCount("MSFT"), 2u);
  EXPECT_EQ(StatsOf(*store_).ledger_rules, 0u);
  ExpectCheckPasses(*store_);
  // The evidence itself never changed: only where it is filed.
  std::string after = Export(*store_);
  EXPECT_EQ(after.size(), before.size());
}

TEST_F(LedgerTest, RulesHoldForEvidenceIngestedLater) {
  ASSERT_TRUE(store_->AddAlias("Microsoft Corporation of Redmond", "Microsoft").ok());
  IngestText(*store_, R"({"subject":"Microsoft Corporation of Redmond","predicate":"invests_in","object":"France","source":{"uri":"c"}}
)");
  EXPECT_EQ(FactCount("Microsoft"), 2u);
  // Forgetting every source and ingesting again: the rule is data, not a side effect of old evidence.
  ASSERT_TRUE(store_->Forget("c").ok());
  IngestText(*store_, R"({"subject":"Microsoft Corporation of Redmond","predicate":"invests_in","object":"France","source":{"uri":"c"}}
)");
  EXPECT_EQ(FactCount("Microsoft"), 2u);
  auto ledger = store_->Ledger();
  ASSERT_TRUE(ledger.ok());
  ASSERT_EQ(ledger->size(), 1u);
  EXPECT_EQ((*ledger)[0].kind, "alias");
  ExpectCheckPasses(*store_);
}

TEST_F(LedgerTest, RulesSurviveReopening) {
  ASSERT_TRUE(store_->Merge("Microsoft", "MSFT").ok());
  store_.reset();
  auto reopened = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(reopened.ok());
  IngestText(**reopened, R"({"subject":"MSFT","predicate":"invests_in","object":"Italy","source":{"uri":"d"}}
)");
  auto details = (*reopened)->LookupEntity("Microsoft");
  ASSERT_TRUE(details.ok());
  EXPECT_EQ(details->facts.size(), 4u);
}

TEST_F(LedgerTest, BadRulesGetSpecificErrors) {
  EXPECT_EQ(store_->Merge("Microsoft", "Nobody").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->AddAlias("Microsoft Corp.", "Microsoft").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->RemoveRule("Activision").code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->Merge("Microsoft", "MSFT").ok());
  Status cycle = store_->Merge("MSFT", "Microsoft");
  EXPECT_NE(cycle.code(), StatusCode::kOk);
  ExpectCheckPasses(*store_);
}

}  // namespace
}  // namespace kg
