# The collaboration model: loader, validator, preconditions and transitions (owner: model).
target_sources(samspil_domain PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/model.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_reader.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_parse_parts.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_parse_meetings.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_parse_case.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/preconditions.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/request_form.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model_parse_request_form.cpp)
