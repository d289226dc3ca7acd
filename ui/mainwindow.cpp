// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "core/io/tableschema.h"
#include "core/store/workspace.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>

namespace chokepoint::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
{
    setCentralWidget(m_tabs);
    resize(1280, 800);
}

bool MainWindow::openWorkspace(const QString& path)
{
    auto ws = core::Workspace::open(path.toStdString());
    if (!ws) {
        QMessageBox::critical(this, tr("Cannot open workspace"),
                              QString::fromStdString(ws.errorString()));
        return false;
    }
    auto data = ws->load();
    if (!data) {
        QMessageBox::critical(this, tr("Cannot read workspace"),
                              QString::fromStdString(data.errorString()));
        return false;
    }
    m_path = path;
    QSettings().setValue(QStringLiteral("lastWorkspace"), path);
    setWindowTitle(tr("Chokepoint - %1").arg(path));
    showData(*data);
    return true;
}

void MainWindow::showData(const core::Dataset& data)
{
    m_tabs->clear();
    for (const auto& spec : core::io::tableSpecs()) {
        auto* table = new QTableWidget(m_tabs);
        table->setColumnCount(int(spec.columns.size()));
        QStringList headers;
        for (const auto& c : spec.columns)
            headers << QString::fromUtf8(c.name.data(), qsizetype(c.name.size()));
        table->setHorizontalHeaderLabels(headers);
        table->setRowCount(int(core::io::rowCount(data, spec.name)));
        int row = 0;
        core::io::forEachRow(data, spec.name, [&](const std::vector<core::io::Cell>& cells) {
            for (size_t c = 0; c < cells.size(); ++c) {
                QString text;
                if (const auto* s = std::get_if<std::string>(&cells[c]))
                    text = QString::fromStdString(*s);
                else if (const auto* d = std::get_if<double>(&cells[c]))
                    text = QString::number(*d, 'g', 12);
                else if (const auto* n = std::get_if<int64_t>(&cells[c]))
                    text = QString::number(*n);
                else if (const auto* dt = std::get_if<core::Date>(&cells[c]))
                    text = QString::fromStdString(dt->toString());
                table->setItem(row, int(c), new QTableWidgetItem(text));
            }
            ++row;
        });
        table->horizontalHeader()->setStretchLastSection(true);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_tabs->addTab(table, QString::fromUtf8(spec.name.data(), qsizetype(spec.name.size())));
    }
}

} // namespace chokepoint::ui
