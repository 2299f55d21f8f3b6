// talentmatch export --db FILE --out DIR
//
// Writes every entity back out as JSON Lines (<dir>/<kind>.jsonl, the format
// `import` reads), in id order, streaming: memory stays bounded whatever the
// size of the store.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "bulk/bulk_writer.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/open_store.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

struct ExportOptions {
    std::string db;
    std::string out;
};

int run_export(const ExportOptions& options) {
    store::Store store(options.db, existing_store());
    bulk::BulkWriter writer(options.out);
    const store::ScanOptions all;
    store.scan<Skill>(all, [&](const Skill& v) { writer.write(v); });
    store.scan<Certificate>(all, [&](const Certificate& v) { writer.write(v); });
    store.scan<Institution>(all, [&](const Institution& v) { writer.write(v); });
    store.scan<Program>(all, [&](const Program& v) { writer.write(v); });
    store.scan<Employer>(all, [&](const Employer& v) { writer.write(v); });
    store.scan<Job>(all, [&](const Job& v) { writer.write(v); });
    store.scan<Graduate>(all, [&](const Graduate& v) { writer.write(v); });
    store.scan<Placement>(all, [&](const Placement& v) { writer.write(v); });
    store.scan<Teacher>(all, [&](const Teacher& v) { writer.write(v); });
    store.scan<Project>(all, [&](const Project& v) { writer.write(v); });
    store.scan<InnovationDemand>(all, [&](const InnovationDemand& v) { writer.write(v); });
    store.scan<ResearchResult>(all, [&](const ResearchResult& v) { writer.write(v); });
    store.scan<OccupationalStandard>(all, [&](const OccupationalStandard& v) { writer.write(v); });
    store.scan<Course>(all, [&](const Course& v) { writer.write(v); });
    store.scan<TrainingProgram>(all, [&](const TrainingProgram& v) { writer.write(v); });
    writer.close();
    std::cout << "exported " << options.db << " to " << options.out << "\n";
    for (int k = 0; k < bulk::kEntityKindCount; ++k) {
        const auto kind = static_cast<bulk::EntityKind>(k);
        std::cout << "  " << bulk::to_string(kind) << ": " << writer.count(kind) << "\n";
    }
    return kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "Write the store's entities out as JSON Lines files");
    cmd->add_option("--db", options->db, "SQLite database file")->required();
    cmd->add_option("--out", options->out, "output directory (created; files replaced)")
        ->required();
    cmd->callback([options, &exit_code] { exit_code = run_export(*options); });
}

}  // namespace talentmatch::cli
