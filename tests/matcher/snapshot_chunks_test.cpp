// Chunked columns and layouts (matcher/snapshot/chunked_csr.hpp,
// block_layout.hpp) at a size where they span several chunks: ChunkedCsr's
// appends against a plain Csr, and graduate patches (snapshot_patch.hpp)
// against a full build of the same graduates. A patch must equal the full
// build row for row, and the chunks it had no reason to change must be the
// base's own (shared, not copied), which is what the chunks are for.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "matcher/snapshot/snapshot_patch.hpp"
#include "oracle.hpp"
#include "random_world.hpp"
#include "tests/common/snapshot_equality.hpp"

namespace talentmatch::matcher::testing {
namespace {

constexpr std::size_t kRows = ChunkedCsr<int>::kChunkRows;

Csr<int> random_csr(std::mt19937& rng, std::size_t rows) {
    Csr<int> out;
    for (std::size_t r = 0; r < rows; ++r) {
        for (unsigned i = rng() % 4; i > 0; --i) out.items.push_back(int(rng() % 1000));
        out.offsets.push_back(std::uint32_t(out.items.size()));
    }
    return out;
}

void expect_rows(const ChunkedCsr<int>& got, const std::vector<std::span<const int>>& want) {
    ASSERT_EQ(got.rows(), want.size());
    for (std::size_t r = 0; r < want.size(); ++r) {
        const auto row = got.row(r);
        ASSERT_TRUE(std::equal(row.begin(), row.end(), want[r].begin(), want[r].end()))
            << "row " << r;
    }
}

// The base's chunks in `patched` (the same objects, not equal copies).
template <typename Chunks>
std::vector<bool> shared_chunks(const Chunks& patched, const Chunks& base) {
    std::vector<bool> out;
    for (std::size_t k = 0; k < patched.size(); ++k) {
        out.push_back(k < base.size() && patched[k].get() == base[k].get());
    }
    return out;
}

TEST(ChunkedCsr, HoldsTheRowsOfAPlainCsrAndSharesOnlyChunksLeftInPlace) {
    std::mt19937 rng(3);
    const Csr<int> flat = random_csr(rng, 3 * kRows + 17);
    const ChunkedCsr<int> chunked(flat);
    std::vector<std::span<const int>> want;
    for (std::size_t r = 0; r < flat.rows(); ++r) want.push_back(flat.row(r));
    expect_rows(chunked, want);

    // A row replaced in chunk 1: rows before and after it stay in place.
    const std::vector<int> fresh = {7, 8, 9};
    ChunkedCsr<int> updated;
    updated.append_rows(chunked, 0, kRows + 5);
    updated.append_row(fresh);
    updated.append_rows(chunked, kRows + 6, flat.rows());
    want[kRows + 5] = fresh;
    expect_rows(updated, want);
    EXPECT_FALSE(updated == chunked);
    // A row inserted at the front: every row moves.
    ChunkedCsr<int> shifted;
    shifted.append_row(fresh);
    shifted.append_rows(chunked, 0, flat.rows());
    std::vector<std::span<const int>> shifted_rows = {fresh};
    for (std::size_t r = 0; r < flat.rows(); ++r) shifted_rows.push_back(flat.row(r));
    expect_rows(shifted, shifted_rows);
    EXPECT_EQ(shared_chunks(updated.chunks(), chunked.chunks()),
              (std::vector<bool>{true, false, true}));
    EXPECT_EQ(shared_chunks(shifted.chunks(), chunked.chunks()),
              (std::vector<bool>{false, false, false}));
    // Equal to a chunking of the same rows made from scratch.
    Csr<int> updated_flat;
    for (const auto& row : want) {
        updated_flat.items.insert(updated_flat.items.end(), row.begin(), row.end());
        updated_flat.offsets.push_back(std::uint32_t(updated_flat.items.size()));
    }
    EXPECT_TRUE(updated == ChunkedCsr<int>(updated_flat));
}

Graduate random_graduate(std::mt19937& rng, const RandomWorld& w, int number) {
    Graduate g;
    char id[16];
    std::snprintf(id, sizeof id, "g%06d", number);
    g.id = id;
    g.institution_id = w.institutions[rng() % w.institutions.size()].id;
    g.program_id = w.programs[rng() % w.programs.size()].id;
    g.education_level = EducationLevel(rng() % 5);
    std::vector<std::size_t> skills(w.skills.size());
    std::iota(skills.begin(), skills.end(), std::size_t{0});
    std::shuffle(skills.begin(), skills.end(), rng);
    skills.resize(1 + rng() % 12);
    for (const std::size_t s : skills) g.skills.push_back({w.skills[s].id, int(1 + rng() % 5), {}});
    return g;
}

// A world of `graduates` graduates with ids g000000, g000002, ... (even
// numbers, so odd ones sort between them).
RandomWorld big_world(int graduates) {
    WorldShape shape;
    shape.skills = 40;
    shape.graduates = 0;
    shape.max_skills = 12;
    RandomWorld w = make_world(11, shape);
    std::mt19937 rng(5);
    for (int i = 0; i < graduates; ++i) w.graduates.push_back(random_graduate(rng, w, 2 * i));
    return w;
}

class SnapshotChunks : public ::testing::Test {
  protected:
    // Two chunks of blocks and of tiles, nine of skills.
    static constexpr int kGraduates = int(BlockLayout::kChunkBlocks * kBlockSize) + 3000;

