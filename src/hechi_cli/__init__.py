"""hechi: Hechi's poverty-alleviation and rural-vitalization record in numbers."""

__version__ = "1.0.0"
