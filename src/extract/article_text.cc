#include "extract/article_text.h"

#include <cctype>
#include <cstdint>

#include "extract/date_parser.h"
#include "schema/value_rules.h"
#include "text/utf8.h"

namespace kg::extract {
namespace {

// A first line longer than this is prose, not a headline.
constexpr size_t kMaxTitleBytes = 300;
// The publication date is looked for in this much of the top of the article.
constexpr size_t kDatelineBytes = 600;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Number(std::string_view s, size_t at, size_t len) {
  int v = 0;
  for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

std::string FirstLine(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) return line.size() <= kMaxTitleBytes ? line : "";
    start = end + 1;
  }
  return "";
}


// Decodes the entity starting at text[i] ('&'); returns its length, 0 when it is not one we know.
size_t DecodeEntity(std::string_view text, size_t i, std::string* out) {
  size_t semi = text.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = text.substr(i + 1, semi - i - 1);
  static const std::pair<const char*, uint32_t> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}, {"rsquo", 0x2019},
      {"lsquo", 0x2018}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"agrave", 0xE0},
      {"ccedil", 0xE7}, {"euro", 0x20AC}, {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}};
  uint32_t c = 0;
  if (!name.empty() && name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    for (size_t k = hex ? 2 : 1; k < name.size(); ++k) {
      const char d = name[k];
      if (hex && std::isxdigit(static_cast<unsigned char>(d))) {
        c = c * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (std::tolower(d) - 'a' + 10));
      } else if (!hex && IsDigit(d)) {
        c = c * 10 + static_cast<uint32_t>(d - '0');
      } else {
        return 0;
      }
      if (c > 0x10FFFF) return 0;
    }
    // Surrogates and NUL would make the text invalid.
    if (c == 0 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  } else {
    for (const auto& [n, v] : kNamed) {
      if (name == n) c = v;
    }
    if (c == 0) return 0;
  }
  text::AppendUtf8(c, out);
  return semi - i + 1;
}

bool StartsWithTag(std::string_view text, size_t i, std::string_view tag) {
  if (i + 1 + tag.size() > text.size()) return false;
  for (size_t k = 0; k < tag.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[i + 1 + k])) != tag[k]) return false;
  }
  const size_t after = i + 1 + tag.size();
  return after == text.size() || text[after] == '>' || std::isspace(static_cast<unsigned char>(text[after])) || text[after] == '/';
}

size_t FindCaseless(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= text.size(); ++i) {
    bool same = true;
    for (size_t k = 0; k < needle.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(text[i + k])) == needle[k];
    }
    if (same) return i;
  }
  return std::string_view::npos;
}

ArticleText StripHtml(std::string_view html) {
  ArticleText out;
  if (size_t t = FindCaseless(html, "<title", 0); t != std::string_view::npos) {
    size_t open_end = html.find('>', t);
    size_t close = FindCaseless(html, "</title", t);
    if (open_end != std::string_view::npos && close != std::string_view::npos && close > open_end) {
      ArticleText inner = StripHtml(html.substr(open_end + 1, close - open_end - 1));
      out.title = Trim(inner.text);
    }
  }
  static const char* const kBlocks[] = {"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
                                        "title", "article", "section", "header", "footer", "blockquote"};
  std::string& text = out.text;
  text.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '&') {
      if (size_t n = DecodeEntity(html, i, &text)) {
        i += n;
        continue;
      }
    }
    if (c != '<') {
      text.push_back(c);
      ++i;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    for (const char* skip : {"script", "style", "title"}) {
      if (StartsWithTag(html, i, skip)) {
        size_t end = FindCaseless(html, std::string("</") + skip, i);
        i = end == std::string_view::npos ? html.size() : end;
        break;
      }
    }
    const size_t close = i + 1 < html.size() && html[i + 1] == '/' ? i + 1 : i;
    bool block = false;
    for (const char* tag : kBlocks) block = block || StartsWithTag(html, close, tag);
    size_t end = html.find('>', i);
    i = end == std::string_view::npos ? html.size() : end + 1;
    text.push_back(block ? '\n' : ' ');
  }
  return out;
}

