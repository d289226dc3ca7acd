// SPDX-License-Identifier: MIT
#include <filesystem>
#include <iostream>

#include <QApplication>
#include <QCoreApplication>

#include "app/commandline.h"
#include "ui/application.h"

namespace {

bool looksLikeWorkspace(const std::string& arg) {
    std::error_code ec;
    return std::filesystem::is_regular_file(arg, ec) ||
           (arg.size() > 11 && arg.compare(arg.size() - 11, 11, ".chokepoint") == 0);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || (args.size() == 1 && looksLikeWorkspace(args[0])))
        return chokepoint::ui::runGui(argc, argv, args.empty() ? std::string() : args[0]);

    // Headless sub-commands. `report` draws charts, so it needs a GUI application, but never
    // a display: it uses the offscreen platform unless told otherwise.
    if (args[0] == "report") {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return chokepoint::app::runCommandLine(args, std::cout, std::cerr);
    }
    QCoreApplication app(argc, argv);
    return chokepoint::app::runCommandLine(args, std::cout, std::cerr);
}
