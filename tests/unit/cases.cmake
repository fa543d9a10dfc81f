# Children and cases, pure rules: CPR numbers and consent evaluation (owner: cases).
add_executable(cases_domain_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/cases_cpr_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cases_consent_test.cpp)
target_link_libraries(cases_domain_tests PRIVATE samspil_domain GTest::gtest_main)
gtest_discover_tests(cases_domain_tests DISCOVERY_TIMEOUT 60)
