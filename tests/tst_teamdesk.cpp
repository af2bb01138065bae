// The team desk: what the server enforces and keeps. Runs on SQLite files too (tst_teamdesk), where
// the parts about accounts and row-level security do not apply and are skipped.
#include "testdesk.h"

#include "deskcopy.h"
#include "projectcommands.h"
#include "teamusers.h"

#include <QProcess>
#include <QSqlDriver>
#include <QSignalSpy>
#include <QUndoStack>

using namespace IPDesk;

class TestTeamDesk : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QVERIFY(true); }
};

QTEST_GUILESS_MAIN(TestTeamDesk)
#include "tst_teamdesk.moc"
