// SPDX-License-Identifier: MIT
#include "ui/report/htmlreportwriter.h"

#include <cmath>

#include "core/util/atomicfile.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportstyle.h"

namespace chokepoint::ui {

namespace rp = core::report;

namespace {

constexpr int kChartWidth = 720; // px of the SVG's view box; the page scales it

// No '<' or '&' in here: the style element must also parse as XML.
const char* const kCss = R"css(
:root{--text:#1f2328;--muted:#59636e;--accent:#0b3d91;--rule:#d0d7de;--head:#e9eef4;
--zebra:#f6f8fa;--tile:#f1f5fa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:"DejaVu Sans",Verdana,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:var(--text);background:#fff;line-height:1.45;font-size:15px}
.page{max-width:980px;margin:0 auto;padding:24px 20px 40px}
header.report-head{border-bottom:3px solid var(--accent);margin-bottom:1.2em}
h1{color:var(--accent);font-size:1.9em;line-height:1.2;margin:0 0 .15em}
.ws{font-size:1.2em;margin:0}
.meta{color:var(--muted);margin:.3em 0 .8em}
nav ol{display:flex;flex-wrap:wrap;gap:.3em 1.2em;padding:0;margin:0 0 1em;list-style:none;
font-size:.9em}
a{color:var(--accent)}
section{margin:2.4em 0}
h2{color:var(--accent);font-size:1.45em;line-height:1.25;border-bottom:1px solid var(--rule);
padding-bottom:.2em;margin:0 0 .7em}
h3{font-size:1.12em;margin:1.5em 0 .5em}
p{margin:.5em 0 .8em}
p.lead{font-size:1.08em}
.note{color:var(--muted);font-size:.85em}
ul{padding-left:1.3em}
li{margin:.2em 0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;
margin:1em 0 1.3em}
.kpi{background:var(--tile);border-left:4px solid var(--accent);padding:10px 12px}
.kpi-label{color:var(--muted);font-size:.8em;font-weight:bold}
.kpi-value{color:var(--accent);font-size:1.55em;font-weight:bold;margin:.1em 0;
overflow-wrap:anywhere}
.kpi-detail{color:var(--muted);font-size:.8em}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:.86em}
table.wide{min-width:760px;font-size:.8em}
table.compact{font-size:.78em}
caption{text-align:left;font-weight:bold;padding:0 0 .3em}
th{background:var(--head);text-align:left;padding:5px 7px;vertical-align:bottom}
td{padding:4px 7px;border-bottom:1px solid var(--rule);vertical-align:top}
tbody tr:nth-child(even){background:var(--zebra)}
.num{text-align:right;white-space:nowrap}
th.num{white-space:normal}
.date{white-space:nowrap}
td.url{overflow-wrap:anywhere}
figure.chart{margin:1.2em 0;overflow-x:auto;-webkit-overflow-scrolling:touch}
figure.chart svg{display:block;width:100%;height:auto;min-width:560px;max-width:860px}
figcaption{color:var(--muted);font-size:.85em;margin-top:.3em}
footer{color:var(--muted);font-size:.85em;border-top:1px solid var(--rule);padding-top:.6em;
margin-top:2em}
.fictional{color:#c83e12;font-weight:bold}
.running{display:none}
@media print{.running{display:block;position:fixed;top:0;right:0;font-size:.75em;margin:0}}
@media (max-width:600px){body{font-size:14px}.page{padding:14px 12px 30px}h1{font-size:1.5em}
.kpis{grid-template-columns:repeat(2,minmax(0,1fr))}.kpi-value{font-size:1.25em}
figure.chart svg{min-width:520px}
table.medium,table.wide{min-width:0;font-size:.9em}
table.medium thead,table.wide thead{display:none}
table.medium,table.medium tbody,table.medium tr,table.medium td,
table.wide,table.wide tbody,table.wide tr,table.wide td{display:block;width:100%}
table.medium tr,table.wide tr{border-top:1px solid var(--rule);padding:.35em 0}
table.medium td,table.wide td{display:grid;grid-template-columns:40% 1fr;column-gap:4%;
border:0;padding:2px 4px;text-align:left;white-space:normal}
table.medium td::before,table.wide td::before{content:attr(data-label);font-weight:bold;
color:var(--muted);overflow-wrap:anywhere}}
@media print{.page{max-width:none;padding:0}section{break-before:page}
section:first-of-type{break-before:auto}.page-break{break-after:page}
figure.chart,tr,.kpi{break-inside:avoid}nav{display:none}}
)css";

QString qs(const std::string& s) {
    return htmlEscape(QString::fromStdString(s));
}

bool isWebLink(const std::string& url) {
    const QString u = QString::fromStdString(url).trimmed().toLower();
    return u.startsWith(QStringLiteral("https://")) || u.startsWith(QStringLiteral("http://"));
}

QString cellHtml(const rp::Cell& cell, bool numeric, const std::string& column) {
    // The column title again, for the phone layout where each row is a card (CSS ::before).
    QString attrs = QStringLiteral(" data-label=\"%1\"").arg(qs(column));
    if (numeric)
        attrs += QStringLiteral(" class=\"num\"");
    else if (cell.kind == rp::Cell::Kind::Date)
        attrs += QStringLiteral(" class=\"date\"");
    if (cell.kind == rp::Cell::Kind::Number)
        attrs += QStringLiteral(" data-value=\"%1\"").arg(QString::number(cell.number, 'g', 17));
    QString content = qs(cell.display());
    if (!cell.link.empty()) {
        if (isWebLink(cell.link))
            content = QStringLiteral("<a href=\"%1\" rel=\"noopener noreferrer\">%2</a>")
                          .arg(qs(cell.link), content);
        else
            content += QStringLiteral("<br/><span class=\"note\">%1</span>").arg(qs(cell.link));
    }
    return QStringLiteral("<td%1><span>%2</span></td>").arg(attrs, content);
}

QString tableHtml(const rp::Table& t) {
    QStringList classes;
    if (t.columns.size() >= 6)
        classes << QStringLiteral("wide");
    else if (t.columns.size() >= 4)
        classes << QStringLiteral("medium");
    if (t.compact)
        classes << QStringLiteral("compact");
    QString html = QStringLiteral("<div class=\"table-wrap\"><table");
    if (!t.id.empty())
        html += QStringLiteral(" id=\"table-%1\"").arg(qs(t.id));
    if (!classes.isEmpty())
        html += QStringLiteral(" class=\"%1\"").arg(classes.join(QLatin1Char(' ')));
    html += QStringLiteral(">");
    if (!t.caption.empty())
        html += QStringLiteral("<caption>%1</caption>").arg(qs(t.caption));
    html += QStringLiteral("<thead><tr>");
    for (const auto& c : t.columns)
        html += c.align == rp::Align::Right
                    ? QStringLiteral("<th class=\"num\">%1</th>").arg(qs(c.title))
                    : QStringLiteral("<th>%1</th>").arg(qs(c.title));
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const auto& row : t.rows) {
        html += QStringLiteral("<tr>");
        for (size_t c = 0; c < t.columns.size(); ++c)
            html += cellHtml(c < row.size() ? row[c] : rp::Cell::missing(),
                             t.columns[c].align == rp::Align::Right, t.columns[c].title);
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</tbody></table></div>\n");
    if (!t.note.empty())
        html += QStringLiteral("<p class=\"note\">%1</p>\n").arg(qs(t.note));
    return html;
}

QString kpiHtml(const rp::KpiRow& row) {
    QString html = QStringLiteral("<div class=\"kpis\">");
    for (const auto& k : row.items) {
        html += QStringLiteral("<div class=\"kpi\"><div class=\"kpi-label\">%1</div>"
                               "<div class=\"kpi-value\">%2</div>")
                    .arg(qs(k.label), qs(k.value.display()));
        if (!k.detail.empty())
            html += QStringLiteral("<div class=\"kpi-detail\">%1</div>").arg(qs(k.detail));
        html += QStringLiteral("</div>");
    }
    return html + QStringLiteral("</div>\n");
}

QString chartHtml(const rp::Chart& chart) {
    const QSize size(kChartWidth, int(std::lround(kChartWidth * chart.aspect)));
    QString html = QStringLiteral("<figure class=\"chart\"");
    if (!chart.id.empty())
        html += QStringLiteral(" id=\"chart-%1\"").arg(qs(chart.id));
    html += QStringLiteral(">\n");
    html += reportChartSvg(chart, size, reportstyle::font(9.0));
    html += QStringLiteral("\n");
    if (!chart.note.empty())
        html += QStringLiteral("<figcaption>%1</figcaption>\n").arg(qs(chart.note));
    return html + QStringLiteral("</figure>\n");
}

QString blockHtml(const rp::Block& block) {
    return std::visit(
        [](const auto& b) -> QString {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, rp::Subheading>) {
                return QStringLiteral("<h3>%1</h3>\n").arg(qs(b.text));
            } else if constexpr (std::is_same_v<T, rp::Paragraph>) {
                const char* cls = b.style == rp::Paragraph::Style::Lead   ? " class=\"lead\""
                                  : b.style == rp::Paragraph::Style::Note ? " class=\"note\""
                                                                          : "";
                return QStringLiteral("<p%1>%2</p>\n").arg(QLatin1String(cls), qs(b.text));
            } else if constexpr (std::is_same_v<T, rp::BulletList>) {
                QString html = QStringLiteral("<ul>\n");
                for (const auto& item : b.items)
                    html += QStringLiteral("<li>%1</li>\n").arg(qs(item));
                return html + QStringLiteral("</ul>\n");
            } else if constexpr (std::is_same_v<T, rp::KpiRow>) {
                return kpiHtml(b);
            } else if constexpr (std::is_same_v<T, rp::Table>) {
                return tableHtml(b);
            } else if constexpr (std::is_same_v<T, rp::Chart>) {
                return chartHtml(b);
            } else {
                return QStringLiteral("<div class=\"page-break\"></div>\n");
            }
        },
        block);
}

} // namespace

