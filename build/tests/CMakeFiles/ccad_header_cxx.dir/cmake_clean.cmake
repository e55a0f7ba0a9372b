file(REMOVE_RECURSE
  "CMakeFiles/ccad_header_cxx.dir/header_cxx.cpp.o"
  "CMakeFiles/ccad_header_cxx.dir/header_cxx.cpp.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/ccad_header_cxx.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
