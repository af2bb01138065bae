#include "reports/gazetteer.h"

#include "base/charset.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace IPDesk {

namespace {

// The 55 nationalities of autonomous areas' names (红河哈尼族彝族自治州 → 红河州).
const QStringList &nationalities()
{
    static const QStringList n = QString::fromUtf16(
        u"蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
        u"柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
        u"塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各")
                                  .split(QLatin1Char(' '));
    return n;
}

// Names of the code list that are also ordinary words of the genre (城区 "the urban area", 新区 "a new
// district", 工业园区管委会 "the park's committee", after any park's name): never a unit on their own.
bool isCommonWord(const QString &name)
{
    static const QStringList words = QString::fromUtf16(
        u"城区 矿区 郊区 新城区 老城区 古城区 新区 开发区 经济开发区 工业园区 产业园区 园区 工业区 保税区 "
        u"示范区 中心区 县经济开发区 经济开发区管委会 开发区管理委员会 高新园区 物流园区 高校园区 西工业园区 城市新区 "
        u"工业园区管委会 工业园区管理委员会 开发区管委会 园区管委会 高新区管委会 经济开发区管理委员会 高新技术开发区管委会 "
        u"经济技术开发区管委会 社区建设办公室")
                                       .split(QLatin1Char(' '));
    return words.contains(name);
}

// Suffixes of division names, longest first.
const QStringList &divisionSuffixes()
{
    static const QStringList s = QString::fromUtf16(u"特别行政区 自治区 自治州 自治县 自治旗 街道 地区 省 市 区 县 州 旗 盟 镇 乡")
                                     .split(QLatin1Char(' '));
    return s;
}

} // namespace

const QStringList &Gazetteer::zoneSuffixes()
{
    static const QStringList s = QString::fromUtf16(
        u"高新技术产业开发区 高新技术产业园区 高新技术开发区 经济技术开发区 经济开发区 台商投资区 综合保税区 工业园区 产业园区 "
        u"高新区 经开区 开发区 保税区 新区")
                                     .split(QLatin1Char(' '));
    return s;
}

QString Gazetteer::stem(const QString &name)
{
    // Most names end in none of the suffixes' last characters: told at once.
    static const QString lastCharacters = [] {
        QString out;
        for (const QStringList *list : {&zoneSuffixes(), &divisionSuffixes()}) {
            for (const QString &suffix : *list) {
                if (!out.contains(suffix.back()))
                    out += suffix.back();
            }
        }
        return out;
    }();
    if (name.isEmpty() || !lastCharacters.contains(name.back()))
        return name;
    for (const QString &z : zoneSuffixes()) {
        if (name.size() > z.size() && name.endsWith(z))
            return name.left(name.size() - z.size());
    }
    for (const QString &s : divisionSuffixes()) {
        if (name.size() >= s.size() + 2 && name.endsWith(s))
            return name.left(name.size() - s.size());
    }
    return name;
}

const Gazetteer &Gazetteer::divisions()
{
    static const Gazetteer g = [] {
        Gazetteer x;
        auto names = std::make_shared<Names>();
        x.load(*names);
        QString zoneEnds;
        for (const QString &z : zoneSuffixes())
            zoneEnds += z.back();
        names->index(zoneEnds);
        x.m_divisions = names;
        return x;
    }();
    return g;
}

Gazetteer Gazetteer::withUnits(const QStringList &names, Level level) const
{
    Gazetteer g = *this;
    auto units = std::make_shared<Names>();
    for (const QString &n : names) {
        if (n.size() >= 2 && !isCommonWord(n) && !contains(n))
            units->levels.insert(n, level);
    }
    if (units->levels.isEmpty())
        return g;
    if (m_units) // (the units added before stay: the desk's, then a report's own)
        units->levels.insert(m_units->levels);
    units->index();
    g.m_units = units;
    return g;
}

int Gazetteer::level(const QString &name) const
{
    if (m_units) {
        if (const int l = m_units->levels.value(name))
            return l;
    }
    return m_divisions ? m_divisions->levels.value(name) : 0;
}

bool Gazetteer::samePrefecture(const QString &a, const QString &b) const
{
    if (!m_divisions)
        return false;
    const QList<int> of = m_divisions->prefectures.value(a);
    const QList<int> other = m_divisions->prefectures.value(b);
    return std::any_of(of.cbegin(), of.cend(), [&other](int code) { return other.contains(code); });
}

