// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>

#include "core/model/date.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// "day 45 · 2025-09-15" (day 0 is `asOf`); `none` when there is no day.
QString scenarioDayText(core::Date asOf, const std::optional<int>& day, const QString& none);
/// A table cell of a day: the text above, sorting by the day with "none" after every day.
TableModel::Cell scenarioDayCell(core::Date asOf, const std::optional<int>& day,
                                 const QString& none);
/// The date of day `day`, as a QDate.
QDate scenarioDate(core::Date asOf, int day);

} // namespace chokepoint::ui
