// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/materialtimesmodel.h"

#include "ui/displayformat.h"
#include "ui/pages/scenarios/scenariotext.h"

namespace chokepoint::ui {

namespace {
constexpr auto kLeft = Qt::AlignLeft | Qt::AlignVCenter;
}

MaterialTimesModel::MaterialTimesModel(QObject* parent)
    : TableModel({{tr("Material")},
                  {tr("Stock"), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Days on hand plus extra days at the start")},
                  {tr("Supply short from"), kLeft, tr("First day with supply below 1")},
                  {tr("Runs short"), kLeft,
                   tr("First day the fill rate drops below 1: the days of survival")},
                  {tr("Supply back"), kLeft, tr("Day after the last day with supply below 1")},
                  {tr("Fill rate back"), kLeft,
                   tr("From this day the fill rate stays 1 (the CLI's recovery_day)")}},
                 parent) {}

void MaterialTimesModel::setFigures(const core::scenario::ScenarioFigures& f) {
    QVector<Row> rows;
    for (const auto& m : f.materials) {
        Row row;
        row.key = QStringLiteral("material:") + QString::fromStdString(m.id);
        QString name = QString::fromStdString(m.name);
        if (m.runsOut)
            name = QString(QChar(0x26A0)) + QLatin1Char(' ') + name;
        row.cells = {text(name, m.runsOut ? tr("Runs out before supply recovers")
                                          : QString::fromStdString(m.id)),
                     {daysText(m.stockDays), m.stockDays, {}},
                     scenarioDayCell(f.asOf, m.disruptionDay, tr("never")),
                     scenarioDayCell(f.asOf, m.survivalDay,
                                     m.disrupted() ? tr("lasts the horizon") : tr("never")),
                     scenarioDayCell(f.asOf, m.supplyRecoveryDay,
                                     m.disrupted() ? tr("not within the horizon") : missingText()),
                     scenarioDayCell(f.asOf, m.recoveryDay,
                                     m.survivalDay ? tr("not within the horizon") : missingText())};
        rows << row;
    }
    setRows(rows);
}

} // namespace chokepoint::ui
