// The rule that ties kg names to IRIs in both directions, and the N-Triples term writers.
//
// Export: an entity is BASE + "entity/" + its canonical name with each space written "_", and "_", "%"
// and every byte outside [A-Za-z0-9-.~] percent-encoded; a predicate is BASE + "predicate/" + its name,
// encoded the same way except that "_" stays. Import reads any IRI back by its local name (after the
// last '/' or '#'): "_" becomes a space, then %XX sequences are decoded. The two are inverse for every
// name, which is what makes `kg export --to ntriples` round-trip. See schemas/rdf_mapping.md.
// Pure functions, thread-safe.
#ifndef KG_RDF_IRI_NAMES_H_
#define KG_RDF_IRI_NAMES_H_

#include <optional>
#include <string>
#include <string_view>

#include "kg/model.h"

namespace kg::rdf {

inline constexpr std::string_view kDefaultBase = "https://kg.invalid/";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// The local part of an entity IRI for `name`: spaces to "_", the rest percent-encoded as above.
std::string EncodeEntityName(std::string_view name);
// The local part of a predicate IRI for `predicate`: like EncodeEntityName, but "_" is kept.
std::string EncodePredicateName(std::string_view predicate);

// What follows the last '/' or '#' of `iri` once trailing ones are set aside ("…/a#" gives "a"; the
// whole IRI when it has neither).
std::string_view LocalName(std::string_view iri);

// The entity name an IRI stands for: its local name with "_" read as a space, then percent-decoded.
// A "%" not followed by two hex digits stays as it is. The result may be invalid UTF-8; callers check.
std::string EntityNameFromIri(std::string_view iri);

// The predicate name an IRI stands for: its local name percent-decoded, with camelCase humps, "-" and
// "." turned into "_" and letters lower-cased ("birthPlace" -> "birth_place"), so that common RDF
// vocabularies map onto kg's [a-z][a-z0-9_]* names. Names kg exports come back unchanged.
std::string PredicateFromIri(std::string_view iri);

// The kg entity type a class IRI names by its local name ("…/type/Organization", schema.org's
// Person, …), or nullopt.
std::optional<EntityType> TypeFromIri(std::string_view iri);

// Appends `<iri>`, percent-encoding the bytes IRIREF forbids (controls, space, <>"{}|^`\), so that any
// string makes a well-formed term. Valid absolute IRIs are written unchanged.
void AppendIri(std::string* out, std::string_view iri);

// Appends `"text"` escaped per N-Triples: \" \\ \n \r \t \b \f as ECHAR, other control characters as
// \uXXXX; everything else (valid UTF-8) as is.
void AppendLiteral(std::string* out, std::string_view text);


}  // namespace kg::rdf

#endif  // KG_RDF_IRI_NAMES_H_
