// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>

#include "ui/report/reportwriter.h"

namespace chokepoint::ui {

/// The report as a PDF (A4 or Letter): ReportPainter's pages on a QPdfWriter, charts as
/// vectors, text as text (the fonts embedded), document title and creator set, no date in
/// the pages. Written through core::AtomicFile.
class PdfReportWriter final : public ReportWriter {
public:
    QString name() const override { return QStringLiteral("PDF"); }
    QString extension() const override { return QStringLiteral("pdf"); }
    int capabilities() const override { return Paginated | Preview; }
    bool write(const core::report::ReportDocument& document, const ReportRenderOptions& options,
               const QString& path) override;
};

/// Page `page` (0 = the first) of the PDF layout as a white image at `dpi` dots per inch,
/// laid out for the image's resolution (the preview of the export dialog). A page past the
/// end gives the last page.
QImage renderReportPage(const core::report::ReportDocument& document,
                        const ReportRenderOptions& options, int page = 0, double dpi = 96.0);

/// The number of pages the PDF of `document` has.
int reportPageCount(const core::report::ReportDocument& document,
                    const ReportRenderOptions& options);

} // namespace chokepoint::ui
