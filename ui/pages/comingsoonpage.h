// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/page.h"

namespace chokepoint::ui {

/// A placeholder for a page not built yet: it says plainly what the page will show.
class ComingSoonPage : public Page {
    Q_OBJECT
public:
    ComingSoonPage(AppState& state, const QString& title, const QString& description,
                   QWidget* parent = nullptr);
    QString title() const override { return m_title; }
    bool isComingSoon() const override { return true; }
    QString description() const { return m_description; }

private:
    QString m_title;
    QString m_description;
};

} // namespace chokepoint::ui
