#pragma once

#include "desk/auditlog.h"
#include "desk/taskstore.h"
#include "progress/progress.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <optional>

namespace IPDesk {

class Desk;

/// Where a monthly return (月报) stands: draft → submitted → approved, or returned with the
/// reviewer's opinion (审核意见) → submitted again; an approved return is reopened (to draft) to be
/// corrected.
enum class ReturnState { Draft, Submitted, Approved, Returned };

QString returnStateCode(ReturnState s); // draft, submitted, approved, returned
std::optional<ReturnState> returnStateFromCode(const QString &code);
QString returnStateName(ReturnState s); // 草稿 / 已报送 / 已审核 / 已退回, in the user's language

/// How many of the projects a figure rests on a return keeps (by the day they reached the stage).
constexpr int BasisLimit = 500;

/// One figure of a return: what the unit reports, what the desk counted, and why they differ.
struct ReturnFigure
{
    QString metric;
    double value = 0;        ///< the figure the unit reports (the metric's unit: count, 亿元 ...)
    bool hasComputed = false;
    double computed = 0;     ///< what its progress gave when the return was written
    QString source;          ///< where the computed figure came from: pipeline, reported, activities, children
    QString reason;          ///< why the unit reports another figure than the computed one
    QList<qint64> projects;  ///< the projects the figure rests on (pipeline figures), the first BasisLimit of them
    QString document;        ///< the report it rests on (reported figures), with its period
    bool isCorrected() const { return hasComputed && std::abs(value - computed) > 1e-9; }
};

/// A unit's return for a month, as its parent unit reviews it.
struct MonthlyReturn
{
    qint64 id = 0; ///< 0: not started yet (nothing stored)
    qint64 unitId = 0, parentId = 0;
    QString unit, parent;
    int year = 0, month = 0;
    ReturnState state = ReturnState::Draft;
    QString submittedBy, reviewedBy, opinion;
    QDateTime submittedAt, reviewedAt;
    QDate deadline;            ///< the day it is due (the deadline day of the month after)
    bool overdue = false;      ///< not submitted (draft or returned) and the deadline has passed: 逾期未报
    bool submittedLate = false; ///< submitted after the deadline
    QList<ReturnFigure> figures;
};

/// A submitted figure beside the desk's two sources, for the review.
struct ReturnCheck
{
    ReturnFigure figure;
    bool hasPipeline = false;
    double pipeline = 0;
    bool hasReported = false;
    double reported = 0;
    QString reportedDetail; ///< the report and its period
    /// The figure differs from the pipeline's, or (without one) from the reported one.
    bool differs = false;
};

/// The follow-up task (督办) a stalled project gets in one click: for its unit, saying what it waits
/// for and how long, due after the bureau's days from `today`. None when the project is gone.
std::optional<FollowUpTask> followUpTaskFor(Desk *desk, const StuckProject &stalled, const QDate &today);

/// The monthly returns of a desk: each unit reports its figures to the unit above by a deadline,
/// which approves them or returns them with an opinion. On a personal desk the officer acts for
/// every unit; on a team desk the server lets a unit's own officers write and submit its return and
/// only the officers of the unit above review it (schema step 8), and the checks here only let the
/// window say so first.
class ReturnBook
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ReturnBook)
public:
    explicit ReturnBook(Desk *desk);

    /// The day overdue returns are judged on (today unless set).
    void setToday(const QDate &today) { m_today = today; }
    QDate today() const { return m_today; }

    /// Every unit that reports to a unit above, for the month: stored returns and, for units that
    /// have none yet, a draft with id 0. reviewerUnitId > 0: only the units reporting to it.
    QList<MonthlyReturn> returns(int year, int month, qint64 reviewerUnitId = 0) const;
    /// One unit's return, with its figures (id 0 and the computed figures when none is stored).
    std::optional<MonthlyReturn> returnOf(qint64 unitId, int year, int month, Status *status = nullptr) const;
    /// The figures the desk counts for a unit at the end of the month: the metrics it has targets on
    /// and the bureau's return metrics, from its progress (pipeline or reported, by the source rule).
    QList<ReturnFigure> computeFigures(qint64 unitId, int year, int month) const;
    /// The submitted figures beside what the pipeline and the reports give now.
    QList<ReturnCheck> check(const MonthlyReturn &r) const;
    /// returnOf() and check() together, counting the desk once (the review view).
    std::optional<std::pair<MonthlyReturn, QList<ReturnCheck>>> review(qint64 unitId, int year, int month) const;
    QDate deadline(qint64 unitId, int year, int month) const;

    /// Writes the figures of a draft or returned return (made when there is none). A figure that
    /// differs from the computed one needs its reason. An approved or submitted return is not
    /// changed: reopen() it first.
    Status saveFigures(qint64 unitId, int year, int month, const QList<ReturnFigure> &figures);
    /// Corrects one figure, with its reason (the same rules).
    Status correct(qint64 unitId, int year, int month, const QString &metric, double value, const QString &reason);
    Status submit(qint64 unitId, int year, int month);
    Status approve(qint64 unitId, int year, int month, const QString &opinion = QString());
    Status sendBack(qint64 unitId, int year, int month, const QString &opinion);
    /// An approved return made a draft again, with the reason (in the opinion): its figures may
    /// then be corrected and submitted again.
    Status reopen(qint64 unitId, int year, int month, const QString &reason);

    /// A team account's own unit (0 for administrators, viewers and on a personal desk).
    qint64 ownUnit() const;
    /// Whether this account may write and submit the unit's return, and review it.
    bool maySubmit(qint64 unitId) const;
    bool mayReview(qint64 unitId) const;

    /// Every change of a return's state and opinion, oldest first (from the audit trail).
    QList<AuditEntry> history(qint64 returnId) const;

    /// The approved figures of the year, per unit and metric: the latest approved return up to the
    /// month. For the bulletin that uses approved figures only.
    struct Approved { int month = 0; double value = 0; };
    QHash<QPair<qint64, QString>, Approved> approvedFigures(int year, int uptoMonth) const;
    /// The month whose return stands for a day: its own month on the month's last day, else the
    /// month before (0 in January before the 31st).
    static int reportingMonth(const QDate &asOf);
    /// The latest year and month that have a stored return ({0, 0} when none).
    QPair<int, int> latestMonth() const;
    /// Returns of the month that are overdue (see MonthlyReturn::overdue).
    int overdueCount(int year, int month) const;

