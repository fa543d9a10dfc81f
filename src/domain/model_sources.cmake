target_sources(samspil_domain PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/model.cpp)
