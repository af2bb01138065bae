#include "importreportdialog.h"
#include "fittoscreen.h"
#include "wheelguard.h"
#include "desk/desk.h"

#include "models/factreviewmodel.h"
#include "base/metrics.h"
#include "reports/readreport.h"
#include "reports/reporttext.h"
#include "reports/textdecoder.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <functional>

namespace IPDesk {

namespace {

/// Combos for the coded columns of the review table; an editable combo of known units for the unit.
class FactReviewDelegate : public QStyledItemDelegate
{
public:
    FactReviewDelegate(Desk *desk, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_desk(desk)
        , m_store(desk->projects())
    {
    }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        auto *combo = new QComboBox(parent);
        switch (index.column()) {
        case FactReviewModel::Period:
            for (const QString &s : Metrics::spans())
                combo->addItem(Metrics::spanName(s), s);
            return combo;
        case FactReviewModel::Metric:
            for (const QString &m : Metrics::ids())
                combo->addItem(Metrics::name(m), m);
            return combo;
        case FactReviewModel::Qualifier:
            for (const QString &q : Metrics::qualifiers())
                combo->addItem(Metrics::qualifierName(q), q);
            return combo;
        case FactReviewModel::Kind:
            combo->addItem(Metrics::kindName(QStringLiteral("actual")), QStringLiteral("actual"));
            combo->addItem(Metrics::kindName(QStringLiteral("target")), QStringLiteral("target"));
            return combo;
        case FactReviewModel::Unit:
            combo->setEditable(true);
            for (const Unit &u : m_store->units())
                combo->addItem(u.name, u.name);
            return combo;
        default:
            delete combo;
            return QStyledItemDelegate::createEditor(parent, option, index);
        }
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const QString code = index.data(FactReviewModel::CodeRole).toString();
            const int i = combo->findData(code);
            if (i >= 0)
                combo->setCurrentIndex(i);
            else if (combo->isEditable())
                combo->setEditText(code);
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->isEditable() ? combo->currentText() : combo->currentData());
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    Desk *m_desk;
    ProjectStore *m_store;
};

} // namespace

ImportReportDialog::ImportReportDialog(Desk *desk, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_store(desk->projects())
    , m_importer(desk)
    , m_model(new FactReviewModel(&m_importer, this))
{
    WheelGuard::ensureInstalled();
    setWindowTitle(tr("Import reports"));
    fitToScreen(this, QSize(1200, 760));
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_reports = new QListWidget(split);
    m_reports->setObjectName(QStringLiteral("reportList"));
    auto *right = new QSplitter(Qt::Vertical, split);
    m_text = new QTextBrowser(right);
    m_text->setObjectName(QStringLiteral("reportText"));
    m_table = new QTableView(right);
    m_table->setObjectName(QStringLiteral("factTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new FactReviewDelegate(desk, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    // The tick has a column of its own: a click on it ticks, and nothing in the table opens an editor.
    m_projects = new QTableWidget(0, 6, right);
    m_projects->setObjectName(QStringLiteral("projectTable"));
    m_projects->setHorizontalHeaderLabels({tr("Add to pipeline"), tr("Project"), tr("Unit"), tr("Stage"), tr("Investment (100M yuan)"), tr("Sentence")});
    m_projects->horizontalHeader()->setStretchLastSection(true);
    m_projects->verticalHeader()->hide();
    m_projects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_projects, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        ImportPlan *p = m_model->plan();
        if (!p || item->column() != 0 || item->row() >= p->projects.size())
            return;
        p->projects[item->row()].add = item->checkState() == Qt::Checked;
        m_edited = true;
        updateSummary();
    });
    m_newUnits = new QTableWidget(0, 2, right);
    m_newUnits->setObjectName(QStringLiteral("newUnitTable"));
    m_newUnits->setHorizontalHeaderLabels({tr("New unit"), tr("Make it under")});
    m_newUnits->horizontalHeader()->setStretchLastSection(true);
    m_newUnits->verticalHeader()->hide();
    m_newUnits->setEditTriggers(QAbstractItemView::NoEditTriggers);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    // A report that states no year or names no unit: the officer gives them once for the report.
    m_missing = new QWidget(this);
    m_missing->setObjectName(QStringLiteral("missingBar"));
    auto *missing = new QHBoxLayout(m_missing);
    missing->setContentsMargins(0, 0, 0, 0);
    m_missingText = new QLabel(m_missing);
    m_missingYear = new QSpinBox(m_missing);
    m_missingYear->setObjectName(QStringLiteral("missingYear"));
    m_missingYear->setRange(1990, 2100);
    m_missingYear->setValue(QDate::currentDate().year());
    m_missingYear->setFocusPolicy(Qt::StrongFocus);
    m_missingUnit = new QComboBox(m_missing);
    m_missingUnit->setObjectName(QStringLiteral("missingUnit"));
    m_missingUnit->setEditable(true);
    m_missingUnit->setFocusPolicy(Qt::StrongFocus);
    for (const QString &name : m_importer.unitNames())
        m_missingUnit->addItem(name);
    auto *apply = new QPushButton(tr("Apply to these figures"), m_missing);
    apply->setObjectName(QStringLiteral("applyMissing"));
    missing->addWidget(m_missingText, 1);
    missing->addWidget(m_missingYear);
    missing->addWidget(m_missingUnit);
    missing->addWidget(apply);
    connect(apply, &QPushButton::clicked, this, [this] {
        ImportPlan *p = m_model->plan();
        if (!p)
            return;
        m_importer.fillMissing(*p, ReportImporter::missingYears(*p) ? m_missingYear->value() : 0,
                               ReportImporter::missingUnits(*p) ? m_missingUnit->currentText() : QString());
        m_edited = true;
        m_model->setPlan(p);
        fillNewUnits();
        updateMissing();
        updateSummary();
    });
    layout->addWidget(m_missing);

    // A report whose encoding the detector could not be sure of, or that it read with a warning: the
    // first lines in each encoding the file decodes under, to pick from.
    m_encodingBar = new QWidget(this);
    m_encodingBar->setObjectName(QStringLiteral("encodingBar"));
    auto *encoding = new QHBoxLayout(m_encodingBar);
    encoding->setContentsMargins(0, 0, 0, 0);
    m_encodingText = new QLabel(m_encodingBar);
    m_encodingText->setWordWrap(true);
    m_encodingChoice = new QComboBox(m_encodingBar);
    m_encodingChoice->setObjectName(QStringLiteral("encodingChoice"));
    m_encodingChoice->setFocusPolicy(Qt::StrongFocus);
    m_encodingChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    encoding->addWidget(m_encodingText, 1);
    encoding->addWidget(m_encodingChoice);
    connect(m_encodingChoice, &QComboBox::activated, this, [this] { rereadAs(m_encodingChoice->currentData().toString()); });
    layout->addWidget(m_encodingBar);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_storeButton = buttons->addButton(tr("Store accepted facts"), QDialogButtonBox::AcceptRole);
    m_storeButton->setObjectName(QStringLiteral("storeButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(m_storeButton, &QPushButton::clicked, this, &ImportReportDialog::store);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reports, &QListWidget::currentRowChanged, this, &ImportReportDialog::showReport);
    connect(m_model, &FactReviewModel::acceptedCountChanged, this, &ImportReportDialog::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ImportReportDialog::highlight);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { m_edited = true; });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        // Show the sentence the figure came from.
        QTextCursor c(m_text->document());
        c.setPosition(int(current.data(FactReviewModel::EvidenceStartRole).toLongLong()));
        c.setPosition(int(current.data(FactReviewModel::EvidenceEndRole).toLongLong()), QTextCursor::KeepAnchor);
        m_text->setTextCursor(c);
        m_text->ensureCursorVisible();
    });
    connect(&m_watcher, &QFutureWatcher<ReadReport>::resultReadyAt, this, [this](int i) {
        m_plans.push_back(m_importer.plan(m_watcher.resultAt(i)));
        const ImportPlan &p = m_plans.back();
        auto *item = new QListWidgetItem(reportLine(p));
        if (!p.status)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        m_reports->addItem(item);
        if (m_reports->currentRow() < 0)
            m_reports->setCurrentRow(0);
        updateSummary();
    });
    connect(&m_watcher, &QFutureWatcher<ReadReport>::finished, this, &ImportReportDialog::readingFinished);
    updateSummary();
}

ImportReportDialog::~ImportReportDialog()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void ImportReportDialog::readFiles(const QStringList &paths)
{
    if (paths.size() > 1) {
        m_progress = new QProgressDialog(tr("Reading reports…"), tr("Cancel"), 0, int(paths.size()), this);
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(300);
        connect(&m_watcher, &QFutureWatcher<ReadReport>::progressValueChanged, m_progress, &QProgressDialog::setValue);
        connect(m_progress, &QProgressDialog::canceled, this, [this] {
            m_watcher.cancel();
            m_lastError = tr("Reading was cancelled; nothing was stored.");
        });
    }
    m_asked = int(paths.size());
    const QStringList units = m_importer.unitNames(); // read here: the workers touch no database
    m_watcher.setFuture(QtConcurrent::mapped(paths, [units](const QString &path) { return ReadReport::fromFile(path, units); }));
}

void ImportReportDialog::readText(const QString &text)
{
    m_asked = 1;
    const QStringList units = m_importer.unitNames();
    m_watcher.setFuture(QtConcurrent::run([text, units] { return ReadReport::fromText(text, QString(), units); }));
}

void ImportReportDialog::waitForReading()
{
    m_watcher.waitForFinished();
    QCoreApplication::processEvents();
}

void ImportReportDialog::readingFinished()
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    if (m_watcher.isCanceled()) {
        m_plans.clear();
        m_reports->clear();
        m_model->setPlan(nullptr);
        reject();
        return;
    }
    updateSummary();
}

