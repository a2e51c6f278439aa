"""The Git-native workflow: authorship guard, PR review, git access, init and scaffolding."""
