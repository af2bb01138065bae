#pragma once

#include "progress/bulletin.h"

#include <QWidget>

class QPrinter;
class QDateEdit;
class QLabel;
class QSpinBox;
class QMenu;
class QTableView;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace IPDesk {

class ChartWidget;
class Desk;

class ProgressTableModel;
class RankingModel;
class StalledModel;

/// The Progress tab: each unit against its targets (completion, time pace, red/yellow/green), the
/// ranking, four charts on the same models, and the bulletin (PDF, print preview).
class ProgressView : public QWidget
{
    Q_OBJECT
public:
    ProgressView(Desk *desk, QWidget *parent = nullptr);
    ~ProgressView() override;

    /// The unit whose units are compared (its children); 0 for the default.
    void setScope(qint64 unitId);
    void setYear(int year);
    void setAsOf(const QDate &asOf);
    const BulletinData &data() const { return m_data; }
    RankingModel *rankingModel() const { return m_ranking; }
    ProgressTableModel *progressModel() const { return m_progress; }
    StalledModel *stalledModel() const { return m_stalled; }
    ChartWidget *chartView(ChartPainter::Chart chart) const;

public slots:
    void refresh();
    void exportChart(ChartPainter::Chart chart, const QString &path = QString());
    void exportBulletin(const QString &path = QString());
    void printPreview();
    /// Prints the bulletin (what print preview's Print does); printed to a PDF file, its text layer
    /// is mended as an exported bulletin's is, so that copying and searching it give the characters.
    Status print(QPrinter *printer);
    void editTargets();
    void editSettings();

signals:
    /// A unit's bar was clicked: show its pipeline.
    void unitActivated(qint64 unitId);
    /// The officer asked for a follow-up task (督办) on a stalled project.
    void followUpRequested(const IPDesk::StuckProject &stalled);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    /// The figure-source choices of a progress row (the context menu).
    void addSourceActions(QMenu *menu, int row);
    void buildCharts();
    void updateCharts();

    Desk *m_desk;

    ProjectStore *m_store;
    BulletinData m_data;
    qint64 m_scope = -1;
    bool m_dirty = true; // computed when shown: a large desk takes seconds
    QTimer *m_refreshTimer;

    QSpinBox *m_year;
    QDateEdit *m_asOf;
    QLabel *m_headline;
    QTableView *m_rankingView;
    QTableView *m_progressView;
    QTableView *m_stalledView = nullptr;
    QWidget *m_stalledPage = nullptr;
    QTabWidget *m_charts;
    ChartWidget *m_views[4] = {};

    RankingModel *m_ranking;
    ProgressTableModel *m_progress;
    StalledModel *m_stalled;
};

} // namespace IPDesk