void ImportReportDialog::showReport(int index)
{
    if (index < 0 || size_t(index) >= m_plans.size()) {
        m_model->setPlan(nullptr);
        m_text->clear();
        return;
    }
    ImportPlan &p = m_plans[index];
    // (a page saved as HTML: its text as a reader sees it, the evidence marked where it stands there)
    m_shownAt.clear();
    m_text->setPlainText(ReportText::isMarkup(p.text) ? ReportText::readable(p.text, &m_shownAt) : p.text);
    // (evidence is counted in code points, as extraction.md asks; the text view counts UTF-16 units, so an
    // emoji before a figure counts twice there)
    m_unitAt = ReportText::unitOffsets(p.text);
    m_model->setPlan(&p);
    updateMissing();
    updateEncoding();
    m_table->resizeColumnsToContents();
    fillProjects();
    fillNewUnits();
    highlight();
}

void ImportReportDialog::updateMissing()
{
    const ImportPlan *p = m_model->plan();
    const int years = p ? ReportImporter::missingYears(*p) : 0;
    const int units = p ? ReportImporter::missingUnits(*p) : 0;
    m_missing->setVisible(years || units);
    m_missingYear->setVisible(years);
    m_missingUnit->setVisible(units);
    QStringList what;
    if (years)
        what << tr("This report states no year for %n figure(s); give it:", nullptr, years);
    if (units)
        what << tr("It names no unit for %n figure(s); choose it:", nullptr, units);
    m_missingText->setText(what.join(QLatin1Char(' ')));
}

