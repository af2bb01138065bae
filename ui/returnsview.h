#pragma once

#include "progress/returns.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace IPDesk {

class Desk;

/// The monthly returns (月报) of a month: each unit's state, deadline and opinion; for the picked
/// unit its figures beside the pipeline's and the reports' (differences marked), its history, and
/// the steps this account may take: correct, submit, approve, return with an opinion, reopen.
class ReturnsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReturnsView(Desk *desk, QWidget *parent = nullptr);

    void setMonth(int year, int month);
    int year() const;
    int month() const;
    /// The returns reported to this unit (its parent's, for a unit with no units below it); 0: all.
    void setScope(qint64 unitId);
    /// Shows the return of this unit (selects its row).
    void selectUnit(qint64 unitId);
    QTableWidget *returnsTable() const { return m_returns; }
    QTableWidget *figuresTable() const { return m_figures; }
    int overdueCount() const { return m_overdue; }

public slots:
    void reload();
    void correctFigure();
    void submitSelected();
    void approveSelected();
    void sendBackSelected();
    void reopenSelected();

signals:
    /// The number of returns of the month past their deadline and not submitted changed.
    void overdueChanged(int count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillReviewers();
    void showSelected();
    std::optional<MonthlyReturn> selected() const;
    void act(const Status &s);

    Desk *m_desk;
    ReturnBook m_book;
    QSpinBox *m_year;
    QComboBox *m_month;
    QComboBox *m_reviewer;
    QLabel *m_summary;
    QTableWidget *m_returns;
    QLabel *m_title;
    QLabel *m_opinion;
    QTableWidget *m_figures;
    QListWidget *m_history;
    QPushButton *m_correct, *m_submit, *m_approve, *m_sendBack, *m_reopen;
    QList<MonthlyReturn> m_shown;
    int m_overdue = -1;
    bool m_reloading = false;
    bool m_detailStale = false;
};

} // namespace IPDesk
