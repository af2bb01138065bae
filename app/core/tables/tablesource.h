#pragma once

#include "base/status.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>
#include <QStringList>
#include <QVariant>
#include <memory>

namespace IPDesk {

/// Rows of a spreadsheet file, read one at a time: CSV (streamed, encoding and delimiter detected) or
/// XLSX (Office Open XML, read with minizip and QXmlStreamReader). A cell is a QString, a double, or
/// a QDate for cells Excel stores as dates.
class TableSource
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::TableSource)
public:
    virtual ~TableSource() = default;
    /// Opens a .csv/.txt or .xlsx file by its ending; errors say why in the user's language.
    static std::unique_ptr<TableSource> open(const QString &path, Status *status);

    virtual QStringList sheets() const { return {}; }
    virtual Status selectSheet(int index) { Q_UNUSED(index); return Status(); }
    /// The next row; false at the end (or on an error, then status() says so).
    virtual bool next(QVariantList *row) = 0;
    /// How far through the file, 0..1 (for progress dialogs).
    virtual double progress() const = 0;
    virtual Status status() const { return m_status; }
    virtual QString description() const = 0; // "CSV, GB18030, comma" / "XLSX, sheet 项目"

protected:
    Status m_status;
};

/// CSV as Excel and WPS save it: BOM, strict UTF-8, else GB18030; comma, tab or semicolon; quotes
/// with doubled quotes and line breaks inside.
class CsvSource : public TableSource
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::CsvSource)
public:
    Status openFile(const QString &path);
    bool next(QVariantList *row) override;
    double progress() const override;
    QString description() const override;
    QString encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }

private:
    bool fillBuffer();
    QFile m_file;
    QStringDecoder m_decoder;
    QString m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    QString m_encoding;
    QChar m_delimiter = QLatin1Char(',');
};

/// XLSX: shared and inline strings, numbers, dates stored as serial numbers, several sheets, merged
/// cells (a merged header's value fills its whole range).
class XlsxSource : public TableSource
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::XlsxSource)
public:
    ~XlsxSource() override;
    Status openFile(const QString &path);
    QStringList sheets() const override { return m_sheetNames; }
    Status selectSheet(int index) override;
    bool next(QVariantList *row) override;
    double progress() const override;
    QString description() const override;

    /// Excel's day number (1900 system) to a date: 45047 is 2023-05-01.
    static QDate serialToDate(double serial);

private:
    struct Private;
    class GuardedPart;
    std::unique_ptr<Private> d;
    QStringList m_sheetNames;
    QStringList m_sheetPaths;
    int m_sheet = -1;
};

} // namespace IPDesk
