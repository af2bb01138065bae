#pragma once

#include "base/domain.h"
#include "base/money.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QUndoStack;

namespace IPDesk {

class ChangeLogModel;
class OptionalDateEdit;
class Desk;
class ProjectStore;

/// The detail form for one project, with its stage history. "Apply" pushes one undoable command.
class ProjectDetailPanel : public QWidget
{
    Q_OBJECT
public:
    ProjectDetailPanel(Desk *desk, QWidget *parent = nullptr);

    qint64 projectId() const { return m_project.id; }
    void setProject(qint64 id);
    void setMoneyUnit(MoneyUnit unit);
    /// Reads the form; on invalid input returns false and shows why.
    bool apply();
    QString errorText() const;
    bool isDirty() const;
    /// Reloads after changes made elsewhere; keeps the form when it has unsaved input.
    void refresh();

private:
    void load();
    bool readForm(Project *p, QStringList *errors) const;
    void setDirty(bool dirty);
    void updateCalendarStarts();

    Desk *m_desk;

    ProjectStore *m_store;
    Project m_project;
    MoneyUnit m_moneyUnit = MoneyUnit::Yi;
    bool m_loading = false;

    QLabel *m_title;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_investor;
    QComboBox *m_unit;
    QComboBox *m_stage;
    QComboBox *m_type;
    QLineEdit *m_industry;
    QLineEdit *m_chain;
    QList<QPair<ProjectField, QLineEdit *>> m_money; ///< the money fields, in the table's order
    QList<QLabel *> m_moneyUnits;                    ///< the unit beside each
    QTabWidget *m_pages;
    QCheckBox *m_manufacturing;
    QLineEdit *m_channel;
    QLineEdit *m_officer;
    QPlainTextEdit *m_notes;
    OptionalDateEdit *m_stageDates[6];
    QLabel *m_error;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QLabel *m_readOnly;
    ChangeLogModel *m_history;
    QTableView *m_historyView;
};

} // namespace IPDesk
