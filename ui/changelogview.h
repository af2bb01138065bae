#pragma once

#include "base/money.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTableView;

namespace IPDesk {

class ChangeLogModel;
class Desk;
class ProjectStore;

/// The change log tab: every change the database recorded — who, when, which record and field,
/// before and after — filtered by account, kind of record, date and text.
class ChangeLogView : public QWidget
{
    Q_OBJECT
public:
    explicit ChangeLogView(Desk *desk, QWidget *parent = nullptr);
    ChangeLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setMoneyUnit(MoneyUnit unit);
    void setAccount(const QString &who);
    void setText(const QString &text);
    /// Reads the log again (after changes here or elsewhere); while the tab is hidden, when it is next shown.
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool m_stale = true;
    void applyFilter();
    ChangeLogModel *m_model;
    QComboBox *m_who;
    QComboBox *m_kind;
    QDateEdit *m_from;
    QLineEdit *m_text;
    QTableView *m_table;
};

} // namespace IPDesk
