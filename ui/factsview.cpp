#include "factsview.h"
#include "desk/desk.h"

#include "models/storedfactsmodel.h"
#include "reports/reporttext.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace IPDesk {

FactsView::FactsView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_store(desk->projects())
    , m_model(new StoredFactsModel(desk, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Figures read from reports. Double-click a row to see the sentence it came from."), this);
    layout->addWidget(hint);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("factsTable"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view);
    connect(m_view, &QTableView::doubleClicked, this,
            [this, proxy](const QModelIndex &index) { showSource(proxy->mapToSource(index).row()); });
}

void FactsView::setUnits(const QList<qint64> &unitIds)
{
    m_model->setUnits(unitIds);
    m_view->resizeColumnsToContents();
}

void FactsView::reload()
{
    m_model->reload();
}

void FactsView::showSource(int row)
{
    const Fact f = m_model->factAt(row);
    if (!f.documentId)
        return;
    QString title;
    const QString text = m_model->documentText(f.documentId, &title);
    QDialog dialog(this);
    dialog.setWindowTitle(title);
    dialog.resize(760, 560);
    auto *layout = new QVBoxLayout(&dialog);
    auto *browser = new QTextBrowser(&dialog);
    browser->setPlainText(text);
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(browser->document());
    // (the evidence counts characters, an emoji as one; the document, UTF-16 units)
    const std::vector<int> unitAt = ReportText::unitOffsets(text);
    sel.cursor.setPosition(int(ReportText::unitAt(unitAt, f.evidenceStart)));
    sel.cursor.setPosition(int(ReportText::unitAt(unitAt, f.evidenceEnd)), QTextCursor::KeepAnchor);
    sel.format.setBackground(QColor(0xff, 0xf1, 0x76));
    browser->setExtraSelections({sel});
    browser->setTextCursor(sel.cursor);
    browser->ensureCursorVisible();
    layout->addWidget(browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace IPDesk
