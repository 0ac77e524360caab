// Reads a news article (plain text, Markdown or HTML), extracts its facts with kg's built-in extractor
// and files them as the evidence of one document (see GraphStore::IngestDocument): an unchanged article
// is a no-op, a changed one replaces what it said before. Stateless; thread-safety is the store's.
#ifndef KG_INGEST_ARTICLE_INGESTER_H_
#define KG_INGEST_ARTICLE_INGESTER_H_

#include <string_view>

#include "kg/graph_store.h"

namespace kg::ingest {

// Extracts the facts of `bytes` and makes them the evidence of the document options.uri. InvalidArgument
// (prefixed with the uri) for binary data, malformed UTF-8, an unknown format, or an extracted assertion
// the schema refuses; nothing is written then.
Result<ArticleReport> IngestArticle(GraphStore& store, std::string_view bytes, const ArticleOptions& options,
                                    const IngestOptions& ingest_options);

}  // namespace kg::ingest

#endif  // KG_INGEST_ARTICLE_INGESTER_H_
