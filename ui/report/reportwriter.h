// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include <QPageSize>
#include <QString>

#include "core/report/reportdocument.h"

namespace chokepoint::ui {

/// How a report is laid out (paginated formats only use the paper size).
struct ReportRenderOptions {
    QPageSize::PageSizeId paper = QPageSize::A4;
};

/// One report file format (PDF, HTML) behind a small interface, like the data formats: what
/// it can do, write(), and errorString() after a failure. Writers draw with the dashboard's
/// chart widgets, so they need a QApplication and run on the GUI thread. Files are written
/// atomically: on failure an existing file is left as it was.
class ReportWriter {
public:
    enum Capability {
        Paginated = 0x1, ///< pages, paper sizes, page numbers
        Preview = 0x2,   ///< renderPage() draws a page as an image
    };

    virtual ~ReportWriter() = default;
    virtual QString name() const = 0;      ///< "PDF"
    virtual QString extension() const = 0; ///< "pdf", without the dot
    virtual int capabilities() const = 0;
    virtual bool write(const core::report::ReportDocument& document,
                       const ReportRenderOptions& options, const QString& path) = 0;
    QString errorString() const { return m_error; }

protected:
    bool fail(const QString& message) {
        m_error = message;
        return false;
    }
    void clearError() { m_error.clear(); }

private:
    QString m_error;
};

/// Every report format, PDF first.
std::vector<std::unique_ptr<ReportWriter>> reportWriters();
/// The writer for a path's extension (.pdf, .html, .htm; any case), or null.
std::unique_ptr<ReportWriter> reportWriterForPath(const QString& path);

} // namespace chokepoint::ui
