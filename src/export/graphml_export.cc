// GraphML through Boost.Graph's write_graphml, streaming. write_graphml only walks vertices(g), then
// edges(g), and reads each element's attributes through dynamic_properties right after reaching it. So
// StreamedGraph is a minimal BGL graph whose iterators advance NodeCursor and EdgeCursor, and whose
// property maps read the cursor's current element: the graph is never held in memory.
//
// The property maps are our own dynamic_property_map subclasses rather than dp.property() adaptors,
// for two reasons: Boost's adaptor prints doubles through an ostringstream at 6 significant digits,
// which would round amounts; and GraphML is XML 1.0, which cannot carry most control characters even
// as references, so text is made well-formed here (see XmlText) before write_graphml escapes <>&"'.
#include <boost/any.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/shared_ptr.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
#include <streambuf>
#include <vector>

#include "text/byte_runs.h"
#include "export/exporters.h"
#include "export/field_text.h"

namespace kg::exporter {
namespace streamed {

struct Vertex {
  store::EntityId id = 0;
};
struct Edge {
  const ExportEdge* edge = nullptr;
};

// An input iterator over a cursor; the end iterator has no cursor, and any iterator whose cursor is
// exhausted equals it.
template <typename Cursor, typename Descriptor, Descriptor (*Make)(const Cursor&)>
class CursorIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Descriptor;
  using difference_type = std::ptrdiff_t;
  using pointer = const Descriptor*;
  using reference = Descriptor;

  CursorIterator() = default;
  explicit CursorIterator(Cursor* cursor) : cursor_(cursor) {}
  Descriptor operator*() const { return Make(*cursor_); }
  CursorIterator& operator++() {
    cursor_->Next();
    return *this;
  }
  bool operator==(const CursorIterator& other) const { return AtEnd() == other.AtEnd(); }
  bool operator!=(const CursorIterator& other) const { return !(*this == other); }

 private:
  bool AtEnd() const { return cursor_ == nullptr || !cursor_->Valid(); }
  Cursor* cursor_ = nullptr;
};

inline Vertex MakeVertex(const NodeCursor& c) { return {c.node().id}; }
inline Edge MakeEdge(const EdgeCursor& c) { return {&c.edge()}; }

struct TraversalCategory : boost::vertex_list_graph_tag, boost::edge_list_graph_tag {};

// The BGL view of one export pass: vertices(g) and edges(g) can each be walked once, in that order.
class Graph {
 public:
  using vertex_descriptor = Vertex;
  using edge_descriptor = Edge;
  using directed_category = boost::directed_tag;
  using edge_parallel_category = boost::allow_parallel_edge_tag;
  using traversal_category = TraversalCategory;
  using vertex_iterator = CursorIterator<NodeCursor, Vertex, MakeVertex>;
  using edge_iterator = CursorIterator<EdgeCursor, Edge, MakeEdge>;
  using vertices_size_type = uint64_t;
  using edges_size_type = uint64_t;
  using degree_size_type = uint64_t;

  Graph(NodeCursor* nodes, EdgeCursor* edges) : nodes_(nodes), edges_(edges) {}
  NodeCursor* nodes() const { return nodes_; }
  EdgeCursor* edges() const { return edges_; }

 private:
  NodeCursor* nodes_;
  EdgeCursor* edges_;
};

std::pair<Graph::vertex_iterator, Graph::vertex_iterator> vertices(const Graph& g) {
  return {Graph::vertex_iterator(g.nodes()), Graph::vertex_iterator()};
}
std::pair<Graph::edge_iterator, Graph::edge_iterator> edges(const Graph& g) {
  return {Graph::edge_iterator(g.edges()), Graph::edge_iterator()};
}
Vertex source(Edge e, const Graph&) { return {e.edge->fact.s}; }
Vertex target(Edge e, const Graph&) { return {e.edge->fact.o}; }

// Node ids in the file are "n" followed by the entity id.
struct VertexIndex {};
uint64_t get(VertexIndex, Vertex v) { return v.id; }

}  // namespace streamed

namespace {

// Text that XML 1.0 can carry: characters it forbids (C0 controls other than tab, LF and CR; U+FFFE,
// U+FFFF) become U+FFFD. A CR survives in the file but XML readers turn it into LF.
std::string XmlText(std::string_view text) {
  // Most text has nothing to replace: find that out a word at a time and copy it whole.
  if (text::XmlPlainRun(text) == text.size()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out.append("\xEF\xBF\xBD");
    } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out.append("\xEF\xBF\xBD");
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// A large buffer in front of the output stream. write_graphml makes several small insertions per
// attribute; through this they are copies into memory, and the file stream sees 64 KiB writes.
class BufferedSink : public std::streambuf {
 public:
  explicit BufferedSink(std::ostream& out) : out_(out), buffer_(1 << 16) { Reset(); }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }
  // The default copies through a loop of overflow checks; most insertions fit the buffer as they are.
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > epptr() - pptr()) {
      if (!Drain()) return 0;
      if (n > epptr() - pptr()) {
        out_.write(s, n);
        return out_ ? n : 0;
      }
    }
    std::memcpy(pptr(), s, static_cast<size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }

