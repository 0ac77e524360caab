// kg::Status and kg::Result<T>: how every fallible kg function reports failure.
//
// Modelled on absl::Status: a canonical code plus a message a person can act on. Errors are values and are
// never thrown across the public API. Status is a small value type, safe to copy and to use from any thread.
#ifndef KG_STATUS_H_
#define KG_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace kg {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad input: a malformed line, an unknown predicate, a bad flag value
  kNotFound,           // an entity, source or store that does not exist
  kAlreadyExists,      // a ledger rule or store that is already there
  kFailedPrecondition, // the store has the wrong format version, or a check failed
  kResourceExhausted,  // too many errors, a line or nesting over a limit
  kUnavailable,        // the store is locked by another writer
  kDataLoss,           // corruption found by a checksum or an invariant check
  kIoError,            // the file system failed
  kInternal,           // a bug in kg
};

// The name of a code, such as "InvalidArgument".
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "InvalidArgument: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; the code is kept.
  Status WithPrefix(const std::string& prefix) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
inline Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status that explains why there is none. A Result built from an OK Status is a bug and
// becomes an Internal error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like absl::StatusOr
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Internal("Result constructed from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // Precondition: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace kg

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define KG_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::kg::Status kg_status_ = (expr);       \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#endif  // KG_STATUS_H_
