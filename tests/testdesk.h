#pragma once
// Shared by the tests: a fresh desk in a temporary folder, optionally with the demo data.

#include "demodata.h"
#include "projectstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

struct TestDesk
{
    QTemporaryDir dir;
    IPDesk::Database db;
    std::unique_ptr<IPDesk::ProjectStore> store;

    explicit TestDesk(bool demo = true)
    {
        const IPDesk::Status s = db.open(path());
        if (!s)
            qFatal("cannot open test desk: %s", qPrintable(s.message()));
        store = std::make_unique<IPDesk::ProjectStore>(&db);
        if (demo) {
            const IPDesk::Status d = IPDesk::DemoData::loadBuiltIn(store.get());
            if (!d)
                qFatal("cannot load demo: %s", qPrintable(d.message()));
        }
    }
    QString path() const { return dir.filePath(QStringLiteral("test.ipdesk")); }
    qint64 unit(const char16_t *name) const { return store->unitByName(QString::fromUtf16(name)); }
};
