// talentmatch-mpi: the nightly batch over MPI ranks (distributed_batch.hpp).
//   mpirun -np N build/talentmatch-mpi batch --db FILE --out DIR [batch options]
// The same options, output and exit codes as `talentmatch batch`
// (cli/cmd_batch.cpp); rank 0 prints the progress and the summary. A
// separate binary so that `talentmatch` neither links nor loads Open MPI:
// the server and every other command run where MPI is not installed.
#include <mpi.h>

#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "mpi/distributed_batch.hpp"

int main(int argc, char** argv) {
    using namespace talentmatch::cli;
    MPI_Init(&argc, &argv);
    int exit_code = kExitOk;
    {
        talentmatch::mpi::Channel channel;
        talentmatch::mpi::DistributedBatch job(channel);
        CLI::App app{"talentmatch-mpi: the nightly batch over MPI ranks (run it with mpirun)"};
        app.require_subcommand(1);
        app.set_version_flag("--version", "talentmatch-mpi 0.1.0");
        add_batch_command(app, exit_code,
                          [&job](const talentmatch::batch::BatchOptions& o,
                                 const talentmatch::batch::ProgressCallback& progress) {
                              return job.run(o, progress);
                          });
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            const int code = channel.rank() == 0 ? app.exit(e) : (e.get_exit_code() != 0);
            exit_code = code == 0 ? kExitOk : kExitUsage;
        } catch (const std::exception& e) {
            std::cerr << "talentmatch-mpi: error: " << e.what() << "\n";
            exit_code = kExitFailure;
        }
        // A rank that stopped before the job started tells the others.
        job.abandon_if_not_started();
        if (job.must_abort()) MPI_Abort(MPI_COMM_WORLD, exit_code == kExitOk ? 1 : exit_code);
    }
    MPI_Finalize();
    return exit_code;
}
