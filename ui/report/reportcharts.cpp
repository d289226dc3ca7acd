// SPDX-License-Identifier: MIT
#include "ui/report/reportcharts.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QBarSet>
#include <QBuffer>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include "core/map/mapmarkers.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/donutchart.h"
#include "ui/charts/fanchart.h"
#include "ui/charts/scatterchart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/charts/survivalchart.h"
#include "ui/displayformat.h"
#include "ui/map/maprenderer.h"
#include "ui/report/timelinechart.h"
#include "ui/theme.h"

namespace chokepoint::ui {

namespace rp = core::report;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QDate qdate(core::Date d) {
    return QDate(d.year(), d.month(), d.day());
}

ValueFormatter valueFormatter(rp::NumberFormat format) {
    return [format](double v) { return qs(rp::formatNumber(v, format)); };
}

ValueFormatter axisFormatter(rp::NumberFormat format) {
    switch (format) {
    case rp::NumberFormat::Money:
        return [](double v) { return compactMoneyText(v); };
    case rp::NumberFormat::Percent:
        return [](double v) { return percentText(v, 0); };
    default:
        return valueFormatter(format);
    }
}

SeriesColor seriesColor(rp::SeriesRole role) {
    switch (role) {
    case rp::SeriesRole::Direct:
        return SeriesColor::Direct;
    case rp::SeriesRole::Deeper:
        return SeriesColor::Deeper;
    case rp::SeriesRole::Risk:
        return SeriesColor::Risk;
    case rp::SeriesRole::Auto:
    case rp::SeriesRole::Neutral:
        break;
    }
    return SeriesColor::Auto;
}

// Palette and font go first: the chart helpers take their colours from the palette when the
// data is set.
template <class View, class... Args> std::unique_ptr<View> makeView(Args&&... args) {
    auto view = std::make_unique<View>(std::forward<Args>(args)...);
    view->setPalette(themePalette(Theme::Light));
    return view;
}

std::unique_ptr<QChartView> barChart(const rp::BarChart& spec) {
    auto view = makeView<StackedBarChart>(StackedBarChart::Orientation::Horizontal);
    view->setValueFormat(valueFormatter(spec.valueFormat));
    view->setAxisFormat(axisFormatter(spec.valueFormat));
    // Three no-break spaces after each label (ordinary and en spaces collapse in the axis's
    // rich text): browsers draw the report's SVG text a little wider than Qt measured it, and
    // the last letter would touch the bar.
    const QString pad(3, QChar(0x00A0));
    view->setMaxLabelLength(34 + int(pad.size()));
    if (spec.fixedMax)
        view->setFixedValueRange(0.0, *spec.fixedMax, *spec.fixedMax / 4.0);
    QVector<BarCategory> categories;
    for (const auto& c : spec.categories)
        categories.push_back({qs(c), shortName(qs(c), 34) + pad, {}});
    QVector<BarSeriesData> series;
    for (const auto& s : spec.series)
        series.push_back(
            {qs(s.name), QVector<double>(s.values.begin(), s.values.end()), seriesColor(s.role)});
    view->setData(categories, series);
    // The dashboard's palette has no neutral role: context series take its muted grey.
    const QColor neutral = view->chartPalette().grid.darker(112);
    for (int i = 0; i < int(spec.series.size()); ++i)
        if (spec.series[size_t(i)].role == rp::SeriesRole::Neutral)
            if (QBarSet* set = view->barSet(i)) {
                set->setColor(neutral);
                set->setBorderColor(neutral);
            }
    return view;
}

std::unique_ptr<QChartView> donutChart(const rp::DonutChart& spec) {
    auto view = makeView<DonutChart>();
    view->setMaxLegendEntries(int(spec.categories.size()));
    QVector<DonutSlice> slices;
    for (size_t i = 0; i < spec.categories.size() && i < spec.values.values.size(); ++i)
        slices.push_back(
            {qs(spec.categories[i]), qs(spec.categories[i]), spec.values.values[i], {}});
    view->setData(slices, qs(spec.centerText));
    return view;
}

std::unique_ptr<QChartView> fanChart(const rp::FanChart& spec) {
    auto view = makeView<FanChart>();
    view->setValueFormat(valueFormatter(spec.valueFormat));
    view->setAxisFormat(axisFormatter(spec.valueFormat));
    view->setFixedValueRange(0.0, spec.maxValue, spec.maxValue / 4.0);
    view->setStartDate(qdate(spec.start));
    FanSeriesData s;
    s.key = QStringLiteral("output");
    s.median = QVector<double>(spec.median.begin(), spec.median.end());
    s.low = QVector<double>(spec.low.begin(), spec.low.end());
    s.high = QVector<double>(spec.high.begin(), spec.high.end());
    s.medianName = qs(spec.medianName);
    s.lowName = QStringLiteral("P10");
    s.highName = QStringLiteral("P90");
    view->setData({s});
    return view;
}

std::unique_ptr<QChartView> survivalChart(const rp::SurvivalChart& spec) {
    auto view = makeView<SurvivalChart>();
    view->setHorizon(spec.horizonDays);
    QVector<SurvivalItem> items;
    for (const auto& item : spec.items)
        items.push_back({qs(item.label),
                         qs(item.label),
                         item.survivalDays,
                         item.recoveryDays,
                         item.atRisk,
                         {}});
    view->setData(items);
    return view;
}

std::unique_ptr<QChartView> scatterChart(const rp::ScatterChart& spec) {
    auto view = makeView<ScatterChart>();
    view->setAxisTitles(qs(spec.xTitle), qs(spec.yTitle));
    view->setNoneLabel(qs(spec.noneLabel));
    view->setSeriesNames(qs(spec.plainName), qs(spec.highlightName));
    QVector<ScatterPoint> points;
    for (const auto& p : spec.points)
        points.push_back({qs(p.label), qs(p.label), p.x, p.y, p.highlight, {}});
    view->setData(points);
    return view;
}

std::unique_ptr<QChartView> timelineChart(const rp::TimelineChart& spec) {
    auto view = makeView<TimelineChart>();
    view->setLegendNames(qs(spec.highlightName), qs(spec.otherName), qs(spec.scheduledName));
    view->setMarker(qdate(spec.marker), qs(spec.markerLabel));
    QVector<TimelineItem> items;
    for (const auto& item : spec.items)
        items.push_back({qs(item.label), qdate(item.start),
                         item.end ? std::optional<QDate>(qdate(*item.end)) : std::nullopt,
                         item.highlight, item.scheduled});
    view->setData(items, qdate(spec.axisStart), qdate(spec.axisEnd));
    return view;
}

// The same type everywhere in a report, whatever the application font is.
void applyFont(QChart* chart, const QFont& base) {
    QFont title = base;
    title.setBold(true);
    title.setPointSizeF(10.5);
    chart->setTitleFont(title);
    QFont small = base;
    small.setPointSizeF(8.5);
    chart->legend()->setFont(small);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(small);
        QFont axisTitle = small;
        axisTitle.setPointSizeF(8.0);
        axis->setTitleFont(axisTitle);
    }
}

