#include "base/metrics.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace IPDesk {

namespace {
const QHash<QString, QString> &unitTable()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        QFile f(QStringLiteral(":/metrics.tsv"));
        if (f.open(QIODevice::ReadOnly)) {
            const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
            for (int i = 1; i < lines.size(); ++i) {
                const QStringList cols = lines.at(i).split(QLatin1Char('\t'));
                if (cols.size() >= 2 && !cols.at(0).isEmpty())
                    t.insert(cols.at(0), cols.at(1));
            }
        }
        return t;
    }();
    return table;
}
} // namespace

QStringList Metrics::ids()
{
    static const QStringList order = {
        QStringLiteral("negotiating_projects"), QStringLiteral("signed_projects"), QStringLiteral("signed_investment"),
        QStringLiteral("registered_projects"), QStringLiteral("started_projects"), QStringLiteral("started_investment"),
        QStringLiteral("operating_projects"), QStringLiteral("introduced_projects"), QStringLiteral("funds_in_place"),
        QStringLiteral("large_projects"), QStringLiteral("capital_increase_projects"), QStringLiteral("expected_output"),
        QStringLiteral("expected_tax"), QStringLiteral("outbound_trips"), QStringLiteral("leader_outbound_trips"),
        QStringLiteral("companies_visited"), QStringLiteral("inbound_visits"), QStringLiteral("promotion_events"),
        QStringLiteral("annual_completion_pct")};
    QStringList out;
    for (const QString &id : order) {
        if (unitTable().contains(id))
            out << id;
    }
    for (auto it = unitTable().cbegin(); it != unitTable().cend(); ++it) {
        if (!out.contains(it.key()))
            out << it.key();
    }
    return out;
}

QString Metrics::unit(const QString &id)
{
    return unitTable().value(id);
}

QString Metrics::name(const QString &id)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("negotiating_projects"), QT_TR_NOOP("Projects under negotiation")},
        {QStringLiteral("signed_projects"), QT_TR_NOOP("Signed projects")},
        {QStringLiteral("signed_investment"), QT_TR_NOOP("Signed investment")},
        {QStringLiteral("registered_projects"), QT_TR_NOOP("Registered projects")},
        {QStringLiteral("started_projects"), QT_TR_NOOP("Started projects")},
        {QStringLiteral("started_investment"), QT_TR_NOOP("Investment of started projects")},
        {QStringLiteral("operating_projects"), QT_TR_NOOP("Projects in operation")},
        {QStringLiteral("introduced_projects"), QT_TR_NOOP("Projects introduced")},
        {QStringLiteral("funds_in_place"), QT_TR_NOOP("Funds in place")},
        {QStringLiteral("large_projects"), QT_TR_NOOP("Projects of 1 billion yuan or more")},
        {QStringLiteral("capital_increase_projects"), QT_TR_NOOP("Capital-increase projects")},
        {QStringLiteral("expected_output"), QT_TR_NOOP("Expected annual output")},
        {QStringLiteral("expected_tax"), QT_TR_NOOP("Expected annual tax")},
        {QStringLiteral("outbound_trips"), QT_TR_NOOP("Investment-seeking trips")},
        {QStringLiteral("leader_outbound_trips"), QT_TR_NOOP("Trips led by principal leaders")},
        {QStringLiteral("companies_visited"), QT_TR_NOOP("Companies visited")},
        {QStringLiteral("inbound_visits"), QT_TR_NOOP("Investor delegations received")},
        {QStringLiteral("promotion_events"), QT_TR_NOOP("Promotion events")},
        {QStringLiteral("annual_completion_pct"), QT_TR_NOOP("Share of the annual task completed")},
    };
    const auto it = names.constFind(id);
    return it == names.cend() ? id : tr(it.value());
}

QString Metrics::formatValue(const QString &id, double value)
{
    const QString u = unit(id);
    // Money with two decimals in 亿元; counts whole, with their counter word (个, 次, 家 ...).
    if (u == QLatin1String("yi_yuan"))
        return tr("%1 100M yuan").arg(QString::number(value, 'f', 2));
    const QString number = QString::number(value, 'g', 12);
    if (u == QLatin1String("percent"))
        return tr("%1%").arg(number);
    if (id == QLatin1String("outbound_trips") || id == QLatin1String("leader_outbound_trips"))
        return tr("%1 trips").arg(number);
    if (id == QLatin1String("companies_visited"))
        return tr("%1 companies").arg(number);
    if (id == QLatin1String("inbound_visits"))
        return tr("%1 delegations").arg(number);
    if (id == QLatin1String("promotion_events"))
        return tr("%1 events").arg(number);
    if (u == QLatin1String("count"))
        return tr("%1 projects").arg(number);
    return number;
}

QStringList Metrics::spans()
{
    QStringList s{QStringLiteral("FY"), QStringLiteral("YTD"), QStringLiteral("Q1"), QStringLiteral("Q2"),
                  QStringLiteral("Q3"), QStringLiteral("Q4"), QStringLiteral("H1"), QStringLiteral("H2")};
    for (int m = 1; m <= 12; ++m)
        s << QStringLiteral("M%1").arg(m, 2, 10, QLatin1Char('0'));
    for (int m = 2; m <= 11; ++m)
        s << QStringLiteral("M01-M%1").arg(m, 2, 10, QLatin1Char('0'));
    return s;
}

QString Metrics::monthSpan(int month)
{
    return QStringLiteral("M%1").arg(month, 2, 10, QLatin1Char('0'));
}

QString Metrics::monthsToDate(int month)
{
    return month <= 1 ? monthSpan(1) : monthSpan(1) + QLatin1Char('-') + monthSpan(month);
}

QString Metrics::spanName(const QString &span)
{
    if (span == QLatin1String("FY"))
        return tr("Full year");
    if (span == QLatin1String("YTD"))
        return tr("Year to date");
    if (span == QLatin1String("H1"))
        return tr("First half");
    if (span == QLatin1String("H2"))
        return tr("Second half");
    static const QRegularExpression quarter(QStringLiteral("^Q([1-4])$"));
    static const QRegularExpression month(QStringLiteral("^M(\\d\\d)$"));
    static const QRegularExpression range(QStringLiteral("^M(\\d\\d)-M(\\d\\d)$"));
    if (const auto m = quarter.match(span); m.hasMatch())
        return tr("Q%1").arg(m.captured(1));
    if (const auto m = month.match(span); m.hasMatch())
        return tr("Month %1").arg(m.captured(1).toInt());
    if (const auto m = range.match(span); m.hasMatch())
        return tr("Months %1-%2").arg(m.captured(1).toInt()).arg(m.captured(2).toInt());
    return span;
}

QStringList Metrics::qualifiers()
{
    return {QStringLiteral("exact"), QStringLiteral("approx"), QStringLiteral("over"), QStringLiteral("at_least"),
            QStringLiteral("under"), QStringLiteral("range")};
}

QString Metrics::qualifierName(const QString &q)
{
    if (q == QLatin1String("exact")) return tr("exact");
    if (q == QLatin1String("approx")) return tr("about");
    if (q == QLatin1String("over")) return tr("over");
    if (q == QLatin1String("at_least")) return tr("at least");
    if (q == QLatin1String("under")) return tr("under");
    if (q == QLatin1String("range")) return tr("range");
    return q;
}

QString Metrics::kindName(const QString &kind)
{
    return kind == QLatin1String("target") ? tr("Target") : tr("Actual");
}

} // namespace IPDesk
