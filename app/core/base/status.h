#pragma once

#include <QString>

namespace IPDesk {

/// Errors are values: a core call returns Status (or a value plus Status) and the caller shows it.
class Status
{
public:
    /// What kind of failure, where the caller acts differently on it.
    enum class Code {
        Ok,
        Failed,   ///< anything else: the message says it
        Conflict, ///< someone else saved a newer version of the record first
        Denied,   ///< the server refused: the account may not write this record
        Offline,  ///< the connection to the team database is gone
        NoDesk,   ///< the file or database asked for holds no desk (yet)
        Damaged,  ///< the desk file fails its check and is not opened
        Busy,     ///< another connection holds the desk's write lock
    };
    Status() = default;
    static Status error(const QString &message, Code code = Code::Failed)
    {
        Status s;
        s.m_error = message;
        s.m_failed = true;
        s.m_code = code;
        return s;
    }
    bool ok() const { return !m_failed; }
    Code code() const { return m_code; }
    explicit operator bool() const { return ok(); }
    const QString &message() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
    Code m_code = Code::Ok;
};

} // namespace IPDesk
