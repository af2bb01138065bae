// ipdesk-cli: the command-line face of IPDesk (../shared/spec/cli.md).
#include "desk/demodata.h"
#include "reports/readreport.h"
#include "reports/reportimporter.h"
#include "reports/textdecoder.h"
#include "base/metrics.h"
#include "progress/progress.h"
#include "progress/bulletin.h"
#include "progress/returns.h"
#include "desk/taskstore.h"
#include "tables/tableimport.h"
#include "desk/desk.h"
#include "desk/deskcopy.h"
#include "desk/teamusers.h"

#include <QGuiApplication>
#include <memory>
#include "desk/projectstore.h"
#include "desk/settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

#include <cmath>

#include <cstdio>

using namespace IPDesk;

namespace {

struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QTextStream &out()
{
    static QTextStream s(stdout);
    s.setEncoding(QStringConverter::Utf8);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    s.setEncoding(QStringConverter::Utf8);
    return s;
}

/// The usage text: on standard output with exit 0 when asked for (--help), else on standard error
/// with exit 2 after the problem (cli.md).
int usage(const QString &problem = QString(), bool asked = false)
{
    QTextStream &to = asked ? out() : err();
    if (!problem.isEmpty())
        to << problem << '\n';
    to << Cli::tr("usage: ipdesk-cli COMMAND [--db PATH] [options]\n"
                     "commands:\n"
                     "  demo --db PATH                 create a demo desk from the sample reports\n"
                     "  projects [--json]              list the project pipeline\n"
                     "  extract FILE...                print the facts found in reports as JSON Lines\n"
                     "  import-report FILE... [--year Y] [--unit NAME]\n"
                     "                                 extract and store facts with their reports (accept all);\n"
                     "                                 --year and --unit for reports that state none\n"
                     "  progress --year Y [--as-of DATE] [--json]\n"
                     "                                 each unit's actual against its target: completion, pace, status\n"
                     "  import --kind projects|targets|facts FILE [--mapping FILE.json] [--skip-invalid]\n"
                     "                                 import a CSV or XLSX table\n"
                     "  export --kind projects|targets|facts -o FILE [--gb18030]\n"
                     "                                 write CSV or XLSX, by the file's ending\n"
                     "  bulletin --year Y [--as-of DATE] -o FILE.pdf\n"
                     "                                 the ranking bulletin with its charts, as the window exports it\n"
                     "  ranking --year Y [--as-of DATE] [--json]\n"
                     "                                 the bulletin's ranking: rank, weighted completion, efficacy score, status\n"
                     "  migrate --from DESK --to DESK  copy a whole desk into an empty one in one transaction,\n"
                     "                                 e.g. desk.sqlite to postgresql://user@host/db and back\n"
                     "  user list | user add LOGIN --role admin|officer|viewer [--unit NAME]\n"
                     "                                 (the password is asked for, or read from the standard input)\n"
                     "       | user remove LOGIN       accounts of a team database (administrators only)\n"
                     "  returns --year Y --month M [--json]\n"
                     "                                 each unit's monthly return: state, deadline, overdue, opinion\n"
                     "  return submit|approve|reopen|send-back --unit NAME --year Y --month M [--opinion TEXT]\n"
                     "                                 move a unit's monthly return on (send-back needs the opinion)\n"
                     "  tasks [--json]                 follow-up tasks: unit, project, what, due, state\n"
                     "PATH may be a team database: postgresql://user[:password]@host[:port]/database;\n"
                     "a password not in the address is read from PGPASSWORD or ~/.pgpass.\n")
          << Qt::flush;
    return asked ? 0 : 2;
}

int fail(const QString &message)
{
    err() << message << '\n' << Qt::flush;
    return 1;
}

/// The command line read by QCommandLineParser: the command, --db, the other options and the files.
/// Every command takes the same options (cli.md); each says which it needs.
struct Args
{
    QString command;
    QString db;
    QStringList positional;
    QHash<QString, QString> options; // --key value (and -o FILE)
    QSet<QString> flags;             // --flag
    QString error;
};

Args parseArgs(const QStringList &argv)
{
    static const char *const valueNames[] = {"db", "kind", "mapping", "year", "as-of", "from", "to", "role", "unit",
                                             "password", "name", "o", "month", "opinion"};
    static const char *const flagNames[] = {"json", "skip-invalid", "gb18030"};
    QCommandLineParser parser;
    for (const char *name : valueNames)
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    for (const char *name : flagNames)
        parser.addOption(QCommandLineOption(QString::fromLatin1(name)));
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    parser.addOption(help);

    Args a;
    if (!parser.parse(argv)) {
        // Qt's own wording is English; say it in the user's language. A value can only be missing
        // after the last argument (the parser takes whatever follows an option as its value).
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString name = unknown.first();
            a.error = Cli::tr("unknown option %1").arg((name.size() == 1 ? QLatin1String("-") : QLatin1String("--")) + name);
        } else {
            QString last = argv.value(argv.size() - 1);
            last.remove(QRegularExpression(QStringLiteral("^-+")));
            a.error = last == QLatin1String("o") ? Cli::tr("-o needs a file") : Cli::tr("--%1 needs a value").arg(last);
        }
        return a;
    }
    if (parser.isSet(help))
        a.flags.insert(QStringLiteral("help"));
    for (const char *name : valueNames) {
        const QString key = QString::fromLatin1(name);
        if (parser.isSet(key))
            a.options.insert(key, parser.value(key));
    }
    for (const char *name : flagNames) {
        if (parser.isSet(QString::fromLatin1(name)))
            a.flags.insert(QString::fromLatin1(name));
    }
    a.db = a.options.take(QStringLiteral("db"));
    a.positional = parser.positionalArguments();
    if (!a.positional.isEmpty())
        a.command = a.positional.takeFirst();
    return a;
}

