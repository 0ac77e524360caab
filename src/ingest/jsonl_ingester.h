// The ingest loop for JSONL: reads lines, validates each against the schema, merges the good ones
// through a StoreWriter and commits them in units of IngestOptions::lines_per_unit lines.
//
// A bad line is rejected on its own and writes nothing; the lines around it go in. Each committed unit
// is durable before on_commit reports it. Borrows the writer; not thread-safe.
#ifndef KG_INGEST_JSONL_INGESTER_H_
#define KG_INGEST_JSONL_INGESTER_H_

#include <istream>
#include <string>

#include "kg/graph_store.h"
#include "store/store_writer.h"

namespace kg::ingest {

Result<IngestReport> IngestJsonl(store::StoreWriter& writer, std::istream& in, const std::string& input_name,
                                 const IngestOptions& options);

}  // namespace kg::ingest

#endif  // KG_INGEST_JSONL_INGESTER_H_
