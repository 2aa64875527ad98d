"""Reports: PDF rendering and the documents built for the board."""
