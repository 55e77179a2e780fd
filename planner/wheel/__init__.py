"""The årshjul: a year of meetings, deadlines, holidays and chairs as one printable wheel.

geometry (pure angles, lanes, labels) → layout → svg (one drawing) → export (PNG/PDF via cairo);
collect reads the reviewed schedule into the plain data the drawing needs; nextyear proposes
next year's wheel for review.
"""
