"""Program lifecycle and insight: metrics, health, rematches, reflection, recognition, calendars.

Every module here is pure: it takes a built ``Program`` (and a ``today`` where time
matters) and returns values. Commands in ``mentorkit.cli`` read and write the files.
"""
