#include "mpi/mpi_channel.hpp"

#include <mpi.h>

#include <algorithm>

namespace talentmatch::mpi {
namespace {
constexpr int kLengthTag = 1;
constexpr int kPieceTag = 2;
}  // namespace

Channel::Channel() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

bool Channel::agree(bool ok) {
    int mine = ok ? 1 : 0;
    int all = 0;
    MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    return all == 1;
}

std::string Channel::broadcast(const std::string& text) {
    std::uint64_t length = text.size();
    MPI_Bcast(&length, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
    std::string out = rank_ == 0 ? text : std::string(length, '\0');
    // Texts here are dates and hashes: far below one piece.
    MPI_Bcast(out.data(), static_cast<int>(length), MPI_CHAR, 0, MPI_COMM_WORLD);
    return out;
}

void Channel::send(int to, std::span<const std::byte> bytes) {
    std::uint64_t length = bytes.size();
    MPI_Send(&length, 1, MPI_UINT64_T, to, kLengthTag, MPI_COMM_WORLD);
    for (std::size_t at = 0; at < bytes.size(); at += kMaxPiece) {
        const std::size_t n = std::min(kMaxPiece, bytes.size() - at);
        MPI_Send(bytes.data() + at, static_cast<int>(n), MPI_BYTE, to, kPieceTag, MPI_COMM_WORLD);
        largest_message_ = std::max<std::uint64_t>(largest_message_, n);
    }
    bytes_sent_ += length + sizeof length;
}

std::vector<std::byte> Channel::receive(int from) {
    std::uint64_t length = 0;
    MPI_Recv(&length, 1, MPI_UINT64_T, from, kLengthTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::vector<std::byte> bytes(length);
    for (std::size_t at = 0; at < bytes.size(); at += kMaxPiece) {
        const std::size_t n = std::min(kMaxPiece, bytes.size() - at);
        MPI_Recv(bytes.data() + at, static_cast<int>(n), MPI_BYTE, from, kPieceTag, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        largest_message_ = std::max<std::uint64_t>(largest_message_, n);
    }
    bytes_received_ += length + sizeof length;
    return bytes;
}

}  // namespace talentmatch::mpi