QString ImportReportDialog::reportLine(const ImportPlan &p)
{
    if (p.status)
        return tr("%1 (%n figure(s))", nullptr, int(p.facts.size())).arg(p.title);
    // A report that was not read is named by its file, once; the reason does not name it again.
    return tr("%1: %2").arg(p.path.isEmpty() ? p.title : QFileInfo(p.path).fileName(), p.status.message());
}

void ImportReportDialog::updateEncoding()
{
    const ImportPlan *p = m_model->plan();
    const bool choice = p && !p->path.isEmpty() && p->encodings.size() > 1;
    m_encodingBar->setVisible(p && (p->encodingUnsure || !p->encodingNote.isEmpty() || (p->status && choice && m_chosenEncoding)));
    if (!m_encodingBar->isVisible())
        return;
    QStringList what;
    if (!p->encodingNote.isEmpty())
        what << p->encodingNote;
    if (p->encodingUnsure)
        what << tr("The encoding of this file is not certain: it was read as %1. If the text looks wrong, choose another:")
                    .arg(TextDecoder::displayName(p->encodings.value(0)));
    else if (choice)
        what << tr("Read as:");
    m_encodingText->setText(what.join(QLatin1Char(' ')));
    m_encodingChoice->setVisible(choice);
    m_encodingChoice->clear();
    if (!choice)
        return;
    // The file's first lines only (whole lines, so that no character is cut): enough to see which
    // encoding reads, and quick on the GUI thread however large the report.
    QFile f(p->path);
    QByteArray bytes = f.open(QIODevice::ReadOnly) ? f.read(16 * 1024) : QByteArray();
    if (!f.atEnd() && bytes.lastIndexOf('\n') > 0)
        bytes.truncate(bytes.lastIndexOf('\n') + 1);
    for (const QString &e : p->encodings) {
        // The first line in this encoding, so that the officer sees which one reads.
        const QString text = TextDecoder::decodeAs(bytes, e).text;
        QString first;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty()) {
                first = line.trimmed().left(40);
                break;
            }
        }
        m_encodingChoice->addItem(tr("%1: %2").arg(TextDecoder::displayName(e), first), e);
    }
}