    void SetUp() override {
        world_ = big_world(kGraduates);
        base_ = build_snapshot(world_);
        ASSERT_EQ(base_->graduates.blocks.chunks().size(), 2u);
        ASSERT_EQ(base_->graduates.index.tiles.chunks().size(), 2u);
    }

    // `base_` patched with `changes` (id -> the graduate, or nullopt:
    // erased), checked against a full build of the world so changed.
    std::shared_ptr<const Snapshot> patch(
        const std::map<std::string, std::optional<Graduate>>& changes) {
        RandomWorld changed = world_;
        std::vector<Graduate> graduates;
        for (const Graduate& g : changed.graduates) {
            if (!changes.count(g.id)) graduates.push_back(g);
        }
        std::vector<std::string> ids;
        for (const auto& [id, g] : changes) {
            ids.push_back(id);
            if (g) graduates.push_back(*g);
        }
        changed.graduates = graduates;
        const auto patched = patch_graduates(
            *base_,
            [&](const std::string& id) -> const Graduate* {
                const auto& g = changes.at(id);
                return g ? &*g : nullptr;
            },
            ids);
        EXPECT_NE(patched, nullptr);
        if (!patched) return nullptr;
        const auto full = build_snapshot(changed);
        talentmatch::testing::expect_same_candidates(patched->graduates, full->graduates,
                                                     "graduates");
        return patched;
    }

    RandomWorld world_;
    std::shared_ptr<const Snapshot> base_;
};

TEST_F(SnapshotChunks, AnUpdatedGraduateSharesEveryChunkItDoesNotSitIn) {
    // In the second chunk of blocks, of the first program, whose tiles come
    // first (candidate_index.hpp): the second chunk of tiles holds none.
    Index c = Index(kGraduates - 1);
    while (base_->graduates.program[c] != 0) --c;
    ASSERT_GE(c, BlockLayout::kChunkBlocks * kBlockSize);
    Graduate g;
    for (const Graduate& x : world_.graduates) {
        if (x.id == base_->graduates.ids[c]) g = x;
    }
    std::mt19937 rng(13);
    g.skills = random_graduate(rng, world_, 0).skills;
    const auto patched = patch({{g.id, g}});
    ASSERT_NE(patched, nullptr);
    const CandidateSet& before = base_->graduates;
    const CandidateSet& after = patched->graduates;
    EXPECT_EQ(shared_chunks(after.blocks.chunks(), before.blocks.chunks()),
              (std::vector<bool>{true, false}));
    std::vector<bool> skills_kept(before.skills.chunks().size(), true);
    skills_kept[c / kRows] = false;
    EXPECT_EQ(shared_chunks(after.skills.chunks(), before.skills.chunks()), skills_kept);
    // Every tile chunk that holds no tile of the graduate's program is kept.
    const Index program = after.program[c];
    std::size_t kept_tile_chunks = 0;
    for (std::size_t k = 0; k < after.index.tiles.chunks().size(); ++k) {
        bool holds_program = false;
        const std::size_t first = k * BlockLayout::kChunkBlocks;
        for (std::size_t t = first;
             t < std::min(after.index.blocks(), first + BlockLayout::kChunkBlocks); ++t) {
            holds_program |= after.program[after.index.members_of(t).front()] == program;
        }
        EXPECT_EQ(after.index.tiles.chunks()[k] == before.index.tiles.chunks()[k], !holds_program)
            << "tile chunk " << k;
        kept_tile_chunks += !holds_program;
    }
    EXPECT_EQ(kept_tile_chunks, 1u);
}

TEST_F(SnapshotChunks, ANewLastGraduateSharesEveryFullChunkBeforeIt) {
    std::mt19937 rng(7);
    Graduate g = random_graduate(rng, world_, 0);
    g.id = "h000000";  // after every g...
    const auto patched = patch({{g.id, g}});
    ASSERT_NE(patched, nullptr);
    EXPECT_EQ(shared_chunks(patched->graduates.blocks.chunks(), base_->graduates.blocks.chunks()),
              (std::vector<bool>{true, false}));
}

TEST_F(SnapshotChunks, ANewOrErasedGraduateInTheMiddleMovesTheRowsAfterIt) {
    std::mt19937 rng(9);
    Graduate g = random_graduate(rng, world_, 1);  // g000001: between the first two
    const auto inserted = patch({{g.id, g}});
    ASSERT_NE(inserted, nullptr);
    EXPECT_EQ(shared_chunks(inserted->graduates.blocks.chunks(), base_->graduates.blocks.chunks()),
              (std::vector<bool>{false, false}));
    const auto erased = patch({{base_->graduates.ids[Index(kGraduates / 2)], std::nullopt}});
    ASSERT_NE(erased, nullptr);
    EXPECT_EQ(erased->graduates.size(), base_->graduates.size() - 1);
}

}  // namespace
}  // namespace talentmatch::matcher::testing
