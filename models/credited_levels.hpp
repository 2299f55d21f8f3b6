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
// (matcher/query/explanation.hpp).
#include <algorithm>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace talentmatch {

// Raises `profile` (sorted by key, one entry per key) by `source` (sorted by
// key, one entry per key): an entry of a key not in the profile is added, an
// entry of a key in it keeps the higher level. The result is sorted by key.
// Entry has a `level`; key(entry) orders entries (a skill id or index).
template <class Entry, class Key>
void credit_levels(std::vector<Entry>& profile, std::span<const Entry> source, Key key) {
    if (source.empty()) return;
    // How many keys the source adds.
    std::size_t added = 0;
    auto a = profile.cbegin();
    for (auto b = source.begin(); b != source.end();) {
        if (a == profile.end() || key(*b) < key(*a)) {
            ++added;
            ++b;
        } else if (key(*a) < key(*b)) {
            ++a;
        } else {
            ++a;
            ++b;
        }
    }
    // Merged from the back, in place (a graduate's certificates are credited
    // one by one for every graduate of a rebuild: no allocation per source).
    std::size_t i = profile.size(), j = source.size();
    profile.resize(profile.size() + added);
    std::size_t k = profile.size();
    while (j > 0) {
        const Entry& s = source[j - 1];
        if (i > 0 && key(s) < key(profile[i - 1])) {
            --i;
            --k;
            if (k != i) profile[k] = std::move(profile[i]);  // (k == i: already in place)
        } else if (i > 0 && !(key(profile[i - 1]) < key(s))) {
            Entry merged = std::move(profile[--i]);
            merged.level = std::max(merged.level, s.level);
            profile[--k] = std::move(merged);
            --j;
        } else {
            profile[--k] = s;
            --j;
        }
    }
}

}  // namespace talentmatch
