"""`hechi chart ID`: a publishable chart of a series, a target or a streak, as SVG (and PNG).

Imported only by `hechi chart`: no other command pays for it (a test checks sys.modules).
facts.py gathers what the chart shows from the dataset; svg.py draws it in the reader's
language; png.py rasterises the SVG with the font shipped beside it.
"""
