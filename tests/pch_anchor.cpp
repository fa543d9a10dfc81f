// The translation unit that owns the test executables' shared precompiled header
// (tests/CMakeLists.txt, SAMSPIL_PCH); it has no code of its own.
