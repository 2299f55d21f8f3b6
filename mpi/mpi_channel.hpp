#pragma once
// The few MPI operations the distributed batch uses, over MPI_COMM_WORLD.
// Every call is collective or point-to-point as named; a caller reaches each
// collective on every rank in the same order (distributed_batch.hpp keeps
// that order). Byte messages are cut into pieces of at most kMaxPiece bytes,
// so no MPI count comes near 2^31. Counters record what this rank moved.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace talentmatch::mpi {

class Channel {
  public:
    static constexpr std::size_t kMaxPiece = std::size_t(1) << 30;

    Channel();  // MPI must be initialised
    int rank() const { return rank_; }
    int size() const { return size_; }

    // Collective: true when every rank passed true (MPI_Allreduce, MIN).
    bool agree(bool ok);
    // Collective: rank 0's text on every rank.
    std::string broadcast(const std::string& text);
    // Point-to-point, tagged: a length, then the bytes in pieces.
    void send(int to, std::span<const std::byte> bytes);
    std::vector<std::byte> receive(int from);

    std::uint64_t bytes_sent() const { return bytes_sent_; }
    std::uint64_t bytes_received() const { return bytes_received_; }
    std::uint64_t largest_message() const { return largest_message_; }

  private:
    int rank_ = 0;
    int size_ = 1;
    std::uint64_t bytes_sent_ = 0;
    std::uint64_t bytes_received_ = 0;
    std::uint64_t largest_message_ = 0;
};

}  // namespace talentmatch::mpi
