# The web shell (issue 7): templates and locale checked statically; form parsing, the DKFDS
# error pattern, error pages and hashed asset names through the real templates.
add_test(NAME templates_check COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/templates_check.py ${CMAKE_SOURCE_DIR})

add_executable(shell_tests ${CMAKE_CURRENT_SOURCE_DIR}/shell_forms_test.cpp ${CMAKE_CURRENT_SOURCE_DIR}/shell_pages_test.cpp)
target_link_libraries(shell_tests PRIVATE samspil_web GTest::gtest_main)
target_compile_definitions(shell_tests PRIVATE SAMSPIL_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
gtest_discover_tests(shell_tests DISCOVERY_TIMEOUT 60)
