# talentmatch_use_jemalloc(TARGET): TARGET allocates with jemalloc, with the
# options of cli/jemalloc_options.cpp (transparent huge pages, freed large
# blocks reused), for every binary that holds a snapshot: talentmatch (serve,
# batch), talentmatch-mpi and the matcher benchmark, so a benchmark measures
# the allocator the product runs on. scripts/setup.sh installs
# libjemalloc-dev. Not with the sanitizers, which bring their own malloc;
# without jemalloc, TARGET keeps the C library's malloc.
#
# Why jemalloc at all: under glibc malloc the HTTP API's per-request
# allocations (JSON documents, strings) across 32 worker threads cost ~18% of
# a light GET; jemalloc's per-thread caches made GET /v1/jobs/{id} ~1.2x
# faster (api_bench, same run).
function(talentmatch_use_jemalloc target)
  if(TALENTMATCH_SANITIZE)
    return()
  endif()
  find_library(TALENTMATCH_JEMALLOC NAMES jemalloc)
  if(TALENTMATCH_JEMALLOC)
    target_link_libraries(${target} PRIVATE -Wl,--push-state,--no-as-needed ${TALENTMATCH_JEMALLOC} -Wl,--pop-state)
    target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cli/jemalloc_options.cpp)
  else()
    message(STATUS "jemalloc not found: ${target} uses the C library's malloc")
  endif()
endfunction()
