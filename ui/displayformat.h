// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

class QDateEdit;

#include "core/analysis/exposureengine.h"
#include "core/model/date.h"
#include "core/model/enums.h"

namespace chokepoint::ui {

// Numbers for people (SPEC §6), as QString: thin wrappers over core/util/format.h so the
// GUI, the command line and the reports write numbers the same way. Missing -> "—".

QString percentText(double fraction, int decimals = 1);
QString percentText(const std::optional<double>& fraction, int decimals = 1);
QString moneyText(double amount);
QString moneyText(const std::optional<double>& amount);
/// A figure with its low–high range (SPEC §6): "83.0 % (72.0–100.0 %)".
QString percentRangeText(double point, double low, double high, int decimals = 1);
/// Only the range: "72.0–100.0 %".
QString rangeText(double low, double high, int decimals = 1);
/// Money with its range: "$1.2 bn ($1.0 bn–$1.4 bn)"; "—" when any part is missing.
QString moneyRangeText(const std::optional<double>& point, const std::optional<double>& low,
                       const std::optional<double>& high);
/// What the low and high bounds mean, for tooltips and column explanations.
QString rangeExplanation();
QString daysText(double days);
QString countText(double n);
QString hhiText(const std::optional<double>& hhi);
QString dateText(core::Date date);
QString stageText(core::Stage stage);
QString lensText(core::analysis::Lens lens);
/// One sentence saying what the lens counts as exposed.
QString lensDescription(core::analysis::Lens lens);
/// Money for axis labels: at most three significant digits ("$2.5 bn", "$400 m").
QString compactMoneyText(double amount);
/// A long item name cut for axis labels: without parenthesised remarks, up to the first ", ",
/// then elided to `maxChars` ("NCM811 pouch cell, high energy (~300 Wh/kg)" -> "NCM811 pouch
/// cell"; "Synthetic (artificial) graphite, graphitised" -> "Synthetic graphite").
QString shortName(const QString& name, int maxChars = 28);
/// The name without its parenthesised remarks, spaces tidied ("LFP cathode (carbon-coated),
/// battery grade" -> "LFP cathode, battery grade").
QString withoutRemarks(const QString& name);
/// shortName() of each name, except where two different names would share a short name
/// ("Lotus Bay plant, Guiyang" and "Lotus Bay plant, Jorf Lasfar"): those keep their whole
/// name, elided to `maxChars`, so that labels side by side can be told apart.
QStringList distinctShortNames(const QStringList& names, int maxChars = 28);
/// Names for a legend or axis where the items sit side by side: distinctShortNames() after
/// leaving out the leading words that every short name shares ("Northwind Breeze compact car",
/// "Northwind Cargo e-van" -> "Breeze compact car", "Cargo e-van"). When a label would be
/// longer than `maxChars` and the next word alone tells the names apart, that word ("Breeze",
/// "Cargo"). A single name, or names that would be left empty or alike, keep those words.
QStringList legendNames(const QStringList& names, int maxChars = 20);
/// The dash shown for a missing value.
QString missingText();
/// Limits a date field to core::Date's supported range, 1900-01-01 to 2200-12-31.
void limitToSupportedDates(QDateEdit* edit);

} // namespace chokepoint::ui
