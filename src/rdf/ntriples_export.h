// `kg export --to ntriples`: the whole graph as N-Triples, streamed from the store in key order.
//
// First every entity's rdf:type and rdfs:label, then each fact as a plain triple followed by one
// rdf:Statement node per qualifier set (amount, currency, date, period), which carries that set's
// evidence count and sources. The mapping and why it reifies are in schemas/rdf_mapping.md. Memory is
// bounded by one fact's qualifier sets plus small name caches, whatever the graph size. Only reads, so
// it may run beside a writer.
#ifndef KG_RDF_NTRIPLES_EXPORT_H_
#define KG_RDF_NTRIPLES_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "kg/status.h"
#include "store/rocks_db.h"

namespace kg::rdf {

// Writes the graph in `db` under `base`. Returns the number of triples written. InvalidArgument when
// `base` is not an absolute IRI ending in '/' or '#'; IoError when writing fails.
Result<uint64_t> ExportNTriples(const store::RocksDb& db, std::ostream& out, const std::string& base);

}  // namespace kg::rdf

#endif  // KG_RDF_NTRIPLES_EXPORT_H_
