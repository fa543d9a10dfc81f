# Children and cases: CPR validation and consent evaluation (owner: cases).
target_sources(samspil_domain PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/cpr.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/consent.cpp)
