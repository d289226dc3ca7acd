// SPDX-License-Identifier: MIT
#include "ui/pages/criticality/criticalitytablemodel.h"

#include "ui/displayformat.h"

namespace chokepoint::ui {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

CriticalityTableModel::CriticalityTableModel(QObject* parent)
    : TableModel(
          {
              {tr("#"), Qt::AlignRight | Qt::AlignVCenter, tr("Rank by lost revenue")},
              {tr("Site")},
              {tr("Supplier")},
              {tr("Country")},
              {tr("Tier"), Qt::AlignRight | Qt::AlignVCenter,
               tr("1 = we buy from it; 2 = it sells to one of our suppliers, ...")},
              {tr("Spend"), Qt::AlignRight | Qt::AlignVCenter,
               tr("Our annual spend on tier-1 links from the site")},
              {tr("Time to survive"), Qt::AlignRight | Qt::AlignVCenter,
               tr("The longest stop from day 0 that loses no output within the horizon")},
              {tr("Time to recover"), Qt::AlignRight | Qt::AlignVCenter,
               tr("The site's recovery_days, else the default")},
              {tr("Lost revenue"), Qt::AlignRight | Qt::AlignVCenter,
               tr("Revenue lost when the site stops for its time to recover")},
              {tr("At risk"), Qt::AlignLeft | Qt::AlignVCenter,
               tr("It would stop some output before it recovers")},
          },
          parent) {}

void CriticalityTableModel::setResult(const core::scenario::CriticalityResult& r,
                                      const std::vector<char>& shown) {
    QVector<Row> rows;
    for (size_t i = 0; i < r.sites.size(); ++i) {
        const core::scenario::CriticalSite& s = r.sites[i];
        if (!shown.empty() && (size_t(s.site) >= shown.size() || !shown[size_t(s.site)]))
            continue;
        Row row;
        row.key = QStringLiteral("site:") + qs(s.id);
        const QString name = s.name.empty() ? qs(s.id) : qs(s.name);
        row.cells = {
            {QString::number(i + 1), int(i + 1), {}},
            {name, name, tr("Site id %1").arg(qs(s.id))},
            {qs(s.supplierName.empty() ? s.supplierId : s.supplierName), {}, {}},
            {qs(s.country), {}, {}},
            {s.tier ? QString::number(*s.tier) : missingText(), s.tier ? *s.tier : 999,
             s.tier ? QString() : tr("Its supply does not reach our company")},
            {s.tier == 1 ? moneyText(s.spend) : missingText(), s.spend,
             s.tier == 1 ? QString() : tr("No direct spend: we do not buy from it")},
            {s.ttsDays ? daysText(*s.ttsDays) : tr("> %1").arg(daysText(r.horizonDays)),
             s.ttsDays ? *s.ttsDays : r.horizonDays + 1,
             s.ttsDays ? QString() : tr("Even a stop over the whole horizon loses nothing")},
            {daysText(s.ttrDays) + (s.ttrAssumed ? tr(" (default)") : QString()), s.ttrDays,
             s.ttrAssumed ? tr("No recovery_days for this site: the default is assumed")
                          : QString()},
            money(s.lostRevenue),
            {s.atRisk ? tr("yes") : tr("no"), s.atRisk ? 1 : 0, {}},
        };
        rows << row;
    }
    setRows(std::move(rows));
}

} // namespace chokepoint::ui
