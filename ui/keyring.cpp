#include "keyring.h"

#include "desk/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace IPDesk {

namespace {

const QLatin1String service("IPDesk team database");

/// Runs a keychain job to its end (they are asynchronous) and turns its error into a Status.
Status run(QKeychain::Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (job->error() == QKeychain::NoError)
        return Status();
    if (job->error() == QKeychain::EntryNotFound)
        return Status::error(QCoreApplication::translate("IPDesk::Keyring", "No password is kept for this database."));
    return Status::error(QCoreApplication::translate("IPDesk::Keyring", "The system keyring cannot be used: %1")
                             .arg(job->errorString()));
}

bool disabled()
{
    // Tests and scripted runs never touch the user's real keyring.
    return qEnvironmentVariableIsSet("IPDESK_NO_KEYRING");
}

} // namespace

QString Keyring::keyFor(const QString &address)
{
    const auto a = ServerAddress::parse(address);
    return a ? a->toString(false) : address;
}

QString Keyring::read(const QString &address, Status *status)
{
    if (disabled()) {
        if (status)
            *status = Status::error(QCoreApplication::translate("IPDesk::Keyring", "The keyring is turned off."));
        return QString();
    }
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(keyFor(address));
    const Status s = run(&job);
    if (status)
        *status = s;
    return s ? job.textData() : QString();
}

Status Keyring::write(const QString &address, const QString &password)
{
    if (disabled())
        return Status::error(QCoreApplication::translate("IPDesk::Keyring", "The keyring is turned off."));
    QKeychain::WritePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(keyFor(address));
    job.setTextData(password);
    return run(&job);
}

Status Keyring::remove(const QString &address)
{
    if (disabled())
        return Status();
    QKeychain::DeletePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(keyFor(address));
    return run(&job);
}

} // namespace IPDesk