/// The one way the commands open a desk: the one of --db, else the default (as the window does).
/// On failure says why on standard error and returns nothing.
std::unique_ptr<Desk> openDesk(const Args &a, Database::OpenMode mode)
{
    if (Database::isServerAddress(a.db)) {
        const auto address = ServerAddress::parse(a.db);
        if (address && !address->password.isEmpty())
            err() << Cli::tr("Note: a password in the address can be read by other users of this computer (in the list of "
                             "running programs). Leave it out: it is then read from PGPASSWORD or ~/.pgpass.")
                  << '\n' << Qt::flush;
    }
    auto desk = std::make_unique<Desk>();
    const Status s = desk->open(a.db.isEmpty() ? AppSettings::defaultDatabase() : a.db, mode);
    if (!s) {
        fail(s.message());
        return nullptr;
    }
    return desk;
}

/// A new account's password: typed at a prompt that does not show it (twice), or the first line
/// of the standard input when that is not a terminal. Never an argument: others could read it.
std::optional<QString> readNewPassword(QString *why)
{
    QTextStream in(stdin);
    if (!isatty(STDIN_FILENO)) {
        const QString line = in.readLine();
        if (line.isEmpty())
            *why = Cli::tr("No password on the standard input.");
        return line.isEmpty() ? std::nullopt : std::optional<QString>(line);
    }
    termios saved {};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    err() << Cli::tr("Password of the new account: ") << Qt::flush;
    const QString first = in.readLine();
    err() << '\n' << Cli::tr("The same password again: ") << Qt::flush;
    const QString second = in.readLine();
    err() << '\n' << Qt::flush;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (first.isEmpty() || first != second) {
        *why = first.isEmpty() ? Cli::tr("No password was given.") : Cli::tr("The two passwords differ.");
        return std::nullopt;
    }
    return first;
}

int cmdDemo(const Args &a)
{
    if (a.db.isEmpty())
        return usage(Cli::tr("demo needs --db PATH"));
    if (QFileInfo::exists(a.db) && QFileInfo(a.db).size() > 0)
        return fail(Cli::tr("%1 exists already; the demo is written only to a new file.").arg(a.db));
    if (QFileInfo::exists(a.db) && !QFile::remove(a.db)) // an empty file given to be made the demo desk
        return fail(Cli::tr("%1 cannot be replaced.").arg(a.db));
    const auto desk = openDesk(a, Database::OpenMode::CreateIfMissing);
    if (!desk)
        return 1;
    const ProjectStore &store = *desk->projects();
    const Status s = DemoData::loadBuiltIn(desk.get());
    if (!s)
        return fail(s.message());
    out() << Cli::tr("Demo desk written to %1: %2 units, %3 projects.")
                 .arg(desk->location()).arg(store.units().size()).arg(store.projectCount())
          << '\n';
    return 0;
}

int cmdProjects(const Args &a)
{
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    Status s;
    ProjectStore &store = *desk->projects();
    ProjectQuery q;
    q.sortField = ProjectField::Code;
    const bool json = a.flags.contains(QStringLiteral("json"));
    constexpr int Batch = 5000;
    for (int offset = 0;; offset += Batch) {
        const QList<Project> rows = store.fetch(q, offset, Batch, &s);
        if (!s)
            return fail(s.message());
        for (const Project &p : rows) {
            if (json) {
                // The list query carries only the signed and started dates; read the whole history.
                const auto full = store.project(p.id);
                out() << QJsonDocument(projectToJson(full ? *full : p, store)).toJson(QJsonDocument::Compact) << '\n';
            } else {
                out() << p.code << '\t' << p.name << '\t' << store.unitName(p.unitId) << '\t' << Names::stage(p.stage)
                      << '\t' << Money::format(p.plannedInvestment, MoneyUnit::Yi) << '\n';
            }
        }
        if (rows.size() < Batch)
            break;
    }
    out().flush();
    return 0;
}

