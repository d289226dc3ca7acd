// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <QFont>
#include <QRectF>
#include <QSizeF>

#include "core/report/reportdocument.h"

class QPainter;
class QPaintDevice;
class QTextLayout;

namespace chokepoint::ui {

/// Lays a report out on pages and draws it: PDF pages, and page images for the preview.
/// Text is measured on `device` (its resolution: a QPdfWriter, or a QImage with its dots per
/// meter set), so the layout holds for that device. The first section (the summary) has page
/// one to itself; later sections start a new page unless most of the page is free; tables
/// break between rows and repeat their header row; charts are the dashboard's widgets drawn
/// with renderChart() (vectors on a PDF). Page one carries the title block; every page a
/// header (from page two) and a footer with "Page n of N". GUI thread only.
class ReportPainter {
public:
    ReportPainter(const core::report::ReportDocument& document, const QPaintDevice& device,
                  const QSizeF& pagePoints);
    ~ReportPainter();

    /// Lays out the whole document; with a painter (active on the device) it draws too.
    /// `nextPage` is called before every page after the first; returning false stops there.
    /// Returns the number of pages laid out. Without a painter no chart is built, so a
    /// counting pass is quick; its count goes to setTotalPages() for the footers.
    int run(QPainter* painter, const std::function<bool()>& nextPage);
    void setTotalPages(int pages) { m_totalPages = pages; }

private:
    struct Text; // a laid-out text (QTextLayout) with its height

    double pt(double points) const { return points * m_dpi / 72.0; }
    /// The report font at `points` times the current scale (the summary may be set smaller).
    QFont font(double points, bool bold = false) const;
    bool summaryFits();
    void blocks(const core::report::Section& section);
    double openingHeight(const core::report::Section& section) const;
    Text layoutText(const QString& text, const QFont& font, double width,
                    Qt::Alignment align = Qt::AlignLeft) const;
    bool newPage();
    void startPage();
    bool ensure(double height);
    void drawText(const Text& text, double x, double y, const QColor& color);
    void flowText(const QString& text, const QFont& font, const QColor& color, double indent,
                  double spaceAfter);

    void titleBlock();
    void sectionHeading(const core::report::Section& section,
                        const core::report::Section* previous);
    void subheading(const core::report::Subheading& s);
    void paragraph(const core::report::Paragraph& p);
    void bullets(const core::report::BulletList& list);
    void kpis(const core::report::KpiRow& row);
    void table(const core::report::Table& table);
    void chart(const core::report::Chart& chart);
    void note(const std::string& text);

    const core::report::ReportDocument& m_doc;
    const QPaintDevice& m_device;
    double m_dpi;
    QRectF m_page, m_content;
    QPainter* m_painter = nullptr;
    std::function<bool()> m_newPage;
    int m_pageNumber = 0;
    int m_totalPages = 0;
    double m_y = 0.0;
    bool m_stopped = false;
    double m_scale = 1.0;
};

} // namespace chokepoint::ui
