#include "projectdelegate.h"

#include <cstdlib>
#include <limits>
#include "desk/desk.h"

#include "dateedit.h"
#include "base/money.h"
#include "desk/projectstore.h"
#include "models/projecttablemodel.h"

#include <QComboBox>
#include <QLineEdit>

namespace IPDesk {

ProjectDelegate::ProjectDelegate(Desk *desk, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
}

void ProjectDelegate::fillUnitCombo(QComboBox *combo, const ProjectStore *store)
{
    combo->clear();
    // Depth-first so that children follow their parent.
    std::function<void(qint64, int)> add = [&](qint64 parent, int depth) {
        for (qint64 id : store->children(parent)) {
            combo->addItem(QString(depth * 2, QChar(0x3000)) + store->unitName(id), id);
            add(id, depth + 1);
        }
    };
    add(0, 0);
}

QWidget *ProjectDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto field = ProjectField(index.column());
    if (field == ProjectField::Stage) {
        auto *combo = new QComboBox(parent);
        for (int i = 0; i < StageCount; ++i)
            combo->addItem(Names::stage(Stage(i)), i);
        return combo;
    }
    if (field == ProjectField::Type) {
        auto *combo = new QComboBox(parent);
        for (int i = 0; i < ProjectTypeCount; ++i)
            combo->addItem(Names::projectType(ProjectType(i)), i);
        return combo;
    }
    if (field == ProjectField::Manufacturing) {
        auto *combo = new QComboBox(parent);
        combo->addItem(ProjectTableModel::tr("No"), false);
        combo->addItem(ProjectTableModel::tr("Yes"), true);
        return combo;
    }
    if (field == ProjectField::Unit) {
        auto *combo = new QComboBox(parent);
        fillUnitCombo(combo, m_store);
        return combo;
    }
    if (isDateField(field))
        return new OptionalDateEdit(parent);
    if (isMoneyField(field)) {
        auto *edit = new QLineEdit(parent);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setPlaceholderText(tr("e.g. 26.24亿 or 3000万"));
        return edit;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void ProjectDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const auto field = ProjectField(index.column());
    const QVariant v = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int i = combo->findData(field == ProjectField::Unit ? QVariant(v.toLongLong())
                                      : field == ProjectField::Manufacturing ? QVariant(v.toBool())
                                                                             : QVariant(v.toInt()));
        combo->setCurrentIndex(qMax(0, i));
        return;
    }
    if (auto *date = qobject_cast<OptionalDateEdit *>(editor)) {
        date->setOptionalDate(v.toDate());
        // An empty date's calendar opens at the row's nearest stage date (else today).
        QDate nearest;
        qint64 best = std::numeric_limits<qint64>::max();
        for (int c = 0; c < index.model()->columnCount(); ++c) {
            if (c == index.column() || !isDateField(ProjectField(c)))
                continue;
            const QDate other = index.sibling(index.row(), c).data(Qt::EditRole).toDate();
            if (other.isValid() && std::abs(c - index.column()) < best) {
                best = std::abs(c - index.column());
                nearest = other;
            }
        }
        date->setCalendarStart(nearest);
        return;
    }
    if (isMoneyField(field)) {
        auto *model = qobject_cast<const ProjectTableModel *>(index.model());
        const MoneyUnit unit = model ? model->moneyUnit() : MoneyUnit::Yi;
        static_cast<QLineEdit *>(editor)->setText(v.toLongLong() ? Money::formatNumber(v.toLongLong(), unit) : QString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ProjectDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const auto field = ProjectField(index.column());
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    if (auto *date = qobject_cast<OptionalDateEdit *>(editor)) {
        // The text as typed: the model reads it (and says why, if it is no date).
        model->setData(index, date->text(), Qt::EditRole);
        return;
    }
    if (isMoneyField(field)) {
        // The model parses the text in its display unit, so 26.24, 26.24亿 and 3000万 all work.
        const QString text = static_cast<QLineEdit *>(editor)->text();
        model->setData(index, text.trimmed().isEmpty() ? QStringLiteral("0") : text, Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void ProjectDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace IPDesk
