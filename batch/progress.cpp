#include "batch/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace talentmatch::batch {

bool is_terminal(int fd) {
    return ::isatty(fd) == 1;
}

std::string format_duration(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return "?";
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    }
    return buf;
}

std::string format_count(double value) {
    const long long v = std::llround(value);
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

ProgressPrinter::ProgressPrinter(std::ostream& out, bool terminal)
    : out_(out), terminal_(terminal) {}

void ProgressPrinter::operator()(const ProgressEvent& e) {
    const bool new_stage = e.stage != stage_;
    if (new_stage) {
        stage_ = e.stage;
        last_decile_ = -1;
    }
    char head[96];
    std::snprintf(head, sizeof head, "[%d/%d] %-22s", e.stage_index, e.stage_count,
                  e.stage.c_str());
    if (terminal_) {
        const auto now = std::chrono::steady_clock::now();
        if (!new_stage && !e.stage_finished && now - last_draw_ < std::chrono::milliseconds(100))
            return;
        last_draw_ = now;
        char pct[16];
        std::snprintf(pct, sizeof pct, "%5.1f%%", 100.0 * e.fraction());
        out_ << '\r' << head << ' ' << pct;
        if (e.total > 0) out_ << "  " << format_count(e.rate()) << ' ' << e.unit << "/s";
        if (e.stage_finished) {
            out_ << "  done in " << format_duration(e.stage_seconds) << "        \n";
        } else {
            out_ << "  ETA " << format_duration(e.seconds_left()) << "    ";
        }
        out_.flush();
        return;
    }
    if (e.stage_finished) {
        out_ << head << " done: " << format_count(double(e.done)) << ' ' << e.unit << " in "
             << format_duration(e.stage_seconds);
        if (e.stage_seconds > 0 && e.done > 0)
            out_ << " (" << format_count(e.rate()) << ' ' << e.unit << "/s)";
        out_ << '\n';
        return;
    }
    const int decile = static_cast<int>(10.0 * e.fraction());
    if (!new_stage && decile <= last_decile_) return;
    last_decile_ = decile;
    out_ << head << ' ' << decile * 10 << "% (" << format_count(double(e.done)) << '/'
         << format_count(double(e.total)) << ' ' << e.unit << ")";
    if (e.seconds_left() >= 0) out_ << ", " << format_duration(e.seconds_left()) << " left";
    out_ << '\n';
    out_.flush();
}

}  // namespace talentmatch::batch
