// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>

#include "core/io/columnmapping.h"
#include "core/io/rawtable.h"

namespace chokepoint::ui {

/// The fields of one target table and the source column each comes from, editable: one row
/// per field of the table (spec order). Column Source edits FieldSource::column through
/// Qt::EditRole (an int: the source column, -1 for none; Qt::DisplayRole is its header text);
/// column Percent is checkable on share fields ("values are percentages").
class FieldMappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Field, Source, Example, Percent, ColumnCount };
    /// Qt::UserRole on column Source: the source's headers (QStringList), for the editor.
    static constexpr int HeadersRole = Qt::UserRole + 1;

    explicit FieldMappingModel(QObject* parent = nullptr);

    /// Shows `mapping` of `source` (which must outlive the model or the next call).
    void setMapping(const core::io::RawTable* source, const core::io::TableMapping& mapping);
    void clear();
    const core::io::TableMapping& mapping() const { return m_mapping; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The user changed the mapping (not emitted by setMapping()).
    void mappingEdited(const core::io::TableMapping& mapping);

private:
    QString example(int column) const;
    const core::io::RawTable* m_source = nullptr;
    core::io::TableMapping m_mapping;
};

} // namespace chokepoint::ui
