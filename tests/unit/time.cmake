# Calendar, Danish working days, deadlines and slot finding (issue 3): pure domain tests.
add_executable(time_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/time_calendar_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time_working_days_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time_deadlines_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time_slots_test.cpp)
target_link_libraries(time_tests PRIVATE samspil_domain GTest::gtest_main)
gtest_discover_tests(time_tests DISCOVERY_TIMEOUT 60)

# The CLI commands through the real binary, against the preset models.
if(TARGET samspil)
  add_test(NAME time_cli
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/time_cli_check.py $<TARGET_FILE:samspil>
                   ${CMAKE_SOURCE_DIR}/models)
endif()
