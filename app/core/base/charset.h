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

/// A character that opens an item of a bulleted list (●, •, ·, ■, ◆ …).
inline bool isListBullet(QChar c)
{
    return QStringView(u"●•·■◆▪►◎★☆").contains(c);
}

} // namespace IPDesk