// The survival chart labels every step and the horizon itself: at 360 and 365 days the two
// labels print over each other. Drop the step label that crowds the end.
void dropCrowdedEndLabel(QChart* chart) {
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
        auto* category = qobject_cast<QCategoryAxis*>(axis);
        if (!category || category->count() < 3)
            continue;
        const QStringList labels = category->categoriesLabels();
        const double end = category->endValue(labels.last());
        const double before = category->endValue(labels[labels.size() - 2]);
        const double span = category->max() - category->min();
        if (span > 0 && end - before < span * 0.08)
            category->remove(labels[labels.size() - 2]);
    }
}

} // namespace

std::unique_ptr<QChartView> createReportChart(const rp::Chart& spec, QSize size,
                                              const QFont& font) {
    std::unique_ptr<QChartView> view = std::visit(
        [](const auto& data) -> std::unique_ptr<QChartView> {
            using T = std::decay_t<decltype(data)>;
            if constexpr (std::is_same_v<T, rp::BarChart>)
                return barChart(data);
            else if constexpr (std::is_same_v<T, rp::DonutChart>)
                return donutChart(data);
            else if constexpr (std::is_same_v<T, rp::FanChart>)
                return fanChart(data);
            else if constexpr (std::is_same_v<T, rp::SurvivalChart>)
                return survivalChart(data);
            else if constexpr (std::is_same_v<T, rp::TimelineChart>)
                return timelineChart(data);
            else if constexpr (std::is_same_v<T, rp::ScatterChart>)
                return scatterChart(data);
            else
                return nullptr; // the map is no chart view: paintReportChart() draws it
        },
        spec.data);
    if (!view)
        return nullptr;
    view->setFont(font);
    view->chart()->setTitle(chartLabel(qs(spec.title)));
    applyChartPalette(view->chart(), ChartPalette::forPalette(themePalette(Theme::Light)), false);
    applyFont(view->chart(), font);
    if (std::holds_alternative<rp::TimelineChart>(spec.data)) {
        QFont small = font;
        small.setPointSizeF(7.5); // one label per row: keep them within their rows
        for (QAbstractAxis* axis : view->chart()->axes())
            axis->setLabelsFont(small);
    }
    // Room on the right for the last value-axis label, which is centred on the axis end.
    view->chart()->setMargins(QMargins(6, 6, 22, 6));
    if (std::holds_alternative<rp::SurvivalChart>(spec.data))
        dropCrowdedEndLabel(view->chart());
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setMinimumSize(1, 1);
    view->resize(size);
    view->show();
    QApplication::processEvents();
    return view;
}

