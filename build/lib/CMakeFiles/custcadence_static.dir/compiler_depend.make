# Empty compiler generated dependencies file for custcadence_static.
# This may be replaced when dependencies are built.
