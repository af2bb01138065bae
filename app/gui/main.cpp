// ipdesk: the window. Parses the command line, opens the desk, shows the window.
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
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
    parser.addPositionalArgument(QStringLiteral("desk"), QApplication::translate("main", "The desk file to open."));
    QCommandLineOption demo(QStringLiteral("demo"),
                            QApplication::translate("main", "Fill a new desk with the demo data."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a picture of the window to FILE and quit."),
                                  QStringLiteral("FILE"));
    parser.addOption(demo);
    parser.addOption(screenshot);
    parser.process(app);

    const QString path = parser.positionalArguments().value(0, IPDesk::AppSettings::defaultDatabase());
    IPDesk::MainWindow window;
    // A first start (no desk yet) opens on the demo desk so there is something to look at.
    const bool firstStart = parser.positionalArguments().isEmpty();
    window.openDesk(path, parser.isSet(demo) || firstStart);
    window.show();
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(800, &window, [&] {
            window.grab().save(parser.value(screenshot));
            app.quit();
        });
    }
    return app.exec();
}
