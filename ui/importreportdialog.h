#pragma once

#include <vector>

#include "reports/reportimporter.h"

#include <QDialog>
#include <QFutureWatcher>

#include <deque>

class QComboBox;
class QLabel;
class QSpinBox;
class QListWidget;
class QProgressDialog;
class QPushButton;
class QTableView;
class QTableWidget;
class QTextBrowser;

namespace IPDesk {

class Desk;

class FactReviewModel;

/// File → Import Reports: the reports read off the GUI thread (progress, cancel), then each report's
/// text with its figures highlighted beside the table of proposed facts to correct and accept.
/// "Store" writes every accepted fact with its report in one transaction.
class ImportReportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportReportDialog(Desk *desk, QWidget *parent = nullptr);
    ~ImportReportDialog() override;

    /// Reads the files in the background; the dialog fills in as they arrive.
    void readFiles(const QStringList &paths);
    void readText(const QString &text);
    /// Blocks until the background reading is done (for tests and scripts).
    void waitForReading();

    std::deque<ImportPlan> &plans() { return m_plans; }
    FactReviewModel *factModel() const { return m_model; }
    QTableView *factView() const { return m_table; }
    QListWidget *reportList() const { return m_reports; }
    QTableWidget *projectTable() const { return m_projects; }
    QTableWidget *newUnitTable() const { return m_newUnits; }
    ImportSummary summary() const { return m_summary; }
    QString lastError() const { return m_lastError; }

public slots:
    /// Stores the accepted facts; closes the dialog on success.
    bool store();
    /// Esc and Cancel: asks first when the officer has corrected the review.
    void reject() override;

private:
    void showReport(int index);
    void fillProjects();
    void fillNewUnits();
    void updateMissing();
    void updateEncoding();
    static QString reportLine(const ImportPlan &p);
    void rereadAs(const QString &encoding);
    void highlight();
    void updateSummary();
    void readingFinished();

    Desk *m_desk;

    ProjectStore *m_store;
    ReportImporter m_importer;
    std::deque<ImportPlan> m_plans; // a deque: the review model keeps a pointer to one of them
    FactReviewModel *m_model;
    QFutureWatcher<ReadReport> m_watcher;
    ImportSummary m_summary;
    QString m_lastError;

    QListWidget *m_reports;
    QTextBrowser *m_text;
    std::vector<int> m_shownAt;    // a page's markup is not shown: each offset of its text in what is (empty: the text itself)
    std::vector<int> m_unitAt;     // each code point's offset in UTF-16 units (empty: the same)
    QTableView *m_table;
    QTableWidget *m_projects;
    QTableWidget *m_newUnits;
    QLabel *m_status;
    QWidget *m_missing;
    QLabel *m_missingText;
    QSpinBox *m_missingYear;
    QComboBox *m_missingUnit;
    QPushButton *m_storeButton;
    QProgressDialog *m_progress = nullptr;
    QWidget *m_encodingBar;
    QLabel *m_encodingText;
    QComboBox *m_encodingChoice;
    int m_asked = 0;               // how many files (or texts) were given to read
    bool m_edited = false;         // the officer corrected something
    bool m_stored = false;
    bool m_chosenEncoding = false; // the officer picked an encoding: keep the choice shown
};

} // namespace IPDesk
