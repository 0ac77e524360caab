// The hash kg records for an ingested document, so that reading the same bytes again is a no-op.
#ifndef KG_CORE_CONTENT_HASH_H_
#define KG_CORE_CONTENT_HASH_H_

#include <string>
#include <string_view>

namespace kg {

// "sha256:" followed by the 64 lower-case hex digits of the SHA-256 of `bytes` (OpenSSL's libcrypto).
// Thread-safe.
std::string ContentHash(std::string_view bytes);

}  // namespace kg

#endif  // KG_CORE_CONTENT_HASH_H_
