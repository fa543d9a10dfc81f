# Log-in (issue 4): TOTP with the RFC 6238 vectors, the lock-out rule, MIME messages.
add_executable(identity_unit_tests ${CMAKE_CURRENT_SOURCE_DIR}/totp_test.cpp
                                   ${CMAKE_CURRENT_SOURCE_DIR}/login_throttle_test.cpp
                                   ${CMAKE_CURRENT_SOURCE_DIR}/mail_message_test.cpp)
target_link_libraries(identity_unit_tests PRIVATE samspil_crypto samspil_service GTest::gtest_main)
gtest_discover_tests(identity_unit_tests DISCOVERY_TIMEOUT 60)
