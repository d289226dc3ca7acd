// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <memory>

#include "core/analysis/dataquality.h"
#include "ui/jobrunner.h"
#include "ui/pages/page.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace chokepoint::ui {

class KpiTile;
class OldWorldShareModel;
class OwnerlessSupplierModel;
class SiteWithoutTechnologyModel;
class SourceUseModel;
class TableModel;
class TableRowsModel;
class TableView;
class Tier2OriginModel;
class UnknownOriginModel;

/// What the workspace holds (rows per table; the reference data's sources, years and
/// vintage) and where its data is thin (core::analysis::assessDataQuality at the as-of date):
/// a tile per finding and a list behind each, whose rows select their item everywhere.
/// "Import data…" opens the import wizard.
class DataPage : public Page {
    Q_OBJECT
public:
    enum Finding { Tier2, UnknownOrigin, NoOwner, NoTechnology, OldShares };
    static constexpr int kFindingCount = 5;

    explicit DataPage(AppState& state, QWidget* parent = nullptr);
    ~DataPage() override;
    QString title() const override { return tr("Data"); }

    /// The figures shown; null until the first computation for the workspace lands.
    std::shared_ptr<const core::analysis::DataQuality> quality() const { return m_quality; }
    KpiTile* tile(Finding f) const { return m_tiles[size_t(f)]; }
    TableView* list(Finding f) const { return m_lists[size_t(f)]; }
    TableModel* listModel(Finding f) const;
    TableView* tableCounts() const { return m_tableView; }
    TableRowsModel* tableRowsModel() const { return m_tableRows; }
    SourceUseModel* sourceModel() const { return m_sources; }
    QLabel* yearsLabel() const { return m_years; }
    QTabWidget* findingTabs() const { return m_tabs; }
    QPushButton* importButton() const { return m_import; }
    /// Blocks until the figures for the current workspace and date are shown (tests).
    void waitForIdle() override;

private:
    void recompute();
    void redraw();
    void showSelection();
    void updateContext();

    std::shared_ptr<const core::analysis::DataQuality> m_quality;
    std::shared_ptr<const core::analysis::Network> m_network; // the one m_quality belongs to
    JobRunner m_runner;
    QLabel* m_context = nullptr;
    QPushButton* m_import = nullptr;
    TableRowsModel* m_tableRows = nullptr;
    TableView* m_tableView = nullptr;
    SourceUseModel* m_sources = nullptr;
    TableView* m_sourceView = nullptr;
    QLabel* m_years = nullptr;
    QLabel* m_qualityTitle = nullptr;
    std::array<KpiTile*, kFindingCount> m_tiles{};
    std::array<TableView*, kFindingCount> m_lists{};
    Tier2OriginModel* m_tier2 = nullptr;
    UnknownOriginModel* m_unknown = nullptr;
    OwnerlessSupplierModel* m_noOwner = nullptr;
    SiteWithoutTechnologyModel* m_noTechnology = nullptr;
    OldWorldShareModel* m_oldShares = nullptr;
    QTabWidget* m_tabs = nullptr;
};

} // namespace chokepoint::ui
