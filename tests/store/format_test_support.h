// Helpers for tests of the `groups` family and of format-1 stores: turn a store back into format 1 the
// way an older kg left it, and read `groups` back as text.
#ifndef KG_TESTS_STORE_FORMAT_TEST_SUPPORT_H_
#define KG_TESTS_STORE_FORMAT_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <rocksdb/iterator.h>

#include <memory>
#include <string>
#include <vector>

#include "store/key_codec.h"
#include "store/records.h"
#include "store/rocks_db.h"

namespace kg::testing {

// Makes the (closed) store at `dir` a format-1 store: without the `groups` family, as format 1 had it,
// or with `keep_family` with the family left as it is (a crash mid-upgrade leaves that). Then writes
// "1" to meta/format_version.
inline void MakeFormat1(const std::string& dir, bool keep_family = false) {
  auto db = store::RocksDb::Open(dir, store::RocksDb::Mode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  rocksdb::DB* rocks = (*db)->db();
  if (!keep_family) ASSERT_TRUE(rocks->DropColumnFamily((*db)->cf(store::kGroups)).ok());
  ASSERT_TRUE(rocks->Put(rocksdb::WriteOptions(), (*db)->cf(store::kMeta), "format_version", "1").ok());
}

// One line per `groups` key of the (closed or read-shared) store at `dir`, in key order:
// "s p o amount currency date", with "-" for an absent amount.
inline std::vector<std::string> GroupRows(const std::string& dir) {
  std::vector<std::string> rows;
  auto db = store::RocksDb::Open(dir, store::RocksDb::Mode::kReadOnly);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  if (!db.ok()) return rows;
  EXPECT_TRUE((*db)->has_groups());
  std::unique_ptr<rocksdb::Iterator> it((*db)->db()->NewIterator(rocksdb::ReadOptions(), (*db)->cf(store::kGroups)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const store::Triple t = store::DecodeGroupTriple(it->key().ToStringView());
    auto values = store::DecodeGroupValues(it->value().ToStringView());
    EXPECT_TRUE(values.ok()) << values.status().ToString();
    if (!values.ok()) continue;
    char amount[40] = "-";
    if (values->amount) std::snprintf(amount, sizeof(amount), "%.17g", *values->amount);
    rows.push_back(std::to_string(t.s) + " " + std::to_string(t.p) + " " + std::to_string(t.o) + " " + amount + " " +
                   std::string(values->currency) + " " + std::string(values->date));
  }
  EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  return rows;
}

}  // namespace kg::testing

#endif  // KG_TESTS_STORE_FORMAT_TEST_SUPPORT_H_
