// SPDX-License-Identifier: MIT
// The chart helpers on their own: values, keys, tooltips, legend toggles, zoom, export.
#include <gtest/gtest.h>

#include <QBarSet>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>
#include <QVBoxLayout>

#include "tests/ui/uitestsupport.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/donutchart.h"
#include "ui/charts/linechart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {
namespace {

qint64 ms(int y, int m, int d) {
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

TEST(LineChart, AsManyDateLabelsAsFitTheWidth) {
    // A year of days: six labels of "yyyy-MM-dd" need about 6 × (70 + 18) px. Half a
    // results tab at 1280 × 800 is about 380 px wide: fewer labels, each with its room.
    LineChart chart;
    chart.setData({{QStringLiteral("a"),
                    QStringLiteral("Output"),
                    {{double(ms(2025, 8, 1)), 1.0}, {double(ms(2026, 7, 31)), 0.5}}}});
    chart.resize(380, 300);
    chart.show();
    QCoreApplication::processEvents();
    const int narrow = chart.timeTickCount();
    EXPECT_GE(narrow, 2);
    EXPECT_LT(narrow, 6);
    auto* axis = qobject_cast<QDateTimeAxis*>(chart.chart()->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    const double label =
        QFontMetrics(axis->labelsFont()).horizontalAdvance(QStringLiteral("2025-08-01"));
    // Neighbouring labels do not overlap in the plot area.
    EXPECT_GE(chart.chart()->plotArea().width() / (narrow - 1), label);
    chart.resize(1000, 300);
    QCoreApplication::processEvents();
    EXPECT_EQ(chart.timeTickCount(), 6);
}

TEST(LineChart, HoverZoomPanLegend) {
    LineChart chart;
    chart.setValueFormat([](double v) { return percentText(v); });
    chart.setFixedValueRange(0.0, 1.0, 0.25);
    chart.setData({{QStringLiteral("a"),
                    QStringLiteral("Output"),
                    {{double(ms(2025, 1, 1)), 1.0},
                     {double(ms(2025, 2, 1)), 0.5},
                     {double(ms(2025, 3, 1)), 0.8}}},
                   {QStringLiteral("b"),
                    QStringLiteral("Other"),
                    {{double(ms(2025, 1, 1)), 0.2}, {double(ms(2025, 3, 1)), 0.4}}}});
    chart.resize(600, 400);
    chart.show();
    QCoreApplication::processEvents();
    EXPECT_EQ(chart.seriesCount(), 2);
    EXPECT_EQ(chart.points(0).size(), 3);
    EXPECT_TRUE(chart.zoomPan());

    auto* axis = qobject_cast<QDateTimeAxis*>(chart.chart()->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    const qint64 span = axis->min().msecsTo(axis->max());
    EXPECT_EQ(span, ms(2025, 3, 1) - ms(2025, 1, 1));
    auto turn = [&](int delta, Qt::KeyboardModifiers modifiers) {
        QWheelEvent wheel(QPointF(300, 200), chart.mapToGlobal(QPointF(300, 200)), QPoint(),
                          QPoint(0, delta), Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(chart.viewport(), &wheel);
        return wheel.isAccepted();
    };
    // A plain wheel is left to the page around the chart: no zoom, the event not taken, so
    // Qt passes the (spontaneous) event on to the scroll area of the results page.
    EXPECT_FALSE(turn(120, Qt::NoModifier));
    EXPECT_EQ(axis->min().msecsTo(axis->max()), span);
    // Ctrl + wheel zooms in.
    EXPECT_TRUE(turn(120, Qt::ControlModifier));
    EXPECT_LT(axis->min().msecsTo(axis->max()), span); // zoomed in
    // Out again, and further out: never wider than the whole series.
    turn(-120, Qt::ControlModifier);
    turn(-120, Qt::ControlModifier);
    turn(-120, Qt::ControlModifier);
    EXPECT_EQ(axis->min().msecsTo(axis->max()), span);
    EXPECT_FALSE(chart.chart()->isZoomed());
    turn(120, Qt::ControlModifier);
    const QDateTime min = axis->min();
    QTest::mousePress(chart.viewport(), Qt::LeftButton, {}, QPoint(300, 200));
    QTest::mouseMove(chart.viewport(), QPoint(340, 200));
    QTest::mouseMove(chart.viewport(), QPoint(380, 200));
    QTest::mouseRelease(chart.viewport(), Qt::LeftButton, {}, QPoint(380, 200));
    EXPECT_LT(axis->min(), min); // dragged right: earlier dates come into view
    chart.chart()->zoomReset();

    // Legend click hides the series and keeps its marker.
    const auto markers = chart.chart()->legend()->markers();
    ASSERT_EQ(markers.size(), 2);
    chart.toggleMarker(markers[1]);
    EXPECT_FALSE(chart.lineSeries(1)->isVisible());
    EXPECT_TRUE(markers[1]->isVisible());
    chart.toggleMarker(markers[1]);
    EXPECT_TRUE(chart.lineSeries(1)->isVisible());

    QSignalSpy clicked(&chart, &ChartView::itemClicked);
    Q_EMIT chart.lineSeries(0)->clicked(QPointF());
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked[0][0].toString(), QStringLiteral("a"));
    Q_EMIT chart.lineSeries(0)->hovered(QPointF(double(ms(2025, 2, 3)), 0.5), true);
    EXPECT_TRUE(chart.tipText().contains(QStringLiteral("2025-02-01")));
    EXPECT_TRUE(chart.tipText().contains(QStringLiteral("50.0 %")));
}

TEST(StackedBarChart, KeysValuesAndEmptyState) {
    StackedBarChart chart(StackedBarChart::Orientation::Vertical);
    chart.setValueFormat([](double v) { return moneyText(v); });
    chart.setEmptyText(QStringLiteral("Nothing here"));
    chart.setData({}, {});
    EXPECT_EQ(chart.categoryCount(), 0);
    EXPECT_TRUE(chart.emptyTextShown());
    chart.setData({{QStringLiteral("p1"), QStringLiteral("Product one"), {}},
                   {QStringLiteral("p2"), QStringLiteral("Product two"), {}}},
                  {{QStringLiteral("At risk"), {1.5e9, 2.0e6}, SeriesColor::Risk}});
    chart.resize(500, 300);
    chart.show();
    QCoreApplication::processEvents();
    EXPECT_FALSE(chart.emptyTextShown());
    EXPECT_EQ(chart.categoryIndex(QStringLiteral("p2")), 1);
    EXPECT_EQ(chart.values(0), QVector<double>({1.5e9, 2.0e6}));
    EXPECT_EQ(chart.seriesNames(), QStringList({QStringLiteral("At risk")}));
    QSignalSpy clicked(&chart, &ChartView::itemClicked);
    QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, chart.barCenter(0, 0));
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked[0][0].toString(), QStringLiteral("p1"));
    QSignalSpy activated(&chart, &ChartView::itemActivated);
    QTest::mouseDClick(chart.viewport(), Qt::LeftButton, {}, chart.barCenter(0, 0));
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated[0][0].toString(), QStringLiteral("p1"));
    chart.setSelectedKey(QStringLiteral("p1"));
    EXPECT_TRUE(chart.barSet(0)->isBarSelected(0));
    EXPECT_FALSE(chart.barSet(0)->isBarSelected(1));
    QTest::mouseMove(chart.viewport(), chart.barCenter(0, 0));
    EXPECT_TRUE(chart.tipText().contains(QStringLiteral("$1.50 bn")))
        << chart.tipText().toStdString();
    // The mouse rests: Qt sends the viewport a tooltip event. The tip stays (0.1 hid it).
    const QPoint at = chart.barCenter(0, 0);
    QHelpEvent rest(QEvent::ToolTip, at, chart.viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(chart.viewport(), &rest);
    EXPECT_TRUE(QToolTip::isVisible());
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("$1.50 bn")))
        << QToolTip::text().toStdString();
}

