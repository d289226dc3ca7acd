// SPDX-License-Identifier: MIT
#include "ui/charts/chartexport.h"

#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>

#include "core/util/atomicfile.h"

namespace chokepoint::ui {

namespace {
bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}
} // namespace

void renderChart(QChartView& view, QPainter& painter, const QRectF& target) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    view.render(&painter, target, view.viewport()->rect(), Qt::KeepAspectRatio);
    painter.restore();
}

QImage renderChartImage(QChartView& view, QSize size, double scale) {
    if (size.isEmpty())
        size = view.viewport()->size();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(view.chart()->backgroundBrush().color());
    QPainter painter(&image);
    renderChart(view, painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return image;
}

bool exportChartPng(QChartView& view, const QString& path, QString* error) {
    const QImage image = renderChartImage(view);
    core::AtomicFile file(path.toStdString());
    if (auto r = file.open(); !r)
        return fail(error, QString::fromStdString(r.errorString()));
    if (!image.save(&file.device(), "PNG"))
        return fail(error, QObject::tr("Cannot encode the image as PNG."));
    if (auto r = file.commit(); !r)
        return fail(error, QString::fromStdString(r.errorString()));
    return true;
}

bool exportChartSvg(QChartView& view, const QString& path, QString* error) {
    core::AtomicFile file(path.toStdString());
    if (auto r = file.open(); !r)
        return fail(error, QString::fromStdString(r.errorString()));
    const QSize size = view.viewport()->size();
    QSvgGenerator svg;
    svg.setOutputDevice(&file.device());
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(view.chart()->title().isEmpty() ? QFileInfo(path).completeBaseName()
                                                 : view.chart()->title());
    svg.setDescription(QObject::tr("Chart exported from Chokepoint"));
    QPainter painter;
    if (!painter.begin(&svg))
        return fail(error, QObject::tr("Cannot start the SVG writer."));
    painter.fillRect(QRect(QPoint(0, 0), size), view.chart()->backgroundBrush());
    renderChart(view, painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    if (auto r = file.commit(); !r)
        return fail(error, QString::fromStdString(r.errorString()));
    return true;
}

bool exportChart(QChartView& view, const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("svg"))
        return exportChartSvg(view, path, error);
    if (suffix == QStringLiteral("png"))
        return exportChartPng(view, path, error);
    return fail(error, QObject::tr("Unknown image type \"%1\": use .png or .svg.").arg(suffix));
}

} // namespace chokepoint::ui
