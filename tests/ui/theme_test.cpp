// SPDX-License-Identifier: MIT
// Both palettes tell disabled controls apart: lower text contrast (WCAG formula below, not
// Qt's), and a disabled button renders differently from an enabled one. 0.1.0's light palette
// had no disabled colours, so Undo, Delete and the wizard's Next looked clickable when not.
#include <cmath>
#include <gtest/gtest.h>
#include <memory>

#include <QImage>
#include <QPushButton>
#include <QStyle>
#include <QStyleFactory>

#include "ui/theme.h"

namespace chokepoint::ui {
namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor& c) {
    auto lin = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}
double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

class ThemeTest : public ::testing::TestWithParam<Theme> {};

TEST_P(ThemeTest, DisabledTextHasClearlyLessContrastButStaysLegible) {
    const QPalette p = themePalette(GetParam());
    const std::pair<QPalette::ColorRole, QPalette::ColorRole> pairs[] = {
        {QPalette::ButtonText, QPalette::Button},
        {QPalette::WindowText, QPalette::Window},
        {QPalette::Text, QPalette::Base}};
    for (const auto& [fg, bg] : pairs) {
        const double enabled =
            contrast(p.color(QPalette::Active, fg), p.color(QPalette::Active, bg));
        const double disabled =
            contrast(p.color(QPalette::Disabled, fg), p.color(QPalette::Disabled, bg));
        EXPECT_GE(enabled, 7.0) << fg; // WCAG AAA for the normal state
        EXPECT_LT(disabled, enabled / 2.5) << fg << ": " << disabled << " vs " << enabled;
        EXPECT_GE(disabled, 1.8) << fg; // greyed, still readable
    }
    // Inactive (another window has the focus) keeps the enabled look.
    EXPECT_EQ(p.color(QPalette::Inactive, QPalette::ButtonText),
              p.color(QPalette::Active, QPalette::ButtonText));
}

// The darkest (light theme) or lightest (dark theme) pixel: the text's strongest stroke.
double strongestTextLuminance(const QImage& image, bool dark) {
    double best = dark ? 0.0 : 1.0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const double l = luminance(image.pixelColor(x, y));
            best = dark ? std::max(best, l) : std::min(best, l);
        }
    return best;
}

TEST_P(ThemeTest, ADisabledButtonRendersDifferently) {
    const bool dark = GetParam() == Theme::Dark;
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    ASSERT_TRUE(fusion);
    auto render = [&](bool enabled) {
        QPushButton b(QStringLiteral("Delete"));
        b.setStyle(fusion.get());
        b.setPalette(themePalette(GetParam()));
        b.setEnabled(enabled);
        b.resize(90, 30);
        return b.grab().toImage().convertToFormat(QImage::Format_RGB32);
    };
    const QImage on = render(true), off = render(false);
    ASSERT_EQ(on.size(), off.size());
    int differing = 0;
    for (int y = 0; y < on.height(); ++y)
        for (int x = 0; x < on.width(); ++x)
            differing += on.pixel(x, y) != off.pixel(x, y) ? 1 : 0;
    // The face and the text differ: far more than a few anti-aliasing pixels.
    EXPECT_GT(differing, on.width() * on.height() / 4) << differing;
    const double textOn = strongestTextLuminance(on, dark);
    const double textOff = strongestTextLuminance(off, dark);
    if (dark)
        EXPECT_LT(textOff, textOn * 0.6) << textOff << " vs " << textOn;
    else
        EXPECT_GT(textOff, textOn + 0.15) << textOff << " vs " << textOn;
}

INSTANTIATE_TEST_SUITE_P(BothPalettes, ThemeTest, ::testing::Values(Theme::Light, Theme::Dark),
                         [](const auto& info) {
                             return info.param == Theme::Light ? "Light" : "Dark";
                         });

} // namespace
} // namespace chokepoint::ui
