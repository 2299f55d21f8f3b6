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
#include <type_traits>
#include <vector>

#include "bulk/bulk_reader.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "models/skill_references.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

struct ImportOptions {
    std::string db;
    std::vector<std::string> inputs;
    bool all_or_nothing = false;
    std::size_t batch_size = 5000;
};

struct KindTotals {
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;  // already stored exactly as given
    std::size_t invalid = 0;
    std::size_t resolved = 0;  // skill references rewritten from a name or alias
};

std::string where(const std::filesystem::path& file, std::size_t line) {
    return file.string() + ":" + std::to_string(line);
}

// Items of one file waiting to be written together.
template <class T>
struct Pending {
    std::vector<T> items;
    std::vector<std::size_t> lines;
};

class Importer {
  public:
    Importer(store::Store& store, const ImportOptions& options)
        : store_(store), options_(options) {}

    void import_file(const bulk::BulkFile& file) {
        using bulk::EntityKind;
        switch (file.kind) {
            case EntityKind::kSkills:
                return import_typed<Skill>(file);
            case EntityKind::kCertificates:
                return import_typed<Certificate>(file);
            case EntityKind::kInstitutions:
                return import_typed<Institution>(file);
            case EntityKind::kPrograms:
                return import_typed<Program>(file);
            case EntityKind::kEmployers:
                return import_typed<Employer>(file);
            case EntityKind::kJobs:
                return import_typed<Job>(file);
            case EntityKind::kGraduates:
                return import_typed<Graduate>(file);
            case EntityKind::kPlacements:
                return import_typed<Placement>(file);
        }
    }

    template <class T>
    void import_typed(const bulk::BulkFile& file) {
        Pending<T> pending;
        std::size_t seen = 0;
        // The taxonomy as stored now (skills files are imported first).
        std::optional<SkillDirectory> skills;
        if constexpr (std::is_same_v<T, Program> || std::is_same_v<T, Graduate> ||
                      std::is_same_v<T, Job>) {
            std::vector<Skill> all;
            store_.scan_skills({}, [&all](const Skill& s) { all.push_back(s); });
            skills.emplace(std::move(all));
        }
        const auto started = std::chrono::steady_clock::now();
        auto last_report = started;
        bulk::for_each_item(file, [&](bulk::BulkItem& item) {
            ++seen;
            if (item.errors.empty() && skills) {
                std::vector<SkillResolution> resolved;
                resolve_skill_references(std::get<T>(*item.entity), *skills, resolved, item.errors);
                for (const auto& r : resolved) {
                    std::cerr << where(file.path, item.line) << ": " << r.path << ": \"" << r.given
                              << "\" resolved to skill \"" << r.skill_id << "\"\n";
                }
                totals_[index(file.kind)].resolved += resolved.size();
            }
            if (!item.errors.empty()) {
                report(file.path, item.line, item.errors);
                ++totals_[index(file.kind)].invalid;
            } else {
                pending.items.push_back(std::get<T>(std::move(*item.entity)));
                pending.lines.push_back(item.line);
                if (pending.items.size() >= options_.batch_size) flush(file, pending);
            }
            const auto now = std::chrono::steady_clock::now();
            if (now - last_report >= std::chrono::seconds(2)) {
                last_report = now;
                const double seconds = std::chrono::duration<double>(now - started).count();
                std::cerr << "import: " << file.path.string() << ": " << seen << " items, "
                          << static_cast<long>(seen / seconds) << " items/s\n";
            }
        });
        flush(file, pending);
    }

    const KindTotals& totals(bulk::EntityKind kind) const { return totals_[index(kind)]; }
    std::size_t invalid() const {
        std::size_t n = 0;
        for (const KindTotals& t : totals_) n += t.invalid;
        return n;
    }

  private:
    static std::size_t index(bulk::EntityKind kind) { return static_cast<std::size_t>(kind); }

    void report(const std::filesystem::path& file, std::size_t line,
                const std::vector<FieldError>& errors) {
        for (const FieldError& error : errors) {
            std::cerr << where(file, line) << ": " << to_string(error) << "\n";
        }
    }

    template <class T>
    void flush(const bulk::BulkFile& file, Pending<T>& pending) {
        if (pending.items.empty()) return;
        const store::BulkMode mode = options_.all_or_nothing ? store::BulkMode::kAllOrNothing
                                                             : store::BulkMode::kCommitValid;
        const store::BulkResult result =
            store_.upsert_many(std::span<const T>(pending.items), mode);
        KindTotals& totals = totals_[index(file.kind)];
        for (const store::ItemResult& item : result.items) {
            switch (item.status) {
                case store::ItemStatus::kCreated:
                    ++totals.created;
                    break;
                case store::ItemStatus::kUpdated:
                    ++totals.updated;
                    break;
                case store::ItemStatus::kUnchanged:
                    ++totals.unchanged;
                    break;
                case store::ItemStatus::kInvalid:
                    ++totals.invalid;
                    report(file.path, pending.lines[item.index], item.errors);
                    break;
                case store::ItemStatus::kNotApplied:
                    break;
            }
        }
        pending.items.clear();
        pending.lines.clear();
    }

    store::Store& store_;
    const ImportOptions& options_;
    KindTotals totals_[bulk::kEntityKindCount] = {};
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
            throw CLI::ValidationError(input,
                                       "not a bulk file name (<kind>.jsonl or "
                                       "graduates|jobs|programs|employers|placements.csv)");
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
        const KindTotals& t = importer.totals(kind);
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
