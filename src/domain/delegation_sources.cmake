# R4.5 role delegation (owner: meetings/dates).
target_sources(samspil_domain PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/delegation.cpp)
