#pragma once

#include <QString>
#include <optional>

namespace IPDesk {

/// Reads the numbers of Chinese reports: 1,500 · 26.24 · 十二 · 三十 · 百 · 一千二百 · 两 · 〇.
/// Returns nullopt for text that is not a number.
std::optional<double> parseChineseNumber(const QString &text);

} // namespace IPDesk
