// SPDX-License-Identifier: MIT
// Issue 17 in the GUI layer: data in chart labels is plain text, an isolated right-to-left
// override cannot reorder the sentence around it, the settings file survives a full disk.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QTextLayout>

#include "core/util/bidi.h"
#include "tests/support/smallfs.h"
#include "tests/support/testsupport.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/report/timelinechart.h"
#include "ui/settingsformat.h"

namespace chokepoint::ui {
namespace {

// What every text item of the chart's scene shows, as plain text.
QStringList shownTexts(QChartView& view) {
    QStringList texts;
    for (QGraphicsItem* item : view.chart()->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            texts << text->toPlainText();
    return texts;
}

TEST(ChartLabels, DataIsShownAsWrittenNotAsRichText) {
    StackedBarChart chart;
    const QStringList names = {
        QStringLiteral("<b>bold</b> supplier"), QStringLiteral("<img src=x>"),
        QStringLiteral("<script>alert(1)</script>"), QStringLiteral("A & B")};
    QVector<BarCategory> categories;
    for (const QString& n : names)
        categories.push_back({n, n, {}});
    chart.setData(categories, {{QStringLiteral("<i>series</i>"), {0.1, 0.2, 0.3, 0.4}}});
    chart.resize(700, 400);
    chart.show();
    QCoreApplication::processEvents();
    const QStringList shown = shownTexts(chart);
    for (const QString& n : names)
        EXPECT_TRUE(shown.contains(n))
            << n.toStdString()
            << " is not shown as written in: " << shown.join(QStringLiteral(" | ")).toStdString();
    EXPECT_FALSE(shown.contains(QStringLiteral("bold supplier"))) << "rendered as rich text";
}

TEST(ChartLabels, TimelineRowsAreShownAsWritten) {
    TimelineChart chart;
    const QString label = QStringLiteral("C1 <b>Measure</b> & co");
    chart.setData({{label, QDate(2025, 1, 1), QDate(2025, 6, 1), true}}, QDate(2025, 1, 1),
                  QDate(2026, 1, 1));
    chart.resize(700, 300);
    chart.show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(shownTexts(chart).contains(label))
        << shownTexts(chart).join(QStringLiteral(" | ")).toStdString();
}

// x of each character boundary of `text` laid out in one line.
std::vector<double> positions(const QString& text, int from, int to) {
    QTextLayout layout(text, QFont());
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(100000);
    layout.endLayout();
    std::vector<double> x;
    for (int i = from; i <= to; ++i)
        x.push_back(line.cursorToX(i));
    return x;
}

// The bidi algorithm Qt lays text out with (also in the PDF): the figure after an isolated
// name with a RIGHT-TO-LEFT OVERRIDE reads left to right; without the isolate it is reversed.
TEST(Bidi, AnIsolatedOverrideCannotReverseTheRestOfTheSentence) {
    const std::string name = "\u202E"
                             "evil scenario";
    for (const bool isolated : {true, false}) {
        const QString sentence = QString::fromStdString(
            "The worst scenario, " + (isolated ? core::isolateBidi(name) : name) +
            ", loses $105.0 bn of revenue.");
        const int at = int(sentence.indexOf(QStringLiteral("$105.0 bn")));
        ASSERT_GT(at, 0);
        const auto x = positions(sentence, at, at + 9);
        bool leftToRight = true;
        for (size_t i = 1; i < x.size(); ++i)
            leftToRight = leftToRight && x[i] > x[i - 1];
        EXPECT_EQ(leftToRight, isolated) << (isolated ? "isolated" : "not isolated");
    }
}

// Qt 6.4 commits a settings file whose final flush failed (QSaveFile): the format's writer
// flushes itself, so a full disk keeps the old settings and reports AccessError.
TEST(SettingsFormat, RoundTripsAndFailsOnAFullDevice) {
    QSettings::SettingsMap map;
    map.insert(QStringLiteral("recent"), QStringList{QStringLiteral("/a.chokepoint")});
    map.insert(QStringLiteral("view/dark"), true);
    map.insert(QStringLiteral("geometry"), QByteArray("\x01\x02\x00\x03", 4));
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    ASSERT_TRUE(writeSettings(buffer, map));
    buffer.seek(0);
    QSettings::SettingsMap back;
    ASSERT_TRUE(readSettings(buffer, back));
    EXPECT_EQ(back, map);
    QBuffer garbage;
    garbage.setData("[General]\nx=1\n");
    garbage.open(QIODevice::ReadOnly);
    EXPECT_FALSE(readSettings(garbage, back));

    QFile full(QStringLiteral("/dev/full"));
    ASSERT_TRUE(full.open(QIODevice::WriteOnly));
    EXPECT_FALSE(writeSettings(full, map)) << "a failed flush was reported as written";
}

TEST(SettingsFormat, AFullDiskKeepsTheOldSettings) {
    test::SmallFilesystem disk(64);
    if (!disk.mounted())
        GTEST_SKIP() << disk.skipReason();
    const QString file = QString::fromStdString(disk.file("chokepoint.settings"));
    {
        QSettings settings(file, settingsFormat());
        settings.setValue(QStringLiteral("lastWorkspace"), QStringLiteral("/old.chokepoint"));
        settings.sync();
        ASSERT_EQ(settings.status(), QSettings::NoError);
    }
    disk.fill("filler", 0);
    {
        QSettings settings(file, settingsFormat());
        settings.setValue(QStringLiteral("lastWorkspace"), QStringLiteral("/new.chokepoint"));
        settings.setValue(QStringLiteral("padding"), QString(8000, QLatin1Char('p')));
        settings.sync();
        EXPECT_EQ(settings.status(), QSettings::AccessError);
    }
    // What the file holds (another QSettings of this process would share the unsaved values).
    QFile saved(file);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    QSettings::SettingsMap map;
    ASSERT_TRUE(readSettings(saved, map)) << "the settings file was damaged";
    EXPECT_EQ(map.value(QStringLiteral("lastWorkspace")).toString(),
              QStringLiteral("/old.chokepoint"));
}

} // namespace
} // namespace chokepoint::ui