QJsonObject factToJson(const Fact &f, const QString &file)
{
    QJsonObject o{
        {QStringLiteral("file"), file},
        {QStringLiteral("district"), f.district},
        {QStringLiteral("year"), f.year},
        {QStringLiteral("span"), f.span},
        {QStringLiteral("metric"), f.metric},
        {QStringLiteral("kind"), f.kind},
        {QStringLiteral("value"), f.value},
        {QStringLiteral("qualifier"), f.qualifier},
        {QStringLiteral("evidence"), QJsonObject{{QStringLiteral("start"), f.evidenceStart},
                                                 {QStringLiteral("end"), f.evidenceEnd},
                                                 {QStringLiteral("text"), f.evidenceText}}},
    };
    if (f.asOf.isValid())
        o.insert(QStringLiteral("as_of"), f.asOf.toString(Qt::ISODate));
    if (f.hasValueMax)
        o.insert(QStringLiteral("value_max"), f.valueMax);
    if (!f.cue.isEmpty())
        o.insert(QStringLiteral("cue"), f.cue);
    o.insert(QStringLiteral("confidence"), std::round(f.confidence * 100) / 100);
    return o;
}

int cmdExtract(const Args &a)
{
    if (a.positional.isEmpty())
        return usage(Cli::tr("extract needs at least one report file"));
    int failures = 0;
    for (const QString &file : a.positional) {
        const ReadReport r = ReadReport::fromFile(file);
        const Extraction &e = r.extraction;
        if (!e.status) {
            err() << QFileInfo(file).fileName() << ": " << e.status.message() << '\n';
            ++failures;
            continue;
        }
        if (!r.encodingNote.isEmpty() || r.encodingUnsure) {
            const QString read = TextDecoder::displayName(r.encodings.value(0));
            const QString unsure = r.encodings.size() > 1
                ? Cli::tr("read as %1; the encoding is not certain (also possible: %2)").arg(read, r.encodings.mid(1).join(QLatin1String(", ")))
                : Cli::tr("read as %1; the encoding is not certain").arg(read); // (no other one to name)
            err() << QFileInfo(file).fileName() << ": " << (r.encodingNote.isEmpty() ? unsure : r.encodingNote) << '\n';
        }
        for (const Fact &f : e.facts)
            out() << QJsonDocument(factToJson(f, file)).toJson(QJsonDocument::Compact) << '\n';
    }
    out().flush();
    err().flush();
    return failures ? 1 : 0;
}

int cmdImportReport(const Args &a)
{
    if (a.positional.isEmpty())
        return usage(Cli::tr("import-report needs at least one report file"));
    // A report that states no year or names no unit: --year and --unit give them, as the officer
    // does in the import dialog; without them such figures are left out, and said so.
    const int year = a.options.value(QStringLiteral("year")).toInt();
    if (a.options.contains(QStringLiteral("year")) && (year < 1900 || year > 2200))
        return usage(Cli::tr("--year needs a year such as 2024"));
    const QString unit = a.options.value(QStringLiteral("unit")).trimmed();
    const auto desk = openDesk(a, Database::OpenMode::CreateIfMissing);
    if (!desk)
        return 1;
    ReportImporter importer(desk.get());
    QList<ImportPlan> plans;
    int unreadable = 0;
    for (const QString &file : a.positional) {
        ImportPlan plan = importer.prepareFile(file);
        if (!plan.status) {
            err() << QFileInfo(file).fileName() << ": " << plan.status.message() << '\n';
            if (!plan.existingDocumentId) // a report seen before is not a failure
                ++unreadable;
        }
        importer.fillMissing(plan, year, unit);
        const int noYear = ReportImporter::missingYears(plan), noUnit = ReportImporter::missingUnits(plan);
        if (noYear)
            err() << Cli::tr("%1 states no year: %n figure(s) left out (give --year).", nullptr, noYear).arg(plan.title) << '\n';
        if (noUnit)
            err() << Cli::tr("%1 names no unit: %n figure(s) left out (give --unit).", nullptr, noUnit).arg(plan.title) << '\n';
        plans.append(plan);
    }
    ImportSummary sum;
    const Status s = importer.commit(plans, &sum);
    if (!s)
        return fail(s.message());
    out() << Cli::tr("Stored %1 facts from %2 reports (%3 replaced, %4 new units, %5 reports skipped).")
                 .arg(sum.facts).arg(sum.documents).arg(sum.replaced).arg(sum.unitsCreated).arg(sum.skippedDocuments)
          << '\n';
    out().flush();
    return unreadable == a.positional.size() ? 1 : 0;
}

