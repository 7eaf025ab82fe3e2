"""The screens: reading one article, and the library of articles."""
