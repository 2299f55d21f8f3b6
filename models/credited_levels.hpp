#pragma once
// The credited-levels rule (SPEC: course-certificate co-growth), stated once.
// A supply profile's level of a skill is the highest level any of its sources
// gives that skill:
//   - a program: its own curriculum entries, the skills of each of its courses,
//     and the skills evidenced by each certificate it prepares for (its own
//     list and its courses');
//   - a graduate: its own skills and the skills evidenced by each certificate
//     it holds.
// Levels are never added up (two courses teaching a skill to level 2 teach it
// to level 2) and never lowered by a source. Explanations name the
// certificates that evidence the level a requirement used
// (matcher/explanation.hpp).
#include <algorithm>
#include <span>
#include <vector>

namespace talentmatch {

// Raises `profile` (sorted by key, one entry per key) by `source` (sorted by
// key, one entry per key): an entry of a key not in the profile is added, an
// entry of a key in it keeps the higher level. The result is sorted by key.
// Entry has a `level`; key(entry) orders entries (a skill id or index).
template <class Entry, class Key>
void credit_levels(std::vector<Entry>& profile, std::span<const Entry> source, Key key) {
    if (source.empty()) return;
    std::vector<Entry> out;
    out.reserve(profile.size() + source.size());
    auto a = profile.begin();
    auto b = source.begin();
    while (a != profile.end() || b != source.end()) {
        if (b == source.end() || (a != profile.end() && key(*a) < key(*b))) {
            out.push_back(*a++);
        } else if (a == profile.end() || key(*b) < key(*a)) {
            out.push_back(*b++);
        } else {
            out.push_back(*a);
            out.back().level = std::max(a->level, b->level);
            ++a;
            ++b;
        }
    }
    profile = std::move(out);
}

}  // namespace talentmatch