/// --year and --as-of of progress and bulletin; a usage message (exit 2) when they are wrong.
bool yearAndAsOf(const Args &a, const QString &command, int *year, QDate *asOf, int *exitCode)
{
    bool ok = false;
    *year = a.options.value(QStringLiteral("year")).toInt(&ok);
    if (!ok || *year < 1990 || *year > 2100) {
        *exitCode = usage(Cli::tr("%1 needs --year YYYY").arg(command));
        return false;
    }
    if (a.options.contains(QStringLiteral("as-of"))) {
        *asOf = QDate::fromString(a.options.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf->isValid()) {
            *exitCode = usage(Cli::tr("--as-of needs a date as YYYY-MM-DD"));
            return false;
        }
    }
    return true;
}

/// What progress and ranking start from: --year and --as-of (the day kept within the year, with a
/// note when it had to be), and the desk. Returns false with *exitCode set when it cannot.
std::unique_ptr<Desk> openForProgress(const Args &a, const QString &command, int *year, QDate *effective, int *exitCode)
{
    QDate asOf;
    if (!yearAndAsOf(a, command, year, &asOf, exitCode))
        return nullptr;
    auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk) {
        *exitCode = 1;
        return nullptr;
    }
    QString note;
    *effective = ProgressCalculator::effectiveAsOf(*year, asOf, &note);
    if (!note.isEmpty())
        err() << note << '\n';
    return desk;
}

int cmdProgress(const Args &a)
{
    int year = 0, code = 0;
    QDate effective;
    const auto desk = openForProgress(a, QStringLiteral("progress"), &year, &effective, &code);
    if (!desk)
        return code;
    ProgressCalculator calc(desk.get(), ProgressSettings::load(desk.get()));
    const QList<ProgressRow> rows = calc.compute(year, effective);
    const bool json = a.flags.contains(QStringLiteral("json"));
    if (rows.isEmpty())
        err() << Cli::tr("There are no targets and no figures for %1.").arg(year) << '\n';
    for (const ProgressRow &r : rows) {
        if (json) {
            QJsonObject o{{QStringLiteral("unit"), r.unit},
                          {QStringLiteral("metric"), r.metric},
                          {QStringLiteral("year"), year},
                          {QStringLiteral("as_of"), effective.toString(Qt::ISODate)},
                          {QStringLiteral("pace_pct"), std::round(r.pace * 100) / 100},
                          {QStringLiteral("status"), statusCode(r.status)}};
            if (r.hasTarget) {
                o.insert(QStringLiteral("target"), r.target);
                o.insert(QStringLiteral("target_qualifier"), r.targetQualifier);
                o.insert(QStringLiteral("target_source"), r.targetSource);
            }
            if (r.hasActual) {
                o.insert(QStringLiteral("actual"), std::round(r.actual * 10000) / 10000);
                o.insert(QStringLiteral("source"), r.source);
                if (!r.sourceDetail.isEmpty())
                    o.insert(QStringLiteral("source_detail"), r.sourceDetail);
            }
            // Both sources side by side: the books and what was announced.
            o.insert(QStringLiteral("source_rule"), r.sourceRule);
            if (r.hasPipeline)
                o.insert(QStringLiteral("pipeline"), std::round(r.pipeline * 10000) / 10000);
            if (r.hasReported) {
                o.insert(QStringLiteral("reported"), std::round(r.reported * 10000) / 10000);
                o.insert(QStringLiteral("reported_span"), r.reportedSpan);
                o.insert(QStringLiteral("reported_as_of"), r.reportedEnd.toString(Qt::ISODate));
                if (!r.reportedDocument.isEmpty())
                    o.insert(QStringLiteral("reported_document"), r.reportedDocument);
                if (r.hasPipeline)
                    o.insert(QStringLiteral("difference"), std::round((r.pipeline - r.reported) * 10000) / 10000);
            }
            if (r.hasTarget && r.hasActual && r.target > 0) {
                o.insert(QStringLiteral("completion_pct"), std::round(r.completion * 100) / 100);
                o.insert(QStringLiteral("gap_pp"), std::round(r.gap * 100) / 100);
            }
            out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out() << QString(r.depth * 2, QLatin1Char(' ')) << r.unit << '\t' << statusName(r.status) << '\t' << r.summary() << '\n';
        }
    }
    out().flush();
    return 0;
}

