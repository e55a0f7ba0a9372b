# Empty compiler generated dependencies file for ccad_testutil.
# This may be replaced when dependencies are built.
