#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace IPDesk {

class CharSet;

/// The real units a report may name: China's administrative divisions at province, prefecture, county
/// and township level (resources/gazetteer/divisions.tsv, from the NBS 2023 code list), the short forms
/// people write (都安瑶族自治县 → 都安县, 湘西土家族苗族自治州 → 湘西州, 新疆维吾尔自治区 → 新疆, 第八师石河子市),
/// development zones over one of them (肇庆高新区, 石河子经济技术开发区, 蒙苏经济开发区) and the desk's own
/// units. Text that is none of these is never a unit.
class Gazetteer
{
public:
    enum Level { Province = 1, Prefecture = 2, County = 3, Township = 4, Zone = 5 };

    struct Mention
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QString name;  // as written (simplified), the name a fact carries
        int level = County;
    };

    /// The divisions list, loaded once from the program's resources.
    static const Gazetteer &divisions();

    /// A copy with the desk's own units added (the unit tree's names count as real units).
    Gazetteer withUnits(const QStringList &names) const;

    bool contains(const QString &name) const { return m_names.contains(name); }
    int level(const QString &name) const { return m_names.value(name, 0); }
    qsizetype size() const { return m_names.size(); }

    /// Every unit named in text, leftmost-longest and not overlapping, in text order.
    QList<Mention> find(const QString &text) const;

    /// The bare stem of a unit name (吴兴 for 吴兴区, 红河 for 红河州), or the name when it has no suffix.
    static QString stem(const QString &name);

    /// Zone words that name a development zone of the unit a report is about (高新区, 经开区, 开发区 ...).
    static const QStringList &zoneSuffixes();

private:
    Gazetteer() = default;
    void load();
    void add(const QString &name, int level);
    void addStem(const QString &stem, int level);

    QHash<QString, int> m_names;  // name -> level
    QHash<QString, int> m_stems;  // stems of provinces, prefectures and counties, for zones
    int m_maxLength = 0;
    std::shared_ptr<CharSet> m_lastChars;
    QHash<QChar, quint32> m_lengthsByLast; // bit n: a name of length n ends with this character
    void index();
};

} // namespace IPDesk