ArticleText StripMarkdown(std::string_view md) {
  ArticleText out;
  std::string& text = out.text;
  text.reserve(md.size());
  bool line_start = true;
  for (size_t i = 0; i < md.size();) {
    const char c = md[i];
    if (line_start && c == '#') {
      size_t k = i;
      while (k < md.size() && md[k] == '#') ++k;
      if (k < md.size() && md[k] == ' ') {
        if (out.title.empty() && k - i == 1) {
          size_t eol = md.find('\n', k);
          out.title = Trim(md.substr(k + 1, (eol == std::string_view::npos ? md.size() : eol) - k - 1));
        }
        i = k + 1;
        line_start = false;
        continue;
      }
    }
    if (c == '!' && i + 1 < md.size() && md[i + 1] == '[') {
      ++i;
      continue;
    }
    if (c == ']' && i + 1 < md.size() && md[i + 1] == '(') {
      size_t close = md.find(')', i + 2);
      size_t eol = md.find('\n', i + 2);
      if (close != std::string_view::npos && (eol == std::string_view::npos || close < eol)) {
        i = close + 1;
        continue;
      }
    }
    if (c == '[' || c == '`' || (c == '*' && !line_start) || (c == '_' && i + 1 < md.size() && md[i + 1] == '_')) {
      i += c == '_' ? 2 : 1;
      continue;
    }
    if (line_start && (c == '>' || c == '*' || c == '-') && i + 1 < md.size() && md[i + 1] == ' ') {
      i += 2;
      line_start = false;
      continue;
    }
    text.push_back(c);
    line_start = c == '\n';
    ++i;
  }
  return out;
}

}  // namespace

std::string FirstIsoDate(std::string_view text) {
  for (size_t i = 0; i + 7 <= text.size(); ++i) {
    if (i > 0 && (IsDigit(text[i - 1]) || std::isalpha(static_cast<unsigned char>(text[i - 1])))) continue;
    if (!(IsDigit(text[i]) && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) && IsDigit(text[i + 3]) &&
          text[i + 4] == '-' && IsDigit(text[i + 5]) && IsDigit(text[i + 6]))) {
      continue;
    }
    const int year = Number(text, i, 4), month = Number(text, i + 5, 2);
    if (year < 1900 || year > 2100 || month < 1 || month > 12) continue;
    size_t end = i + 7;
    if (end + 2 < text.size() + 0 && text[end] == '-' && end + 3 <= text.size() && IsDigit(text[end + 1]) &&
        IsDigit(text[end + 2])) {
      const int day = Number(text, end + 1, 2);
      if (day < 1 || day > schema::DaysInMonth(year, month)) continue;  // 2024-02-30 is a code, not a date
      end += 3;
    }
    if (end < text.size() && IsDigit(text[end])) continue;
    return std::string(text.substr(i, end - i));
  }
  return "";
}

Result<ArticleText> PrepareArticle(std::string_view bytes, const std::string& format) {
  ArticleText article;
  if (format == "txt" || format == "text") {
    article.text = std::string(bytes);
  } else if (format == "md" || format == "markdown") {
    article = StripMarkdown(bytes);
  } else if (format == "html" || format == "htm") {
    article = StripHtml(bytes);
  } else {
    return InvalidArgument("unknown article format \"" + format + "\" (expected txt, md or html)");
  }
  if (article.title.empty()) article.title = FirstLine(article.text);
  const std::string_view top = std::string_view(article.text).substr(0, kDatelineBytes);
  article.published = FirstIsoDate(top);
  if (article.published.empty()) {
    // A written date on the first lines ("Paris, le 12 mars 2024"), at day or month precision.
    auto dates = FindDates(top.substr(0, std::min<size_t>(top.size(), 200)));
    if (dates.ok()) {
      for (const DateMention& d : *dates) {
        if (d.period.empty() && d.value.size() >= 7) {
          article.published = d.value;
          break;
        }
      }
    }
  }
  return article;
}

}  // namespace kg::extract
