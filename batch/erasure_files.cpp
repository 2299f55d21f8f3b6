#include "batch/erasure_files.hpp"

#include <fstream>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

#include "batch/csv_writer.hpp"
#include "batch/run_diff.hpp"
#include "batch/run_publisher.hpp"
#include "store/sha256.hpp"

namespace talentmatch::batch {
namespace fs = std::filesystem;
namespace {

using Hashes = std::unordered_set<std::string>;

// Ids are short; hashing only short strings keeps the pass cheap.
constexpr std::size_t kMaxIdLength = 128;

bool erased(std::string_view text, const Hashes& hashes) {
    return !text.empty() && text.size() <= kMaxIdLength &&
           hashes.count(store::sha256_hex(text)) != 0;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Whether `value` holds an erased id anywhere (as a string or an object key).
bool holds(const nlohmann::json& value, const Hashes& hashes) {
    if (value.is_string()) return erased(value.get_ref<const std::string&>(), hashes);
    if (value.is_object()) {
        for (const auto& [key, member] : value.items()) {
            if (erased(key, hashes) || holds(member, hashes)) return true;
        }
    }
    if (value.is_array()) {
        for (const auto& element : value) {
            if (holds(element, hashes)) return true;
        }
    }
    return false;
}

// Drops the elements and members holding an erased id; a string that is one
// (outside any array) becomes "[erased]". Returns whether anything changed.
bool prune(nlohmann::json& value, const Hashes& hashes) {
    bool changed = false;
    if (value.is_string() && erased(value.get_ref<const std::string&>(), hashes)) {
        value = "[erased]";
        return true;
    }
    if (value.is_array()) {
        nlohmann::json kept = nlohmann::json::array();
        for (auto& element : value) {
            if (holds(element, hashes)) {
                changed = true;
            } else {
                changed = prune(element, hashes) || changed;
                kept.push_back(std::move(element));
            }
        }
        value = std::move(kept);
    } else if (value.is_object()) {
        std::vector<std::string> drop;
        for (auto& [key, member] : value.items()) {
            if (erased(key, hashes)) {
                drop.push_back(key);
            } else {
                changed = prune(member, hashes) || changed;
            }
        }
        for (const auto& key : drop) value.erase(key);
        changed = changed || !drop.empty();
    }
    return changed;
}

std::optional<std::string> rewrite_csv(const std::string& text, const Hashes& hashes) {
    const auto rows = parse_csv(text);
    CsvWriter out;
    bool changed = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        bool drop = false;
        for (const auto& field : rows[r]) drop = drop || (r > 0 && erased(field, hashes));
        if (drop) {
            changed = true;
            continue;
        }
        for (const auto& field : rows[r]) out.cell(field);
        out.end_row();
    }
    if (!changed) return std::nullopt;
    return out.take();
}

std::optional<std::string> rewrite_json(const std::string& text, const Hashes& hashes) {
    auto value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    if (!prune(value, hashes)) return std::nullopt;
    return value.dump(1) + "\n";
}

bool id_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
}

std::optional<std::string> rewrite_text(const std::string& text, const Hashes& hashes) {
    std::string out;
    out.reserve(text.size());
    bool changed = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!id_char(text[i])) {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && id_char(text[end])) ++end;
        const std::string_view token(text.data() + i, end - i);
        if (erased(token, hashes)) {
            out += "[erased]";
            changed = true;
        } else {
            out += token;
        }
        i = end;
    }
    if (!changed) return std::nullopt;
    return out;
}

void replace_durably(const fs::path& path, const std::string& bytes) {
    const fs::path temp = path.string() + ".erasing";
    write_file_durably(temp, bytes);
    fs::rename(temp, path);
}

bool queued_or_running_besides(store::Store& store, std::int64_t own_run_id) {
    for (const auto& run : store.list_batch_runs(1000)) {
        const bool open =
            run.status == store::RunStatus::kQueued || run.status == store::RunStatus::kRunning;
        if (open && run.id != own_run_id) return true;
    }
    return false;
}

}  // namespace

std::size_t erase_from_run_folder(const fs::path& run_dir, const Hashes& id_hashes) {
    std::size_t changed = 0;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(run_dir)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        if (file.extension() == ".erasing") {
            fs::remove(file);  // a rewrite killed before its rename
            continue;
        }
        const std::string text = read_all(file);
        std::optional<std::string> rewritten;
        if (file.extension() == ".csv")
            rewritten = rewrite_csv(text, id_hashes);
        else if (file.extension() == ".json")
            rewritten = rewrite_json(text, id_hashes);
        // A file of another kind, or JSON that did not parse: plain tokens.
        if (!rewritten && file.extension() != ".csv") rewritten = rewrite_text(text, id_hashes);
        if (!rewritten) continue;
        replace_durably(file, *rewritten);
        ++changed;
    }
    if (changed > 0) fsync_directory(run_dir);
    return changed;
}

std::size_t apply_pending_erasures(store::Store& store, const std::vector<fs::path>& extra_out_dirs,
                                   std::int64_t own_run_id) {
    const std::vector<std::string> pending = store.pending_erasure_hashes();
    if (pending.empty()) return 0;
    const Hashes hashes(pending.begin(), pending.end());
    std::set<fs::path> out_dirs(extra_out_dirs.begin(), extra_out_dirs.end());
    for (const std::string& dir : store.batch_run_out_dirs()) out_dirs.insert(dir);
    std::size_t changed = 0;
    for (const fs::path& out : out_dirs) {
        std::error_code ec;
        if (!fs::is_directory(out / "runs", ec)) continue;
        for (const auto& entry : fs::directory_iterator(out / "runs")) {
            // Staging folders (*.tmp) belong to a running batch, which
            // applies the list after publishing, or to a killed one, swept.
            if (!entry.is_directory() || entry.path().extension() == ".tmp") continue;
            changed += erase_from_run_folder(entry.path(), hashes);
        }
    }
    if (!queued_or_running_besides(store, own_run_id)) store.clear_pending_erasures(pending);
    return changed;
}

}  // namespace talentmatch::batch
