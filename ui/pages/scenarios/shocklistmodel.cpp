// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/shocklistmodel.h"

#include <algorithm>

#include <QApplication>
#include <QStyle>

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {
QString idsText(const std::optional<std::vector<std::string>>& ids, const QString& what) {
    if (!ids)
        return {};
    if (ids->size() <= 2) {
        QStringList list;
        for (const auto& id : *ids)
            list << QString::fromStdString(id);
        return list.join(QStringLiteral(", "));
    }
    return ShockListModel::tr("%1 %2").arg(ids->size()).arg(what);
}
} // namespace

ShockListModel::ShockListModel(QObject* parent)
    : QAbstractListModel(parent) {}

int ShockListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_shocks.size());
}

QString ShockListModel::summary(const sc::Shock& s) {
    QStringList parts;
    switch (s.kind) {
    case sc::ShockKind::Stop:
        parts << tr("stop");
        break;
    case sc::ShockKind::Capacity:
        parts << tr("capacity %1 %").arg(s.capacity.value_or(0.0) * 100.0, 0, 'g', 4);
        break;
    case sc::ShockKind::Licence: {
        const sc::Delay d = s.delayDays.value_or(sc::Delay::fixed(0));
        parts << (d.triangular ? tr("licence %1/%2/%3 d").arg(d.min).arg(d.mode).arg(d.max)
                               : tr("licence %1 d").arg(d.mode));
        if (s.approval() < 1.0)
            parts.last() += tr(", p %1").arg(s.approval(), 0, 'g', 3);
        break;
    }
    }
    for (const QString& t :
         {idsText(s.select.countries, tr("countries")),
          idsText(s.select.ownerCountries, tr("owner countries")),
          idsText(s.select.materials, tr("materials")),
          idsText(s.select.technologies, tr("technologies")), idsText(s.select.sites, tr("sites"))})
        if (!t.isEmpty())
            parts << t;
    if (s.select.controlled)
        parts << (*s.select.controlled ? tr("controlled") : tr("not controlled"));
    QString when = tr("day %1").arg(s.start());
    when += s.durationDays ? tr("+%1 d").arg(*s.durationDays) : tr(" to end");
    parts << when;
    return parts.join(QStringLiteral(" \u00b7 "));
}

QVariant ShockListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sc::Shock& s = m_shocks[size_t(index.row())];
    const QStringList issues =
        size_t(index.row()) < m_issues.size() ? m_issues[size_t(index.row())] : QStringList();
    switch (role) {
    case Qt::DisplayRole: {
        // No row number: it would change under the neighbours of an inserted row.
        if (s.label && !s.label->empty())
            return QString::fromStdString(*s.label) + QLatin1Char('\n') + summary(s);
        return summary(s);
    }
    case Qt::ToolTipRole:
        return issues.isEmpty() ? QVariant(summary(s)) : QVariant(issues.join(QLatin1Char('\n')));
    case Qt::DecorationRole:
        if (issues.isEmpty())
            return {};
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    default:
        return {};
    }
}

void ShockListModel::setShocks(std::vector<sc::Shock> shocks) {
    beginResetModel();
    m_shocks = std::move(shocks);
    m_issues.clear();
    endResetModel();
}

void ShockListModel::setShock(int row, const sc::Shock& shock) {
    if (row < 0 || size_t(row) >= m_shocks.size())
        return;
    m_shocks[size_t(row)] = shock;
    Q_EMIT dataChanged(index(row), index(row));
}

void ShockListModel::insertShock(int row, const sc::Shock& shock) {
    row = std::clamp(row, 0, int(m_shocks.size()));
    beginInsertRows({}, row, row);
    m_shocks.insert(m_shocks.begin() + row, shock);
    if (size_t(row) < m_issues.size())
        m_issues.insert(m_issues.begin() + row, QStringList());
    endInsertRows();
}

void ShockListModel::removeShock(int row) {
    if (row < 0 || size_t(row) >= m_shocks.size())
        return;
    beginRemoveRows({}, row, row);
    m_shocks.erase(m_shocks.begin() + row);
    if (size_t(row) < m_issues.size())
        m_issues.erase(m_issues.begin() + row);
    endRemoveRows();
}

void ShockListModel::moveDown(int row) {
    if (row < 0 || row + 1 >= rowCount())
        return;
    beginMoveRows({}, row, row, {}, row + 2);
    std::swap(m_shocks[size_t(row)], m_shocks[size_t(row) + 1]);
    if (size_t(row) + 1 < m_issues.size())
        std::swap(m_issues[size_t(row)], m_issues[size_t(row) + 1]);
    endMoveRows();
}

void ShockListModel::setIssues(const std::vector<QStringList>& issues) {
    m_issues = issues;
    m_issues.resize(m_shocks.size());
    if (!m_shocks.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

} // namespace chokepoint::ui
