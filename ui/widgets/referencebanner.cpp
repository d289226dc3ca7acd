// SPDX-License-Identifier: MIT
#include "ui/widgets/referencebanner.h"

#include <QApplication>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

#include "ui/appstate.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {

ReferenceBanner::ReferenceBanner(AppState& state, QWidget* parent)
    : QFrame(parent)
    , m_state(state)
    , m_text(new QLabel(this))
    , m_assume(new QCheckBox(tr("Assume scheduled measures"), this)) {
    setObjectName(QStringLiteral("referenceBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 5, 12, 5);
    layout->setSpacing(12);
    m_text->setObjectName(QStringLiteral("referenceBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_assume->setObjectName(QStringLiteral("assumeScheduled"));
    m_assume->setToolTip(
        tr("Count measures scheduled after the reference cut-off (e.g. a suspension that lapses) "
           "as in force. Off by default: nothing in the reference data confirms them."));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_assume);
    connect(m_assume, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_syncing)
            m_state.setAssumeScheduled(on);
    });
    connect(&state, &AppState::filtersChanged, this, &ReferenceBanner::refresh);
    connect(&state, &AppState::workspaceLoaded, this, &ReferenceBanner::refresh);
    restyle();
    refresh();
}

QString ReferenceBanner::text() const {
    return m_text->text();
}

void ReferenceBanner::refresh() {
    const auto net = m_state.network();
    const Filters& f = m_state.filters();
    const auto cutoff = net ? net->data().profile.referenceCutoff : std::nullopt;
    const bool after = cutoff && f.asOf > *cutoff;
    m_syncing = true;
    m_assume->setChecked(f.assumeScheduled);
    m_syncing = false;
    if (after)
        m_text->setText(
            tr("<b>Reference data checked up to %1</b>; measures dated after it are scheduled, "
               "not confirmed. %2")
                .arg(dateText(*cutoff), f.assumeScheduled
                                            ? tr("They are <b>counted as in force</b> (assumed).")
                                            : tr("They are not counted.")));
    setVisible(after);
}

void ReferenceBanner::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        restyle();
}

// An amber note on either palette: a tint of amber over the window colour, text as usual.
void ReferenceBanner::restyle() {
    QPalette p = palette();
    const QColor base = QApplication::palette().color(QPalette::Window); // not our own tint
    const QColor amber(0xf0, 0xa2, 0x02);
    const double a = base.lightnessF() > 0.5 ? 0.22 : 0.30;
    const QColor mixed = QColor::fromRgbF(float(base.redF() * (1 - a) + amber.redF() * a),
                                          float(base.greenF() * (1 - a) + amber.greenF() * a),
                                          float(base.blueF() * (1 - a) + amber.blueF() * a));
    if (p.color(QPalette::Window) != mixed) {
        p.setColor(QPalette::Window, mixed);
        setPalette(p);
    }
}

} // namespace chokepoint::ui
