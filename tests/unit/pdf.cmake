# PDF documents (issue 6): cairo + pango rendering, PDF/A-2b with Ghostscript, checked with
# qpdf, pdffonts and pdftotext (poppler-utils). Runs gs, so it takes a second or two.
add_executable(pdf_tests ${CMAKE_CURRENT_SOURCE_DIR}/pdf_test.cpp)
target_link_libraries(pdf_tests PRIVATE samspil_pdf GTest::gtest_main)
gtest_discover_tests(pdf_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS pdf)
