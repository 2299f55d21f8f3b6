// talentmatch generate --preset tiny|demo|province --seed N --out DIR [--taxonomy DIR]
// talentmatch generate --onet DIR [--graduates N] [--onet-skills-only]
//     [--onet-keep-importance X] [--onet-must-have-importance X] --seed N --out DIR
//
// Writes a bulk data set (skills, certificates, institutions, programs,
// employers, jobs, graduates as JSON Lines) and finally an empty `.complete`
// marker. The same seed and options give byte-identical files. Synthetic data
// sits on the shipped taxonomy (data/); with --onet the taxonomy and jobs come
// from the O*NET 29.2 tables (datagen/ONET_MAPPING.md) and ATTRIBUTION.txt is
// written too. Progress goes to stderr, a summary to stdout.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "datagen/onet_generator.hpp"
#include "datagen/onet_import.hpp"
#include "datagen/shipped_data.hpp"
#include "datagen/synthetic_generator.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::cli {
namespace {

struct GenerateOptions {
    std::string preset = "demo";
    std::uint64_t seed = 1;
    std::string out;
    std::string taxonomy;
    std::string data_root;
    std::string onet;
    std::optional<std::int64_t> graduates;
    std::optional<std::int64_t> jobs;
    std::string date;  // "YYYY-MM-DD"; empty = today (UTC)
    datagen::OnetRules onet_rules;
};

// Jobs are posted 30 days before the generation date and stay valid 14..240
// days after posting, so on that date ~93% of them are still valid.
constexpr long kPostedDaysBefore = 30;

void print_summary(const datagen::GenerationSummary& s, double seconds) {
    auto mean = [](std::int64_t sum, std::int64_t n) {
        return n == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(n);
    };
    std::cout << "skills " << s.skills << "\ncertificates " << s.certificates << "\ninstitutions "
              << s.institutions << "\nprograms " << s.programs << "\ncourses " << s.courses
              << "\ntraining_programs " << s.training_programs << "\nemployers " << s.employers
              << "\njobs " << s.jobs << " (requirements " << s.job_requirements << ", mean "
              << mean(s.job_requirements, s.jobs) << "; openings " << s.openings << ")"
              << "\ngraduates " << s.graduates << " (skills " << s.graduate_skills << ", mean "
              << mean(s.graduate_skills, s.graduates) << ")"
              << "\nplacements " << s.placements << "\nteachers " << s.teachers << "\nprojects "
              << s.projects << "\nresearch_results " << s.research_results
              << "\ninnovation_demands " << s.innovation_demands << "\noccupational_standards "
              << s.occupational_standards << "\nseconds " << seconds << "\n";
}

int run_generate(const GenerateOptions& o) {
    const auto start = std::chrono::steady_clock::now();
    const datagen::ProgressFn progress = [](std::string_view stage, std::int64_t done,
                                            std::int64_t total) {
        std::cerr << "generate: " << stage << " " << done << "/" << total << "\n";
    };
    const std::filesystem::path root =
        o.data_root.empty() ? datagen::default_data_root() : std::filesystem::path(o.data_root);
    datagen::GenerationSummary summary;
    datagen::DatasetWriter out(o.out);
    if (!o.onet.empty()) {
        std::cerr << "generate: importing O*NET tables from " << o.onet << "\n";
        const auto onet = datagen::import_onet(o.onet, o.onet_rules);
        std::vector<datagen::NamedId> districts;
        // Districts come from the shipped taxonomy when it is there.
        if (std::filesystem::exists(root / "taxonomy" / "districts.json")) {
            districts = datagen::load_shipped_data(root, o.taxonomy).districts;
        }
        datagen::OnetGenerationConfig config;
        config.seed = o.seed;
        if (o.graduates) config.graduates = *o.graduates;
        summary = datagen::generate_from_onet(onet, districts, config, out, progress);
        std::cerr << "generate: O*NET occupations listed " << onet.stats.occupations_listed
                  << ", imported " << onet.stats.occupations_imported << ", must-haves "
                  << onet.stats.must_haves << ", rows skipped (suppressed "
                  << onet.stats.rows_suppressed << ", not relevant " << onet.stats.rows_not_relevant
                  << ")\n";
    } else {
        auto config = datagen::preset(o.preset);
        config->seed = o.seed;
        if (o.graduates) config->graduates = *o.graduates;
        if (o.jobs) config->jobs = *o.jobs;
        const std::string date = o.date.empty() ? matcher::today_utc() : o.date;
        const auto key = matcher::date_key(date);
        if (!key || date.empty()) {
            std::cerr << "talentmatch generate: --date: must be a date YYYY-MM-DD\n";
            return kExitUsage;
        }
        const datagen::CivilDate day{*key / 10000, *key / 100 % 100, *key % 100};
        config->postings_date =
            datagen::civil_from_days(datagen::days_from_civil(day) - kPostedDaysBefore);
        const auto data = datagen::load_shipped_data(root, o.taxonomy);
        summary = datagen::generate_synthetic(data, *config, out, progress);
    }
    out.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    print_summary(summary, seconds);
    return kExitOk;
}

}  // namespace

