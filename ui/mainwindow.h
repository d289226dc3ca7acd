// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/dataset.h"

#include <QMainWindow>

class QTabWidget;

namespace chokepoint::ui {

/// The application shell. (A first version: tables of the workspace's data.)
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    bool openWorkspace(const QString& path);

private:
    void showData(const core::Dataset& data);

    QTabWidget* m_tabs = nullptr;
    QString m_path;
};

} // namespace chokepoint::ui
