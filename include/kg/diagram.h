// Relationship diagrams: a part of the graph drawn with Graphviz, as DOT text, SVG or PNG.
//
// What to draw is a selection: entities around centres (k hops), the entities a query returns, or a
// list of names, narrowed by predicate, type and date. Facts between the chosen entities become edges,
// labelled with the predicate (in English or French), the amounts and the dates, and as wide as their
// evidence is deep. Output is deterministic: the same graph gives the same bytes.
#ifndef KG_DIAGRAM_H_
#define KG_DIAGRAM_H_

#include <cstddef>
#include <string>
#include <vector>

#include "kg/model.h"

namespace kg {

struct DiagramSelection {
  std::vector<std::string> centers;   // entities to start from (any alias, any language) …
  int hops = 1;                       // … and how many facts away to go, in either direction
  std::string query;                  // or: the entities (nodes) a `kg query` returns
  std::vector<std::string> entities;  // or: these entities
  // Narrowing, on top of any of the above. Empty means no restriction.
  std::vector<std::string> predicates;
  std::vector<EntityType> types;      // entities of other types are left out (centres stay)
  std::string date_from, date_to;     // only facts with evidence dated in the range (ISO prefixes)
};

enum class DiagramFormat { kDot, kSvg, kPng };
enum class DiagramLayout { kDot, kSfdp, kNeato };

struct DiagramOptions {
  DiagramFormat format = DiagramFormat::kSvg;
  DiagramLayout layout = DiagramLayout::kDot;
  std::string lang = "en";            // predicate labels: "en" or "fr"
  size_t max_nodes = 200;             // entities beyond this are left out, nearest kept
  size_t max_edges = 1000;            // facts beyond this are left out, best supported kept
  double layout_seconds = 60;         // layout and rendering stop with an error after this long
};

struct DiagramReport {
  size_t nodes = 0, edges = 0;
  size_t nodes_left_out = 0, edges_left_out = 0;
  bool count_is_lower_bound = false;  // the search for left-out entities stopped early
};

// "DOT", "SVG" or "PNG" from a file name's extension, for `-o diagram.svg`.
bool DiagramFormatFromPath(const std::string& path, DiagramFormat* format);

}  // namespace kg

#endif  // KG_DIAGRAM_H_
