// SPDX-License-Identifier: MIT
#include "ui/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QToolTip>

namespace chokepoint::ui {

namespace {

struct DisabledColors {
    QColor text, button, base, highlight;
};

void setDisabledGroup(QPalette& p, const DisabledColors& c) {
    constexpr auto D = QPalette::Disabled;
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                            QPalette::PlaceholderText, QPalette::BrightText})
        p.setColor(D, role, c.text);
    p.setColor(D, QPalette::Button, c.button);
    p.setColor(D, QPalette::Base, c.base);
    p.setColor(D, QPalette::Highlight, c.highlight);
    p.setColor(D, QPalette::Link, c.text);
}

} // namespace

QPalette themePalette(Theme theme) {
    if (theme == Theme::Light) {
        QPalette p(QColor(0xf3, 0xf4, 0xf6));
        p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
        p.setColor(QPalette::WindowText, QColor(0x1d, 0x21, 0x27));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
        p.setColor(QPalette::Text, QColor(0x1d, 0x21, 0x27));
        p.setColor(QPalette::Button, QColor(0xea, 0xec, 0xef));
        p.setColor(QPalette::ButtonText, QColor(0x1d, 0x21, 0x27));
        p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xc5));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
        p.setColor(QPalette::ToolTipText, QColor(0x1d, 0x21, 0x27));
        p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
        p.setColor(QPalette::Link, QColor(0x1f, 0x6f, 0xc5));
        // Disabled: grey text on a flatter face. Without this group a disabled Undo, Delete
        // or wizard Next looked exactly like an enabled one.
        setDisabledGroup(p, {.text = QColor(0x9c, 0xa2, 0xab),
                             .button = QColor(0xf0, 0xf1, 0xf3),
                             .base = QColor(0xf3, 0xf4, 0xf6),
                             .highlight = QColor(0xb7, 0xc3, 0xd3)});
        return p;
    }
    const QColor window(0x23, 0x26, 0x2c), base(0x1a, 0x1d, 0x22), text(0xe6, 0xe8, 0xeb);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x2a, 0x31));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x30, 0x34, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x34, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf5));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x10));
    p.setColor(QPalette::Light, QColor(0x40, 0x45, 0x4d));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3a, 0x42));
    setDisabledGroup(p, {.text = QColor(0x7a, 0x80, 0x8a),
                         .button = QColor(0x2a, 0x2d, 0x33),
                         .base = QColor(0x20, 0x23, 0x28),
                         .highlight = QColor(0x3a, 0x4a, 0x5e)});
    return p;
}

void applyTheme(Theme theme) {
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    const QPalette p = themePalette(theme);
    QApplication::setPalette(p);
    QToolTip::setPalette(p);
}

} // namespace chokepoint::ui
