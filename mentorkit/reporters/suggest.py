"""Format ``suggest`` results as text or JSON."""

from __future__ import annotations

from mentorkit.matching.suggest import Suggestions
from mentorkit.reporters import json_text

FORMATS = ("text", "json")


def as_text(result: Suggestions) -> str:
    head = f"Best {result.role} for {result.person} in {result.cohort}"
    if not result.items:
        return f"{head}: none of the {result.considered} {result.role} may be paired with you under the cohort's rules.\n"
    lines = [f"{head} (score as a percentage; hard rules applied):", ""]
    for rank, item in enumerate(result.items, start=1):
        lines.append(f"{rank:>2}. {item.id} ({item.name}): {round(100 * item.score)}%")
        lines.extend(f"      - {reason}" for reason in item.reasons)
    lines += ["", "Add the ids you want, most wanted first, under `preferences:` (up to 5)."]
    return "\n".join(lines) + "\n"


def as_json(result: Suggestions) -> str:
    payload = {
        "person": result.person,
        "cohort": result.cohort,
        "role": result.role,
        "suggestions": [
            {
                "id": s.id,
                "name": s.name,
                "score": s.score,
                "percent": round(100 * s.score),
                "reasons": list(s.reasons),
            }
            for s in result.items
        ],
    }
    return json_text(payload)


def render(result: Suggestions, fmt: str) -> str:
    return as_json(result) if fmt == "json" else as_text(result)