void Gazetteer::add(Names &names, const QString &name, int level)
{
    if (name.size() < 2 || isCommonWord(name))
        return;
    auto it = names.levels.find(name);
    if (it == names.levels.end())
        names.levels.insert(name, level);
    else
        it.value() = std::min(it.value(), level); // the higher level wins (吉林市 and 吉林省's stem)
}

void Gazetteer::addStem(const QString &s, int level)
{
    if (s.size() >= 2 && !m_stems->contains(s))
        m_stems->insert(s, level);
}

void Gazetteer::load(Names &names)
{
    m_stems = std::make_shared<QHash<QString, int>>();
    QFile f(QStringLiteral(":/gazetteer/divisions.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QString all = QString::fromUtf8(f.readAll());
    QStringList zones;
    QStringList formerCounties;
    for (QStringView line : QStringView(all).split(u'\n')) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype tab = line.indexOf(u'\t');
        if (tab <= 0)
            continue;
        const qsizetype codeLength = tab;
        const int level = codeLength <= 2 ? Province : codeLength <= 4 ? Prefecture : codeLength <= 6 ? County : Township;
        const QString name = line.mid(tab + 1).trimmed().toString();
        // Townships of one character before 镇 or 乡 (新镇) are words, not names.
        if (level == Township && name.size() < 3)
            continue;
        const bool zone = std::any_of(zoneSuffixes().cbegin(), zoneSuffixes().cend(),
                                      [&name](const QString &z) { return name.endsWith(z); });
        add(names, name, zone ? Zone : level);
        if (zone) {
            zones.append(name);
            continue;
        }
        // Short forms: the autonomous areas without their nationalities (都安县, 湘西州, 新疆), the
        // municipalities without 市 (上海).
        for (const char16_t *autonomous : {u"自治区", u"自治州", u"自治县", u"自治旗"}) {
            const QString suffix = QString::fromUtf16(autonomous);
            if (!name.endsWith(suffix))
                continue;
            QString base = name.left(name.size() - suffix.size());
            for (bool stripped = true; stripped;) {
                stripped = false;
                for (const QString &n : nationalities()) {
                    // 红河哈尼族彝族, and 新疆维吾尔 without 族.
                    for (const QString &word : {QString(n + QStringLiteral("族")), n}) {
                        if (!stripped && word.size() >= 2 && base.size() > word.size() + 1 && base.endsWith(word)) {
                            base.chop(word.size());
                            stripped = true;
                        }
                    }
                }
            }
            if (suffix == QStringLiteral("自治区")) {
                add(names, base, level);
                addStem(base, level);
            } else {
                add(names, base + suffix.back(), level);
                addStem(base, level);
            }
        }
        if (level == Province && name.endsWith(u'市'))
            add(names, name.chopped(1), level);
        // Inner Mongolia's banners as people write them: 科尔沁右翼前旗 → 科右前旗, 土默特左旗 → 土左旗.
        static const QRegularExpression banner(QStringLiteral("^(.)\\S+?([左右])(?:翼)?([前中后]?)旗$"));
        if (level == County && name.endsWith(u'旗') && name.size() >= 5) {
            const auto m = banner.match(name);
            if (m.hasMatch())
                add(names, m.captured(1) + m.captured(2) + m.captured(3) + QStringLiteral("旗"), level);
        }
        if (level == County)
            names.prefectures[name].append(line.left(4).toInt());
        if (level <= County)
            addStem(stem(name), level);
        // Counties become cities and districts (邵东县 → 邵东市, 长安县 → 长安区); reports of earlier
        // years, and people, still write the county.
        if (level == County && (name.endsWith(u'市') || name.endsWith(u'区')) && name.size() >= 3
            && !name.endsWith(QStringLiteral("新区")) && !name.endsWith(QStringLiteral("城区")))
            formerCounties.append(name.chopped(1) + u'县');
    }
    // The national-level new areas that no county-level code stands for (两江新区, 赣江新区).
    QFile newAreas(QStringLiteral(":/gazetteer/newareas.tsv"));
    if (newAreas.open(QIODevice::ReadOnly)) {
        for (const QString &line : QString::fromUtf8(newAreas.readAll()).split(QLatin1Char('\n'))) {
            const QString name = line.section(QLatin1Char('\t'), 0, 0).trimmed();
            if (name.isEmpty() || name.startsWith(u'#'))
                continue;
            add(names, name, Zone);
            zones.append(name);
        }
    }
    for (const QString &former : std::as_const(formerCounties)) {
        if (!names.levels.contains(former))
            add(names, former, County);
    }
    // Zones as people write them: without the province or city before them (鄂尔多斯蒙苏经济开发区 → 蒙苏经济开发区).
    // What is left is a name of two characters at least and a zone's word (not 业园区 of 濮阳工业园区).
    auto zoneNamed = [](const QString &name) {
        return std::any_of(zoneSuffixes().cbegin(), zoneSuffixes().cend(),
                           [&name](const QString &z) { return name.size() >= z.size() + 2 && name.endsWith(z); });
    };
    for (const QString &name : std::as_const(zones)) {
        QString rest = name;
        for (bool stripped = true; stripped;) {
            stripped = false;
            for (int len = std::min<int>(6, int(rest.size()) - 2); len >= 2; --len) {
                const QString head = rest.left(len);
                QString tail = rest.mid(len);
                if (tail.startsWith(u'市') || tail.startsWith(u'省'))
                    tail = tail.mid(1);
                if (m_stems->contains(head) && zoneNamed(tail)) {
                    rest = tail;
                    add(names, rest, Zone);
                    stripped = true;
                    break;
                }
            }
        }
    }
    // The zone words that stand alone for the zone of the unit a report is about (高新区, 经开区).
    for (const char16_t *alone : {u"高新区", u"经开区", u"高新技术产业开发区", u"经济技术开发区", u"综合保税区"})
        add(names, QString::fromUtf16(alone), Zone);
}

void Gazetteer::Names::index(const QString &alsoLast)
{
    QString last = alsoLast;
    for (auto it = levels.cbegin(); it != levels.cend(); ++it)
        last += it.key().back();
    lastChars = std::make_shared<const CharSet>(last);
    nodeLevel.assign(1, 0);
    edges.clear();
    edges.reserve(size_t(levels.size()) * 3);
    for (auto it = levels.cbegin(); it != levels.cend(); ++it) {
        const QString &name = it.key();
        if (name.size() > 31)
            continue;
        int node = 0;
        for (qsizetype k = name.size() - 1; k >= 0; --k) {
            const quint64 key = (quint64(node) << 16) | name.at(k).unicode();
            const auto [edge, added] = edges.try_emplace(key, int(nodeLevel.size()));
            if (added)
                nodeLevel.push_back(0);
            node = edge->second;
        }
        nodeLevel[size_t(node)] = it.value();
    }
}

std::pair<qsizetype, int> Gazetteer::Names::longestEndingAt(const QString &text, qsizetype end) const
{
    std::pair<qsizetype, int> best{0, 0};
    int node = 0;
    for (qsizetype k = end - 1; k >= 0 && end - k <= 31; --k) {
        node = child(node, text.at(k));
        if (node < 0)
            break;
        if (nodeLevel[size_t(node)] && end - k >= 2)
            best = {end - k, nodeLevel[size_t(node)]};
    }
    return best;
}

bool Gazetteer::mayEnd(QChar c) const
{
    return m_divisions->lastChars->contains(c) || (m_units && m_units->lastChars->contains(c));
}

QList<Gazetteer::Mention> Gazetteer::find(const QString &text) const
{
    QList<Mention> candidates;
    if (!m_divisions)
        return candidates;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!mayEnd(text.at(i)))
            continue;
        const qsizetype end = i + 1;
        // The longest name ending here, the desk's units or the divisions.
        std::pair<qsizetype, int> best{0, 0};
        for (const Names *names : {m_divisions.get(), m_units.get()}) {
            if (names) {
                const auto found = names->longestEndingAt(text, end);
                if (found.first > best.first)
                    best = found;
            }
        }
        if (best.first)
            candidates.append({end - best.first, end, text.mid(end - best.first, best.first), best.second});
        // A zone over a known stem or name: 肇庆高新区, 肇庆市高新区, 石河子经济技术开发区, 松山湖高新区.
        static const QString zoneEnds = [] {
            QString ends;
            for (const QString &z : zoneSuffixes())
                ends += z.back();
            return ends;
        }();
        for (const QString &z : zoneEnds.contains(text.at(i)) ? zoneSuffixes() : QStringList()) {
            if (end < z.size() + 2 || QStringView(text).mid(end - z.size(), z.size()) != z)
                continue;
            const qsizetype zoneStart = end - z.size();
            for (qsizetype len = std::min<qsizetype>(6, zoneStart); len >= 2; --len) {
                qsizetype from = zoneStart - len;
                QStringView head = QStringView(text).mid(from, len);
                if (head.endsWith(u'市') && len > 2)
                    head.chop(1);
                if (m_stems->contains(head.toString()) || contains(head.toString())) {
                    candidates.append({from, end, text.mid(from, end - from), Zone});
                    break;
                }
            }
            break;
        }
    }
    // The corps' regiments (一二一团, 一四八团, 十四团), which the code list files under their cities.
    // (十二团, 十四团 too: the regiments below a hundred.)
    static const QRegularExpression regiment(QStringLiteral("(?<![一二三四五六七八九十〇零百\\d第])(?:[一二三四五六七八九十〇零]{3}|十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?)团(?!队|体|组|伙|结|委)"));
    // (the pattern only before each 团, which 考察团 and 团队 make common: one that opens with a look behind
    // is tried at every character of the text; a regiment's number is three characters at most)
    for (qsizetype k = text.indexOf(u'团'); k >= 0; k = text.indexOf(u'团', k + 1)) {
        if (k < 2)
            continue; // (two numerals at least before it)
        const qsizetype from = std::max<qsizetype>(0, k - 3), viewStart = std::max<qsizetype>(0, from - 1);
        const QStringView view = QStringView(text).mid(viewStart, std::min<qsizetype>(text.size(), k + 2) - viewStart);
        for (auto it = regiment.globalMatch(view, from - viewStart); it.hasNext();) {
            const auto m = it.next();
            if (viewStart + m.capturedEnd() == k + 1)
                candidates.append({viewStart + m.capturedStart(), k + 1, m.captured(), Township});
        }
    }
    // 第八师石河子市, 第六师五家渠市: a corps division before its city is part of the name.
    for (Mention &m : candidates) {
        qsizetype k = m.start - 1;
        if (k >= 2 && text.at(k) == u'师') {
            qsizetype j = k - 1;
            while (j >= 0 && QStringView(u"一二三四五六七八九十").contains(text.at(j)))
                --j;
            if (j >= 0 && j < k - 1 && text.at(j) == u'第') {
                m.start = j;
                m.name = text.mid(j, m.end - j);
            }
        }
    }
    // A name of one character and its suffix (兴县, 沛县) inside running words (产业兴县) is a word: it
    // counts only after a boundary, a list, a place word or a larger unit.
    candidates.removeIf([&text](const Mention &m) {
        if (m.end - m.start != 2 || m.start == 0)
            return false;
        const QChar before = text.at(m.start - 1);
        const ushort u = before.unicode();
        const bool han = (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
        return han && !QStringView(u"、和与及在赴到于的省市州盟").contains(before);
    });
    // 代县长 李某某 is the acting county head (代县 is a county too); 部分乡镇, 分乡镇看 are some towns and
    // towns one by one (分乡镇 is a town too), 沿海城市 coastal cities: the name's first character is a word's last.
    // (and 江南区域, 东方市场: the suffix is a word's first character, 区域 "area", 市场 "market")
    candidates.removeIf([&text](const Mention &m) {
        if (m.end - m.start == 2 && m.end < text.size() && text.at(m.end) == u'长' && QStringView(u"代副").contains(text.at(m.start)))
            return true;
        if (m.end < text.size() && ((text.at(m.end - 1) == u'区' && text.at(m.end) == u'域') || (text.at(m.end - 1) == u'市' && text.at(m.end) == u'场')))
            return true;
        if (m.start == 0)
            return false;
        // (沿海城市, 滨海城市 hold 海城市)
        static const QStringList words = QString::fromUtf16(u"部分 充分 十分 沿海 滨海 沿江 沿边").split(u' ');
        const QStringView before = QStringView(text).mid(std::max<qsizetype>(0, m.start - 1), 2);
        return words.contains(before)
            || (text.at(m.start) == u'分' && m.end < text.size() && text.at(m.end) == u'看');
    });
    std::sort(candidates.begin(), candidates.end(), [](const Mention &a, const Mention &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    QList<Mention> out;
    for (const Mention &m : std::as_const(candidates)) {
        if (!out.isEmpty() && m.start < out.last().end) {
            // Overlapping: the longer one stays.
            if (m.end - m.start > out.last().end - out.last().start)
                out.last() = m;
            continue;
        }
        out.append(m);
    }
    return out;
}

} // namespace IPDesk
