// talentmatch summary --db FILE
//
// Prints what the store holds: counts per entity, then jobs and openings per
// industry cluster and per district.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/open_store.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

void print_groups(const char* title, const std::vector<store::JobGroupTotals>& groups) {
    std::printf("\n%-28s %10s %10s\n", title, "jobs", "openings");
    for (const store::JobGroupTotals& g : groups) {
        std::printf("  %-26s %10lld %10lld\n", g.key.c_str(), static_cast<long long>(g.jobs),
                    static_cast<long long>(g.openings));
    }
}

int run_summary(const std::string& db) {
    store::Store store(db, existing_store());
    const store::StoreSummary summary = store.summary();
    std::printf("talentmatch store %s (schema v%d, data version %lld)\n\n", db.c_str(),
                store.schema_version(), static_cast<long long>(store.data_version()));
    for (const auto& [kind, count] : summary.counts) {
        std::printf("  %-26s %10lld\n", std::string(store::to_string(kind)).c_str(),
                    static_cast<long long>(count));
    }
    std::printf("  %-26s %10lld\n", "graduates seeking",
                static_cast<long long>(summary.seeking_graduates));
    print_groups("per cluster", summary.jobs_by_cluster);
    print_groups("per district", summary.jobs_by_district);
    std::fflush(stdout);
    return kExitOk;
}

}  // namespace

void add_summary_command(CLI::App& app, int& exit_code) {
    auto db = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "summary", "Print counts per entity and jobs/openings per cluster and district");
    cmd->add_option("--db", *db, "SQLite database file")->required();
    cmd->callback([db, &exit_code] { exit_code = run_summary(*db); });
}

}  // namespace talentmatch::cli
