#include "render/graphviz_diagram.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sys/prctl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>

#include "core/human_amount.h"
#include "schema/predicate_vocabulary.h"
#include "text/control_characters.h"

namespace kg::render {
namespace {

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

struct TypeStyle {
  const char* shape;
  const char* fill;
  const char* style;
};

// Shapes and colours by entity type, chosen to stay apart in print and for colour-blind readers.
TypeStyle StyleOf(EntityType type) {
  switch (type) {
    case EntityType::kOrganization: return {"box", "#cfe2f3", "filled"};
    case EntityType::kCountry: return {"ellipse", "#d9ead3", "filled"};
    case EntityType::kPerson: return {"box", "#fce5cd", "filled,rounded"};
    case EntityType::kCity: return {"house", "#fff2cc", "filled"};
    case EntityType::kRegion: return {"octagon", "#d9d2e9", "filled"};
    case EntityType::kFacility: return {"component", "#eeeeee", "filled"};
    case EntityType::kOther: return {"note", "#ffffff", "filled"};
  }
  return {"note", "#ffffff", "filled"};
}

// cgraph's 2.42 API takes char*; it copies every string it is given.
char* C(const std::string& s) { return const_cast<char*>(s.c_str()); }

void Set(void* object, const std::string& name, const std::string& value) {
  agsafeset(object, C(name), C(value), C(std::string()));
}

std::string PredicateLabel(const std::string& predicate, const std::string& lang) {
  const schema::PredicateInfo* info = schema::PredicateVocabulary::Builtin().Find(predicate);
  if (info != nullptr) {
    auto label = info->labels.find(lang);
    if (label != info->labels.end()) return label->second;
  }
  return predicate;
}

// Graphviz reads "\n" in a label as a centred line break; data never produces it, as LabelText doubles
// every backslash.
const char kLineBreak[] = "\\n";

std::string EdgeLabel(const DiagramEdge& edge, const std::string& lang) {
  constexpr size_t kMaxGroups = 3;
  std::string label = LabelText(PredicateLabel(edge.predicate, lang));
  size_t shown = 0;
  for (const store::QualifierGroup& g : edge.groups) {
    std::string line;
    if (g.amount) line = HumanAmount(*g.amount) + (g.currency.empty() ? "" : " " + g.currency);
    if (!g.date.empty()) line += (line.empty() ? "" : ", ") + g.date;
    if (line.empty()) continue;
    if (shown == kMaxGroups) {
      label += kLineBreak + std::string("and more");
      break;
    }
    label += kLineBreak + LabelText(line);
    ++shown;
  }
  return label;
}

std::string EdgeTooltip(const DiagramEdge& edge) {
  constexpr size_t kMaxSources = 10;
  std::vector<std::string> sources;
  for (const store::QualifierGroup& g : edge.groups) {
    for (const std::string& uri : g.sources) {
      if (std::find(sources.begin(), sources.end(), uri) == sources.end()) sources.push_back(uri);
    }
  }
  std::string tooltip = std::to_string(edge.evidence_count) + (edge.evidence_count == 1 ? " piece" : " pieces") +
                        " of evidence";
  if (!sources.empty()) tooltip += ", from:";
  for (size_t i = 0; i < sources.size() && i < kMaxSources; ++i) tooltip += kLineBreak + LabelText(sources[i]);
  if (sources.size() > kMaxSources) {
    tooltip += kLineBreak + std::string("and ") + std::to_string(sources.size() - kMaxSources) + " more";
  }
  return tooltip;
}

std::string LeftOutNote(const DiagramReport& r) {
  if (r.nodes_left_out == 0 && r.edges_left_out == 0) return "";
  std::string note = "Partial view: ";
  if (r.nodes_left_out) {
    note += (r.count_is_lower_bound ? "at least " : "") + std::to_string(r.nodes_left_out) + " more entities";
  }
  if (r.nodes_left_out && r.edges_left_out) note += " and ";
  if (r.edges_left_out) note += std::to_string(r.edges_left_out) + " more facts";
  return note + " left out";
}

// The legend is one node whose HTML-like label is a table of the types present, each on its own
// colour. One node rather than a cluster, because sfdp and neato ignore clusters and would scatter a
// legend's nodes among the entities. Its HTML holds only type names and colours, never data; its
// "&#160;" keeps it apart from every data string in cgraph's string pool, since LabelText turns each
// data "&" into "&amp;".
void AddLegend(Agraph_t* g, const std::set<EntityType>& types) {
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"4\" COLOR=\"#666666\">"
                     "<TR><TD BORDER=\"0\"><B>Legend</B>&#160;</TD></TR>";
  for (EntityType type : types) {
    const TypeStyle style = StyleOf(type);
    html += std::string("<TR><TD BGCOLOR=\"") + style.fill + "\">" + EntityTypeName(type) + "</TD></TR>";
  }
  html += "</TABLE>";
  Agnode_t* n = agnode(g, C("legend"), 1);
  Set(n, "shape", "plaintext");
  Set(n, "style", "");
  Set(n, "fontsize", "9");
  // agxset keeps the HTML flag when the pooled string it copies was made by agstrdup_html.
  char* label = agstrdup_html(g, C(html));
  agxset(n, agattr(g, AGNODE, C("label"), nullptr), label);  // declared by the entity nodes' labels
  agstrfree(g, label);
}

// agwrite prints through stdio; a memory stream collects it.
Result<std::string> WriteDot(Agraph_t* g) {
  char* buffer = nullptr;
  size_t size = 0;
  FILE* stream = open_memstream(&buffer, &size);
  if (stream == nullptr) return Internal("cannot open a memory stream for the DOT text");
  const int written = agwrite(g, stream);
  std::fclose(stream);
  std::string dot(buffer, size);
  std::free(buffer);
  if (written != 0) return Internal("cgraph failed to write the DOT text");
  return dot;
}

const char* EngineName(DiagramLayout layout) {
  switch (layout) {
    case DiagramLayout::kDot: return "dot";
    case DiagramLayout::kSfdp: return "sfdp";
    case DiagramLayout::kNeato: return "neato";
  }
  return "dot";
}

// In the child: lay out and render, write the bytes to `fd`, and exit with 0 only when all went well.
[[noreturn]] void RenderInChild(const std::string& dot, const char* engine, const char* format, int fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the process that waits for the picture
  // Only the pipe stays open: descriptors inherited from other threads' work must not be held.
  if (fd != 3) {
    if (dup2(fd, 3) < 0) _exit(7);
    fd = 3;
  }
  close_range(4, ~0U, 0);
  agseterr(AGMAX);  // errors surface as the exit code; the parent reports them
  GVC_t* gvc = gvContext();
  Agraph_t* g = agmemread(dot.c_str());
  if (gvc == nullptr || g == nullptr) _exit(3);
  if (gvLayout(gvc, g, engine) != 0) _exit(4);
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc, g, format, &data, &length) != 0) _exit(5);
  for (unsigned int done = 0; done < length;) {
    const ssize_t n = write(fd, data + done, length - done);
    if (n <= 0) _exit(6);
    done += static_cast<unsigned int>(n);
  }
  _exit(0);
}

}  // namespace

