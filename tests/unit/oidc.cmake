# OpenID Connect relying party (issue 4): ID-token verification with local RSA/EC keys,
# JWKS parsing and rotation, discovery and the code exchange with an injected fetcher.
add_executable(oidc_tests ${CMAKE_CURRENT_SOURCE_DIR}/oidc_test.cpp)
target_link_libraries(oidc_tests PRIVATE samspil_oidc GTest::gtest_main)
gtest_discover_tests(oidc_tests DISCOVERY_TIMEOUT 60)
