"""sq-layout: Suqian 14th Five-Year industrial layout as data, geometry and maps."""

__version__ = "0.1.0"