TEST(DonutChart, SlicesLegendAndRendering) {
    DonutChart chart;
    chart.chart()->setTitle(QStringLiteral("Mix"));
    chart.setData({{QStringLiteral("CHN"), QStringLiteral("China  60.0 %"), 60,
                    QStringLiteral("<b>China</b>")},
                   {QStringLiteral("KOR"), QStringLiteral("Korea  40.0 %"), 40, {}}},
                  QStringLiteral("$100"));
    chart.resize(500, 320);
    chart.show();
    QCoreApplication::processEvents();
    EXPECT_EQ(chart.sliceCount(), 2);
    EXPECT_EQ(chart.centerText(), QStringLiteral("$100"));
    chart.setSelectedKey(QStringLiteral("KOR"));
    EXPECT_TRUE(chart.series()->slices()[1]->isExploded());
    EXPECT_FALSE(chart.series()->slices()[0]->isExploded());
    const auto markers = chart.chart()->legend()->markers();
    chart.toggleMarker(markers[0]);
    EXPECT_EQ(chart.series()->slices()[0]->value(), 0.0);
    chart.toggleMarker(markers[0]);
    EXPECT_EQ(chart.series()->slices()[0]->value(), 60.0);

    // Rendering into any painter (what reports use): the image is not blank.
    QImage image(500, 320, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    renderChart(chart, p, QRectF(0, 0, 500, 320));
    p.end();
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            const QColor c = image.pixelColor(x, y);
            coloured += c.saturation() > 80 ? 1 : 0;
        }
    EXPECT_GT(coloured, 100);
    EXPECT_FALSE(renderChartImage(chart).isNull());
}

} // namespace
} // namespace chokepoint::ui
