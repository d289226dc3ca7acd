// SPDX-License-Identifier: MIT
#include "ui/importwizard/issuemodel.h"

#include <QFileInfo>

namespace chokepoint::ui {

namespace io = core::io;

namespace {

QString columnLetters(int column) {
    QString s;
    for (int c = column; c > 0; c = (c - 1) / 26)
        s.prepend(QChar('A' + (c - 1) % 26));
    return s;
}

// The header text of source column `column` (1-based) of the source the location names.
QString headerText(const io::Location& where, const std::vector<io::RawTable>& sources) {
    for (const auto& t : sources) {
        if (t.file != where.file || t.sheet != where.sheet)
            continue;
        for (size_t i = 0; i < t.headerColumns.size() && i < t.header.size(); ++i)
            if (t.headerColumns[i] == where.column)
                return QString::fromStdString(t.header[i]);
    }
    return {};
}

} // namespace

IssueModel::IssueModel(QObject* parent)
    : TableModel({{tr("File")},
                  {tr("Row"), Qt::AlignRight | Qt::AlignVCenter,
                   tr("The row in the file or sheet, as a spreadsheet numbers it")},
                  {tr("Column")},
                  {tr("Problem")}},
                 parent) {}

void IssueModel::setIssues(const std::vector<io::Issue>& issues,
                           const std::vector<io::RawTable>& sources) {
    QVector<Row> rows;
    rows.reserve(qsizetype(issues.size()));
    for (size_t i = 0; i < issues.size(); ++i) {
        const io::Location& w = issues[i].where;
        QString file = QFileInfo(QString::fromStdString(w.file)).fileName();
        if (!w.sheet.empty())
            file += QStringLiteral(" \u203a ") + QString::fromStdString(w.sheet);
        Row row;
        row.key = QString::number(i);
        row.cells << text(file, QString::fromStdString(w.file));
        row.cells << (w.line > 0 ? Cell{QString::number(w.line), w.line, {}}
                                 : Cell{QString(), 0, {}});
        QString column;
        if (w.column > 0) {
            column = w.sheet.empty() ? QString::number(w.column) : columnLetters(w.column);
            const QString header = headerText(w, sources);
            if (!header.isEmpty())
                column += QStringLiteral(" \u00b7 ") + header;
        }
        row.cells << Cell{column, w.column, {}};
        const QString message = QString::fromStdString(issues[i].message);
        row.cells << text(message, QString::fromStdString(issues[i].toString()));
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

} // namespace chokepoint::ui