std::string LabelText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";
    } else if (u < 0x20 || u == 0x7F) {
      text::AppendControlPicture(u, &out);
    } else if (u == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      out += "\xEF\xBF\xBD";  // U+FFFE and U+FFFF are not characters XML may carry: U+FFFD instead
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::string> DiagramDot(const DiagramGraph& graph, const std::string& lang) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  Agraph_t* g = agopen(C("kg"), Agdirected, nullptr);
  if (g == nullptr) return Internal("cgraph could not open a graph");

  const std::string font = "DejaVu Sans";
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"rankdir", "LR"}, {"fontname", font}, {"fontsize", "10"}, {"labelloc", "b"}, {"nodesep", "0.3"},
           {"ranksep", "0.6"}, {"bgcolor", "white"}}) {
    agattr(g, AGRAPH, C(name), C(value));
  }
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"fontname", font}, {"fontsize", "11"}, {"style", "filled"}, {"color", "#666666"}}) {
    agattr(g, AGNODE, C(name), C(value));
  }
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"fontname", font}, {"fontsize", "9"}, {"color", "#555555"}, {"fontcolor", "#333333"},
           {"arrowsize", "0.7"}}) {
    agattr(g, AGEDGE, C(name), C(value));
  }
  const std::string note = LeftOutNote(graph.report);
  if (!note.empty()) Set(g, "label", note);

  std::map<store::EntityId, Agnode_t*> nodes;
  std::set<EntityType> types;
  for (const DiagramNode& node : graph.nodes) {
    Agnode_t* n = agnode(g, C("e" + std::to_string(node.id)), 1);
    const TypeStyle style = StyleOf(node.type);
    Set(n, "label", LabelText(node.name));
    Set(n, "tooltip", LabelText(node.name) + " (" + EntityTypeName(node.type) + ")");
    Set(n, "shape", style.shape);
    Set(n, "fillcolor", style.fill);
    if (std::string(style.style) != "filled") Set(n, "style", style.style);
    nodes[node.id] = n;
    types.insert(node.type);
  }
  int edge_number = 0;
  for (const DiagramEdge& edge : graph.edges) {
    Agedge_t* e = agedge(g, nodes.at(edge.fact.s), nodes.at(edge.fact.o), C("f" + std::to_string(++edge_number)), 1);
    Set(e, "label", EdgeLabel(edge, lang));
    Set(e, "tooltip", EdgeTooltip(edge));
    const double width = 1 + std::min(5.0, std::log2(static_cast<double>(std::max<uint64_t>(edge.evidence_count, 1))));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", width);
    Set(e, "penwidth", buffer);
    if (edge.symmetric) Set(e, "dir", "none");
  }
  if (!types.empty()) AddLegend(g, types);
  auto dot = WriteDot(g);
  agclose(g);
  return dot;
}

