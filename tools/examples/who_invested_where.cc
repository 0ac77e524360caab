// Using kg as a library: open a store read-only, ask who invested where, and stream the answer.
//
//   who_invested_where STORE_DIR [INVESTOR]
//
// Prints one line per reported investment: investor, target, amount, currency, date and the number of
// sources. With INVESTOR, only that investor's (matched through aliases, in any language).
#include <iostream>
#include <string>

#include "kg/graph_store.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: who_invested_where STORE_DIR [INVESTOR]\n";
    return 2;
  }
  auto store = kg::GraphStore::Open(argv[1], kg::OpenMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "who_invested_where: " << store.status().ToString() << "\n";
    return 1;
  }
  // The investor is resolved by the store (aliases, any language) and then compared by canonical name,
  // rather than pasted into the query text.
  std::string investor;
  if (argc == 3) {
    auto entity = (*store)->LookupEntity(argv[2]);
    if (!entity.ok()) {
      std::cerr << "who_invested_where: " << entity.status().ToString() << "\n";
      return 1;
    }
    investor = entity->entity.name;
  }
  auto query = (*store)->Prepare(
      "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name, r.amount, r.currency, r.date, r.evidence_count "
      "ORDER BY a.name, b.name, r.date");
  if (!query.ok()) {
    std::cerr << "who_invested_where: " << query.status().ToString() << "\n";
    return 1;
  }
  kg::Status status = (*query)->Run([&](const std::vector<kg::Value>& row) {
    if (!investor.empty() && row[0].as_string() != investor) return true;
    const kg::Value& amount = row[2];
    std::cout << row[0].as_string() << " -> " << row[1].as_string();
    if (amount.is_number()) std::cout << ": " << amount.as_number() << " " << (row[3].is_string() ? row[3].as_string() : "");
    if (row[4].is_string()) std::cout << " (" << row[4].as_string() << ")";
    std::cout << ", " << row[5].as_int() << " source(s)\n";
    return true;
  });
  if (!status.ok()) {
    std::cerr << "who_invested_where: " << status.ToString() << "\n";
    return 1;
  }
  return 0;
}
