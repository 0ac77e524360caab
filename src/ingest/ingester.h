// Picks the record source and decoder for IngestOptions::format and runs the ingest loop
// (record_ingester.h) with them. Borrows the writer; not thread-safe.
#ifndef KG_INGEST_INGESTER_H_
#define KG_INGEST_INGESTER_H_

#include <istream>
#include <string>

#include "kg/graph_store.h"
#include "store/store_writer.h"

namespace kg::ingest {

// Ingests `in` (named `input_name` in messages) in options.format. See GraphStore::Ingest.
Result<IngestReport> Ingest(store::StoreWriter& writer, std::istream& in, const std::string& input_name,
                            const IngestOptions& options);

}  // namespace kg::ingest

#endif  // KG_INGEST_INGESTER_H_
