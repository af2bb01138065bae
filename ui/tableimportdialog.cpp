#include "tableimportdialog.h"
#include "fittoscreen.h"
#include "wheelguard.h"
#include "desk/desk.h"

#include <QComboBox>
#include <QTimer>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace IPDesk {

TableImportDialog::TableImportDialog(Desk *desk, const QString &path, TableKind kind, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_store(desk->projects())
    , m_path(path)
    , m_importer(desk)
{
    WheelGuard::ensureInstalled();
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    fitToScreen(this, QSize(1100, 720));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Projects"), int(TableKind::Projects));
    m_kind->addItem(tr("Targets"), int(TableKind::Targets));
    m_kind->addItem(tr("Reported figures"), int(TableKind::Facts));
    m_kind->setCurrentIndex(int(kind));
    m_sheet = new QComboBox(this);
    m_moneyUnit = new QComboBox(this);
    m_moneyUnit->addItem(Money::unitName(MoneyUnit::Wan), int(MoneyUnit::Wan));
    m_moneyUnit->addItem(Money::unitName(MoneyUnit::Yi), int(MoneyUnit::Yi));
    top->addWidget(new QLabel(tr("Import as:"), this));
    top->addWidget(m_kind);
    top->addWidget(new QLabel(tr("Sheet:"), this));
    top->addWidget(m_sheet);
    top->addWidget(new QLabel(tr("Amounts without a unit in their header are in:"), this));
    top->addWidget(m_moneyUnit);
    top->addStretch(1);
    layout->addLayout(top);
    m_about = new QLabel(this);
    layout->addWidget(m_about);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_fields = new QTableWidget(0, 2, split);
    m_fields->setObjectName(QStringLiteral("mappingTable"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Column of the file")});
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->hide();
    auto *right = new QSplitter(Qt::Vertical, split);
    m_preview = new QTableWidget(right);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems = new QTableWidget(0, 4, right);
    m_problems->setObjectName(QStringLiteral("problemTable"));
    m_problems->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Value"), tr("Problem")});
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    layout->addWidget(split, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(this);
    auto *checkButton = buttons->addButton(tr("Check all rows"), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(tr("Save mapping"), QDialogButtonBox::ActionRole);
    // (a statistics sheet, units down and indicators across, is a report of figures, not rows to store)
    auto *asReport = buttons->addButton(tr("Read as a report"), QDialogButtonBox::ActionRole);
    asReport->setObjectName(QStringLiteral("readAsReportButton"));
    asReport->setToolTip(tr("Read the sheet's figures as a report's (a title, then units down and indicators across), "
                            "to review and store them as report figures"));
    connect(asReport, &QPushButton::clicked, this, [this] { done(ReadAsReport); });
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(checkButton, &QPushButton::clicked, this, &TableImportDialog::check);
    connect(save, &QPushButton::clicked, this, &TableImportDialog::saveMapping);
    connect(m_import, &QPushButton::clicked, this, &TableImportDialog::importRows);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::activated, this, [this] { reopen(m_sheet->currentIndex()); });
    connect(m_sheet, &QComboBox::activated, this, [this](int i) { reopen(i); });
    connect(m_moneyUnit, &QComboBox::currentIndexChanged, this, &TableImportDialog::mappingEdited);
    // The checks run again shortly after the mapping changes (several quick changes, one run).
    m_recheck.setSingleShot(true);
    m_recheck.setInterval(250);
    connect(&m_recheck, &QTimer::timeout, this, &TableImportDialog::check);
    reopen(0);
}

QString TableImportDialog::mappingKey() const
{
    const QByteArray sig = m_importer.headers().join(QLatin1Char('\x1f')).toUtf8() + QByteArray::number(m_kind->currentData().toInt());
    return QLatin1String("mappings/") + QString::fromLatin1(QCryptographicHash::hash(sig, QCryptographicHash::Sha1).toHex().left(16));
}

void TableImportDialog::reopen(int sheet)
{
    const Status s = m_importer.open(m_path, TableKind(m_kind->currentData().toInt()), std::max(0, sheet));
    m_filling = true;
    if (m_sheet->count() == 0 && m_importer.source()) {
        const QStringList sheets = m_importer.source()->sheets();
        m_sheet->addItems(sheets.isEmpty() ? QStringList{tr("(the only one)")} : sheets);
    }
    m_filling = false;
    if (!s) {
        m_lastError = s.message();
        m_about->setText(s.message());
        m_import->setEnabled(false);
        return;
    }
    // Next month's file with the same headers reads as this month's did.
    const QJsonObject saved = QJsonDocument::fromJson(QSettings().value(mappingKey()).toByteArray()).object();
    if (!saved.isEmpty()) {
        QString error;
        const ColumnMapping m = ColumnMapping::fromJson(saved, m_importer.headers(), &error);
        if (error.isEmpty() && m.headerRow == m_importer.mapping().headerRow)
            m_importer.setMapping(m);
    }
    m_moneyUnit->setCurrentIndex(m_importer.mapping().defaultMoneyUnit == MoneyUnit::Wan ? 0 : 1);
    m_about->setText(tr("%1; headers in row %2.").arg(m_importer.source()->description()).arg(m_importer.mapping().headerRow + 1));
    m_import->setEnabled(true);
    fillMapping();
    fillPreview();
}

void TableImportDialog::fillMapping()
{
    m_filling = true;
    const auto fields = TableImporter::fields(m_importer.mapping().kind);
    m_fields->setRowCount(int(fields.size()));
    for (int r = 0; r < fields.size(); ++r) {
        auto *name = new QTableWidgetItem(fields.at(r).second);
        name->setData(Qt::UserRole, fields.at(r).first);
        name->setFlags(Qt::ItemIsEnabled);
        m_fields->setItem(r, 0, name);
        auto *column = new QComboBox(m_fields);
        column->addItem(tr("(none)"), -1);
        for (int c = 0; c < m_importer.headers().size(); ++c)
            column->addItem(m_importer.headers().at(c).isEmpty() ? tr("column %1").arg(c + 1) : m_importer.headers().at(c), c);
        column->setCurrentIndex(std::max(0, column->findData(m_importer.mapping().columns.value(fields.at(r).first, -1))));
        // Any change, by click, key or wheel, refreshes the preview and the checks.
        connect(column, &QComboBox::currentIndexChanged, this, &TableImportDialog::mappingEdited);
        m_fields->setCellWidget(r, 1, column);
    }
    m_fields->resizeColumnsToContents();
    m_filling = false;
}

void TableImportDialog::mappingEdited()
{
    if (m_filling)
        return;
    ColumnMapping m = m_importer.mapping();
    m.defaultMoneyUnit = MoneyUnit(m_moneyUnit->currentData().toInt());
    m.columns.clear();
    for (int r = 0; r < m_fields->rowCount(); ++r) {
        const int c = qobject_cast<QComboBox *>(m_fields->cellWidget(r, 1))->currentData().toInt();
        if (c >= 0) {
            const QString id = m_fields->item(r, 0)->data(Qt::UserRole).toString();
            m.columns.insert(id, c);
            if (!m.money.contains(id))
                m.money.insert(id, m.defaultMoneyUnit);
        }
    }
    // Money headers that name no unit follow the chosen default.
    for (auto it = m.money.begin(); it != m.money.end(); ++it) {
        const QString header = m_importer.headers().value(m.columns.value(it.key(), -1));
        if (!header.contains(QStringLiteral("万")) && !header.contains(QStringLiteral("亿")))
            it.value() = m.defaultMoneyUnit;
    }
    m_importer.setMapping(m);
    fillPreview();
    // What the last check said no longer holds: say so at once, and check again.
    m_problems->setRowCount(0);
    m_summary->setText(tr("Checking the rows with the new mapping…"));
    m_recheck.start();
}

void TableImportDialog::fillPreview()
{
    const QList<QVariantList> rows = m_importer.sampleRows();
    const ColumnMapping &m = m_importer.mapping();
    if (m.kind != TableKind::Projects) {
        // Targets and facts: the mapped columns as they are.
        const auto fields = TableImporter::fields(m.kind);
        m_preview->setColumnCount(int(fields.size()));
        QStringList labels;
        for (const auto &f : fields)
            labels << f.second;
        m_preview->setHorizontalHeaderLabels(labels);
        m_preview->setRowCount(int(rows.size()));
        for (int r = 0; r < rows.size(); ++r) {
            for (int c = 0; c < fields.size(); ++c) {
                const int col = m.columns.value(fields.at(c).first, -1);
                m_preview->setItem(r, c, new QTableWidgetItem(col >= 0 ? rows.at(r).value(col).toString() : QString()));
            }
        }
        return;
    }
    const QStringList labels = {tr("Row"), tr("Project"), tr("Unit"), tr("Stage"), tr("Planned investment (100M yuan)"),
                                tr("Signed on"), tr("Problems")};
    m_preview->setColumnCount(int(labels.size()));
    m_preview->setHorizontalHeaderLabels(labels);
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        Project p;
        QList<RowProblem> problems;
        const int fileRow = m.headerRow + 2 + r;
        m_importer.projectFromRow(rows.at(r), fileRow, &p, &problems);
        QStringList why;
        for (const RowProblem &pr : problems)
            why << (pr.column.isEmpty() ? pr.why : tr("%1: %2").arg(pr.column, pr.why));
        const QStringList cells = {QString::number(fileRow), p.name, m_store->unitName(p.unitId), Names::stage(p.stage),
                                   Money::formatNumber(p.plannedInvestment, MoneyUnit::Yi),
                                   p.stageDates.value(Stage::Signed).toString(Qt::ISODate), why.join(QLatin1String("; "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!problems.isEmpty())
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_preview->setItem(r, c, item);
        }
    }
    m_preview->resizeColumnsToContents();
}

bool TableImportDialog::check()
{
    QProgressDialog progress(tr("Checking rows…"), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    m_result = m_importer.validate([&progress](double f) {
        progress.setValue(int(f * 1000));
        return !progress.wasCanceled();
    });
    m_problems->setRowCount(int(m_result.problems.size()));
    for (int r = 0; r < m_result.problems.size(); ++r) {
        const RowProblem &p = m_result.problems.at(r);
        const QStringList cells = {QString::number(p.row), p.column, p.value, p.why};
        for (int c = 0; c < 4; ++c)
            m_problems->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_problems->resizeColumnsToContents();
    m_summary->setText(m_result.problemRows
                           ? tr("%1 rows to add, %2 to update; %3 rows have problems and will be skipped unless you fix the file.")
                                 .arg(m_result.added).arg(m_result.updated).arg(m_result.problemRows)
                           : tr("%1 rows to add, %2 to update; no problems.").arg(m_result.added).arg(m_result.updated));
    return m_result.problemRows == 0;
}

bool TableImportDialog::importRows()
{
    if (!check()) {
        const auto answer = QMessageBox::question(this, tr("Rows with problems"),
                                                  tr("%n row(s) have problems. Import the other rows and skip these?", nullptr,
                                                     m_result.problemRows),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
    }
    QProgressDialog progress(tr("Importing…"), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    const Status s = m_importer.run(&m_result, [&progress](double f) {
        progress.setValue(int(f * 1000));
        return !progress.wasCanceled();
    });
    if (!s) {
        m_lastError = s.message();
        QMessageBox::warning(this, tr("Nothing was imported"), s.message());
        return false;
    }
    saveMapping();
    if (!m_result.undoable)
        QMessageBox::information(this, tr("Imported"),
                                 tr("The import changed more rows than can be kept for Edit → Undo; it cannot be undone. "
                                    "Before a large import, File → Save As a Copy keeps the desk as it was."));
    accept();
    return true;
}

void TableImportDialog::saveMapping()
{
    QSettings().setValue(mappingKey(), QJsonDocument(m_importer.mapping().toJson(m_importer.headers())).toJson(QJsonDocument::Compact));
}

} // namespace IPDesk
