// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>

#include "ui/report/reportwriter.h"

namespace chokepoint::ui {

/// The report as one self-contained HTML file: XHTML-compatible HTML5 (it parses as XML),
/// charts inline as SVG drawn by the dashboard's chart widgets, styles inline, responsive
/// (viewport meta; tables scroll sideways on a phone), every data string escaped, and no
/// external reference: the only links are in-page anchors and the sources' http(s)
/// addresses as plain <a href> links (nothing is loaded). The same document gives the same
/// bytes. Written through core::AtomicFile.
class HtmlReportWriter final : public ReportWriter {
public:
    QString name() const override { return QStringLiteral("HTML"); }
    QString extension() const override { return QStringLiteral("html"); }
    int capabilities() const override { return 0; }
    bool write(const core::report::ReportDocument& document, const ReportRenderOptions& options,
               const QString& path) override;
};

/// The HTML text of the report (what write() writes).
QString reportHtml(const core::report::ReportDocument& document);

/// `text` escaped for HTML/XML text and attribute values (& < > " '), without the control
/// characters XML forbids.
QString htmlEscape(const QString& text);

} // namespace chokepoint::ui
