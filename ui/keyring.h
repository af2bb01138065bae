#pragma once

#include "base/status.h"

#include <QString>

namespace IPDesk {

/// Team-database passwords in the system keyring (Secret Service, KWallet, Windows or macOS
/// keychain, through QtKeychain) — never in IPDesk's plain settings.
namespace Keyring {
/// The key a password is kept under: the address without password, e.g. postgresql://li@10.0.0.5:5432/zhaoshang
QString keyFor(const QString &address);
/// The stored password; empty with a message in *status when there is none or no keyring.
QString read(const QString &address, Status *status = nullptr);
Status write(const QString &address, const QString &password);
Status remove(const QString &address);
} // namespace Keyring

} // namespace IPDesk
