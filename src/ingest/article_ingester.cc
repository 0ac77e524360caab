#include "ingest/article_ingester.h"

#include "core/content_hash.h"
#include "extract/extractor.h"

namespace kg::ingest {

Result<ArticleReport> IngestArticle(GraphStore& store, std::string_view bytes, const ArticleOptions& options,
                                    const IngestOptions& ingest_options) {
  extract::ExtractOptions extract_options;
  extract_options.source_uri = options.uri;
  extract_options.format = options.format.empty() ? extract::ArticleFormatFromPath(options.uri) : options.format;
  if (extract_options.format.empty()) extract_options.format = "txt";
  extract_options.reference_date = options.reference_date;
  extract_options.language = options.language;

  ArticleReport report;
  report.document.uri = options.uri;
  report.document.content_hash = ContentHash(bytes);
  // Everything besides the bytes that decides what comes out: new rules or options re-read the article.
  report.document.extraction = std::string(extract::kExtractorName) + " format=" + extract_options.format +
                               " lang=" + options.language + " date=" + options.reference_date;

  auto stored = store.FindDocument(options.uri);
  if (!stored.ok() && stored.status().code() != StatusCode::kNotFound) return stored.status();
  if (stored.ok() && stored->document.content_hash == report.document.content_hash &&
      stored->document.extraction == report.document.extraction) {
    report.document = stored->document;
    report.assertions = stored->evidence;
    report.change.change = DocumentReport::Change::kUnchanged;
    return report;
  }

  auto extraction = extract::ExtractArticle(bytes, extract_options);
  if (!extraction.ok()) return extraction.status().WithPrefix(options.uri);
  report.document.title = extraction->article.title;
  report.document.published =
      extraction->article.published.empty() ? options.reference_date : extraction->article.published;
  report.document.language = extraction->article.language;
  report.assertions = extraction->assertions.size();
  auto change = store.IngestDocument(report.document, std::move(extraction->assertions), ingest_options);
  if (!change.ok()) return change.status();
  report.change = *change;
  return report;
}

}  // namespace kg::ingest
