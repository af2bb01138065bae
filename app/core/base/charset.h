#pragma once

#include <QString>
#include <bitset>
#include <memory>

namespace IPDesk {

/// A set of BMP characters with O(1) membership, for scanning long texts character by character.
class CharSet
{
public:
    explicit CharSet(const QString &chars)
        : m_bits(std::make_unique<std::bitset<65536>>())
    {
        for (QChar c : chars)
            m_bits->set(c.unicode());
    }
    bool contains(QChar c) const { return m_bits->test(c.unicode()); }

private:
    std::unique_ptr<std::bitset<65536>> m_bits;
};

/// A Han character of the basic and extension-A blocks (what reports are written in).
inline bool isHanChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

/// A character that opens an item of a bulleted list (●, •, ·, ■, ◆ …). (Asked of every character of a
/// text: most are told by one comparison, the bullets lying at U+00B7, U+2022 and in U+25A0..U+2606.)
inline bool isListBullet(QChar c)
{
    const char16_t u = c.unicode();
    if (u != 0x00B7 && u != 0x2022 && (u < 0x25A0 || u > 0x2606))
        return false;
    return QStringView(u"●•·■◆▪►◎★☆").contains(c);
}

/// A bullet that opens an item even within a line (…开门红●今年招商引资总目标…): not · of a foreign name
/// (约翰·史密斯), nor •, which such names are typed with too.
inline bool isBulletWithinLine(QChar c)
{
    return c != u'·' && c != u'•' && isListBullet(c);
}

} // namespace IPDesk
