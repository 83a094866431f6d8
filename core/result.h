// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace doorstep {

/** What went wrong, as a value every layer can pass on without exceptions. */
enum class ErrorCode {
    Ok = 0,
    InvalidInput,      // malformed JSON, wrong type, out-of-range value (field names where)
    RuleViolation,     // a record breaks a submission rule
    NotFound,
    Conflict,
    Locked,            // approved record: edits become amendments
    Forbidden,
    Unauthenticated,
    KeyMissing,        // a database exists but the keychain has no key for it
    KeychainUnavailable,
    WrongKey,          // the key does not open the database
    CipherMismatch,    // the SQLite library is not SQLCipher 4.5.5
    StorageError,      // I/O, full disk, corruption
    NetworkError,
    Timeout,
    ServerError,
    Cancelled,
    Internal,
};

/** An error with a message a person can act on and, for input errors, the field path. */
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field; // e.g. "children[0].seen_alone_reason"; empty when not about one field

    Error() = default;
    Error(ErrorCode c, QString m, QString f = {}) : code(c), message(std::move(m)), field(std::move(f)) {}
};

QString errorCodeName(ErrorCode code);

/** Either a value or an Error (Nextcloud's OCC::Result shape). */
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value: `for (auto &x : repo.list().value())` must not dangle on a temporary Result.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace doorstep
