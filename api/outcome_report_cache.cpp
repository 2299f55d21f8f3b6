#include "api/outcome_report_cache.hpp"

#include <map>
#include <vector>

namespace talentmatch::api {
namespace {

// Every placement in the store, kPage at a time (id order).
std::vector<Placement> read_placements(store::Store& store) {
    std::vector<Placement> out;
    store::ScanOptions page;
    page.limit = OutcomeReportCache::kPage;
    for (;;) {
        std::size_t read = 0;
        store.scan<Placement>(page, [&](const Placement& p) {
            out.push_back(p);
            ++read;
        });
        if (read < page.limit) return out;
        page.after_id = out.back().id;
    }
}

// program id -> own_cluster.aligned_share of a published run.
std::map<std::string, double> own_cluster_alignment(const LatestRunResults& run) {
    std::map<std::string, double> out;
    for (const auto& row : run.program_alignment()) {
        const auto own = row.find("own_cluster");
        if (own == row.end() || !own->contains("aligned_share")) continue;
        out[row.value("program_id", "")] = (*own)["aligned_share"].get<double>();
    }
    return out;
}

}  // namespace

std::shared_ptr<const matcher::OutcomeReport> OutcomeReportCache::get(
    store::Store& store, const PublishedSnapshot& published, std::optional<int> year,
    LatestRunCache& latest) {
    const auto run = latest.get();
    Key key;
    key.store_version = store.data_version();
    key.snapshot_version = published.data_version;
    key.year = year.value_or(0);  // 0: the snapshot's latest, resolved on a miss only
    key.run = run ? run->run_name() : "";
    {
        std::lock_guard lock(mutex_);
        if (report_ && key_ == key) return report_;
    }
    auto report = std::make_shared<matcher::OutcomeReport>(matcher::outcome_report(
        *published.snapshot, read_placements(store),
        year ? *year : matcher::latest_graduation_year(*published.snapshot).value_or(0)));
    if (run) {
        const auto alignment = own_cluster_alignment(*run);
        for (auto& g : report->programs) {
            if (const auto it = alignment.find(g.id); it != alignment.end()) {
                g.aligned_share = it->second;
            }
        }
    }
    std::lock_guard lock(mutex_);
    key_ = std::move(key);
    report_ = report;
    return report;
}

}  // namespace talentmatch::api
