// SPDX-License-Identifier: MIT
#include "ui/importwizard/previewmodel.h"

#include <QBrush>
#include <QColor>

#include "core/io/csv.h"
#include "core/io/tableschema.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {

namespace io = core::io;

namespace {

QString formatValue(const io::Cell& cell, io::ColumnType type) {
    if (const auto* s = std::get_if<std::string>(&cell))
        return QString::fromStdString(*s);
    if (const auto* d = std::get_if<double>(&cell))
        return type == io::ColumnType::Share ? percentText(*d)
                                             : QString::fromStdString(io::formatNumber(*d));
    if (const auto* n = std::get_if<int64_t>(&cell))
        return QString::number(*n);
    if (const auto* dt = std::get_if<core::Date>(&cell))
        return QString::fromStdString(dt->toString());
    return {};
}

// Readable on the light and the dark palette alike.
const QColor kIssueBackground(220, 50, 47, 70);
const QColor kInvalidText(215, 48, 39);

} // namespace

PreviewModel::PreviewModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void PreviewModel::setTable(std::shared_ptr<const io::MappedTables> mapped, size_t table,
                            const QStringList& sourceHeader, const std::vector<io::Issue>& issues) {
    beginResetModel();
    m_mapped = std::move(mapped);
    m_table = table;
    m_sourceHeader = sourceHeader;
    m_columns.clear();
    m_issues.clear();
    if (const io::RawTable* t = this->table()) {
        const io::TableSpec* spec = io::findTableSpec(t->name);
        for (const auto& h : t->header)
            m_columns.push_back(spec ? &spec->columns[size_t(spec->columnIndex(h))] : nullptr);
        for (const auto& issue : issues)
            if (const auto at = io::findMappedCell(*m_mapped, issue.where);
                at && at->table == table)
                m_issues[{at->row, at->column}] << QString::fromStdString(issue.message);
    }
    endResetModel();
}

void PreviewModel::clear() {
    setTable(nullptr, 0, {}, {});
}

const io::RawTable* PreviewModel::table() const {
    return m_mapped && m_table < m_mapped->tables.size() ? &m_mapped->tables[m_table] : nullptr;
}

int PreviewModel::rowCount(const QModelIndex& parent) const {
    const io::RawTable* t = table();
    return parent.isValid() || !t ? 0 : int(t->rowCount());
}

int PreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PreviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const io::RawTable& t = *table();
    const io::ColumnSpec* spec = m_columns[size_t(index.column())];
    const auto text = t.cell(size_t(index.row()), size_t(index.column()));
    const QString raw = QString::fromUtf8(text.data(), qsizetype(text.size()));
    const auto value = spec ? io::readValue(*spec, text) : std::optional<io::Cell>();
    auto messages = [&] {
        QStringList m;
        const auto cell = m_issues.find({size_t(index.row()), index.column()});
        if (cell != m_issues.end())
            m << cell->second;
        const auto row = m_issues.find({size_t(index.row()), -1});
        if (row != m_issues.end())
            m << row->second;
        return m;
    };
    switch (role) {
    case Qt::DisplayRole:
        return value ? formatValue(*value, spec->type) : raw;
    case Qt::ForegroundRole:
        return value ? QVariant() : QBrush(kInvalidText);
    case Qt::BackgroundRole:
        return messages().isEmpty() ? QVariant() : QBrush(kIssueBackground);
    case IssueRole:
        return !messages().isEmpty();
    case Qt::ToolTipRole: {
        QStringList tip;
        tip << tr("Written in the source: \u201c%1\u201d").arg(raw);
        if (!value && spec)
            tip << tr("Not a valid %1")
                       .arg(QString::fromUtf8(spec->name.data(), qsizetype(spec->name.size())));
        tip << messages();
        return tip.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole:
        return spec && (spec->type == io::ColumnType::Number ||
                        spec->type == io::ColumnType::Share ||
                        spec->type == io::ColumnType::Integer)
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const io::RawTable* t = table();
    if (!t || section < 0)
        return {};
    if (orientation == Qt::Vertical) {
        if (section >= int(t->rowCount()))
            return {};
        if (role == Qt::DisplayRole)
            return t->lineOf(size_t(section));
        if (role == Qt::ToolTipRole)
            return tr("Row %1 of the source").arg(t->lineOf(size_t(section)));
        return {};
    }
    if (section >= int(m_columns.size()))
        return {};
    const QString field = QString::fromStdString(t->header[size_t(section)]);
    const QString from = section < m_sourceHeader.size() ? m_sourceHeader[section] : QString();
    if (role == Qt::DisplayRole)
        return from.isEmpty() || from == field ? field : tr("%1\n\u2190 %2").arg(field, from);
    if (role == Qt::ToolTipRole)
        return tr("Field %1, read from the source column \u201c%2\u201d").arg(field, from);
    return {};
}

} // namespace chokepoint::ui
