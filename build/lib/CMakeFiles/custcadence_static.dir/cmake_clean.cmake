file(REMOVE_RECURSE
  "CMakeFiles/custcadence_static.dir/assess.c.o"
  "CMakeFiles/custcadence_static.dir/assess.c.o.d"
  "CMakeFiles/custcadence_static.dir/book.c.o"
  "CMakeFiles/custcadence_static.dir/book.c.o.d"
  "CMakeFiles/custcadence_static.dir/ctx.c.o"
  "CMakeFiles/custcadence_static.dir/ctx.c.o.d"
  "CMakeFiles/custcadence_static.dir/date.c.o"
  "CMakeFiles/custcadence_static.dir/date.c.o.d"
  "CMakeFiles/custcadence_static.dir/grade.c.o"
  "CMakeFiles/custcadence_static.dir/grade.c.o.d"
  "CMakeFiles/custcadence_static.dir/names.c.o"
  "CMakeFiles/custcadence_static.dir/names.c.o.d"
  "CMakeFiles/custcadence_static.dir/rules.c.o"
  "CMakeFiles/custcadence_static.dir/rules.c.o.d"
  "libcustcadence.a"
  "libcustcadence.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/custcadence_static.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
