file(REMOVE_RECURSE
  "CMakeFiles/ccad_header_c99.dir/header_c99.c.o"
  "CMakeFiles/ccad_header_c99.dir/header_c99.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/ccad_header_c99.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
