#pragma once

#include "desk/projectstore.h"

namespace IPDesk {

class Desk;

/// The demo desk: units, targets, facts and projects from the sample reports, kept as data in
/// resources/demo/demo.json (compiled into the program as :/demo/demo.json).
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::DemoData)
public:
    /// Fills an empty desk from the demo JSON. One transaction: all or nothing.
    static Status load(Desk *desk, const QByteArray &json);
    static Status loadBuiltIn(Desk *desk);
};

/// A project as a JSON object with stable codes (used by `ipdesk-cli projects --json`).
QJsonObject projectToJson(const Project &p, const ProjectStore &store);

} // namespace IPDesk
