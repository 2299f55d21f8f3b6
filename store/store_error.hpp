#pragma once
// Errors raised by the store. A StoreError is a fault of the storage layer
// (I/O, corruption, a full disk, a locked file, a schema the binary does not
// know): callers map it to a 5xx / exit code 1, never to "bad input". Bad input
// is reported as talentmatch::ValidationError (models/field_error.hpp) and a
// refused delete of something still referenced as ConflictError.
#include <stdexcept>
#include <string>

namespace talentmatch::store {

class StoreError : public std::runtime_error {
  public:
    // `sqlite_code` is the SQLite extended result code, 0 when not from SQLite.
    StoreError(const std::string& message, int sqlite_code = 0)
        : std::runtime_error(message), sqlite_code_(sqlite_code) {}
    int sqlite_code() const { return sqlite_code_; }

  private:
    int sqlite_code_;
};

// The path does not hold a talentmatch store: no such file (and creating it
// was not asked for), another kind of file, or a corrupt one. The message
// says which, in plain words (the CLI maps it to exit code 2).
class NotAStoreError : public StoreError {
  public:
    using StoreError::StoreError;
};

// A write that would break a reference between entities, e.g. deleting a
// skill some job still requires (maps to HTTP 409).
class ConflictError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace talentmatch::store
