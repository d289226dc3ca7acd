// SPDX-License-Identifier: MIT
// The command line on server workspaces: the same commands and figures as on a file.
#include <gtest/gtest.h>

#include <QDir>

#include "core/io/bundled.h"
#include "tests/support/pgserver.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Every file of an export folder, by name.
std::map<std::string, std::string> exported(const std::string& ws, const TempDir& tmp,
                                            const std::string& name) {
    const std::string dir = tmp.file(name);
    std::string err;
    EXPECT_EQ(runChokepoint({"export", ws, dir}, nullptr, &err), 0) << err;
    std::map<std::string, std::string> files;
    for (const QString& f : QDir(QString::fromStdString(dir)).entryList(QDir::Files))
        files[f.toStdString()] = readFile(dir + "/" + f.toStdString());
    return files;
}

std::string output(const std::vector<std::string>& args) {
    std::string out, err;
    EXPECT_EQ(runChokepoint(args, &out, &err), 0) << err;
    return out;
}

TEST(ServerCli, TheBundledWorkspaceGivesTheSameJsonOnAFileAndOnAServer) {
    TempDir tmp;
    const std::string file = tmp.file("bundled.chokepoint");
    const std::string server = PgServer::shared().location("bundled");
    ASSERT_EQ(runChokepoint({"init", file}), 0);
    std::string out, err;
    ASSERT_EQ(runChokepoint({"init", server}, &out, &err), 0) << err;
    EXPECT_TRUE(has(out, "created " + server + " with the bundled EV-battery example")) << out;

    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"exposure", "--format", "json", "--as-of", "2026-12-07"},
          {"exposure", "--format", "json", "--lens", "owned", "--as-of", "2025-08-01"},
          {"criticality", "--format", "json", "--as-of", "2026-12-07"}}) {
        auto onFile = args, onServer = args;
        onFile.insert(onFile.begin() + 1, file);
        onServer.insert(onServer.begin() + 1, server);
        const std::string a = output(onFile), b = output(onServer);
        EXPECT_GT(a.size(), 1000u) << args[0];
        EXPECT_EQ(a, b) << args[0];
    }
    const auto scenarios = core::io::bundledScenarios();
    ASSERT_FALSE(scenarios.empty());
    const std::string scenario = tmp.write("s.json", scenarios.front().second);
    EXPECT_EQ(output({"scenario", file, scenario, "--format", "json", "--runs", "20"}),
              output({"scenario", server, scenario, "--format", "json", "--runs", "20"}));
}

TEST(ServerCli, CopyFileToServerToFileGivesByteIdenticalExports) {
    TempDir tmp;
    const std::string file = tmp.file("a.chokepoint");
    const std::string server = PgServer::shared().location("copied");
    const std::string back = tmp.file("b.chokepoint");
    ASSERT_EQ(runChokepoint({"init", file}), 0);
    // Company data of another shape on top of the bundled example.
    std::string out, err;
    ASSERT_EQ(
        runChokepoint({"import", file, dataDir() + "/small-network/data", "--replace"}, &out, &err),
        0)
        << err;
    ASSERT_EQ(runChokepoint({"copy", file, server}, &out, &err), 0) << err;
    EXPECT_TRUE(has(out, "copied " + file + " to " + server)) << out;
    ASSERT_EQ(runChokepoint({"copy", server, back}, &out, &err), 0) << err;

    const auto original = exported(file, tmp, "e1");
    ASSERT_GE(original.size(), 16u);
    EXPECT_GT(original.at("supply.csv").size(), 100u);
    EXPECT_EQ(exported(server, tmp, "e2"), original);
    EXPECT_EQ(exported(back, tmp, "e3"), original);
}

