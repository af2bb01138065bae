#include "base/money.h"

#include <QTest>

using namespace IPDesk;

class TestMoney : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("unit"); // default unit: 0 亿, 1 万
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("yuan");
        QTest::newRow("yi with unit") << QStringLiteral("26.24亿元") << 0 << true << 2624000000LL;
        QTest::newRow("yi short") << QStringLiteral("26.24亿") << 1 << true << 2624000000LL;
        QTest::newRow("wan") << QStringLiteral("3000万元") << 0 << true << 30000000LL;
        QTest::newRow("bare number in yi") << QStringLiteral("1.5") << 0 << true << 150000000LL;
        QTest::newRow("bare number in wan") << QStringLiteral("1,500") << 1 << true << 15000000LL;
        QTest::newRow("full-width digits") << QStringLiteral("１２．５亿") << 1 << true << 1250000000LL;
        QTest::newRow("spaces") << QStringLiteral(" 7 亿 ") << 1 << true << 700000000LL;
        QTest::newRow("zero") << QStringLiteral("0") << 0 << true << 0LL;
        QTest::newRow("negative") << QStringLiteral("-3亿") << 0 << false << 0LL;
        QTest::newRow("text") << QStringLiteral("很多") << 0 << false << 0LL;
        QTest::newRow("empty") << QString() << 0 << false << 0LL;
        QTest::newRow("huge") << QStringLiteral("1e20亿") << 0 << false << 0LL;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, unit);
        QFETCH(bool, ok);
        QFETCH(qint64, yuan);
        QString error;
        const auto v = Money::parse(text, unit == 0 ? MoneyUnit::Yi : MoneyUnit::Wan, &error);
        QCOMPARE(bool(v), ok);
        if (ok)
            QCOMPARE(*v, yuan);
        else
            QVERIFY(!error.isEmpty());
    }
    void format()
    {
        QCOMPARE(Money::formatNumber(2624000000LL, MoneyUnit::Yi), QStringLiteral("26.24"));
        QCOMPARE(Money::formatNumber(2624000000LL, MoneyUnit::Wan), QStringLiteral("262400"));
        QCOMPARE(Money::formatNumber(30000000LL, MoneyUnit::Yi), QStringLiteral("0.3"));
        QCOMPARE(Money::formatNumber(0, MoneyUnit::Yi), QStringLiteral("0"));
        // A round trip through the editor's text keeps the amount.
        const qint64 amount = 12345678900LL;
        QCOMPARE(*Money::parse(Money::formatNumber(amount, MoneyUnit::Wan), MoneyUnit::Wan), amount);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
