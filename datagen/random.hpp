#pragma once
// A fixed, portable pseudo-random source for the data generators. The
// generators must give byte-identical output for a seed on every platform, so
// nothing here uses std:: distributions (their algorithms differ between
// standard libraries) or libm functions whose last bit may differ (log, cos):
// every draw is integer arithmetic or exact IEEE double arithmetic.
//
// Engine: xoshiro256** seeded through SplitMix64 (Blackman & Vigna).
// Not thread-safe; cheap to copy. Derive independent streams with split().
#include <cstdint>
#include <span>
#include <vector>

namespace talentmatch::datagen {

// SplitMix64 step: also used to hash (seed, stream id) into a new seed.
std::uint64_t splitmix64(std::uint64_t& state);
std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t stream);

class Rng {
  public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next();
    // Uniform integer in [lo, hi] (inclusive), unbiased (rejection sampling).
    std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
    // Uniform index in [0, n); n > 0.
    std::size_t index(std::size_t n);
    // Uniform double in [0, 1) with 53 random bits.
    double uniform01();
    bool bernoulli(double p);
    // Approximately normal (Irwin-Hall: sum of 12 uniforms - 6), mean 0, sd 1,
    // bounded to [-6, 6]. Exact arithmetic, so portable.
    double normal();
    // An independent stream derived from this one's seed and `stream`.
    Rng split(std::uint64_t stream) const;

  private:
    std::uint64_t seed_;
    std::uint64_t s_[4];
};

// Draws an index i in [0, n) with probability proportional to w_i, by binary
// search over precomputed cumulative weights. Immutable after construction.
class WeightedIndex {
  public:
    explicit WeightedIndex(std::span<const double> weights);
    std::size_t draw(Rng& rng) const;
    std::size_t size() const { return cumulative_.size(); }

  private:
    std::vector<double> cumulative_;
};

// Zipf-like ranks: P(k) proportional to 1 / (k + offset) for k in [0, n).
// offset >= 1 flattens the head. Exact division, no pow().
WeightedIndex zipf(std::size_t n, double offset = 1.0);

// k distinct indices from [0, n) (k <= n), in the order drawn.
std::vector<std::size_t> sample_without_replacement(Rng& rng, std::size_t n, std::size_t k);

}  // namespace talentmatch::datagen
