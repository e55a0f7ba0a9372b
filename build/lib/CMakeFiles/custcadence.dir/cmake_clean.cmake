file(REMOVE_RECURSE
  "CMakeFiles/custcadence.dir/assess.c.o"
  "CMakeFiles/custcadence.dir/assess.c.o.d"
  "CMakeFiles/custcadence.dir/book.c.o"
  "CMakeFiles/custcadence.dir/book.c.o.d"
  "CMakeFiles/custcadence.dir/ctx.c.o"
  "CMakeFiles/custcadence.dir/ctx.c.o.d"
  "CMakeFiles/custcadence.dir/date.c.o"
  "CMakeFiles/custcadence.dir/date.c.o.d"
  "CMakeFiles/custcadence.dir/grade.c.o"
  "CMakeFiles/custcadence.dir/grade.c.o.d"
  "CMakeFiles/custcadence.dir/names.c.o"
  "CMakeFiles/custcadence.dir/names.c.o.d"
  "CMakeFiles/custcadence.dir/rules.c.o"
  "CMakeFiles/custcadence.dir/rules.c.o.d"
  "libcustcadence.pdb"
  "libcustcadence.so"
  "libcustcadence.so.0"
  "libcustcadence.so.0.1.0"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/custcadence.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
