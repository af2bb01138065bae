#pragma once

#include <QStyledItemDelegate>

class QComboBox;

namespace IPDesk {

class Desk;
class ProjectStore;

/// Editors for the pipeline table: a stage combo, a type combo, a unit picker, a money editor
/// that takes 亿 and 万, a date editor that can be cleared, and plain text for the rest.
class ProjectDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProjectDelegate(Desk *desk, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Fills a combo with the unit tree, indented, the unit id as item data.
    static void fillUnitCombo(QComboBox *combo, const ProjectStore *store);

private:
    Desk *m_desk;
    ProjectStore *m_store;
};

} // namespace IPDesk