QString htmlEscape(const QString& text) {
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\'':
            out += QStringLiteral("&#39;");
            break;
        default:
            // XML 1.0 allows no control characters but tab, newline and carriage return,
            // and no U+FFFE / U+FFFF.
            if ((c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') &&
                 c != QLatin1Char('\r')) ||
                c.unicode() == 0xFFFE || c.unicode() == 0xFFFF)
                break;
            out += c;
        }
    }
    return out;
}

QString reportHtml(const rp::ReportDocument& doc) {
    const QString title = qs(doc.fullTitle());
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n"
                           "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                           "<meta charset=\"utf-8\"/>\n"
                           "<meta name=\"viewport\" content=\"width=device-width, "
                           "initial-scale=1\"/>\n");
    html += QStringLiteral("<meta name=\"generator\" content=\"Chokepoint %1\"/>\n")
                .arg(qs(doc.version));
    html += QStringLiteral("<title>%1</title>\n<style>").arg(title);
    html += QString::fromUtf8(kCss);
    html += QStringLiteral("</style>\n</head>\n<body>\n<div class=\"page\">\n");
    const QString notice = qs(doc.fictionalNotice());
    if (!notice.isEmpty()) // repeated at the top of every printed page
        html += QStringLiteral("<p class=\"fictional running\">%1</p>\n").arg(notice);
    html += QStringLiteral("<header class=\"report-head\">\n<h1>%1</h1>\n").arg(qs(doc.title));
    if (!doc.workspaceName.empty())
        html += QStringLiteral("<p class=\"ws\">%1</p>\n").arg(qs(doc.workspaceName));
    html += QStringLiteral("<p class=\"meta\">As of %1 \u00b7 headline lens: %2 \u00b7 Chokepoint "
                           "%3</p>\n")
                .arg(qs(doc.asOf.toString()), qs(doc.lensName), qs(doc.version));
    if (!notice.isEmpty())
        html += QStringLiteral("<p class=\"fictional\">%1: the company data is invented for "
                               "illustration</p>\n")
                    .arg(notice);
    html += QStringLiteral("<nav><ol>");
    for (const auto& s : doc.sections)
        html += QStringLiteral("<li><a href=\"#%1\">%2</a></li>")
                    .arg(qs(rp::sectionKey(s.id)), qs(s.title));
    html += QStringLiteral("</ol></nav>\n</header>\n<main>\n");
    for (const auto& s : doc.sections) {
        html += QStringLiteral("<section id=\"%1\">\n<h2>%2</h2>\n")
                    .arg(qs(rp::sectionKey(s.id)), qs(s.title));
        for (const auto& block : s.blocks)
            html += blockHtml(block);
        html += QStringLiteral("</section>\n");
    }
    html += QStringLiteral("</main>\n<footer>%1%2 \u00b7 as of %3 \u00b7 Chokepoint %4</footer>\n"
                           "</div>\n</body>\n</html>\n")
                .arg(notice.isEmpty() ? QString()
                                      : QStringLiteral("<strong class=\"fictional\">%1</strong> "
                                                       "\u00b7 ")
                                            .arg(notice),
                     title, qs(doc.asOf.toString()), qs(doc.version));
    return html;
}

bool HtmlReportWriter::write(const rp::ReportDocument& document, const ReportRenderOptions&,
                             const QString& path) {
    clearError();
    const QByteArray bytes = reportHtml(document).toUtf8();
    if (auto r = core::writeFileAtomically(
            path.toStdString(), std::string_view(bytes.constData(), size_t(bytes.size())));
        !r)
        return fail(QString::fromStdString(r.errorString()));
    return true;
}

} // namespace chokepoint::ui
