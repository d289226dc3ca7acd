// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/keyfilterproxy.h"

#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

KeyFilterProxy::KeyFilterProxy(QObject* parent)
    : TableFilterProxy(parent) {}

void KeyFilterProxy::setAllowedKeys(std::optional<QSet<QString>> keys) {
    if (keys == m_keys)
        return;
    m_keys = std::move(keys);
    invalidateRowsFilter();
}

bool KeyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_keys &&
        !m_keys->contains(
            sourceModel()->index(sourceRow, 0, sourceParent).data(TableModel::KeyRole).toString()))
        return false;
    return TableFilterProxy::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace chokepoint::ui