int cmdRanking(const Args &a)
{
    int year = 0, code = 0;
    QDate effective;
    const auto desk = openForProgress(a, QStringLiteral("ranking"), &year, &effective, &code);
    if (!desk)
        return code;
    const ProgressSettings settings = ProgressSettings::load(desk.get());
    ProgressCalculator calc(desk.get(), settings);
    const QList<RankRow> ranking = calc.rank(calc.compute(year, effective), calc.defaultRankParent());
    const bool json = a.flags.contains(QStringLiteral("json"));
    auto pct = [](double v) { return std::round(v * 100) / 100; };
    if (const QString note = ProgressCalculator::rankingNote(ranking, settings, year); !note.isEmpty())
        err() << note << '\n';
    for (const RankRow &r : ranking) {
        if (json) {
            QJsonObject o{{QStringLiteral("unit"), r.unit},
                          {QStringLiteral("year"), year},
                          {QStringLiteral("as_of"), effective.toString(Qt::ISODate)},
                          {QStringLiteral("status"), statusCode(r.status)}};
            o.insert(QStringLiteral("rank"), r.rank > 0 ? QJsonValue(r.rank) : QJsonValue());
            if (r.rank > 0)
                o.insert(QStringLiteral("weighted_completion_pct"), pct(r.weighted));
            if (r.hasEfficacy)
                o.insert(QStringLiteral("efficacy_score"), pct(r.efficacy));
            // Per metric its completion, for the metrics the unit has a target on (and only those).
            QJsonObject completion;
            if (r.hasCount)
                completion.insert(settings.countMetric, pct(r.countCompletion));
            if (r.hasAmount)
                completion.insert(settings.amountMetric, pct(r.amountCompletion));
            o.insert(QStringLiteral("completion_pct"), completion);
            out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            auto cell = [&pct](bool has, double v) { return has ? QString::number(pct(v)) + QLatin1Char('%') : Cli::tr("no target"); };
            out() << (r.rank > 0 ? QString::number(r.rank) : QStringLiteral("—")) << '\t' << r.unit << '\t'
                  << Metrics::name(settings.countMetric) << ' ' << cell(r.hasCount, r.countCompletion) << '\t'
                  << Metrics::name(settings.amountMetric) << ' ' << cell(r.hasAmount, r.amountCompletion) << '\t'
                  << (r.rank > 0 ? Cli::tr("weighted %1%").arg(pct(r.weighted)) : QString()) << '\t'
                  << (r.hasEfficacy ? Cli::tr("efficacy %1").arg(pct(r.efficacy)) : QString()) << '\t'
                  << statusName(r.status) << '\n';
        }
    }
    out().flush();
    return 0;
}

int cmdBulletin(const Args &a)
{
    int year = 0, code = 0;
    QDate asOf;
    if (!yearAndAsOf(a, QStringLiteral("bulletin"), &year, &asOf, &code))
        return code;
    const QString output = a.options.value(QStringLiteral("o"));
    if (output.isEmpty())
        return usage(Cli::tr("bulletin needs -o FILE.pdf"));
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    const BulletinData data = BulletinData::collect(desk.get(), ProgressSettings::load(desk.get()), year, asOf);
    if (!data.note.isEmpty())
        err() << data.note << '\n';
    const Status s = BulletinWriter::writePdf(data, output);
    if (!s)
        return fail(s.message());
    out() << Cli::tr("Bulletin of %1 for %2 as of %3 written to %4.")
                 .arg(data.scopeName).arg(year).arg(data.asOf.toString(Qt::ISODate), output)
          << '\n';
    return 0;
}