private:
    std::optional<MonthlyReturn> returnOf(qint64 unitId, int year, int month, Status *status,
                                          const QList<ProgressRow> *rows) const;
    QList<ProgressRow> rowsAt(int year, int month) const;
    QList<ReturnFigure> figuresFrom(const QList<ProgressRow> &rows, qint64 unitId, int year, int month) const;
    QList<ReturnCheck> checksFrom(const QList<ProgressRow> &rows, const MonthlyReturn &r) const;
    Status move(qint64 unitId, int year, int month, ReturnState to, const QString &opinion);
    bool isAdmin() const; ///< or a personal desk: every step is the officer's
    qint64 ensureStored(qint64 unitId, int year, int month, const QList<ReturnFigure> &figures, Status *status);
    /// A return's state, dates and opinion, without its figures.
    std::optional<MonthlyReturn> headerOf(qint64 unitId, int year, int month, Status *status) const;
    void fill(MonthlyReturn &r, const ProgressSettings &settings) const;
    QDate deadline(const ProgressSettings &settings, qint64 unitId, int year, int month) const;

    Desk *m_desk;
    QDate m_today = QDate::currentDate();
    mutable std::optional<qint64> m_ownUnit;
    mutable std::optional<bool> m_admin;
};

} // namespace IPDesk
