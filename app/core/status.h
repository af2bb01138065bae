#pragma once

#include <QString>

namespace IPDesk {

/// Errors are values: a core call returns Status (or a value plus Status) and the caller shows it.
class Status
{
public:
    Status() = default;
    static Status error(const QString &message) { Status s; s.m_error = message; s.m_failed = true; return s; }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &message() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

} // namespace IPDesk
