#pragma once

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QUndoStack;
class QSpinBox;

namespace IPDesk {

class Desk;
class ProjectStore;

/// Targets of a year (目标/任务): set, remove, copy last year's with a growth rate, and split a
/// unit's target over the units below it, the remainder shown until the parts add up. Undoable.
class TargetsDialog : public QDialog
{
    Q_OBJECT
public:
    TargetsDialog(Desk *desk, int year, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

public slots:
    void reload();
    void addTarget();
    void removeTarget();
    /// Copies last year's targets raised by growthPct; asks when growthPct is NaN.
    void copyLastYear(double growthPct = qQNaN());
    void splitSelected();

private:
    Desk *m_desk;
    ProjectStore *m_store;
    QSpinBox *m_year;
    QTableWidget *m_table;
    bool m_loading = false;
};

/// Splits one unit's target over its children; shows what is left to give out.
class SplitTargetDialog : public QDialog
{
    Q_OBJECT
public:
    SplitTargetDialog(Desk *desk, qint64 unitId, int year, const QString &metric, QWidget *parent = nullptr);
    QHash<qint64, double> parts() const;
    double remainder() const;
    QLabel *remainderLabel() const { return m_remainder; }
    QList<QDoubleSpinBox *> editors() const { return m_edits.values(); }

private:
    void update();
    double m_target = 0;
    QHash<qint64, QDoubleSpinBox *> m_edits;
    QLabel *m_remainder;
    QPushButton *m_ok;
};

} // namespace IPDesk
