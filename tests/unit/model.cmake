# Model loader, validator, presets, rule ids, preconditions and transitions (owner: model).
add_executable(model_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/model_presets_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_errors_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_preconditions_test.cpp)
target_link_libraries(model_tests PRIVATE samspil_domain GTest::gtest_main)
target_compile_definitions(model_tests PRIVATE SAMSPIL_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
gtest_discover_tests(model_tests DISCOVERY_TIMEOUT 60)

# `samspil model check` end to end: presets exit 0, a broken fixture exits 1 with FILE:LINE:COL.
if(TARGET samspil)
  add_test(NAME model_check_cli
    COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/model_cli_check.py $<TARGET_FILE:samspil> ${CMAKE_SOURCE_DIR})
endif()