Result<std::string> LayOutDot(const std::string& dot, DiagramLayout layout, DiagramFormat format, double seconds) {
  if (!(seconds > 0 && seconds <= 86400)) return InvalidArgument("the layout time limit must lie between 0 and one day");
  const char* renderer = format == DiagramFormat::kPng ? "png" : "svg";
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return IoError("cannot create a pipe for Graphviz");
  pid_t child;
  {
    // No other thread may be inside cgraph while its memory is copied into the child.
    std::lock_guard<std::mutex> lock(GraphvizMutex());
    child = fork();
  }
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    return IoError("cannot start the Graphviz layout process");
  }
  if (child == 0) {
    close(fds[0]);
    RenderInChild(dot, EngineName(layout), renderer, fds[1]);
  }
  close(fds[1]);
  std::string bytes;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  bool timed_out = false, read_failed = false;
  char buffer[65536];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) {
      read_failed = true;
      break;
    }
    if (ready == 0) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      read_failed = true;
      break;
    }
    if (n == 0) break;  // the child closed its end: all output is in
    bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (timed_out || read_failed) kill(child, SIGKILL);
  int status = 0;
  pid_t waited;
  while ((waited = waitpid(child, &status, 0)) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g", seconds);
    return ResourceExhausted(std::string("the ") + EngineName(layout) + " layout took longer than " + limit +
                             " s; draw fewer entities (--max-nodes), try --layout sfdp, or raise --layout-seconds");
  }
  if (read_failed) return IoError("reading the diagram from the Graphviz process failed");
  if (waited != child) return Internal("lost track of the Graphviz layout process");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.empty()) {
    return Internal(std::string("Graphviz failed to lay out or render the diagram (") +
                    (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : std::string("killed")) + ")");
  }
  return bytes;
}

}  // namespace kg::render
