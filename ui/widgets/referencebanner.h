// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QCheckBox;
class QLabel;

namespace chokepoint::ui {

class AppState;

/// "Time after the data" (SPEC §3, §6): shown above the pages while the as-of date is later
/// than the profile's reference_cutoff. It says up to when the reference data was checked,
/// that measures dated after it are scheduled, not confirmed, and offers the *assume
/// scheduled* toggle (AppState::setAssumeScheduled), which recomputes every figure. Hidden
/// without a workspace, without a cut-off, and on or before it.
class ReferenceBanner : public QFrame {
    Q_OBJECT
public:
    explicit ReferenceBanner(AppState& state, QWidget* parent = nullptr);

    QString text() const;
    QCheckBox* assumeScheduledBox() const { return m_assume; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void restyle();

    AppState& m_state;
    QLabel* m_text;
    QCheckBox* m_assume;
    bool m_syncing = false;
};

} // namespace chokepoint::ui
