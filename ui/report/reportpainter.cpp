// SPDX-License-Identifier: MIT
#include "ui/report/reportpainter.h"

#include <algorithm>
#include <vector>

#include <QChartView>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include "ui/charts/chartexport.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportstyle.h"
#include "ui/report/reporttablewidths.h"

namespace chokepoint::ui {

namespace rp = core::report;
namespace st = reportstyle;

namespace {

constexpr double kCellPadX = 3.0;
constexpr double kCellPadY = 2.4;
constexpr double kGap = 7.0;       // between blocks
constexpr double kKeepNext = 70.0; // a heading keeps this much of what follows on its page

} // namespace

struct ReportPainter::Text {
    std::shared_ptr<QTextLayout> layout;
    double height = 0.0;
};

ReportPainter::ReportPainter(const rp::ReportDocument& document, const QPaintDevice& device,
                             const QSizeF& pagePoints)
    : m_doc(document)
    , m_device(device)
    , m_dpi(device.logicalDpiY()) {
    m_page = QRectF(0, 0, pt(pagePoints.width()), pagePoints.height() * m_dpi / 72.0);
    const double margin = pt(st::kMarginMm / 25.4 * 72.0);
    m_content = m_page.adjusted(margin, margin + pt(8), -margin, -margin - pt(6));
}

ReportPainter::~ReportPainter() = default;

QFont ReportPainter::font(double points, bool bold) const {
    return st::font(points * m_scale, bold);
}

ReportPainter::Text ReportPainter::layoutText(const QString& text, const QFont& font, double width,
                                              Qt::Alignment align) const {
    Text t;
    t.layout = std::make_shared<QTextLayout>(text, font, &m_device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(align);
    t.layout->setTextOption(option);
    t.layout->beginLayout();
    double y = 0.0;
    for (;;) {
        QTextLine line = t.layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(std::max(1.0, width));
        line.setPosition(QPointF(0.0, y));
        y += line.height();
    }
    t.layout->endLayout();
    t.height = y;
    // A text taller than most of a page (a 10,000-character name in a table cell) would run
    // off it: it is cut after the last line that fits, with an ellipsis. The HTML report and
    // the table exports keep the full text (issue 17).
    const double cap = m_content.height() * 0.6;
    if (y > cap) {
        int end = 0;
        for (int i = 0; i < t.layout->lineCount(); ++i) {
            const QTextLine line = t.layout->lineAt(i);
            if (line.y() + line.height() > cap)
                break;
            end = line.textStart() + line.textLength();
        }
        end = std::max(1, end - 2); // room for the ellipsis on the last line
        if (end < text.size() && text[end - 1].isHighSurrogate())
            --end;
        if (end > 0 && end < text.size() - 1)
            return layoutText(text.left(end) + QChar(0x2026), font, width, align);
    }
    return t;
}

void ReportPainter::drawText(const Text& text, double x, double y, const QColor& color) {
    if (!m_painter)
        return;
    m_painter->setPen(color);
    text.layout->draw(m_painter, QPointF(x, y));
}

int ReportPainter::run(QPainter* painter, const std::function<bool()>& nextPage) {
    // The summary is meant to be read on one page: if it does not fit at the normal type
    // sizes, it is set a little smaller (down to 80 %) rather than run over.
    m_scale = 1.0;
    if (!m_doc.sections.empty() && m_doc.sections.front().id == rp::SectionId::Summary) {
        for (const double scale : {1.0, 0.95, 0.9, 0.85, 0.8}) {
            m_scale = scale;
            if (summaryFits())
                break;
        }
    }
    m_painter = painter;
    m_newPage = nextPage;
    m_pageNumber = 1;
    m_stopped = false;
    startPage();
    titleBlock();
    const rp::Section* previous = nullptr;
    for (const rp::Section& section : m_doc.sections) {
        if (m_stopped)
            break;
        if (previous)
            m_scale = 1.0;
        sectionHeading(section, previous);
        previous = &section;
        blocks(section);
    }
    m_painter = nullptr;
    return m_pageNumber;
}

bool ReportPainter::summaryFits() {
    m_painter = nullptr;
    m_newPage = nullptr; // a new page stops the trial
    m_pageNumber = 1;
    m_stopped = false;
    m_y = m_content.top();
    titleBlock();
    sectionHeading(m_doc.sections.front(), nullptr);
    blocks(m_doc.sections.front());
    return !m_stopped;
}

void ReportPainter::blocks(const rp::Section& section) {
    for (const rp::Block& block : section.blocks) {
        if (m_stopped)
            break;
        std::visit(
            [this](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, rp::Subheading>)
                    subheading(b);
                else if constexpr (std::is_same_v<T, rp::Paragraph>)
                    paragraph(b);
                else if constexpr (std::is_same_v<T, rp::BulletList>)
                    bullets(b);
                else if constexpr (std::is_same_v<T, rp::KpiRow>)
                    kpis(b);
                else if constexpr (std::is_same_v<T, rp::Table>)
                    table(b);
                else if constexpr (std::is_same_v<T, rp::Chart>)
                    chart(b);
                else if (m_y > m_content.top() + 1.0)
                    newPage(); // PageBreak
            },
            block);
    }
}

bool ReportPainter::newPage() {
    if (m_stopped)
        return false;
    if (!m_newPage || !m_newPage()) {
        m_stopped = true;
        return false;
    }
    ++m_pageNumber;
    startPage();
    return true;
}

// Running header (from page two) and footer.
void ReportPainter::startPage() {
    m_y = m_content.top();
    if (!m_painter)
        return;
    m_painter->fillRect(m_page, Qt::white);
    const QFont small = st::font(st::kHeader);
    const double margin = m_content.left();
    const double width = m_content.width();
    if (m_pageNumber > 1) {
        const double top = m_content.top() - pt(18);
        drawText(layoutText(st::pageText(m_doc.fullTitle()), small, width * 0.7), margin, top,
                 st::kMuted);
        drawText(layoutText(QStringLiteral("As of %1").arg(st::pageText(m_doc.asOf.toString())),
                            small, width, Qt::AlignRight),
                 margin, top, st::kMuted);
        m_painter->setPen(QPen(st::kRule, pt(0.6)));
        m_painter->drawLine(QPointF(margin, top + pt(11)), QPointF(margin + width, top + pt(11)));
    }
    const double bottom = m_content.bottom() + pt(12);
    m_painter->setPen(QPen(st::kRule, pt(0.6)));
    m_painter->drawLine(QPointF(margin, bottom - pt(3)), QPointF(margin + width, bottom - pt(3)));
    // Fictional example data says so on every page, first in the footer and in the risk colour.
    double footerX = margin;
    if (const std::string notice = m_doc.fictionalNotice(); !notice.empty()) {
        QFont bold = small;
        bold.setBold(true);
        const Text t = layoutText(st::pageText(notice + " \u00b7 "), bold, width * 0.7);
        drawText(t, margin, bottom, st::kRisk);
        footerX += t.layout->lineCount() > 0 ? t.layout->lineAt(0).naturalTextWidth() : 0.0;
    }
    drawText(layoutText(QStringLiteral("Chokepoint %1 \u00b7 %2")
                            .arg(st::pageText(m_doc.version), st::pageText(m_doc.workspaceName)),
                        small, std::max(1.0, width * 0.7 - (footerX - margin))),
             footerX, bottom, st::kMuted);
    const QString page = m_totalPages > 0
                             ? QStringLiteral("Page %1 of %2").arg(m_pageNumber).arg(m_totalPages)
                             : QStringLiteral("Page %1").arg(m_pageNumber);
    drawText(layoutText(page, small, width, Qt::AlignRight), margin, bottom, st::kMuted);
}

bool ReportPainter::ensure(double height) {
    if (m_stopped)
        return false;
    if (m_y + height <= m_content.bottom() + 0.5 || m_y <= m_content.top() + 1.0)
        return true;
    return newPage();
}

void ReportPainter::titleBlock() {
    const double x = m_content.left(), w = m_content.width();
    const Text title = layoutText(st::pageText(m_doc.title), font(st::kTitle, true), w);
    drawText(title, x, m_y, st::kAccent);
    m_y += title.height + pt(2);
    if (!m_doc.workspaceName.empty()) {
        const Text ws = layoutText(st::pageText(m_doc.workspaceName), font(st::kSubtitle), w);
        drawText(ws, x, m_y, st::kText);
        m_y += ws.height + pt(2);
    }
    const Text meta =
        layoutText(QStringLiteral("As of %1 \u00b7 headline lens: %2 \u00b7 Chokepoint %3")
                       .arg(st::pageText(m_doc.asOf.toString()), st::pageText(m_doc.lensName),
                            st::pageText(m_doc.version)),
                   font(st::kBody), w);
    drawText(meta, x, m_y, st::kMuted);
    m_y += meta.height + pt(4);
    if (const std::string notice = m_doc.fictionalNotice(); !notice.empty()) {
        const Text t = layoutText(st::pageText(notice + ": the company data is invented for "
                                                        "illustration"),
                                  font(st::kBody, true), w);
        drawText(t, x, m_y, st::kRisk);
        m_y += t.height + pt(4);
    }
    if (m_painter)
        m_painter->fillRect(QRectF(x, m_y, w, pt(2.2)), st::kAccent);
    m_y += pt(2.2) + pt(8);
}

// The summary has page one to itself; later sections start a new page unless most of the
// current one is still free.
void ReportPainter::sectionHeading(const rp::Section& section, const rp::Section* previous) {
    if (previous && m_y > m_content.top() + 1.0) {
        const bool fresh = previous->id == rp::SectionId::Summary ||
                           m_content.bottom() - m_y < 0.45 * m_content.height() ||
                           m_content.bottom() - m_y - pt(14) < openingHeight(section);
        if (fresh) {
            if (!newPage())
                return;
        } else {
            m_y += pt(14);
        }
    }
    const Text t =
        layoutText(st::pageText(section.title), font(st::kSection, true), m_content.width());
    drawText(t, m_content.left(), m_y, st::kAccent);
    m_y += t.height + pt(2);
    if (m_painter) {
        m_painter->setPen(QPen(st::kRule, pt(0.8)));
        m_painter->drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
    }
    m_y += pt(6);
}

// The heading, the text and KPIs under it and the first chart (or the start of the first table):
// a section whose opening does not fit on the current page starts on a new one, so that a
// heading and its introduction are not left apart from the chart they introduce.
double ReportPainter::openingHeight(const rp::Section& section) const {
    const double w = m_content.width();
    double h = layoutText(st::pageText(section.title), font(st::kSection, true), w).height + pt(8);
    for (const rp::Block& block : section.blocks) {
        if (const auto* p = std::get_if<rp::Paragraph>(&block)) {
            const double size = p->style == rp::Paragraph::Style::Lead   ? st::kLead
                                : p->style == rp::Paragraph::Style::Note ? st::kSmall
                                                                         : st::kBody;
            h += layoutText(st::pageText(p->text), font(size), w).height + pt(kGap + 2);
        } else if (const auto* sub = std::get_if<rp::Subheading>(&block)) {
            h += layoutText(st::pageText(sub->text), font(st::kSubheading, true), w).height + pt(6);
        } else if (const auto* list = std::get_if<rp::BulletList>(&block)) {
            for (const std::string& item : list->items)
                h += layoutText(st::pageText(item), font(st::kBody), w - pt(12)).height + pt(2.5);
            h += pt(kGap);
        } else if (std::holds_alternative<rp::KpiRow>(block)) {
            h += pt(60);
        } else if (const auto* c = std::get_if<rp::Chart>(&block)) {
            return h + w * c->aspect;
        } else {
            return h + pt(kKeepNext);
        }
    }
    return h;
}

void ReportPainter::subheading(const rp::Subheading& s) {
    const Text t = layoutText(st::pageText(s.text), font(st::kSubheading, true), m_content.width());
    if (!ensure(t.height + pt(kKeepNext)))
        return;
    m_y += pt(3);
    drawText(t, m_content.left(), m_y, st::kText);
    m_y += t.height + pt(3);
}

// Text that may run over a page break, line by line.
void ReportPainter::flowText(const QString& text, const QFont& font, const QColor& color,
                             double indent, double spaceAfter) {
    const Text t = layoutText(text, font, m_content.width() - indent);
    const double x = m_content.left() + indent;
    for (int i = 0; i < t.layout->lineCount(); ++i) {
        const QTextLine line = t.layout->lineAt(i);
        if (!ensure(line.height()))
            return;
        if (m_painter) {
            m_painter->setPen(color);
            line.draw(m_painter, QPointF(x, m_y - line.y()));
            if (i == 0 && indent > 0.0) {
                const Text bullet = layoutText(QStringLiteral("\u2022"), font, indent);
                drawText(bullet, m_content.left() + pt(3), m_y, st::kAccent);
            }
        }
        m_y += line.height();
    }
    m_y += spaceAfter;
}

void ReportPainter::paragraph(const rp::Paragraph& p) {
    switch (p.style) {
    case rp::Paragraph::Style::Lead:
        flowText(st::pageText(p.text), font(st::kLead), st::kText, 0.0, pt(kGap + 2));
        break;
    case rp::Paragraph::Style::Body:
        flowText(st::pageText(p.text), font(st::kBody), st::kText, 0.0, pt(kGap));
        break;
    case rp::Paragraph::Style::Note:
        flowText(st::pageText(p.text), font(st::kSmall), st::kMuted, 0.0, pt(kGap));
        break;
    }
}

void ReportPainter::bullets(const rp::BulletList& list) {
    for (const std::string& item : list.items)
        flowText(st::pageText(item), font(st::kBody), st::kText, pt(12), pt(2.5));
    m_y += pt(kGap - 2.5);
}

void ReportPainter::note(const std::string& text) {
    if (text.empty())
        return;
    m_y += pt(2);
    flowText(st::pageText(text), font(st::kSmall), st::kMuted, 0.0, 0.0);
}

void ReportPainter::kpis(const rp::KpiRow& row) {
    const size_t n = row.items.size();
    if (n == 0)
        return;
    const double gap = pt(6), pad = pt(6);
    const double w = (m_content.width() - gap * double(n - 1)) / double(n);
    struct Tile {
        Text label, value, detail;
    };
    std::vector<Tile> tiles;
    double height = 0.0;
    for (const rp::Kpi& k : row.items) {
        const double inner = w - 2 * pad;
        Tile t{layoutText(st::pageText(k.label), font(st::kSmall, true), inner),
               layoutText(st::pageText(k.value.display()), font(st::kKpiValue, true), inner),
               layoutText(st::pageText(k.detail), font(st::kSmall), inner)};
        height = std::max(height, t.label.height + t.value.height + t.detail.height + pt(4));
        tiles.push_back(std::move(t));
    }
    height += 2 * pad;
    if (!ensure(height))
        return;
    for (size_t i = 0; i < n; ++i) {
        const double x = m_content.left() + double(i) * (w + gap);
        if (m_painter) {
            m_painter->fillRect(QRectF(x, m_y, w, height), st::kTileFill);
            m_painter->fillRect(QRectF(x, m_y, pt(2.5), height), st::kAccent);
        }
        double y = m_y + pad;
        drawText(tiles[i].label, x + pad, y, st::kMuted);
        y += tiles[i].label.height + pt(2);
        drawText(tiles[i].value, x + pad, y, st::kAccent);
        y += tiles[i].value.height + pt(2);
        drawText(tiles[i].detail, x + pad, y, st::kMuted);
    }
    m_y += height + pt(kGap + 2);
}

void ReportPainter::table(const rp::Table& table) {
    const size_t cols = table.columns.size();
    if (cols == 0)
        return;
    const double size = table.compact ? st::kTableCompact : st::kTable;
    const QFont headFont = font(size, true), cellFont = font(size), linkFont = font(size - 1.2);
    const double padX = pt(kCellPadX), padY = pt(kCellPadY);
    auto align = [&](size_t c) {
        return table.columns[c].align == rp::Align::Right ? Qt::AlignRight : Qt::AlignLeft;
    };
    const std::vector<double> widths = reportColumnWidths(
        table, QFontMetricsF(headFont, &m_device), QFontMetricsF(cellFont, &m_device),
        m_content.width(), 2 * pt(kCellPadX) + pt(1));
    std::vector<double> xs;
    double x = m_content.left();
    for (const double w : widths) {
        xs.push_back(x);
        x += w;
    }

    std::vector<Text> head;
    double headHeight = 0.0;
    for (size_t c = 0; c < cols; ++c) {
        head.push_back(layoutText(st::pageText(table.columns[c].title), headFont,
                                  widths[c] - 2 * padX, align(c)));
        headHeight = std::max(headHeight, head.back().height);
    }
    headHeight += 2 * padY;
    auto drawHead = [&] {
        if (m_painter)
            m_painter->fillRect(QRectF(m_content.left(), m_y, m_content.width(), headHeight),
                                st::kHeaderFill);
        for (size_t c = 0; c < cols; ++c)
            drawText(head[c], xs[c] + padX, m_y + padY, st::kText);
        m_y += headHeight;
    };

    struct RowLayout {
        std::vector<Text> cells, links;
        double height = 0.0;
    };
    auto layoutRow = [&](const std::vector<rp::Cell>& row) {
        RowLayout r;
        for (size_t c = 0; c < cols; ++c) {
            const rp::Cell cell = c < row.size() ? row[c] : rp::Cell::missing();
            r.cells.push_back(
                layoutText(st::pageText(cell.display()), cellFont, widths[c] - 2 * padX, align(c)));
            double h = r.cells.back().height;
            r.links.push_back(layoutText(st::pageText(cell.link), linkFont, widths[c] - 2 * padX));
            if (!cell.link.empty())
                h += r.links.back().height;
            r.height = std::max(r.height, h);
        }
        r.height += 2 * padY;
        return r;
    };

    Text caption;
    if (!table.caption.empty())
        caption = layoutText(st::pageText(table.caption), font(st::kBody, true), m_content.width());
    const RowLayout first = table.rows.empty() ? RowLayout{} : layoutRow(table.rows.front());
    if (!ensure(caption.height + headHeight + first.height))
        return;
    if (caption.layout) {
        drawText(caption, m_content.left(), m_y, st::kText);
        m_y += caption.height + pt(2);
    }
    drawHead();
    for (size_t r = 0; r < table.rows.size(); ++r) {
        const RowLayout row = r == 0 ? first : layoutRow(table.rows[r]);
        if (m_y + row.height > m_content.bottom() + 0.5) {
            if (!newPage())
                return;
            drawHead(); // the header row again on the new page
        }
        if (m_painter) {
            if (r % 2 == 1)
                m_painter->fillRect(QRectF(m_content.left(), m_y, m_content.width(), row.height),
                                    st::kZebra);
            m_painter->setPen(QPen(st::kRule, pt(0.4)));
            m_painter->drawLine(QPointF(m_content.left(), m_y + row.height),
                                QPointF(m_content.right(), m_y + row.height));
        }
        for (size_t c = 0; c < cols; ++c) {
            drawText(row.cells[c], xs[c] + padX, m_y + padY, st::kText);
            const rp::Cell& cell = c < table.rows[r].size() ? table.rows[r][c] : rp::Cell{};
            if (!cell.link.empty())
                drawText(row.links[c], xs[c] + padX, m_y + padY + row.cells[c].height, st::kMuted);
        }
        m_y += row.height;
    }
    note(table.note);
    m_y += pt(kGap + 2);
}

void ReportPainter::chart(const rp::Chart& spec) {
    const double w = m_content.width();
    const double h = w * spec.aspect;
    if (!ensure(h))
        return;
    if (m_painter) {
        // The widget is laid out at the size it would have on a 96-dpi screen, so its fonts
        // come out at their point sizes on the page.
        const QSize px(int(w / m_dpi * 96.0 + 0.5), int(h / m_dpi * 96.0 + 0.5));
        paintReportChart(spec, *m_painter, QRectF(m_content.left(), m_y, w, h), px, st::font(9.0));
    }
    m_y += h;
    note(spec.note);
    m_y += pt(kGap + 4);
}

} // namespace chokepoint::ui
