"""Print maps and the atlas, drawn with matplotlib."""
