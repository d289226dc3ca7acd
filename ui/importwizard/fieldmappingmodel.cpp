// SPDX-License-Identifier: MIT
#include "ui/importwizard/fieldmappingmodel.h"

#include <QFont>
#include <QStringList>

#include "core/io/tableschema.h"

namespace chokepoint::ui {

namespace io = core::io;

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString typeText(io::ColumnType type) {
    switch (type) {
    case io::ColumnType::Id:
        return FieldMappingModel::tr("id (A-Z a-z 0-9 _ . -)");
    case io::ColumnType::Text:
        return FieldMappingModel::tr("text");
    case io::ColumnType::Number:
        return FieldMappingModel::tr("number");
    case io::ColumnType::Share:
        return FieldMappingModel::tr("share: a fraction 0-1, or 62.5%");
    case io::ColumnType::Integer:
        return FieldMappingModel::tr("whole number");
    case io::ColumnType::Date:
        return FieldMappingModel::tr("date YYYY-MM-DD");
    case io::ColumnType::Enum:
        return FieldMappingModel::tr("one of a fixed list");
    }
    return {};
}

} // namespace

FieldMappingModel::FieldMappingModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void FieldMappingModel::setMapping(const io::RawTable* source, const io::TableMapping& mapping) {
    beginResetModel();
    m_source = source;
    m_mapping = mapping;
    if (const io::TableSpec* spec = io::findTableSpec(m_mapping.table))
        m_mapping.fields.resize(spec->columns.size());
    else
        m_mapping = {};
    endResetModel();
}

void FieldMappingModel::clear() {
    setMapping(nullptr, {});
}

int FieldMappingModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_mapping.fields.size());
}

int FieldMappingModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString FieldMappingModel::example(int column) const {
    if (!m_source || column < 0 || size_t(column) >= m_source->columnCount())
        return {};
    for (size_t r = 0; r < m_source->rowCount(); ++r) {
        const auto cell = m_source->cell(r, size_t(column));
        if (!cell.empty())
            return QString::fromUtf8(cell.data(), qsizetype(cell.size()));
    }
    return {};
}

QVariant FieldMappingModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const io::TableSpec* spec = io::findTableSpec(m_mapping.table);
    const io::ColumnSpec& field = spec->columns[size_t(index.row())];
    const io::FieldSource& src = m_mapping.fields[size_t(index.row())];
    const bool share = field.type == io::ColumnType::Share;
    const bool mapped = m_source && src.column >= 0 && size_t(src.column) < m_source->columnCount();
    switch (index.column()) {
    case Field:
        if (role == Qt::DisplayRole)
            return field.required ? tr("%1 *").arg(qs(field.name)) : qs(field.name);
        if (role == Qt::FontRole && field.required) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == Qt::ToolTipRole)
            return (field.required ? tr("%1: required, %2") : tr("%1: optional, %2"))
                .arg(qs(field.name), typeText(field.type));
        break;
    case Source:
        if (role == Qt::DisplayRole)
            return mapped ? QString::fromStdString(m_source->header[size_t(src.column)])
                          : tr("\u2014 not imported \u2014");
        if (role == Qt::EditRole)
            return mapped ? src.column : -1;
        if (role == HeadersRole) {
            QStringList headers;
            if (m_source)
                for (const auto& h : m_source->header)
                    headers << QString::fromStdString(h);
            return headers;
        }
        if (role == Qt::ToolTipRole)
            return tr("The column of the source this field is read from (double-click to "
                      "choose)");
        break;
    case Example:
        if (role == Qt::DisplayRole)
            return mapped ? example(src.column) : QString();
        if (role == Qt::ToolTipRole && mapped)
            return tr("The first value in this column of the source, as written there");
        break;
    case Percent:
        if (role == Qt::CheckStateRole && share)
            return src.percent ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole && share)
            return tr("values are %");
        if (role == Qt::ToolTipRole && share)
            return tr("Tick when the column holds percentages written without the % sign: 45 "
                      "then means 45 %, not 45 times the whole.");
        break;
    default:
        break;
    }
    return {};
}

bool FieldMappingModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    io::FieldSource& src = m_mapping.fields[size_t(index.row())];
    if (index.column() == Source && role == Qt::EditRole) {
        bool ok = false;
        const int column = value.toInt(&ok);
        if (!ok || column < -1 || !m_source || column >= int(m_source->columnCount()))
            return false;
        if (column == src.column)
            return true;
        src.column = column;
        Q_EMIT dataChanged(index, this->index(index.row(), Example));
    } else if (index.column() == Percent && role == Qt::CheckStateRole &&
               (flags(index) & Qt::ItemIsUserCheckable)) {
        const bool percent = value.toInt() == Qt::Checked;
        if (percent == src.percent)
            return true;
        src.percent = percent;
        Q_EMIT dataChanged(index, index);
    } else {
        return false;
    }
    Q_EMIT mappingEdited(m_mapping);
    return true;
}

Qt::ItemFlags FieldMappingModel::flags(const QModelIndex& index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const io::TableSpec* spec = io::findTableSpec(m_mapping.table);
    if (index.column() == Source)
        f |= Qt::ItemIsEditable;
    if (index.column() == Percent &&
        spec->columns[size_t(index.row())].type == io::ColumnType::Share)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant FieldMappingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Field:
        return tr("Field (* required)");
    case Source:
        return tr("Source column");
    case Example:
        return tr("First value");
    case Percent:
        return tr("Percent");
    default:
        return {};
    }
}

} // namespace chokepoint::ui