int cmdImport(const Args &a)
{
    TableKind kind;
    if (!TableImporter::kindFromCode(a.options.value(QStringLiteral("kind"), QStringLiteral("projects")), &kind))
        return usage(Cli::tr("--kind is projects, targets or facts"));
    if (a.positional.size() != 1)
        return usage(Cli::tr("import needs one CSV or XLSX file"));
    const auto desk = openDesk(a, Database::OpenMode::CreateIfMissing);
    if (!desk)
        return 1;
    TableImporter importer(desk.get());
    Status s = importer.open(a.positional.first(), kind);
    if (!s)
        return fail(s.message());
    if (a.options.contains(QStringLiteral("mapping"))) {
        QFile f(a.options.value(QStringLiteral("mapping")));
        if (!f.open(QIODevice::ReadOnly))
            return fail(Cli::tr("The mapping %1 cannot be read.").arg(f.fileName()));
        QString error;
        const ColumnMapping m = ColumnMapping::fromJson(QJsonDocument::fromJson(f.readAll()).object(), importer.headers(), &error);
        if (!error.isEmpty())
            return fail(error);
        if (m.sheet != importer.mapping().sheet || m.headerRow != importer.mapping().headerRow) {
            s = importer.open(a.positional.first(), kind, m.sheet);
            if (!s)
                return fail(s.message());
        }
        importer.setMapping(m);
    }
    const ImportResult check = importer.validate();
    for (const RowProblem &p : check.problems)
        err() << Cli::tr("row %1, %2 \"%3\": %4").arg(p.row).arg(p.column, p.value, p.why) << '\n';
    if (check.problemRows && !a.flags.contains(QStringLiteral("skip-invalid")))
        return fail(Cli::tr("%n row(s) have problems; nothing was stored. Fix them, or pass --skip-invalid to store the others.",
                            nullptr, check.problemRows));
    ImportResult result;
    s = importer.run(&result);
    if (!s)
        return fail(s.message());
    out() << Cli::tr("%1: %2 added, %3 updated, %4 unchanged, %5 skipped.")
                 .arg(importer.source()->description()).arg(result.added).arg(result.updated).arg(result.unchanged).arg(result.skipped)
          << '\n';
    return 0;
}

int cmdExport(const Args &a)
{
    TableKind kind;
    if (!TableImporter::kindFromCode(a.options.value(QStringLiteral("kind"), QStringLiteral("projects")), &kind))
        return usage(Cli::tr("--kind is projects, targets or facts"));
    const QString output = a.options.value(QStringLiteral("o"));
    if (output.isEmpty())
        return usage(Cli::tr("export needs -o FILE.csv or FILE.xlsx"));
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    TableExporter::Options options;
    options.gb18030 = a.flags.contains(QStringLiteral("gb18030"));
    ProjectQuery q;
    q.sortField = ProjectField::Code;
    const Status s = kind == TableKind::Projects ? TableExporter::exportProjects(desk.get(), q, output, options)
      : kind == TableKind::Targets  ? TableExporter::exportTargets(desk.get(), output, options)
                                    : TableExporter::exportFacts(desk.get(), output, options);
    if (!s)
        return fail(s.message());
    out() << Cli::tr("Written to %1.").arg(output) << '\n';
    return 0;
}

} // namespace

int cmdMigrate(const Args &a)
{
    const QString fromPath = a.options.value(QStringLiteral("from"));
    const QString toPath = a.options.value(QStringLiteral("to"));
    if (fromPath.isEmpty() || toPath.isEmpty())
        return usage(Cli::tr("migrate needs --from DESK and --to DESK"));
    if (!Database::isServerAddress(toPath) && QFileInfo::exists(toPath) && QFileInfo(toPath).size() > 0)
        return fail(Cli::tr("%1 exists already; a desk is moved only into a new file or an empty team database.").arg(toPath));
    Database from;
    Status s = from.open(fromPath, Database::OpenMode::ExistingOnly);
    if (!s)
        return fail(s.message());
    const bool newFile = !Database::isServerAddress(toPath) && !QFileInfo::exists(toPath);
    Database to;
    s = to.open(toPath);
    if (!s)
        return fail(s.message());
    int lastShown = -1;
    s = copyDesk(from, to, [&lastShown](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent / 10 != lastShown / 10) {
            err() << Cli::tr("copied %1 of %2 records").arg(done).arg(total) << '\n' << Qt::flush;
            lastShown = percent;
        }
        return true;
    });
    if (!s) {
        to.close();
        if (newFile)
            QFile::remove(toPath);
        return fail(s.message());
    }
    ProjectStore store(&to);
    out() << Cli::tr("Moved %1 to %2: %3 units, %4 projects.")
                 .arg(from.location(), to.location()).arg(store.units().size()).arg(store.projectCount())
          << '\n';
    return 0;
}

