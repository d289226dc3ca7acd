// SPDX-License-Identifier: MIT
// The scenario charts on their own (no page): fan, histogram, survival and tornado charts —
// what they draw, their tooltips, ownership of the area edges (TOOLCHAIN P8), palettes and
// export through chartexport.h as the report writer uses them.
#include <gtest/gtest.h>

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QFontMetrics>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPointer>
#include <QSignalSpy>
#include <QTimeZone>

#include "tests/ui/uitestsupport.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/fanchart.h"
#include "ui/charts/histogramchart.h"
#include "ui/charts/survivalchart.h"
#include "ui/displayformat.h"
#include "ui/pages/scenarios/tornadochart.h"
#include "ui/theme.h"

namespace chokepoint::ui {
namespace {

// Distinct colours in an image: a rendered chart is more than a blank background.
int colourCount(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

void showOffscreen(QWidget& w) {
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.resize(640, 400);
    w.show();
    QCoreApplication::processEvents();
}

FanSeriesData fan(const QString& name) {
    FanSeriesData s;
    s.key = name;
    s.name = name;
    s.median = {1.0, 0.8, 0.5, 0.9};
    s.low = {1.0, 0.6, 0.2, 0.7};
    s.high = {1.0, 0.9, 0.75, 1.0};
    s.reference = {1.0, 1.0, 0.4, 0.95};
    return s;
}

TEST(FanChart, BandLinesAndTooltips) {
    FanChart chart;
    chart.setStartDate(QDate(2025, 8, 1));
    chart.setValueFormat([](double v) { return percentText(v); });
    chart.setFixedValueRange(0.0, 1.0, 0.25);
    chart.setData({fan(QStringLiteral("Squeeze"))});
    showOffscreen(chart);

    ASSERT_EQ(chart.seriesCount(), 1);
    QAreaSeries* band = chart.band(0);
    ASSERT_NE(band, nullptr);
    // The band's edges: the P90 and P10 values, owned by the area (no leak, TOOLCHAIN P8).
    ASSERT_NE(band->upperSeries(), nullptr);
    ASSERT_NE(band->lowerSeries(), nullptr);
    EXPECT_EQ(band->upperSeries()->parent(), band);
    EXPECT_EQ(band->lowerSeries()->parent(), band);
    EXPECT_DOUBLE_EQ(band->upperSeries()->at(2).y(), 0.75);
    EXPECT_DOUBLE_EQ(band->lowerSeries()->at(2).y(), 0.2);
    EXPECT_DOUBLE_EQ(chart.medianLine(0)->at(1).y(), 0.8);
    EXPECT_DOUBLE_EQ(chart.referenceLine(0)->at(2).y(), 0.4);
    // Day i is i days after the start date.
    EXPECT_DOUBLE_EQ(chart.medianLine(0)->at(3).x() - chart.medianLine(0)->at(0).x(),
                     3 * 86400000.0);
    EXPECT_DOUBLE_EQ(
        chart.dayToX(0),
        double(QDateTime(QDate(2025, 8, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch()));
    EXPECT_EQ(chart.chart()->series().size(), 3);

    const QString tip = chart.tipFor(0, 2);
    EXPECT_TRUE(tip.contains(QStringLiteral("2025-08-03 (day 2)"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("P90: 75.0 %"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("P50: 50.0 %")));
    EXPECT_TRUE(tip.contains(QStringLiteral("P10: 20.0 %")));
    EXPECT_TRUE(tip.contains(QStringLiteral("deterministic: 40.0 %")));

    QStringList legend;
    for (QLegendMarker* m : chart.chart()->legend()->markers())
        legend << m->label();
    EXPECT_TRUE(legend.contains(QStringLiteral("Squeeze P10\u2013P90")))
        << legend.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(legend.contains(QStringLiteral("Squeeze P50")));
    EXPECT_TRUE(legend.contains(QStringLiteral("Squeeze deterministic")));

    // A legend click hides the band; a second shows it again.
    for (QLegendMarker* m : chart.chart()->legend()->markers())
        if (m->series() == band) {
            chart.toggleMarker(m);
            EXPECT_FALSE(band->isVisible());
            chart.toggleMarker(m);
            EXPECT_TRUE(band->isVisible());
        }

    // Rebuilding deletes the old band and its edges.
    QPointer<QLineSeries> upper = band->upperSeries();
    chart.setData({fan(QStringLiteral("A")), fan(QStringLiteral("B"))});
    EXPECT_TRUE(upper.isNull());
    EXPECT_EQ(chart.seriesCount(), 2);
    EXPECT_EQ(chart.chart()->series().size(), 6);
}

TEST(FanChart, WithoutBandOrReference) {
    FanChart chart;
    FanSeriesData s;
    s.name = QStringLiteral("Deterministic");
    s.median = {1.0, 0.5};
    chart.setData({s});
    EXPECT_EQ(chart.band(0), nullptr);
    EXPECT_EQ(chart.referenceLine(0), nullptr);
    EXPECT_EQ(chart.chart()->series().size(), 1);
}

TEST(FanChart, RendersForReportsInBothPalettes) {
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
        FanChart chart;
        chart.setPalette(themePalette(theme));
        chart.setData({fan(QStringLiteral("S"))});
        showOffscreen(chart);
        EXPECT_EQ(chart.chartPalette().dark, theme == Theme::Dark);
        QImage image(800, 500, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderChart(chart, painter, QRectF(0, 0, 800, 500));
        painter.end();
        EXPECT_GT(colourCount(image), 20);
    }
    test::TempDir tmp;
    FanChart chart;
    chart.setData({fan(QStringLiteral("S"))});
    showOffscreen(chart);
    QString error;
    EXPECT_TRUE(chart.exportTo(QString::fromStdString(tmp.file("fan.svg")), &error))
        << error.toStdString();
    EXPECT_NE(test::readFile(tmp.file("fan.svg")).find("<svg"), std::string::npos);
}

TEST(HistogramChart, BinsMarkersAndTooltips) {
    HistogramChart chart;
    chart.setValueFormat([](double v) { return moneyText(v); });
    chart.setCountUnit(QStringLiteral("runs"));
    HistogramSeriesData s{
        QStringLiteral("lost"), QStringLiteral("runs"), {2, 5, 3}, {0.2, 0.5, 0.3}};
    chart.setData({100.0, 200.0, 300.0, 400.0}, {s},
                  {{QStringLiteral("P50"), 250.0}, {QStringLiteral("P90"), 380.0}});
    showOffscreen(chart);
    EXPECT_EQ(chart.binCount(), 3);
    EXPECT_EQ(chart.counts(0), (QVector<double>{2, 5, 3}));
    QAreaSeries* area = chart.area(0);
    ASSERT_NE(area, nullptr);
    EXPECT_EQ(area->upperSeries()->parent(), area);
    // Step outline: (100,0) (100,2) (200,2) (200,5) (300,5) (300,3) (400,3) (400,0).
    const auto pts = area->upperSeries()->points();
    ASSERT_EQ(pts.size(), 8);
    EXPECT_EQ(pts[3], QPointF(200, 5));
    EXPECT_EQ(pts[7], QPointF(400, 0));
    ASSERT_NE(chart.markerLine(1), nullptr);
    EXPECT_DOUBLE_EQ(chart.markerLine(1)->at(0).x(), 380.0);
    EXPECT_EQ(chart.binAt(100.0), 0);
    EXPECT_EQ(chart.binAt(250.0), 1);
    EXPECT_EQ(chart.binAt(400.0), 2);
    EXPECT_EQ(chart.binAt(99.0), -1);
    // The legend names the quantile lines only: the count axis already says "runs".
    QStringList legend;
    for (QLegendMarker* marker : chart.chart()->legend()->markers())
        if (marker->isVisible())
            legend << marker->label();
    EXPECT_EQ(legend, QStringList({QStringLiteral("P50"), QStringLiteral("P90")}));
    const QString tip = chart.tipFor(0, 1);
    EXPECT_TRUE(tip.contains(QStringLiteral("$200 \u2013 $300"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("5 runs (50.0 %)"))) << tip.toStdString();

    HistogramChart empty;
    empty.setEmptyText(QStringLiteral("nothing"));
    empty.setData({}, {});
    EXPECT_EQ(empty.binCount(), 0);
    EXPECT_TRUE(empty.emptyTextShown());
    EXPECT_FALSE(chart.emptyTextShown());
}

TEST(SurvivalChart, SurvivalRecoveryAndRisk) {
    SurvivalChart chart;
    chart.setHorizon(365);
    QSignalSpy clicks(&chart, &ChartView::itemClicked);
    chart.setData(
        {{QStringLiteral("cell"), QStringLiteral("Cells"), 40.0, 120.0, true, {}},
         {QStringLiteral("motor"), QStringLiteral("Motors"), std::nullopt, 20.0, false, {}},
         {QStringLiteral("module"), QStringLiteral("Modules"), 90.0, std::nullopt, true, {}}});
    showOffscreen(chart);
    EXPECT_EQ(chart.itemCount(), 3);
    // Beyond the horizon is drawn to the horizon.
    EXPECT_EQ(chart.survivalValues(), (QVector<double>{40, 365, 90}));
    EXPECT_EQ(chart.recoveryValues(), (QVector<double>{120, 20, 365}));
    // Items at risk: the survival bar in the risk colour (selected) and a warning sign. The
    // first item is at the top: Qt's bar 2.
    QBarSet* survival = chart.survivalSet();
    EXPECT_TRUE(survival->isBarSelected(2));
    EXPECT_FALSE(survival->isBarSelected(1));
    EXPECT_TRUE(survival->isBarSelected(0));
    EXPECT_EQ(survival->selectedColor(), chart.chartPalette().risk);
    const QStringList labels = chart.axisLabels();
    ASSERT_EQ(labels.size(), 3);
    EXPECT_TRUE(labels[2].startsWith(QChar(0x26A0)));
    EXPECT_EQ(labels[1], QStringLiteral("Motors"));
    const QString tip = chart.tipFor(1);
    EXPECT_TRUE(tip.contains(QStringLiteral("beyond the horizon (365 days)"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Supply back on day 20")));
    EXPECT_TRUE(chart.tipFor(0).contains(QStringLiteral("Runs out before supply recovers")));
    chart.setSelectedKey(QStringLiteral("motor"));
    EXPECT_TRUE(chart.axisLabels()[1].startsWith(QChar(0x25B8)));
    // A click on a bar reports the item.
    Q_EMIT survival->clicked(2);
    ASSERT_EQ(clicks.size(), 1);
    EXPECT_EQ(clicks[0][0].toString(), QStringLiteral("cell"));
}

TEST(TornadoChart, BarsFromTheBase) {
    TornadoChart chart;
    chart.setBase(1000.0);
    chart.setData({{QStringLiteral("a"), QStringLiteral("Approval"), QStringLiteral("25 %"),
                    QStringLiteral("75 %"), 5000.0, 400.0},
                   {QStringLiteral("b"), QStringLiteral("Delay"), QStringLiteral("5 days"),
                    QStringLiteral("15 days"), 800.0, 1300.0}});
    showOffscreen(chart);
    EXPECT_EQ(chart.lowBars(), (QVector<double>{4000.0, -200.0}));
    EXPECT_EQ(chart.highBars(), (QVector<double>{-600.0, 300.0}));
    const QString tip = chart.tipFor(0);
    EXPECT_TRUE(tip.contains(QStringLiteral("Low (25 %): $5,000"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("As written: $1,000"))) << tip.toStdString();
    // The first row is drawn at the top, Qt's bar 1: hover, click and double-click on either
    // set's bar report that row.
    auto* series = qobject_cast<QAbstractBarSeries*>(chart.chart()->series().value(0));
    ASSERT_NE(series, nullptr);
    ASSERT_EQ(series->barSets().size(), 2);
    QSignalSpy clicked(&chart, &ChartView::itemClicked);
    QSignalSpy activated(&chart, &ChartView::itemActivated);
    for (QBarSet* set : series->barSets()) {
        Q_EMIT set->hovered(true, 1);
        EXPECT_TRUE(chart.tipText().contains(QStringLiteral("Approval")))
            << chart.tipText().toStdString();
        Q_EMIT set->hovered(false, 1);
        EXPECT_TRUE(chart.tipText().isEmpty());
        Q_EMIT set->clicked(1);
        Q_EMIT set->doubleClicked(0);
    }
    ASSERT_EQ(clicked.size(), 2);
    EXPECT_EQ(clicked[0][0].toString(), QStringLiteral("a"));
    EXPECT_EQ(clicked[1][0].toString(), QStringLiteral("a"));
    ASSERT_EQ(activated.size(), 2);
    EXPECT_EQ(activated[0][0].toString(), QStringLiteral("b"));
}

// Lost revenue from $0.3 bn to $6.1 bn around $1.24 bn as written: the axis reads lost
// revenue on round amounts — steps of $2 bn (the 5.8 bn range over 5 ticks is 1.16 bn, rounded
// up to 2 × 10^9) from $0 to $8 bn — not "-$763 m" (base − $2 bn), and a dashed line marks the
// base.
TEST(TornadoChart, AxisReadsLostRevenueOnRoundAmounts) {
    TornadoChart chart;
    chart.setBase(1.24e9);
    chart.setData({{QStringLiteral("a"), QStringLiteral("Approval"), QStringLiteral("35 %"),
                    QStringLiteral("85 %"), 6.1e9, 1.24e9},
                   {QStringLiteral("b"), QStringLiteral("Duration"), QStringLiteral("45 days"),
                    QStringLiteral("135 days"), 0.3e9, 2.0e9}});
    showOffscreen(chart);
    EXPECT_EQ(chart.axisLabels(),
              (QStringList{QStringLiteral("$0"), QStringLiteral("$2 bn"), QStringLiteral("$4 bn"),
                           QStringLiteral("$6 bn"), QStringLiteral("$8 bn")}));
    // Bars still run from the base.
    EXPECT_EQ(chart.lowBars(), (QVector<double>{6.1e9 - 1.24e9, 0.3e9 - 1.24e9}));
    ASSERT_NE(chart.baseLine(), nullptr);
    EXPECT_DOUBLE_EQ(chart.baseLine()->at(0).x(), 0.0);
    EXPECT_TRUE(chart.baseLine()->name().contains(QStringLiteral("$1.24 bn")));
    // Room for the right half of the last label.
    const QFontMetrics metrics(chart.chart()->axes(Qt::Horizontal).first()->labelsFont());
    EXPECT_GE(chart.chart()->margins().right(),
              metrics.horizontalAdvance(QStringLiteral("$8 bn")) / 2);

    TornadoChart empty;
    empty.setData({});
    for (QAbstractAxis* axis : empty.chart()->axes())
        EXPECT_FALSE(axis->isVisible());
}

// Several scenarios overlaid: one legend entry per scenario that shows and hides all of its
// parts; fewer dates on a narrow axis.
TEST(FanChart, CompactLegendAndNarrowAxis) {
    FanChart chart;
    chart.setCompactLegend(true);
    chart.setStartDate(QDate(2025, 8, 1));
    chart.setData({fan(QStringLiteral("A")), fan(QStringLiteral("B"))});
    showOffscreen(chart);
    QStringList shown;
    QLegendMarker* markerA = nullptr;
    for (QLegendMarker* m : chart.chart()->legend()->markers())
        if (m->isVisible()) {
            shown << m->label();
            if (m->label() == QStringLiteral("A"))
                markerA = m;
        }
    EXPECT_EQ(shown, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    ASSERT_NE(markerA, nullptr);
    Q_EMIT markerA->clicked();
    EXPECT_FALSE(chart.medianLine(0)->isVisible());
    EXPECT_FALSE(chart.band(0)->isVisible());
    EXPECT_FALSE(chart.referenceLine(0)->isVisible());
    EXPECT_TRUE(chart.band(1)->isVisible());
    Q_EMIT markerA->clicked();
    EXPECT_TRUE(chart.band(0)->isVisible());
    EXPECT_TRUE(chart.referenceLine(0)->isVisible());

    chart.resize(1000, 400);
    QCoreApplication::processEvents();
    EXPECT_EQ(chart.timeTickCount(), 6);
    chart.resize(300, 400);
    QCoreApplication::processEvents();
    EXPECT_LE(chart.timeTickCount(), 3);
    EXPECT_GE(chart.timeTickCount(), 2);
}

// A series keeps a given palette colour (the scenario's in a comparison); a narrow chart
// labels fewer values.
TEST(HistogramChart, ColourIndexAndNarrowAxis) {
    HistogramChart chart;
    chart.setAxisFormat([](double v) { return compactMoneyText(v); });
    HistogramSeriesData s{QStringLiteral("c"), QStringLiteral("C"), {2, 5, 3}, {0.2, 0.5, 0.3}};
    s.colorIndex = 2;
    chart.setData({0.0, 1e9, 2e9, 3e9}, {s});
    showOffscreen(chart);
    EXPECT_EQ(chart.area(0)->pen().color().rgb(), chart.chartPalette().category(2).rgb());
    chart.resize(1000, 400);
    QCoreApplication::processEvents();
    const int wide = int(chart.valueAxisLabels().size());
    chart.resize(260, 400);
    QCoreApplication::processEvents();
    const int narrow = int(chart.valueAxisLabels().size());
    EXPECT_LT(narrow, wide);
    EXPECT_GE(narrow, 2);
}

} // namespace
} // namespace chokepoint::ui
