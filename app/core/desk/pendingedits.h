#pragma once

#include "base/domain.h"

#include <QList>
#include <QString>

namespace IPDesk {

/// Edits made while the team database could not be reached, saved when it is back. They are kept
/// in a file as well (a session that crashes or is closed loses none). The file names each field
/// by its stable key (fieldKey), so a new field or a new order of ProjectField cannot misread it.
class PendingEdits
{
public:
    struct Edit
    {
        Project base;
        Project target;
    };

    /// Keeps the edits in this file too, and reads those left there by an earlier session.
    void setFile(const QString &path);
    void keep(const Project &base, const Project &target);
    qsizetype count() const { return m_edits.size(); }
    bool isEmpty() const { return m_edits.isEmpty(); }
    /// Takes every kept edit out (the caller saves them, and keeps again those that still wait).
    QList<Edit> takeAll();
    /// Writes the file again after takeAll() and keep().
    void sync() const { write(); }

    static QByteArray toJson(const QList<Edit> &edits);
    static QList<Edit> fromJson(const QByteArray &json);

private:
    void write() const;
    QList<Edit> m_edits;
    QString m_file;
};

} // namespace IPDesk
