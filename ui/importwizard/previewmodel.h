// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "core/io/columnmapping.h"
#include "core/io/issue.h"

namespace chokepoint::ui {

/// One mapped table as the import will read it: every row (lazily, so large files cost
/// nothing until scrolled to), one column per mapped field, each cell typed by
/// core::io::readValue() and shown for people (shares as "45.0 %"). A cell the type does not
/// accept shows its text in the error colour; cells and rows named by a validation issue are
/// marked, with the message as tooltip. The vertical header gives the source's own row number.
class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Qt::UserRole: true on a cell (or row) that an issue names.
    static constexpr int IssueRole = Qt::UserRole + 1;

    explicit PreviewModel(QObject* parent = nullptr);

    /// Shows table `table` of `mapped`, marking the `issues` that findMappedCell() puts there.
    /// `sourceHeader` names the source column of each mapped field (for the header).
    void setTable(std::shared_ptr<const core::io::MappedTables> mapped, size_t table,
                  const QStringList& sourceHeader, const std::vector<core::io::Issue>& issues);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const core::io::RawTable* table() const;
    std::shared_ptr<const core::io::MappedTables> m_mapped;
    size_t m_table = 0;
    QStringList m_sourceHeader;
    std::vector<const core::io::ColumnSpec*> m_columns;
    // (row, column) -> messages; column -1 for a whole row.
    std::map<std::pair<size_t, int>, QStringList> m_issues;
};

} // namespace chokepoint::ui
