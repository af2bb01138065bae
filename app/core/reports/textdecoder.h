#pragma once

#include "base/status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace IPDesk {

/// Turns a report's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK,
/// by detection. Files that are not text are refused with a reason in the user's language.
class TextDecoder
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::TextDecoder)
public:
    struct Result
    {
        QString text;
        QString encoding; // "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030"
        Status status;
    };
    static Result decode(const QByteArray &bytes);
    static constexpr qint64 MaxBytes = 64LL * 1024 * 1024;
};

} // namespace IPDesk
