// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include "core/model/date.h"

class QDateEdit;
class QLabel;

namespace chokepoint::ui {

class AppState;
class DiffFlowModel;
class JobRunner;
class TableFilterProxy;
class TableView;

/// "What changed" between two dates under the controlled lens (default 2025-11-06 and
/// 2025-11-11, around the November 2025 suspension): the measures that came into or went
/// out of force, the change of revenue and spend at risk, and every flow (site, material)
/// that became controlled or free, changed its covering controls, or changed through its
/// inputs. Figures from core::analysis::diffControlledExposure, in the background.
class WhatChangedPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatChangedPanel(AppState& state, QWidget* parent = nullptr);

    void setDates(core::Date from, core::Date to);
    /// Recomputes (workspace or filters changed).
    void refresh();

    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QString summaryText() const;
    DiffFlowModel* flowModel() const { return m_model; }
    TableFilterProxy* flowProxy() const { return m_proxy; }
    TableView* flowTable() const { return m_table; }
    JobRunner* runner() const { return m_runner; }

Q_SIGNALS:
    void keySelected(const QString& key);
    void keyActivated(const QString& key);

private:
    AppState& m_state;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_summary;
    DiffFlowModel* m_model;
    TableFilterProxy* m_proxy;
    TableView* m_table;
    JobRunner* m_runner;
};

} // namespace chokepoint::ui