void ImportReportDialog::rereadAs(const QString &encoding)
{
    const int index = m_reports->currentRow();
    if (index < 0 || size_t(index) >= m_plans.size() || encoding.isEmpty())
        return;
    ImportPlan &old = m_plans[index];
    const QStringList choices = old.encodings;
    ReadReport read = ReadReport::fromFile(old.path, m_importer.unitNames(), encoding);
    read.encodings = choices; // keep the whole choice, the picked one first
    read.encodings.removeAll(encoding);
    read.encodings.prepend(encoding);
    m_model->setPlan(nullptr);
    old = m_importer.plan(read);
    m_chosenEncoding = true;
    QListWidgetItem *item = m_reports->item(index);
    item->setText(reportLine(old));
    item->setForeground(old.status ? palette().color(QPalette::Text) : QColor(0xb0, 0x00, 0x20));
    m_edited = true;
    showReport(index);
    updateSummary();
}

void ImportReportDialog::reject()
{
    // Esc or Cancel after the officer has corrected the review: ask before throwing the work away.
    if (m_edited && !m_stored && !m_watcher.isRunning()) {
        const auto answer = QMessageBox::question(this, tr("Discard the review?"),
                                                  tr("You have corrected this review. Close it without storing the figures?"),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QDialog::reject();
}

void ImportReportDialog::fillProjects()
{
    const QSignalBlocker blocker(m_projects);
    ImportPlan *p = m_model->plan();
    m_projects->setRowCount(p ? int(p->projects.size()) : 0);
    if (!p)
        return;
    for (int r = 0; r < p->projects.size(); ++r) {
        const ProposedProject &pp = p->projects.at(r);
        auto *tick = new QTableWidgetItem;
        tick->setFlags(Qt::ItemIsEnabled | (pp.existingProjectId ? Qt::NoItemFlags : Qt::ItemIsUserCheckable));
        tick->setCheckState(pp.add ? Qt::Checked : Qt::Unchecked);
        if (pp.existingProjectId)
            tick->setToolTip(tr("A project of this name is in the pipeline already."));
        m_projects->setItem(r, 0, tick);
        m_projects->setItem(r, 1, new QTableWidgetItem(pp.mention.name));
        m_projects->setItem(r, 2, new QTableWidgetItem(pp.unitId ? pp.mention.district : tr("%1 (new unit)").arg(pp.mention.district)));
        Stage st = Stage::Lead;
        Names::stageFromCode(pp.mention.stageCode, &st);
        QString stage = Names::stage(st);
        if (pp.mention.signedOn.isValid())
            stage += tr(", signed %1").arg(pp.mention.signedOn.toString(QStringLiteral("yyyy-MM")));
        if (pp.mention.startedOn.isValid())
            stage += tr(", started %1").arg(pp.mention.startedOn.toString(QStringLiteral("yyyy-MM")));
        m_projects->setItem(r, 3, new QTableWidgetItem(stage));
        m_projects->setItem(r, 4, new QTableWidgetItem(pp.mention.investmentYi > 0 ? QString::number(pp.mention.investmentYi) : QString()));
        m_projects->setItem(r, 5, new QTableWidgetItem(pp.mention.evidenceText));
    }
    m_projects->resizeColumnsToContents();
}

void ImportReportDialog::fillNewUnits()
{
    ImportPlan *p = m_model->plan();
    m_newUnits->setRowCount(p ? int(p->newUnits.size()) : 0);
    m_newUnits->setVisible(p && !p->newUnits.isEmpty());
    if (!p)
        return;
    int r = 0;
    for (auto it = p->newUnits.cbegin(); it != p->newUnits.cend(); ++it, ++r) {
        const QString name = it.key();
        m_newUnits->setItem(r, 0, new QTableWidgetItem(name));
        auto *parent = new QComboBox(m_newUnits);
        parent->addItem(tr("(top level)"), qint64(0));
        if (name != p->extraction.subject && !ReportImporter::matchUnit(*m_store, p->extraction.subject) && !p->extraction.subject.isEmpty())
            parent->addItem(tr("%1 (new, the report's subject)").arg(p->extraction.subject), ImportPlan::NewSubjectParent);
        std::function<void(qint64, int)> add = [&](qint64 under, int depth) {
            for (qint64 id : m_store->children(under)) {
                parent->addItem(QString(depth * 2, QChar(0x3000)) + m_store->unitName(id), id);
                add(id, depth + 1);
            }
        };
        add(0, 0);
        parent->setCurrentIndex(qMax(0, parent->findData(it.value())));
        connect(parent, &QComboBox::activated, this, [this, parent, name] {
            ImportPlan *plan = m_model->plan();
            if (!plan)
                return;
            plan->newUnits[name] = parent->currentData().toLongLong();
            m_importer.refresh(*plan);
            updateSummary();
        });
        m_newUnits->setCellWidget(r, 1, parent);
    }
    m_newUnits->resizeColumnsToContents();
}

void ImportReportDialog::highlight()
{
    ImportPlan *p = m_model->plan();
    if (!p)
        return;
    QList<QTextEdit::ExtraSelection> marks;
    for (const ProposedFact &f : std::as_const(p->facts)) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_text->document());
        auto shown = [this](qsizetype at) {
            const qsizetype unit = ReportText::unitAt(m_unitAt, at);
            return m_shownAt.empty() ? int(unit) : m_shownAt[size_t(std::clamp<qsizetype>(unit, 0, qsizetype(m_shownAt.size()) - 1))];
        };
        sel.cursor.setPosition(shown(f.fact.evidenceStart));
        sel.cursor.setPosition(shown(f.fact.evidenceEnd), QTextCursor::KeepAnchor);
        sel.format.setBackground(f.accept ? QColor(0xff, 0xf1, 0x76) : QColor(0xe0, 0xe0, 0xe0));
        marks.append(sel);
    }
    m_text->setExtraSelections(marks);
}

