#include "store/process_identity.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace talentmatch::store {
namespace {

std::string read_first_line(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string host_name() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "";
    return buf;
}

// Field 22 of /proc/<pid>/stat ("" when there is no such process, or only
// its zombie). The
// command name (field 2) is in parentheses and may hold spaces: count from
// the last ')'.
std::string start_time(const std::string& pid) {
    const std::string stat = read_first_line("/proc/" + pid + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return "";
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    if (!(fields >> field) || field == "Z" || field == "X") return "";  // field 3: state
    for (int i = 4; i <= 22; ++i) {
        if (!(fields >> field)) return "";
    }
    return field;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

}  // namespace

std::string current_process_owner() {
    const std::string pid = std::to_string(getpid());
    return host_name() + "|" + read_first_line("/proc/sys/kernel/random/boot_id") + "|" + pid +
           "|" + start_time(pid);
}

bool process_owner_gone(const std::string& owner) {
    const auto parts = split(owner, '|');
    if (parts.size() != 4) return true;
    if (parts[0] != host_name()) return false;
    if (parts[1] != read_first_line("/proc/sys/kernel/random/boot_id")) return true;
    return start_time(parts[2]) != parts[3];
}

}  // namespace talentmatch::store
