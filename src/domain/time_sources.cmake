# Calendar (Copenhagen time), Danish working days, deadlines and slot finding (issue 3).
target_sources(samspil_domain PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/calendar.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/working_days.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/deadlines.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/slots.cpp)