int cmdUser(const Args &a)
{
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    Status s;
    const ProjectStore &store = *desk->projects();
    const QString action = a.positional.value(0);
    if (action == QLatin1String("list")) {
        const QList<TeamUser> users = desk->teamUsers(&s);
        if (!s)
            return fail(s.message());
        for (const TeamUser &u : users) {
            const QString unit = u.unitId ? store.unitName(u.unitId) : QString();
            out() << u.login << '\t' << TeamUser::roleName(u.role) << '\t' << unit << '\t' << u.fullName << '\n';
        }
        return 0;
    }
    if (action == QLatin1String("add")) {
        TeamUser u;
        u.login = a.positional.value(1);
        const auto role = TeamUser::roleFromCode(a.options.value(QStringLiteral("role"), QStringLiteral("officer")));
        if (u.login.isEmpty() || !role)
            return usage(Cli::tr("user add needs a LOGIN and --role admin, officer or viewer"));
        u.role = *role;
        if (a.options.contains(QStringLiteral("unit"))) {
            u.unitId = store.unitByName(a.options.value(QStringLiteral("unit")));
            if (!u.unitId)
                return fail(Cli::tr("There is no unit %1 on this desk.").arg(a.options.value(QStringLiteral("unit"))));
        }
        u.fullName = a.options.value(QStringLiteral("name"));
        if (a.options.contains(QStringLiteral("password")))
            return usage(Cli::tr("--password is not taken: other users of this computer could read it in the list of running "
                                 "programs. Leave it out and type the password when asked, or give it on the standard input."));
        QString why;
        const auto password = readNewPassword(&why);
        if (!password)
            return fail(why);
        s = desk->saveTeamUser(u, *password);
        if (!s)
            return fail(s.message());
        out() << Cli::tr("Account %1 saved.").arg(u.login) << '\n';
        return 0;
    }
    if (action == QLatin1String("remove")) {
        s = desk->removeTeamUser(a.positional.value(1));
        if (!s)
            return fail(s.message());
        out() << Cli::tr("Account %1 removed.").arg(a.positional.value(1)) << '\n';
        return 0;
    }
    return usage(Cli::tr("user needs list, add or remove"));
}

/// --year and --month of the returns commands.
bool yearAndMonth(const Args &a, const QString &command, int *year, int *month, int *exitCode)
{
    bool ok = false, okMonth = false;
    *year = a.options.value(QStringLiteral("year")).toInt(&ok);
    *month = a.options.value(QStringLiteral("month")).toInt(&okMonth);
    if (!ok || !okMonth || *year < 1990 || *year > 2100 || *month < 1 || *month > 12) {
        *exitCode = usage(Cli::tr("%1 needs --year YYYY and --month 1-12").arg(command));
        return false;
    }
    return true;
}

int cmdReturns(const Args &a)
{
    int year = 0, month = 0, code = 0;
    if (!yearAndMonth(a, QStringLiteral("returns"), &year, &month, &code))
        return code;
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    const ReturnBook book(desk.get());
    const bool json = a.flags.contains(QStringLiteral("json"));
    for (const MonthlyReturn &r : book.returns(year, month)) {
        if (json) {
            QJsonObject o{{QStringLiteral("unit"), r.unit},
                          {QStringLiteral("parent"), r.parent},
                          {QStringLiteral("year"), year},
                          {QStringLiteral("month"), month},
                          {QStringLiteral("state"), returnStateCode(r.state)},
                          {QStringLiteral("started"), r.id > 0},
                          {QStringLiteral("deadline"), r.deadline.toString(Qt::ISODate)},
                          {QStringLiteral("overdue"), r.overdue},
                          {QStringLiteral("submitted_late"), r.submittedLate},
                          {QStringLiteral("opinion"), r.opinion}};
            if (r.submittedAt.isValid()) {
                o.insert(QStringLiteral("submitted_by"), r.submittedBy);
                o.insert(QStringLiteral("submitted_at"), r.submittedAt.toString(Qt::ISODate));
            }
            if (r.reviewedAt.isValid()) {
                o.insert(QStringLiteral("reviewed_by"), r.reviewedBy);
                o.insert(QStringLiteral("reviewed_at"), r.reviewedAt.toString(Qt::ISODate));
            }
            out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out() << r.unit << '\t' << r.parent << '\t' << returnStateName(r.state) << '\t'
                  << Cli::tr("due %1").arg(r.deadline.toString(Qt::ISODate)) << '\t'
                  << (r.overdue ? Cli::tr("overdue") : QString()) << '\t' << r.opinion << '\n';
        }
    }
    out().flush();
    return 0;
}

