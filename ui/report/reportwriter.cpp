// SPDX-License-Identifier: MIT
#include "ui/report/reportwriter.h"

#include <QFileInfo>

#include "ui/report/htmlreportwriter.h"
#include "ui/report/pdfreportwriter.h"

namespace chokepoint::ui {

std::vector<std::unique_ptr<ReportWriter>> reportWriters() {
    std::vector<std::unique_ptr<ReportWriter>> list;
    list.push_back(std::make_unique<PdfReportWriter>());
    list.push_back(std::make_unique<HtmlReportWriter>());
    return list;
}

std::unique_ptr<ReportWriter> reportWriterForPath(const QString& path) {
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("htm"))
        suffix = QStringLiteral("html");
    for (auto& writer : reportWriters())
        if (writer->extension() == suffix)
            return std::move(writer);
    return nullptr;
}

} // namespace chokepoint::ui
