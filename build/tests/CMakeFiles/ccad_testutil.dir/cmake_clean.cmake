file(REMOVE_RECURSE
  "CMakeFiles/ccad_testutil.dir/testutil.c.o"
  "CMakeFiles/ccad_testutil.dir/testutil.c.o.d"
  "libccad_testutil.a"
  "libccad_testutil.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/ccad_testutil.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
