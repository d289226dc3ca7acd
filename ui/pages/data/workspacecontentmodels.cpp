// SPDX-License-Identifier: MIT
#include "ui/pages/data/workspacecontentmodels.h"

#include <QLocale>

#include "ui/importwizard/plural.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {
constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;
}

TableRowsModel::TableRowsModel(QObject* parent)
    : TableModel({{tr("Table")},
                  {tr("Data"), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Reference data are public facts shared between companies; company data "
                      "is your own network")},
                  {tr("Rows"), kRight}},
                 parent) {}

void TableRowsModel::set(const an::DataQuality& quality) {
    QVector<Row> rows;
    for (const an::TableRows& t : quality.tables) {
        Row row;
        row.cells << text(QString::fromStdString(t.table))
                  << text(t.reference ? tr("reference") : tr("company")) << count(double(t.rows));
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

SourceUseModel::SourceUseModel(QObject* parent)
    : TableModel({{tr("Source")},
                  {tr("Publisher")},
                  {tr("Title")},
                  {tr("Year"), kRight},
                  {tr("Cited by"), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("World shares and export controls that name this source")}},
                 parent) {}

void SourceUseModel::set(const an::Network& net, const an::DataQuality& quality) {
    const core::Dataset& d = net.data();
    QVector<Row> rows;
    for (const an::SourceUse& use : quality.sources) {
        const core::Source& s = d.sources[use.source];
        QStringList cited;
        if (use.worldShares)
            cited << plural(qint64(use.worldShares), tr("%1 world share"), tr("%1 world shares"));
        if (use.controls)
            cited << plural(qint64(use.controls), tr("%1 control"), tr("%1 controls"));
        const QString title = QString::fromStdString(s.title.value_or(std::string()));
        Row row;
        row.cells << text(QString::fromStdString(s.id), QString::fromStdString(s.url.value_or("")))
                  << text(QString::fromStdString(s.publisher)) << text(title, title)
                  << (s.year ? Cell{QString::number(*s.year), *s.year, {}}
                             : Cell{QString(), -1, {}})
                  << Cell{cited.isEmpty() ? tr("\u2014") : cited.join(QStringLiteral(", ")),
                          qulonglong(use.worldShares + use.controls),
                          {}};
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

} // namespace chokepoint::ui
