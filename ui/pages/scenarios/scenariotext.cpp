// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/scenariotext.h"

#include <QCoreApplication>
#include <QDate>

#include "ui/displayformat.h"

namespace chokepoint::ui {

QDate scenarioDate(core::Date asOf, int day) {
    const core::Date d = asOf.addDays(day);
    return QDate(d.year(), d.month(), d.day());
}

QString scenarioDayText(core::Date asOf, const std::optional<int>& day, const QString& none) {
    if (!day)
        return none;
    return QCoreApplication::translate("ScenariosPage", "day %1 \u00b7 %2")
        .arg(*day)
        .arg(dateText(asOf.addDays(*day)));
}

TableModel::Cell scenarioDayCell(core::Date asOf, const std::optional<int>& day,
                                 const QString& none) {
    return {scenarioDayText(asOf, day, none), day ? QVariant(*day) : QVariant(1 << 30), {}};
}

} // namespace chokepoint::ui
