// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/issuelabel.h"

#include <QEvent>

namespace chokepoint::ui {

IssueLabel::IssueLabel(QWidget* parent)
    : QLabel(parent) {
    setWordWrap(true);
    setVisible(false);
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    restyle();
}

void IssueLabel::setIssue(const QString& message) {
    m_issue = message;
    setText(message.isEmpty() ? QString() : QString(QChar(0x26A0)) + QLatin1Char(' ') + message);
    setToolTip(message);
    setVisible(!message.isEmpty());
}

void IssueLabel::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void IssueLabel::restyle() {
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette p = palette();
    p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x65) : QColor(0xb0, 0x28, 0x10));
    // Setting the palette sends another PaletteChange: only set it when it differs.
    if (p != palette())
        setPalette(p);
}

} // namespace chokepoint::ui
