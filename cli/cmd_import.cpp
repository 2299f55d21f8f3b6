// talentmatch import --db FILE [--all-or-nothing] DIR|FILE...
//
// Loads bulk files (bulk/FORMATS.md) into the store, kinds in dependency
// order so references resolve, one transaction per batch of items. Every
// rejected item is printed as "FILE:LINE: path: message". Without
// --all-or-nothing the valid items are committed (exit 3 if some were
// rejected); with it, one transaction spans the whole import and nothing is
// committed if any item is invalid (exit 4). Re-importing updates by id.
// A skill reference given by name or alias is resolved to the one skill it
// names (models/skill_references.hpp) and printed as
// "FILE:LINE: path: \"given\" resolved to skill \"id\""; an ambiguous or
// unknown one rejects the item with up to 3 suggestions.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bulk/bulk_reader.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "ingest/ingest.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

struct ImportOptions {
    std::string db;
    std::vector<std::string> inputs;
    bool all_or_nothing = false;
    std::size_t batch_size = 5000;
};

std::string where(const std::filesystem::path& file, std::size_t line) {
    return file.string() + ":" + std::to_string(line);
}

class Importer {
  public:
    Importer(store::Store& store, const ImportOptions& options)
        : store_(store), options_(options) {}

    void import_file(const bulk::BulkFile& file) {
        with_entity_type(file.kind,
                         [&](auto type) { import_typed<typename decltype(type)::type>(file); });
    }

    template <class T>
    void import_typed(const bulk::BulkFile& file) {
        const store::BulkMode mode = options_.all_or_nothing ? store::BulkMode::kAllOrNothing
                                                             : store::BulkMode::kCommitValid;
        // Skills files come first (collect_files), so names resolve against them.
        ingest::Ingest<T> ingest(store_, mode, options_.batch_size, [&](ingest::Outcome& o) {
            for (const auto& r : o.resolved) {
                std::cerr << where(file.path, o.line) << ": " << r.path << ": \"" << r.given
                          << "\" resolved to skill \"" << r.skill_id << "\"\n";
            }
            for (const FieldError& error : o.errors) {
                std::cerr << where(file.path, o.line) << ": " << to_string(error) << "\n";
            }
        });
        std::size_t seen = 0;
        const auto started = std::chrono::steady_clock::now();
        auto last_report = started;
        bulk::for_each_item(file, [&](bulk::BulkItem& item) {
            ++seen;
            std::optional<T> value;
            if (item.entity) value = std::get<T>(std::move(*item.entity));
            ingest.add(std::move(value), std::move(item.errors), item.line);
            const auto now = std::chrono::steady_clock::now();
            if (now - last_report >= std::chrono::seconds(2)) {
                last_report = now;
                const double seconds = std::chrono::duration<double>(now - started).count();
                std::cerr << "import: " << file.path.string() << ": " << seen << " items, "
                          << static_cast<long>(seen / seconds) << " items/s\n";
            }
        });
        ingest.flush();
        totals_[static_cast<std::size_t>(file.kind)] += ingest.totals();
    }

    const ingest::Totals& totals(bulk::EntityKind kind) const {
        return totals_[static_cast<std::size_t>(kind)];
    }
    std::size_t invalid() const {
        std::size_t n = 0;
        for (const ingest::Totals& t : totals_) n += t.invalid;
        return n;
    }

  private:
    store::Store& store_;
    const ImportOptions& options_;
    ingest::Totals totals_[bulk::kEntityKindCount] = {};
};

// The bulk files named on the command line, in dependency order.
std::vector<bulk::BulkFile> collect_files(const std::vector<std::string>& inputs) {
    std::vector<bulk::BulkFile> files;
    for (const std::string& input : inputs) {
        const std::filesystem::path path(input);
        if (std::filesystem::is_directory(path)) {
            const auto listed = bulk::list_bulk_files(path);
            if (listed.empty()) throw CLI::ValidationError(input, "no bulk files in directory");
            files.insert(files.end(), listed.begin(), listed.end());
        } else if (!std::filesystem::exists(path)) {
            throw CLI::ValidationError(input, "no such file or directory");
        } else if (auto file = bulk::classify_bulk_file(path)) {
            files.push_back(*file);
        } else if (const auto ext = path.extension();
                   ext == ".xlsx" || ext == ".xls" || ext == ".ods") {
            throw CLI::ValidationError(input,
                                       "a spreadsheet workbook, not a bulk file: in Excel choose "
                                       "File > Save As > \"CSV UTF-8 (Comma delimited)\", name "
                                       "it <kind>.csv (jobs.csv, graduates.csv, ...) and import "
                                       "that");
        } else {
            throw CLI::ValidationError(
                input,
                "not a bulk file name (<kind>.jsonl or "
                "graduates|jobs|programs|employers|placements|teachers|projects|"
                "innovation_demands|research_results|occupational_standards.csv)");
        }
    }
    std::stable_sort(
        files.begin(), files.end(),
        [](const bulk::BulkFile& a, const bulk::BulkFile& b) { return a.kind < b.kind; });
    return files;
}

int run_import(const ImportOptions& options) {
    const std::vector<bulk::BulkFile> files = collect_files(options.inputs);
    store::Store store(options.db);
    Importer importer(store, options);
    std::optional<store::Store::WriteScope> scope;
    if (options.all_or_nothing) scope.emplace(store);
    const auto started = std::chrono::steady_clock::now();
    for (const bulk::BulkFile& file : files) {
        std::cerr << "import: " << file.path.string() << "\n";
        importer.import_file(file);
    }
    const bool rejected = importer.invalid() > 0;
    const bool applied = !options.all_or_nothing || !rejected;
    if (scope && applied) scope->commit();
    scope.reset();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "imported into " << options.db << " in " << seconds << " s"
              << (applied ? "" : " (NOTHING applied: --all-or-nothing and invalid items)") << "\n";
    for (int k = 0; k < bulk::kEntityKindCount; ++k) {
        const auto kind = static_cast<bulk::EntityKind>(k);
        const ingest::Totals& t = importer.totals(kind);
        if (t.created + t.updated + t.unchanged + t.invalid == 0) continue;
        std::cout << "  " << bulk::to_string(kind) << ": " << t.created << " created, " << t.updated
                  << " updated, " << t.unchanged << " unchanged, " << t.invalid << " invalid";
        if (t.resolved > 0) std::cout << ", " << t.resolved << " skill names resolved to ids";
        std::cout << "\n";
    }
    if (!rejected) return kExitOk;
    return applied ? kExitInvalidData : kExitNothingApplied;
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand(
        "import",
        "Load bulk files (JSON Lines, CSV) into the store; re-importing updates by id.\n"
        "Exit codes: 0 all imported, 3 some items rejected (the valid ones were committed),\n"
        "4 --all-or-nothing and some item invalid (nothing committed), 1 store or I/O failure.");
    cmd->add_option("--db", options->db, "SQLite database file (created if absent)")->required();
    cmd->add_flag("--all-or-nothing", options->all_or_nothing,
                  "commit nothing if any item is invalid (one transaction for the whole import)");
    cmd->add_option("--batch-size", options->batch_size, "items per transaction")
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("inputs", options->inputs, "directories of bulk files, or bulk files")
        ->required();
    cmd->callback([options, &exit_code] { exit_code = run_import(*options); });
}

}  // namespace talentmatch::cli