TEST(ServerCli, CopyNeverOverwrites) {
    TempDir tmp;
    const std::string file = tmp.file("a.chokepoint");
    const std::string server = PgServer::shared().location("taken");
    ASSERT_EQ(runChokepoint({"init", file}), 0);
    ASSERT_EQ(runChokepoint({"init", server, "--empty"}), 0);
    const std::string other = tmp.write("other.chokepoint", "not mine");
    std::string err;
    EXPECT_EQ(runChokepoint({"copy", server, other}, nullptr, &err), 1);
    EXPECT_TRUE(has(err, "already exists")) << err;
    EXPECT_EQ(readFile(other), "not mine");
    // The empty workspace takes the copy once; a second copy is refused.
    ASSERT_EQ(runChokepoint({"copy", file, server}, nullptr, &err), 0) << err;
    EXPECT_EQ(runChokepoint({"copy", file, server}, nullptr, &err), 1);
    EXPECT_TRUE(has(err, "already holds data")) << err;
    // Nothing but the copy's files beside the destination.
    EXPECT_EQ(QDir(QString::fromStdString(tmp.path()))
                  .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                  .size(),
              2);
}

TEST(ServerCli, AFailedImportLeavesTheServerUnchanged) {
    TempDir tmp;
    const std::string server = PgServer::shared().location("import_target");
    ASSERT_EQ(runChokepoint({"init", server}), 0);
    const auto before = exported(server, tmp, "before");
    for (const char* bad : {"bad-enum", "recipe-cycle", "duplicate-ids"}) {
        for (const bool replace : {false, true}) {
            std::vector<std::string> args = {"import", server,
                                             dataDir() + "/import-errors/" + bad + "/input"};
            if (replace)
                args.push_back("--replace");
            std::string err;
            EXPECT_EQ(runChokepoint(args, nullptr, &err), 3) << bad << err;
            EXPECT_TRUE(has(err, "nothing was written")) << err;
        }
    }
    EXPECT_EQ(exported(server, tmp, "after"), before);
    // A good import does change it, and reports its rows.
    std::string out, err;
    ASSERT_EQ(runChokepoint({"import", server, dataDir() + "/small-network/data", "--replace"},
                            &out, &err),
              0)
        << err;
    EXPECT_TRUE(has(out, "(replacing)")) << out;
    EXPECT_NE(exported(server, tmp, "changed"), before);
}

TEST(ServerCli, StoppedServersAndMissingWorkspacesAreClearFailures) {
    std::string err;
    const std::string missing = PgServer::shared().location("not_there");
    EXPECT_EQ(runChokepoint({"exposure", missing}, nullptr, &err), 1);
    EXPECT_TRUE(has(err, "chokepoint exposure: " + missing + ": there is no workspace not_there"))
        << err;

    PgServer other;
    ASSERT_TRUE(other.start()) << other.errorString();
    const std::string loc = other.location("team");
    ASSERT_EQ(runChokepoint({"init", loc}), 0);
    other.stop();
    for (const std::string command : {"export", "import"}) {
        EXPECT_EQ(runChokepoint({command, loc, dataDir() + "/small-network/data"}, nullptr, &err),
                  1)
            << command;
        EXPECT_TRUE(has(err, "cannot reach the PostgreSQL server: is it running")) << err;
    }
}

TEST(ServerCli, ServerInitUsageAndHelp) {
    const std::string loc = PgServer::shared().location("by_cli");
    std::string out, err;
    ASSERT_EQ(runChokepoint({"server", "init", loc}, &out, &err), 0) << err;
    ASSERT_EQ(runChokepoint({"server", "init", loc}, &out, &err), 0) << err;
    TempDir tmp;
    EXPECT_EQ(exported(loc, tmp, "empty").at("supply.csv"), // an empty workspace: a header only
              "buyer_site,material_id,supplier_site,share,annual_spend,lead_time_days\n");
    EXPECT_EQ(runChokepoint({"server", "frobnicate", loc}, &out, &err), 2);
    EXPECT_EQ(runChokepoint({"server", "init", "team.chokepoint"}, &out, &err), 2);
    EXPECT_EQ(runChokepoint({"exposure", "postgresql://u:pw123@/db?workspace=w"}, &out, &err), 1);
    EXPECT_TRUE(has(err, "~/.pgpass")) << err;
    EXPECT_FALSE(has(err, "pw123")) << err;
    ASSERT_EQ(runChokepoint({"--help"}, &out), 0);
    EXPECT_TRUE(has(out, "chokepoint copy SRC DST")) << out;
    EXPECT_TRUE(has(out, "chokepoint server init URI")) << out;
    EXPECT_TRUE(has(out, "postgresql://[user@]host[:port]/db?workspace=NAME")) << out;
}

} // namespace
} // namespace chokepoint::test
