// SPDX-License-Identifier: MIT
#include "ui/report/pdfreportwriter.h"

#include <cmath>

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

#include "core/util/atomicfile.h"
#include "ui/report/reportpainter.h"

namespace chokepoint::ui {

namespace {

QSizeF pagePoints(const ReportRenderOptions& options) {
    return QPageSize(options.paper).size(QPageSize::Point);
}

} // namespace

bool PdfReportWriter::write(const core::report::ReportDocument& document,
                            const ReportRenderOptions& options, const QString& path) {
    clearError();
    core::AtomicFile file(path.toStdString());
    if (auto r = file.open(); !r)
        return fail(QString::fromStdString(r.errorString()));
    {
        QPdfWriter pdf(&file.device());
        pdf.setPageSize(QPageSize(options.paper));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        pdf.setResolution(1200);
        pdf.setTitle(QString::fromStdString(document.fullTitle()));
        pdf.setCreator(
            QStringLiteral("Chokepoint %1").arg(QString::fromStdString(document.version)));

        ReportPainter layout(document, pdf, pagePoints(options));
        layout.setTotalPages(layout.run(nullptr, [] { return true; }));
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(QObject::tr("Cannot start the PDF writer for %1.").arg(path));
        layout.run(&painter, [&pdf] { return pdf.newPage(); });
        painter.end();
    }
    if (auto r = file.commit(); !r)
        return fail(QString::fromStdString(r.errorString()));
    return true;
}

QImage renderReportPage(const core::report::ReportDocument& document,
                        const ReportRenderOptions& options, int page, double dpi) {
    const QSizeF points = pagePoints(options);
    QImage image(QSize(int(std::ceil(points.width() * dpi / 72.0)),
                       int(std::ceil(points.height() * dpi / 72.0))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    ReportPainter layout(document, image, points);
    layout.setTotalPages(layout.run(nullptr, [] { return true; }));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    int current = 0;
    // Earlier pages are laid out over the same image; each new page starts white.
    layout.run(&painter, [&current, page] { return current++ < page; });
    painter.end();
    return image;
}

int reportPageCount(const core::report::ReportDocument& document,
                    const ReportRenderOptions& options) {
    QBuffer nowhere; // nothing is painted: the writer only lends its resolution
    QPdfWriter pdf(&nowhere);
    pdf.setPageSize(QPageSize(options.paper));
    pdf.setResolution(1200);
    ReportPainter layout(document, pdf, pagePoints(options));
    return layout.run(nullptr, [] { return true; });
}

} // namespace chokepoint::ui
