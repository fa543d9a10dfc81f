# iCalendar (issue 6): invitations with VTIMEZONE, cancellations, feeds, busy times (libical).
add_executable(calendar_tests ${CMAKE_CURRENT_SOURCE_DIR}/calendar_write_test.cpp
                              ${CMAKE_CURRENT_SOURCE_DIR}/calendar_read_test.cpp)
target_link_libraries(calendar_tests PRIVATE samspil_calendar GTest::gtest_main)
gtest_discover_tests(calendar_tests DISCOVERY_TIMEOUT 60)

# `samspil calendar parse` through the real binary.
if(TARGET samspil)
  add_test(NAME calendar_cli
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/calendar_cli_check.py $<TARGET_FILE:samspil>)
endif()
