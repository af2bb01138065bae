#pragma once

#include "tables/tableimport.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace IPDesk {

class Desk;

/// File → Import Table: the file's columns matched to fields (by Chinese and English headers, or as
/// saved for the last file with the same headers), a preview of the rows as they will be stored,
/// every problem listed before anything is written, then one transaction with progress and cancel.
class TableImportDialog : public QDialog
{
    Q_OBJECT
public:
    TableImportDialog(Desk *desk, const QString &path, TableKind kind = TableKind::Projects, QWidget *parent = nullptr);
    /// What exec() returns when the officer chose to read the sheet as a report instead.
    static constexpr int ReadAsReport = QDialog::Accepted + 1;

    TableImporter &importer() { return m_importer; }
    QTableWidget *mappingTable() const { return m_fields; }
    QTableWidget *problemTable() const { return m_problems; }
    QTableWidget *previewTable() const { return m_preview; }
    ImportResult result() const { return m_result; }
    QString lastError() const { return m_lastError; }

public slots:
    /// Checks every row and lists the problems; true when there are none.
    bool check();
    /// Imports (rows with problems skipped); closes the dialog when done.
    bool importRows();
    void saveMapping();

private:
    void reopen(int sheet);
    void fillMapping();
    void fillPreview();
    void mappingEdited();
    QString mappingKey() const;

    Desk *m_desk;

    ProjectStore *m_store;
    QString m_path;
    TableImporter m_importer;
    ImportResult m_result;
    QString m_lastError;
    bool m_filling = false;
    QTimer m_recheck;

    QComboBox *m_kind;
    QComboBox *m_sheet;
    QComboBox *m_moneyUnit;
    QLabel *m_about;
    QTableWidget *m_fields;
    QTableWidget *m_preview;
    QTableWidget *m_problems;
    QLabel *m_summary;
    QPushButton *m_import;
};

} // namespace IPDesk
