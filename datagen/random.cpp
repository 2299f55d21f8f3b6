#include "datagen/random.hpp"

#include <algorithm>
#include <stdexcept>

namespace talentmatch::datagen {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t state = seed ^ (stream * 0xd1b54a32d192ed03ULL);
    splitmix64(state);
    return splitmix64(state);
}

Rng::Rng(std::uint64_t seed) : seed_(seed) {
    std::uint64_t state = seed;
    for (auto& word : s_) word = splitmix64(state);
}

namespace {
std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}
}  // namespace

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::int64_t Rng::uniform_int(std::int64_t lo, std::int64_t hi) {
    if (hi < lo) throw std::invalid_argument("Rng::uniform_int: hi < lo");
    const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
    if (range == 0) return static_cast<std::int64_t>(next());  // the full 64-bit range
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % range);
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % range);
}

std::size_t Rng::index(std::size_t n) {
    if (n == 0) throw std::invalid_argument("Rng::index: empty range");
    return static_cast<std::size_t>(uniform_int(0, static_cast<std::int64_t>(n) - 1));
}

double Rng::uniform01() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

bool Rng::bernoulli(double p) {
    return uniform01() < p;
}

double Rng::normal() {
    double sum = 0.0;
    for (int i = 0; i < 12; ++i) sum += uniform01();
    return sum - 6.0;
}

Rng Rng::split(std::uint64_t stream) const {
    return Rng(mix_seed(seed_, stream));
}

WeightedIndex::WeightedIndex(std::span<const double> weights) {
    if (weights.empty()) throw std::invalid_argument("WeightedIndex: no weights");
    cumulative_.reserve(weights.size());
    double total = 0.0;
    for (double w : weights) {
        if (!(w >= 0.0)) throw std::invalid_argument("WeightedIndex: negative weight");
        total += w;
        cumulative_.push_back(total);
    }
    if (!(total > 0.0)) throw std::invalid_argument("WeightedIndex: all weights zero");
}

std::size_t WeightedIndex::draw(Rng& rng) const {
    const double x = rng.uniform01() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
    return std::min(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

WeightedIndex zipf(std::size_t n, double offset) {
    std::vector<double> weights(n);
    for (std::size_t k = 0; k < n; ++k) weights[k] = 1.0 / (static_cast<double>(k) + offset);
    return WeightedIndex(weights);
}

std::vector<std::size_t> sample_without_replacement(Rng& rng, std::size_t n, std::size_t k) {
    if (k > n) throw std::invalid_argument("sample_without_replacement: k > n");
    std::vector<std::size_t> pool(n);
    for (std::size_t i = 0; i < n; ++i) pool[i] = i;
    for (std::size_t i = 0; i < k; ++i) std::swap(pool[i], pool[i + rng.index(n - i)]);
    pool.resize(k);
    return pool;
}

}  // namespace talentmatch::datagen
