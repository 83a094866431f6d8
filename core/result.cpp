// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "result.h"

namespace doorstep {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok: return QStringLiteral("ok");
    case ErrorCode::InvalidInput: return QStringLiteral("invalid_input");
    case ErrorCode::RuleViolation: return QStringLiteral("rule_violation");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::Forbidden: return QStringLiteral("forbidden");
    case ErrorCode::Unauthenticated: return QStringLiteral("unauthenticated");
    case ErrorCode::KeyMissing: return QStringLiteral("key_missing");
    case ErrorCode::KeychainUnavailable: return QStringLiteral("keychain_unavailable");
    case ErrorCode::WrongKey: return QStringLiteral("wrong_key");
    case ErrorCode::CipherMismatch: return QStringLiteral("cipher_mismatch");
    case ErrorCode::StorageError: return QStringLiteral("storage_error");
    case ErrorCode::NetworkError: return QStringLiteral("network_error");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::ServerError: return QStringLiteral("server_error");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace doorstep
