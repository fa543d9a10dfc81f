# Documents (issue 6): PDF rendering against the Ghostscript PDF/A conversion, and
# iCalendar invitations and busy-time import. Results: bench/RESULTS.md.
add_executable(bench_pdf ${CMAKE_CURRENT_SOURCE_DIR}/bench_pdf.cpp)
target_link_libraries(bench_pdf PRIVATE samspil_pdf benchmark::benchmark)

add_executable(bench_ical ${CMAKE_CURRENT_SOURCE_DIR}/bench_ical.cpp)
target_link_libraries(bench_ical PRIVATE samspil_calendar benchmark::benchmark)
