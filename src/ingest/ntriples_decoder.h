// Decodes N-Triples into assertions (the mapping is schemas/rdf_mapping.md; README "Importing").
//
// Each line is parsed on its own (rdf/ntriples_parser.h). A triple between two IRIs is a fact named by
// the IRIs' local names (rdf/iri_names.h). An rdf:Statement node and its qualifier triples (amount,
// currency, date, period, source), written contiguously as `kg export --to ntriples` writes them, make
// one assertion per source, with those qualifiers; the plain triple the statement describes, just
// before it, is then not counted twice. rdf:type to a class whose local name is a kg type types the
// entity for the facts after it. Literal-valued triples elsewhere (rdfs:label, ...) and triples with
// blank nodes are counted and skipped. Only one statement group and one plain triple are held at a time.
//
// Decode() is thread-safe; Assemble() and Finish() are called one at a time, in input order.
#ifndef KG_INGEST_NTRIPLES_DECODER_H_
#define KG_INGEST_NTRIPLES_DECODER_H_

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/record_ingester.h"

namespace kg::ingest {

class NTriplesDecoder : public RecordDecoder {
 public:
  explicit NTriplesDecoder(const IngestOptions& options);
  ~NTriplesDecoder() override;

  DecodedItem Decode(Record record) const override;
  void Assemble(DecodedItem item, IngestReport* report, std::vector<DecodedItem>* out) override;
  void Finish(IngestReport* report, std::vector<DecodedItem>* out) override;
  uint64_t first_held_line() const override;

  // A term's value and where it was, for error messages.
  struct Located {
    std::string value;
    std::string datatype;  // literals only
    std::string name;      // the kg name an IRI stands for, when Decode already worked it out (see .cc)
    size_t hash = 0;       // std::hash of an IRI's value, the key of the type cache
    bool is_literal = false;
    bool is_blank = false;
    uint64_t line = 0;
    int column = 1;
  };
  // One triple, classified by Decode (see the .cc).
  struct Classified;

 private:
  struct Statement;

  // Adds a triple about the open statement's node to it (its raw text is already recorded).
  void AddToStatement(Classified& c, IngestReport* report);
  void CloseStatement(IngestReport* report, std::vector<DecodedItem>* out);
  void FlushPlain(std::vector<DecodedItem>* out);
  // Validates `assertion` and appends it (or the error, placed on the triple that caused it: `places`
  // names the triple of each top-level field).
  void EmitChecked(Assertion assertion, uint64_t line, const std::string& raw,
                   std::initializer_list<std::pair<const char*, const Located*>> places, std::vector<DecodedItem>* out);
  // The assertion for a fact between the IRIs `subject` and `object` (see the .cc).
  Assertion FactAssertion(const Located& subject, const Located& predicate, const Located& object) const;
  std::optional<EntityType> TypeOf(const Located& iri) const;

  schema::ParseLimits limits_;
  bool keep_raw_ = false;  // a statement's lines are only kept for the rejects file
  std::unordered_map<uint64_t, EntityType> types_;  // by hash of the entity IRI; bounded, see .cc
  std::unique_ptr<Statement> statement_;            // the open statement group, if any
  std::unique_ptr<Classified> plain_;               // the last plain fact, if plain_held_
  bool plain_held_ = false;                         // (the allocation is kept for the next one)
};

}  // namespace kg::ingest

#endif  // KG_INGEST_NTRIPLES_DECODER_H_
