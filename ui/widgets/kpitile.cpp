// SPDX-License-Identifier: MIT
#include "ui/widgets/kpitile.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace chokepoint::ui {

KpiTile::KpiTile(const QString& title, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(QStringLiteral("\u2014"), this))
    , m_caption(new QLabel(this)) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // As tall as its wrapped text needs at the width it gets (a fixed height cut the caption
    // of a narrow tile beside the Details dock).
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    m_title->setWordWrap(true);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch(1);
    restyle();
}

void KpiTile::setValue(const QString& value, const QString& caption) {
    m_value->setText(value);
    m_caption->setText(caption);
}

QString KpiTile::title() const {
    return m_title->text();
}
QString KpiTile::valueText() const {
    return m_value->text();
}
QString KpiTile::captionText() const {
    return m_caption->text();
}

void KpiTile::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->pos()))
        Q_EMIT clicked();
    QFrame::mouseReleaseEvent(event);
}

void KpiTile::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void KpiTile::restyle() {
    // Base colour for the tile, muted text for title and caption; from the current palette.
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::Base));
    setPalette(p);
    QPalette muted = m_title->palette();
    QColor c = p.color(QPalette::WindowText);
    c.setAlphaF(0.7);
    muted.setColor(QPalette::WindowText, c);
    m_title->setPalette(muted);
    m_caption->setPalette(muted);
}

} // namespace chokepoint::ui
