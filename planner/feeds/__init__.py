"""iCal out (feeds people subscribe to) and iCal in (importing other calendars).

Pure builders: events in, bytes out; no Flask here. The web and CLI layers pick the events.
"""
