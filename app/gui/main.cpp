// ipdesk: the window. Parses the command line, opens the desk, shows the window.
#include "mainwindow.h"
#include "desk/settings.h"

#include <QApplication>

#include <functional>
#include <memory>
#include <QCommandLineParser>
#include <QIcon>
#include <QFileInfo>
#include <QTabWidget>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("IPDesk"));
    QApplication::setApplicationName(QStringLiteral("IPDesk"));
    QApplication::setApplicationVersion(QStringLiteral(IPDESK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ipdesk.svg")));
    IPDesk::AppSettings::installTranslators(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "IPDesk, the investment-promotion desk"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("desk"), QApplication::translate("main", "The desk file to open, or a team "
                                                                                  "database: postgresql://user@host:port/database"));
    QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "The desk to open (as the positional argument)."),
                          QStringLiteral("DESK"));
    parser.addOption(db);
    QCommandLineOption demo(QStringLiteral("demo"),
                            QApplication::translate("main", "Fill a new desk with the demo data."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a picture of the window to FILE and quit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption import(QStringLiteral("import"),
                              QApplication::translate("main", "Open the import dialog on a report, CSV or XLSX FILE (may be repeated)."),
                              QStringLiteral("FILE"));
    parser.addOption(import);
    QCommandLineOption show(QStringLiteral("show"),
                            QApplication::translate("main", "Open on a tab: pipeline, progress, figures, activities, returns, tasks or changes."),
                            QStringLiteral("TAB"));
    parser.addOption(show);
    parser.addOption(demo);
    parser.addOption(screenshot);
    parser.process(app);

    const QString path = parser.isSet(db) ? parser.value(db)
                                          : parser.positionalArguments().value(0, IPDesk::AppSettings::defaultDatabase());
    auto owned = std::make_unique<IPDesk::MainWindow>();
    IPDesk::MainWindow &window = *owned;
    // A first start (no desk yet) opens on the demo desk so there is something to look at.
    const bool firstStart = parser.positionalArguments().isEmpty() && !parser.isSet(db);
    window.openDesk(path, parser.isSet(demo) || firstStart);
    if (parser.isSet(show)) {
        const QStringList tabs = {QStringLiteral("pipeline"), QStringLiteral("progress"), QStringLiteral("figures"),
                                  QStringLiteral("activities"), QStringLiteral("returns"), QStringLiteral("tasks"),
                                  QStringLiteral("changes")};
        window.tabs()->setCurrentIndex(qMax(0, int(tabs.indexOf(parser.value(show)))));
    }
    window.show();
    if (parser.isSet(import)) {
        QTimer::singleShot(0, &window, [&] {
            QStringList reports;
            for (const QString &file : parser.values(import)) {
                const QString suffix = QFileInfo(file).suffix().toLower();
                if (suffix == QLatin1String("csv") || suffix == QLatin1String("xlsx"))
                    window.importTable(file);
                else
                    reports << file;
            }
            if (!reports.isEmpty())
                window.importReports(reports);
        });
    }
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(parser.isSet(import) ? 2000 : 800, &window, [&] {
            QWidget *top = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : &window;
            top->grab().save(parser.value(screenshot));
            if (top != &window)
                top->close();
            app.quit();
        });
    }
    // Preferences → Language: the window is built again in the new language, with the same desk.
    std::function<void(IPDesk::MainWindow *)> follow = [&](IPDesk::MainWindow *w) {
        QObject::connect(w, &IPDesk::MainWindow::languageChanged, &app, [&, w] {
            std::unique_ptr<IPDesk::MainWindow> next = w->rebuild();
            next->show();
            w->hide();
            owned.release()->deleteLater(); // w: it is still in its own signal
            owned = std::move(next);
            follow(owned.get());
        });
    };
    follow(owned.get());
    return app.exec();
}
