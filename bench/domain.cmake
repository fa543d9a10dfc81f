# Domain benchmarks (issue 3): slot finding against the cost of sorting the busy intervals,
# and loading + validating the preset models. Results: bench/RESULTS.md.
add_executable(bench_slots ${CMAKE_CURRENT_SOURCE_DIR}/bench_slots.cpp)
target_link_libraries(bench_slots PRIVATE samspil_domain benchmark::benchmark)

add_executable(bench_models ${CMAKE_CURRENT_SOURCE_DIR}/bench_models.cpp)
target_link_libraries(bench_models PRIVATE samspil_domain benchmark::benchmark)
target_compile_definitions(bench_models PRIVATE SAMSPIL_MODELS_DIR="${CMAKE_CURRENT_SOURCE_DIR}/../models")

# Convening through the service on SQLite (issue 6): slot finding for 10 people with real
# busy lists from the database, and convening with invitations. Both read the checkout through
# app::data_dir() (SAMSPIL_DATA_DIR, else the source tree).
add_executable(bench_convene ${CMAKE_CURRENT_SOURCE_DIR}/bench_convene.cpp)
target_link_libraries(bench_convene PRIVATE samspil_app benchmark::benchmark)

# "Mit overblik" in process (issue 7): GET / through the served router, the overview
# service alone; bench/http.sh measures the same page over HTTP against nginx.
add_executable(bench_overview ${CMAKE_CURRENT_SOURCE_DIR}/bench_overview.cpp)
target_link_libraries(bench_overview PRIVATE samspil_app benchmark::benchmark)