void ImportReportDialog::updateSummary()
{
    int facts = 0, conflicts = 0, newUnits = 0, repeated = 0, projects = 0;
    QSet<QString> unitsToMake;
    for (const ImportPlan &p : std::as_const(m_plans)) {
        repeated += p.existingDocumentId != 0;
        for (const ProposedProject &pp : p.projects)
            projects += pp.add && !pp.existingProjectId && !p.existingDocumentId;
        for (const ProposedFact &f : p.facts) {
            if (!f.accept || p.existingDocumentId)
                continue;
            ++facts;
            conflicts += bool(f.existing);
            if (!f.unitId)
                unitsToMake.insert(f.fact.district);
        }
    }
    newUnits = int(unitsToMake.size());
    const qsizetype read = std::count_if(m_plans.begin(), m_plans.end(), [](const ImportPlan &p) { return bool(p.status); });
    m_status->setText(tr("%1 of %2 reports read; %3 facts to store, %4 of them in conflict with stored facts; %5 new units; "
                         "%6 projects to add to the pipeline; %7 reports imported before.")
                          .arg(read).arg(qMax<qsizetype>(m_asked, m_plans.size())).arg(facts).arg(conflicts).arg(newUnits).arg(projects).arg(repeated));
    m_storeButton->setEnabled(facts > 0 && !m_watcher.isRunning());
}

bool ImportReportDialog::store()
{
    QProgressDialog progress(tr("Storing facts…"), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const QList<ImportPlan> plans(m_plans.begin(), m_plans.end());
    const Status s = m_importer.commit(plans, &m_summary, [&progress] {
        QCoreApplication::processEvents();
        return progress.wasCanceled();
    });
    if (!s) {
        m_lastError = s.message();
        QMessageBox::warning(this, tr("The reports were not stored"), s.message());
        return false;
    }
    m_stored = true;
    accept();
    return true;
}

} // namespace IPDesk
