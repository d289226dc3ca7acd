// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QSet>

#include "ui/models/tablefilterproxy.h"

namespace chokepoint::ui {

/// A TableFilterProxy that can also keep only the rows whose KeyRole is in a set (e.g. the
/// sites of one supplier, for the supplier → sites drill-down).
class KeyFilterProxy : public TableFilterProxy {
    Q_OBJECT
public:
    explicit KeyFilterProxy(QObject* parent = nullptr);
    /// nullopt: every row (the default).
    void setAllowedKeys(std::optional<QSet<QString>> keys);
    bool restricted() const { return m_keys.has_value(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<QSet<QString>> m_keys;
};

} // namespace chokepoint::ui
