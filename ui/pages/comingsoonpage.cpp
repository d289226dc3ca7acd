// SPDX-License-Identifier: MIT
#include "ui/pages/comingsoonpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace chokepoint::ui {

ComingSoonPage::ComingSoonPage(AppState& state, const QString& title, const QString& description,
                               QWidget* parent)
    : Page(state, parent)
    , m_title(title)
    , m_description(description) {
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto* heading = new QLabel(tr("Coming: %1").arg(title), this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    heading->setAlignment(Qt::AlignCenter);
    auto* text =
        new QLabel(tr("This page is not built yet. It will show: %1").arg(description), this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(640);
    text->setObjectName(QStringLiteral("comingSoonText"));
    layout->addWidget(heading);
    layout->addSpacing(12);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

} // namespace chokepoint::ui