namespace {

// The map at `size` logical pixels: the inhabited world, light palette, the legend in the
// report's type (in pixels, so a scaled painter on a printer keeps the proportions).
void paintMapChart(const rp::Chart& spec, const rp::MapChart& map, QPainter& painter,
                   const QRectF& target, QSize size, const QFont& font) {
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / size.width(), target.height() / size.height());
    const QRectF area(QPointF(0, 0), QSizeF(size));
    QFont f = font;
    f.setPixelSize(int(std::lround(font.pointSizeF() * 96.0 / 72.0)));
    painter.setFont(f);
    QString error;
    const auto atlas = bundledAtlas(&error);
    if (!atlas) {
        painter.drawText(area, Qt::AlignCenter, error);
        painter.restore();
        return;
    }
    const MapRenderer renderer(atlas);
    MapLegend legend = legendFromCaption(map.caption, map.scene.measure);
    legend.title = qs(spec.title);
    legend.notes.clear(); // the report prints them under the figure
    legend.strip = true;  // below the map, so no country hides under it
    // The map between the title and the legend strip.
    const double strip = renderer.legendRect(area, legend, f, !map.scene.arcs.empty()).height();
    const QRectF mapArea = area.adjusted(0, 24, 0, -strip - 4);
    const MapTransform t = MapTransform::fit(atlas->inhabitedBounds(), mapArea, 2.0);
    const core::map::MapMarkers markers =
        core::map::buildMarkers(map.scene, MapRenderer::kClusterPixels / t.scale);
    const MapPalette palette = MapPalette::forPalette(themePalette(Theme::Light));
    // Sea behind the map only; the title and the legend stand on the page.
    renderer.paintBase(painter, mapArea, t, map.scene, markers, palette);
    renderer.paintAnnotations(painter, area, map.scene, markers, palette, legend);
    painter.restore();
}

} // namespace

void paintReportChart(const rp::Chart& spec, QPainter& painter, const QRectF& target, QSize size,
                      const QFont& font) {
    if (const auto* map = std::get_if<rp::MapChart>(&spec.data)) {
        paintMapChart(spec, *map, painter, target, size, font);
        return;
    }
    const auto view = createReportChart(spec, size, font);
    renderChart(*view, painter, target);
}

QString reportChartSvg(const rp::Chart& spec, QSize size, const QFont& font) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(qs(spec.title));
    const QRectF whole(QPointF(0, 0), QSizeF(size));
    if (std::holds_alternative<rp::MapChart>(spec.data)) {
        svg.setResolution(96); // the map's type is in pixels of a 96-dpi layout
        QPainter painter(&svg);
        painter.fillRect(whole, Qt::white);
        paintReportChart(spec, painter, whole, size, font);
        painter.end();
    } else {
        const auto view = createReportChart(spec, size, font);
        // The widget laid its text out at the screen's resolution: write font sizes for it.
        svg.setResolution(view->logicalDpiY());
        QPainter painter(&svg);
        painter.fillRect(whole, Qt::white);
        renderChart(*view, painter, whole);
        painter.end();
    }
    QString text = QString::fromUtf8(buffer.data());
    // One element for inline use: no prolog; the size comes from the page (CSS) and viewBox.
    const qsizetype start = text.indexOf(QStringLiteral("<svg"));
    if (start > 0)
        text.remove(0, start);
    static const QRegularExpression sizeAttrs(
        QStringLiteral(R"re(<svg\s+width="[^"]*"\s+height="[^"]*")re"));
    text.replace(sizeAttrs, QStringLiteral("<svg width=\"%1\" height=\"%2\" role=\"img\"")
                                .arg(size.width())
                                .arg(size.height()));
    // QSvgGenerator writes a group for every state change, most of them empty: two thirds of
    // the bytes. They draw nothing.
    static const QRegularExpression emptyGroup(QStringLiteral(R"(<g\s[^>]*>\s*</g>\s*)"));
    text.remove(emptyGroup);
    // Browsers without the report's font fall back to a sans-serif one of similar width.
    static const QRegularExpression family(QStringLiteral(R"re(font-family="([^"]*)")re"));
    text.replace(family, QStringLiteral("font-family=\"\\1, Verdana, Arial, sans-serif\""));
    text.replace(QStringLiteral("font-family=\"Sans Serif, "), QStringLiteral("font-family=\""));
    // QSvgGenerator escapes markup in data labels but copies control characters, which XML
    // 1.0 (and so the XHTML-compatible page) does not allow: drop them as htmlEscape() does.
    // (A plain copy loop: QString::removeIf of Qt 6.4 left them in place in Debug builds.)
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xFFFE || u == 0xFFFF)
            continue;
        clean.append(c);
    }
    return clean.trimmed();
}

} // namespace chokepoint::ui
