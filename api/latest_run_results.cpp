#include "api/latest_run_results.hpp"

#include <algorithm>
#include <fstream>
#include <span>
#include <sstream>
#include <stdexcept>

#include "bulk/csv_reader.hpp"
#include "runfmt/run_files.hpp"

namespace talentmatch::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read batch result file " + file.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

json read_json(const fs::path& file) {
    try {
        return json::parse(read_text(file));
    } catch (const json::exception& e) {
        throw std::runtime_error("malformed batch result file " + file.string() + ": " + e.what());
    }
}

double to_double(const std::string& text) {
    return text.empty() ? 0.0 : std::stod(text);
}
std::int64_t to_int(const std::string& text) {
    return text.empty() ? 0 : std::stoll(text);
}

// The CSV rows below the header, with `columns` looked up once, streamed
// through bulk's RFC 4180 reader (the batch writes quoted fields).
template <class OnRow>
void for_each_csv_row(const fs::path& file, std::span<const std::string_view> columns,
                      OnRow on_row) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read batch result file " + file.string());
    bulk::CsvReader reader(in);
    bulk::CsvRecord record;
    const auto next = [&] {
        if (!reader.next(record)) return false;
        if (!record.error.empty()) {
            throw std::runtime_error(file.string() + ": line " + std::to_string(record.line) +
                                     ": " + record.error);
        }
        return true;
    };
    if (!next()) throw std::runtime_error(file.string() + ": no header");
    std::vector<std::size_t> index;
    for (const auto name : columns) {
        const auto at = std::find(record.fields.begin(), record.fields.end(), name);
        if (at == record.fields.end()) {
            throw std::runtime_error(file.string() + ": no column '" + std::string(name) + "'");
        }
        index.push_back(static_cast<std::size_t>(at - record.fields.begin()));
    }
    std::vector<const std::string*> cells(columns.size());
    while (next()) {
        for (std::size_t c = 0; c < index.size(); ++c) {
            if (index[c] >= record.fields.size()) {
                throw std::runtime_error(file.string() + ": short row at line " +
                                         std::to_string(record.line));
            }
            cells[c] = &record.fields[index[c]];
        }
        on_row(cells);
    }
}

std::vector<DiagnosticEntry> diagnostic_entries(const fs::path& file, const char* id_field) {
    const json all = read_json(file);
    if (!all.is_array()) throw std::runtime_error(file.string() + ": expected a JSON array");
    std::vector<DiagnosticEntry> out;
    out.reserve(all.size());
    for (const auto& e : all) out.push_back({e.at(id_field).get<std::string>(), e.dump()});
    std::sort(out.begin(), out.end(),
              [](const DiagnosticEntry& a, const DiagnosticEntry& b) { return a.id < b.id; });
    return out;
}

const DiagnosticEntry* find_entry(const std::vector<DiagnosticEntry>& entries,
                                  const std::string& id) {
    const auto it = std::lower_bound(
        entries.begin(), entries.end(), id,
        [](const DiagnosticEntry& e, const std::string& key) { return e.id < key; });
    return it != entries.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

std::shared_ptr<const LatestRunResults> LatestRunResults::load(const fs::path& dir) {
    auto r = std::make_shared<LatestRunResults>();
    r->run_name_ = dir.filename().string();
    r->run_info_ = read_json(dir / runfmt::kRunInfoJson);
    r->run_id_ = r->run_info_.at("run_id").get<std::int64_t>();
    r->summary_ = read_json(dir / runfmt::kSummaryJson);
    r->assignment_ = read_json(dir / runfmt::kAssignmentJson);
    r->supply_demand_ = read_json(dir / runfmt::kSupplyDemandJson);
    r->program_alignment_ = read_json(dir / runfmt::kProgramAlignmentJson);
    if (!r->program_alignment_.is_array())
        throw std::runtime_error("program_alignment.json: expected a JSON array");
    std::sort(r->program_alignment_.begin(), r->program_alignment_.end(),
              [](const json& a, const json& b) {
                  return a.value("program_id", "") < b.value("program_id", "");
              });
    try {
        for_each_csv_row(
            dir / runfmt::kAssignmentCsv, runfmt::kAssignmentColumns,
            [&r](const std::vector<const std::string*>& c) {
                r->placements_[*c[0]] = AssignedJob{*c[1], to_double(*c[2]), to_double(*c[3])};
            });
        for_each_csv_row(dir / runfmt::kAssignmentJobsCsv, runfmt::kAssignmentJobsColumns,
                         [&r](const std::vector<const std::string*>& c) {
                             r->job_fills_[*c[0]] = JobFill{to_int(*c[1]), to_int(*c[2]),
                                                            to_int(*c[3]), to_int(*c[4])};
                         });
    } catch (const std::logic_error& e) {  // std::stod / std::stoll
        throw std::runtime_error("malformed number in " + dir.string() + ": " + e.what());
    }
    r->unfilled_ = diagnostic_entries(dir / runfmt::kUnfilledOpeningsJson, "job_id");
    r->unplaced_ = diagnostic_entries(dir / runfmt::kUnplacedGraduatesJson, "graduate_id");
    return r;
}

const AssignedJob* LatestRunResults::placement(const std::string& graduate_id) const {
    const auto it = placements_.find(graduate_id);
    return it == placements_.end() ? nullptr : &it->second;
}

const JobFill* LatestRunResults::job_fill(const std::string& job_id) const {
    const auto it = job_fills_.find(job_id);
    return it == job_fills_.end() ? nullptr : &it->second;
}

const DiagnosticEntry* LatestRunResults::find_unfilled(const std::string& job_id) const {
    return find_entry(unfilled_, job_id);
}

const DiagnosticEntry* LatestRunResults::find_unplaced(const std::string& graduate_id) const {
    return find_entry(unplaced_, graduate_id);
}

std::vector<DiagnosticEntry>::const_iterator entries_after(
    const std::vector<DiagnosticEntry>& entries, const std::string& after) {
    if (after.empty()) return entries.begin();
    return std::upper_bound(
        entries.begin(), entries.end(), after,
        [](const std::string& key, const DiagnosticEntry& e) { return key < e.id; });
}

LatestRunCache::LatestRunCache(fs::path out_dir) : out_dir_(std::move(out_dir)) {}

std::shared_ptr<const LatestRunResults> LatestRunCache::get() {
    std::error_code ec;
    const fs::path latest = out_dir_ / runfmt::kLatestLink;
    if (!fs::is_symlink(fs::symlink_status(latest, ec))) return nullptr;
    const fs::path dir = fs::canonical(latest, ec);
    if (ec) return nullptr;
    {
        std::lock_guard state(state_mutex_);
        if (current_ && current_dir_ == dir) return current_;
    }
    std::unique_lock loading(load_mutex_, std::try_to_lock);
    if (!loading.owns_lock()) {
        {
            std::lock_guard state(state_mutex_);
            if (current_) return current_;  // another thread loads the new run meanwhile
        }
        loading.lock();
    }
    {
        std::lock_guard state(state_mutex_);
        if (current_ && current_dir_ == dir) return current_;
    }
    auto fresh = LatestRunResults::load(dir);
    std::lock_guard state(state_mutex_);
    current_ = fresh;
    current_dir_ = dir;
    return fresh;
}

}  // namespace talentmatch::api
