"""Which fields are private, per kind of document: the one home for that list."""

from __future__ import annotations

SEALED_KEY = "sealed"

# Private fields per kind. A participant's manager joins them when the program sets
# privacy.seal_manager (a manager is often public in an org chart, so it is a choice).
PRIVATE_FIELDS: dict[str, tuple[str, ...]] = {
    "participant": ("email", "avoid"),
    "agreement": ("goals", "boundaries", "notes"),
    "checkin": ("health", "note"),
}
OPTIONAL_PRIVATE = {"participant": ("manager",)}
SEALABLE_KINDS = tuple(PRIVATE_FIELDS)


def private_fields(kind: str, *, seal_manager: bool = False) -> tuple[str, ...]:
    """The fields of ``kind`` that belong in its sealed value."""
    fields = PRIVATE_FIELDS.get(kind, ())
    if seal_manager:
        fields = (*fields, *OPTIONAL_PRIVATE.get(kind, ()))
    return fields


def sealable_fields(kind: str) -> tuple[str, ...]:
    """Every field that may be found inside a sealed value of ``kind``."""
    return (*PRIVATE_FIELDS.get(kind, ()), *OPTIONAL_PRIVATE.get(kind, ()))
