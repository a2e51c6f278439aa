"""The thank-you page names mentors in alphabetical order, never in an order that ranks
them by how many people each mentored (a count the page leaves out on purpose)."""

from __future__ import annotations

import datetime as dt
import re

from mentorkit.lifecycle.published import public_program
from mentorkit.lifecycle.recognition import mentor_contributions
from mentorkit.loading.templates import page_templates
from mentorkit.site.generate import generate_docs
from mentorkit.validation import validate_program
from tests.conftest import DEMO_IDENTITY, REPO_ROOT


def test_the_thank_you_page_orders_mentors_by_name() -> None:
    result = validate_program(REPO_ROOT, identity=DEMO_IDENTITY.read_text(encoding="utf-8"))
    assert result.program is not None
    docs = generate_docs(result.program, dt.date(2026, 11, 24), templates=page_templates())
    page = docs["community/thanks.md"]
    assert isinstance(page, str)
    names = re.findall(r'class="mk-card-name"><a [^>]*><strong>([^<]*)</strong>', page)
    assert len(names) > 5 and names == sorted(names, key=str.casefold)
    # The example has mentors of one, two and three people: by count the order differs.
    by_count = mentor_contributions(public_program(result.program), public_only=True)
    assert len({r.people_mentored for r in by_count}) > 1
    assert "people mentored" not in page
