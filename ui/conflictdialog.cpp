#include "conflictdialog.h"
#include "desk/desk.h"

#include "desk/projectstore.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace IPDesk {

QString ConflictDialog::displayValue(const ProjectStore *store, const Project &p, ProjectField f, MoneyUnit unit)
{
    const QVariant v = projectValue(p, f);
    if (isMoneyField(f))
        return Money::format(v.toLongLong(), unit);
    switch (f) {
    case ProjectField::Unit: return store->unitName(v.toLongLong());
    case ProjectField::Stage: return Names::stage(Stage(v.toInt()));
    case ProjectField::Type: return Names::projectType(ProjectType(v.toInt()));
    case ProjectField::Manufacturing: return v.toBool() ? tr("Yes") : tr("No");
    case ProjectField::SignedDate:
    case ProjectField::StartedDate: return v.toDate().isValid() ? v.toDate().toString(Qt::ISODate) : tr("(none)");
    default: break;
    }
    const QString text = v.toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

ConflictDialog::ConflictDialog(Desk *desk, const Project &base, const Project &mine, const Project &theirs,
                               const ProjectMerge &merge, MoneyUnit unit, QWidget *parent)
    : QDialog(parent)
    , m_mine(mine)
    , m_theirs(theirs)
    , m_merge(merge)
{
    setWindowTitle(tr("Someone else changed %1").arg(theirs.name));
    auto *layout = new QVBoxLayout(this);

    // Who saved the newer version, and when: the audit trail knows.
    QString who, when;
    if (const auto last = desk->audit()->lastChange(QStringLiteral("projects"), theirs.id)) {
        who = last->who;
        when = last->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    auto *intro = new QLabel(who.isEmpty()
                                 ? tr("While you were editing, a newer version of <b>%1</b> was saved. "
                                      "Choose for each field below which value to keep.").arg(theirs.name.toHtmlEscaped())
                                 : tr("While you were editing, <b>%1</b> saved a newer version of <b>%2</b> at %3. "
                                      "Choose for each field below which value to keep.")
                                       .arg(who.toHtmlEscaped(), theirs.name.toHtmlEscaped(), when),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Field</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Before</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Theirs</b>"), this), 0, 2);
    grid->addWidget(new QLabel(tr("<b>Mine</b>"), this), 0, 3);
    int row = 1;
    for (ProjectField f : std::as_const(merge.conflicts)) {
        grid->addWidget(new QLabel(fieldName(f), this), row, 0);
        grid->addWidget(new QLabel(displayValue(desk->projects(), base, f, unit), this), row, 1);
        auto *theirsButton = new QRadioButton(displayValue(desk->projects(), theirs, f, unit), this);
        auto *mineButton = new QRadioButton(displayValue(desk->projects(), mine, f, unit), this);
        theirsButton->setObjectName(QStringLiteral("theirs_%1").arg(fieldColumn(f)));
        mineButton->setObjectName(QStringLiteral("mine_%1").arg(fieldColumn(f)));
        auto *group = new QButtonGroup(this);
        group->addButton(theirsButton, Theirs);
        group->addButton(mineButton, Mine);
        mineButton->setChecked(true);
        m_groups.insert(f, group);
        grid->addWidget(theirsButton, row, 2);
        grid->addWidget(mineButton, row, 3);
        ++row;
    }
    layout->addLayout(grid);

    // What was merged without asking.
    QStringList theirsOnly, mineOnly;
    for (int i = 0; i < int(ProjectField::Count); ++i) {
        const auto f = ProjectField(i);
        if (merge.conflicts.contains(f))
            continue;
        const QVariant b = projectValue(base, f);
        if (projectValue(theirs, f) != b)
            theirsOnly << fieldName(f);
        else if (projectValue(mine, f) != b)
            mineOnly << fieldName(f);
    }
    if (!theirsOnly.isEmpty() || !mineOnly.isEmpty()) {
        QStringList lines;
        if (!theirsOnly.isEmpty())
            lines << tr("Their changes kept: %1").arg(theirsOnly.join(QStringLiteral("、")));
        if (!mineOnly.isEmpty())
            lines << tr("Your changes kept: %1").arg(mineOnly.join(QStringLiteral("、")));
        auto *merged = new QLabel(lines.join(QLatin1String("<br>")), this);
        merged->setWordWrap(true);
        layout->addWidget(merged);
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keepTheirs = buttons->addButton(tr("Keep &Theirs"), QDialogButtonBox::RejectRole);
    QPushButton *saveMine = buttons->addButton(tr("Save &Mine"), QDialogButtonBox::AcceptRole);
    QPushButton *saveMerged = buttons->addButton(tr("Save &Merged"), QDialogButtonBox::AcceptRole);
    keepTheirs->setObjectName(QStringLiteral("keepTheirs"));
    saveMine->setObjectName(QStringLiteral("saveMine"));
    saveMerged->setObjectName(QStringLiteral("saveMerged"));
    saveMerged->setDefault(true);
    connect(keepTheirs, &QPushButton::clicked, this, [this] {
        chooseAll(Theirs);
        accept();
    });
    connect(saveMine, &QPushButton::clicked, this, [this] {
        chooseAll(Mine);
        accept();
    });
    connect(saveMerged, &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(buttons);
}

void ConflictDialog::choose(ProjectField field, Choice choice)
{
    if (QButtonGroup *g = m_groups.value(field))
        g->button(choice)->setChecked(true);
}

void ConflictDialog::chooseAll(Choice choice)
{
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        it.value()->button(choice)->setChecked(true);
}

Project ConflictDialog::result() const
{
    Project p = m_merge.merged;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        setProjectValue(p, it.key(), projectValue(it.value()->checkedId() == Theirs ? m_theirs : m_mine, it.key()));
    return p;
}

} // namespace IPDesk
