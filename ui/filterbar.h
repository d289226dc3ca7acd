// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace chokepoint::ui {

class AppState;

/// The global filter bar (SPEC §6): product, stage, supplier country, lens and as-of date.
/// It writes AppState::setFilters() on every user change and follows filtersChanged, so the
/// bar, the pages and the charts always show one state.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(AppState& state, QWidget* parent = nullptr);

    QComboBox* productBox() const { return m_product; }
    QComboBox* stageBox() const { return m_stage; }
    QComboBox* countryBox() const { return m_country; }
    QComboBox* lensBox() const { return m_lens; }
    QDateEdit* dateEdit() const { return m_date; }

private:
    void populate();
    void syncFromState();
    void pushToState();

    AppState& m_state;
    QComboBox* m_product;
    QComboBox* m_stage;
    QComboBox* m_country;
    QComboBox* m_lens;
    QDateEdit* m_date;
    bool m_syncing = false;
};

} // namespace chokepoint::ui
