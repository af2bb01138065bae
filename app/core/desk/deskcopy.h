#pragma once

#include "desk/database.h"

#include <functional>

namespace IPDesk {

/// Copies every record of one desk into another, empty desk, in one transaction on the target:
/// a personal desk to the team server (`ipdesk-cli migrate`), and back for an offline copy
/// (File → Save As a Copy). Record ids, stage dates, the audit trail and the desk's settings
/// come along; the monthly sums are counted afresh on the target.
/// \a progress gets (rows copied, rows in all); returning false cancels, and then nothing is kept.
Status copyDesk(Database &from, Database &to, const std::function<bool(qint64, qint64)> &progress = {});

} // namespace IPDesk