 private:
  void Reset() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  bool Drain() {
    if (pptr() > pbase()) out_.write(pbase(), pptr() - pbase());
    Reset();
    return static_cast<bool>(out_);
  }

  std::ostream& out_;
  std::vector<char> buffer_;
};

// One typed attribute of vertices or edges, read from the cursor's current element.
template <typename Key, typename Value>
class Column : public boost::dynamic_property_map {
 public:
  explicit Column(std::function<std::string(const Key&)> text) : text_(std::move(text)) {}
  boost::any get(const boost::any& key) override { return text_(boost::any_cast<Key>(key)); }
  std::string get_string(const boost::any& key) override { return text_(boost::any_cast<Key>(key)); }
  void put(const boost::any&, const boost::any&) override {
    BOOST_THROW_EXCEPTION(boost::dynamic_const_put_error());
  }
  const std::type_info& key() const override { return typeid(Key); }
  const std::type_info& value() const override { return typeid(Value); }

 private:
  std::function<std::string(const Key&)> text_;
};

template <typename Value, typename Key>
void AddColumn(boost::dynamic_properties* dp, const std::string& name, std::function<std::string(const Key&)> text) {
  dp->insert(name, boost::shared_ptr<boost::dynamic_property_map>(new Column<Key, Value>(std::move(text))));
}

// GraphML's double for a value that may be missing: NaN when it is.
std::string DoubleText(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? NumberText(*value) : "NaN";
}

}  // namespace

Result<ExportReport> WriteGraphml(ExportSource& source, std::ostream& out) {
  using streamed::Edge;
  using streamed::Vertex;
  NodeCursor nodes(source);
  EdgeCursor edges(source, KeptEvidence::kNone);
  // The edge cursor starts reading when it is built; its first edge waits while the nodes go out.
  ExportReport report;
  auto node = [&nodes](const Vertex& v) -> const Entity& {
    if (!nodes.Valid() || nodes.node().id != v.id) {
      throw std::logic_error("GraphML writer read a vertex that is not the current one");
    }
    return nodes.node();
  };
  boost::dynamic_properties dp;
  AddColumn<std::string, Vertex>(&dp, "name", [&](const Vertex& v) {
    ++report.nodes;  // write_graphml reads each attribute once per vertex; "name" counts them
    return XmlText(node(v).name);
  });
  AddColumn<std::string, Vertex>(&dp, "type", [&](const Vertex& v) { return EntityTypeName(node(v).type); });
  AddColumn<std::string, Vertex>(&dp, "iso_code", [&](const Vertex& v) { return XmlText(node(v).iso_code); });
  AddColumn<std::string, Vertex>(&dp, "external_id", [&](const Vertex& v) { return XmlText(node(v).external_id); });
  AddColumn<std::string, Vertex>(&dp, "aliases", [&](const Vertex& v) {
    std::string text;
    AppendAliasesJson(&text, node(v).aliases);
    return XmlText(text);
  });
  AddColumn<std::string, Edge>(&dp, "key", [&](const Edge& e) {
    ++report.edges;
    return XmlText(e.edge->key);
  });
  AddColumn<std::string, Edge>(&dp, "predicate", [](const Edge& e) { return XmlText(e.edge->predicate); });
  AddColumn<bool, Edge>(&dp, "symmetric", [](const Edge& e) { return e.edge->symmetric ? "true" : "false"; });
  AddColumn<long, Edge>(&dp, "evidence_count", [](const Edge& e) { return std::to_string(e.edge->evidence_count); });
  AddColumn<double, Edge>(&dp, "amount", [](const Edge& e) { return DoubleText(e.edge->amount); });
  AddColumn<std::string, Edge>(&dp, "currency", [](const Edge& e) { return XmlText(e.edge->currency); });
  AddColumn<std::string, Edge>(&dp, "date", [](const Edge& e) { return XmlText(e.edge->date); });
  AddColumn<std::string, Edge>(&dp, "period", [](const Edge& e) { return XmlText(e.edge->period); });
  AddColumn<double, Edge>(&dp, "confidence", [](const Edge& e) { return DoubleText(e.edge->confidence); });
  AddColumn<std::string, Edge>(&dp, "sources", [](const Edge& e) {
    std::string text;
    AppendStringsJson(&text, e.edge->sources());
    return XmlText(text);
  });
  streamed::Graph graph(&nodes, &edges);
  BufferedSink sink(out);
  std::ostream buffered(&sink);
  try {
    boost::write_graphml(buffered, graph, streamed::VertexIndex(), dp, /*ordered_vertices=*/false);
  } catch (const std::exception& e) {
    return Internal(std::string("writing GraphML: ") + e.what());
  }
  buffered.flush();
  KG_RETURN_IF_ERROR(nodes.status());
  KG_RETURN_IF_ERROR(edges.status());
  if (!out) return IoError("writing the GraphML export failed");
  return report;
}

}  // namespace kg::exporter
