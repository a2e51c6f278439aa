"""The one edge where mentorkit writes files."""