void add_generate_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<GenerateOptions>();
    auto* cmd = app.add_subcommand(
        "generate", "Write a deterministic synthetic data set (JSON Lines) for a seed");
    cmd->add_option("--preset", options->preset, "Size preset")
        ->check(CLI::IsMember({"tiny", "demo", "province"}))
        ->capture_default_str();
    cmd->add_option("--seed", options->seed, "Random seed; same seed, same bytes")
        ->capture_default_str();
    cmd->add_option("--out", options->out,
                    "Output directory (created; its bulk files are replaced)")
        ->required();
    cmd->add_option(
        "--taxonomy", options->taxonomy,
        "Directory with skills.jsonl, certificates.jsonl, clusters.json, districts.json "
        "(default: the shipped data/taxonomy)");
    cmd->add_option("--data", options->data_root,
                    "Data root with taxonomy/ and templates/ (default: shipped data/)");
    auto* onet = cmd->add_option("--onet", options->onet,
                                 "Import the O*NET 29.2 TSV tables from this directory instead of "
                                 "the shipped taxonomy")
                     ->check(CLI::ExistingDirectory);
    cmd->add_flag(
           "--onet-skills-only", [options](std::int64_t) { options->onet_rules.knowledge = false; },
           "With --onet: import Skills.txt only (35 elements), no Knowledge.txt")
        ->needs(onet);
    cmd->add_option("--onet-levels", options->onet_rules.levels,
                    "With --onet: LV -> level mapping (quintiles | linear)")
        ->transform(CLI::CheckedTransformer(std::map<std::string, datagen::OnetLevels>{
            {"quintiles", datagen::OnetLevels::kQuintiles},
            {"linear", datagen::OnetLevels::kLinear}}))
        ->needs(onet);
    cmd->add_option("--onet-weights", options->onet_rules.weights,
                    "With --onet: IM -> weight mapping (distinctive | importance)")
        ->transform(CLI::CheckedTransformer(std::map<std::string, datagen::OnetWeights>{
            {"distinctive", datagen::OnetWeights::kDistinctive},
            {"importance", datagen::OnetWeights::kImportance}}))
        ->needs(onet);
    cmd->add_option("--onet-jobs-keep-suppressed", options->onet_rules.jobs_keep_suppressed,
                    "With --onet: jobs keep Recommend Suppress = Y ratings (true | false)")
        ->needs(onet)
        ->capture_default_str();
    cmd->add_option("--onet-keep-importance", options->onet_rules.keep_importance,
                    "With --onet: keep a rated element as a requirement when its importance "
                    "IM >= this (1..5; 0 keeps every rated element)")
        ->check(CLI::Range(0.0, 5.0))
        ->needs(onet)
        ->capture_default_str();
    cmd->add_option("--onet-must-have-importance", options->onet_rules.must_have_importance,
                    "With --onet: a requirement is a must-have when IM >= this (above 5: none)")
        ->check(CLI::Range(0.0, 6.0))
        ->needs(onet)
        ->capture_default_str();
    cmd->add_option("--graduates", options->graduates, "Override the number of graduates")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{50'000'000}));
    cmd->add_option("--date", options->date,
                    "Generation date YYYY-MM-DD (default today, UTC): jobs are posted 30 days "
                    "before it and stay valid 14..240 days after posting; same seed and date, "
                    "same bytes");
    cmd->add_option("--jobs", options->jobs, "Override the number of jobs (synthetic only)")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}))
        ->excludes(onet);
    cmd->callback([options, &exit_code] {
        try {
            exit_code = run_generate(*options);
        } catch (const std::exception& e) {
            std::cerr << "talentmatch generate: error: " << e.what() << "\n";
            exit_code = kExitFailure;
        }
    });
}

}  // namespace talentmatch::cli