int cmdReturn(const Args &a)
{
    const QString action = a.positional.value(0);
    const QStringList actions{QStringLiteral("submit"), QStringLiteral("approve"), QStringLiteral("reopen"), QStringLiteral("send-back")};
    if (!actions.contains(action))
        return usage(Cli::tr("return needs submit, approve, reopen or send-back"));
    int year = 0, month = 0, code = 0;
    if (!yearAndMonth(a, QStringLiteral("return ") + action, &year, &month, &code))
        return code;
    const QString unitName = a.options.value(QStringLiteral("unit"));
    if (unitName.isEmpty())
        return usage(Cli::tr("return %1 needs --unit NAME").arg(action));
    const QString opinion = a.options.value(QStringLiteral("opinion"));
    if (action == QLatin1String("send-back") && opinion.trimmed().isEmpty())
        return usage(Cli::tr("return send-back needs --opinion TEXT: what the unit is to correct"));
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    const qint64 unit = desk->projects()->unitByName(unitName);
    if (!unit)
        return fail(Cli::tr("There is no unit %1 on this desk.").arg(unitName));
    ReturnBook book(desk.get());
    const Status s = action == QLatin1String("submit")    ? book.submit(unit, year, month)
                   : action == QLatin1String("approve")   ? book.approve(unit, year, month, opinion)
                   : action == QLatin1String("reopen")    ? book.reopen(unit, year, month, opinion)
                                                          : book.sendBack(unit, year, month, opinion);
    if (!s)
        return fail(s.message());
    const auto r = book.returnOf(unit, year, month);
    out() << Cli::tr("The return of %1 for %2 is now %3.")
                 .arg(unitName, Metrics::monthName(month),
                      r ? returnStateName(r->state) : QString())
          << '\n' << Qt::flush;
    return 0;
}

int cmdTasks(const Args &a)
{
    const auto desk = openDesk(a, Database::OpenMode::ExistingOnly);
    if (!desk)
        return 1;
    Status s;
    const QList<FollowUpTask> tasks = TaskStore(desk->database()).tasks(&s);
    if (!s)
        return fail(s.message());
    const QDate today = QDate::currentDate();
    const bool json = a.flags.contains(QStringLiteral("json"));
    for (const FollowUpTask &t : tasks) {
        const QString project = t.projectId ? desk->projects()->project(t.projectId).value_or(Project()).name : QString();
        if (json) {
            QJsonObject o{{QStringLiteral("id"), t.id},
                          {QStringLiteral("unit"), desk->projects()->unitName(t.unitId)},
                          {QStringLiteral("what"), t.what},
                          {QStringLiteral("due"), t.due.toString(Qt::ISODate)},
                          {QStringLiteral("state"), t.stateCode(today)},
                          {QStringLiteral("created_by"), t.createdBy},
                          {QStringLiteral("replies"), int(t.replies.size())}};
            if (!project.isEmpty())
                o.insert(QStringLiteral("project"), project);
            if (t.doneOn.isValid())
                o.insert(QStringLiteral("done_on"), t.doneOn.toString(Qt::ISODate));
            out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out() << t.stateName(today) << '\t' << t.due.toString(Qt::ISODate) << '\t' << desk->projects()->unitName(t.unitId)
                  << '\t' << (project.isEmpty() ? QStringLiteral("—") : project) << '\t' << t.what << '\n';
        }
    }
    out().flush();
    return 0;
}

int main(int argc, char **argv)
{
    // Drawing the bulletin needs fonts, hence a GUI application; without a screen it runs offscreen.
    bool drawing = false;
    for (int i = 1; i < argc; ++i)
        drawing = drawing || qstrcmp(argv[i], "bulletin") == 0;
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(drawing ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("IPDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("IPDesk"));
    AppSettings::installTranslators(&app);

    const Args a = parseArgs(app.arguments());
    if (!a.error.isEmpty())
        return usage(a.error);
    if (a.flags.contains(QStringLiteral("help")))
        return usage(QString(), true);
    if (a.command.isEmpty())
        return usage();
    if (a.command == QLatin1String("demo"))
        return cmdDemo(a);
    if (a.command == QLatin1String("projects"))
        return cmdProjects(a);
    if (a.command == QLatin1String("extract"))
        return cmdExtract(a);
    if (a.command == QLatin1String("import-report"))
        return cmdImportReport(a);
    if (a.command == QLatin1String("progress"))
        return cmdProgress(a);
    if (a.command == QLatin1String("bulletin"))
        return cmdBulletin(a);
    if (a.command == QLatin1String("ranking"))
        return cmdRanking(a);
    if (a.command == QLatin1String("import"))
        return cmdImport(a);
    if (a.command == QLatin1String("export"))
        return cmdExport(a);
    if (a.command == QLatin1String("migrate"))
        return cmdMigrate(a);
    if (a.command == QLatin1String("user"))
        return cmdUser(a);
    if (a.command == QLatin1String("returns"))
        return cmdReturns(a);
    if (a.command == QLatin1String("return"))
        return cmdReturn(a);
    if (a.command == QLatin1String("tasks"))
        return cmdTasks(a);
    return usage(Cli::tr("unknown command %1").arg(a.command));
}
