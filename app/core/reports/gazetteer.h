#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

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

    /// The divisions and the desk's own units (the unit tree's names count as real units), or a report's
    /// (the parks a bulletin is addressed to, a town the code list lacks), at \a level. The divisions
    /// are shared, not copied: only the units they lack are indexed anew, with those added before.
    Gazetteer withUnits(const QStringList &names, Level level = County) const;

    bool contains(const QString &name) const { return level(name) != 0; }
    int level(const QString &name) const;
    /// Whether two county-level divisions may lie in one prefecture (湘潭县 and 韶山市 do; a name the code
    /// list has twice, in either of its places).
    bool samePrefecture(const QString &a, const QString &b) const;
    /// How many distinct names it knows.
    qsizetype size() const
    {
        return (m_divisions ? m_divisions->levels.size() : 0) + (m_units ? m_units->levels.size() : 0);
    }

    /// Every unit named in text, leftmost-longest and not overlapping, in text order.
    QList<Mention> find(const QString &text) const;

    /// The bare stem of a unit name (吴兴 for 吴兴区, 红河 for 红河州), or the name when it has no suffix.
    static QString stem(const QString &name);
    /// Whether \a bare is the stem of a province, prefecture or county the divisions list has (one look
    /// where the division it stems would take several).
    bool hasStem(const QString &bare) const { return m_stems && m_stems->contains(bare); }

    /// Zone words that name a development zone of the unit a report is about (高新区, 经开区, 开发区 ...).
    static const QStringList &zoneSuffixes();

private:
    /// Names with their levels, and a trie of them read backwards from their last character, which
    /// find() walks from each character of a text towards its start without making a string.
    struct Names
    {
        QHash<QString, int> levels; // name -> level
        QHash<QString, QList<int>> prefectures; // a county-level division's name -> the codes of the prefectures it lies in
        std::vector<int> nodeLevel; // per trie node: the level of the name ending there, 0 for none
        std::unordered_map<quint64, int> edges; // (node << 16) | character -> child node
        std::shared_ptr<const CharSet> lastChars; // the last character of every name, and of \a alsoLast
        void index(const QString &alsoLast = QString());
        int child(int node, QChar c) const
        {
            const auto it = edges.find((quint64(node) << 16) | c.unicode());
            return it == edges.end() ? -1 : it->second;
        }
        /// The longest name that ends at text[end - 1], as (length, level); (0, 0) when none.
        std::pair<qsizetype, int> longestEndingAt(const QString &text, qsizetype end) const;
    };

    Gazetteer() = default;
    void load(Names &names);
    void add(Names &names, const QString &name, int level);
    void addStem(const QString &stem, int level);
    /// Whether a name or zone word may end with \a c (most characters of a text end none).
    bool mayEnd(QChar c) const;

    std::shared_ptr<const Names> m_divisions;
    std::shared_ptr<const Names> m_units; // the desk's units the divisions lack; null when none
    std::shared_ptr<QHash<QString, int>> m_stems; // stems of provinces, prefectures and counties, for zones (written by load() only)
};

} // namespace IPDesk
