// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;

namespace chokepoint::ui {

/// A headline figure: a title, a large value and a one-line caption. Clickable.
class KpiTile : public QFrame {
    Q_OBJECT
public:
    explicit KpiTile(const QString& title, QWidget* parent = nullptr);
    void setValue(const QString& value, const QString& caption = {});
    QString title() const;
    QString valueText() const;
    QString captionText() const;

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void restyle();
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_caption;
};

} // namespace chokepoint::ui
