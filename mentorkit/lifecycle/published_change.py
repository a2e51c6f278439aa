"""The published figures before and after a change, as the pull-request review shows them.

The review puts the figures the site shows now beside the ones it will show after the
change, and its reader also knows which people the change adds, removes or edits (the
diff). Each side disclosed on its own is not enough: anyone can open a pull request that
adds a few made-up people to a cohort, and the "after" figures, compared with what they
added, would give back a figure the site withholds today (the number matched, once the
unmatched rest reaches the threshold). So the "after" figures are disclosed by the one
rule of ``lifecycle.disclosure`` *beside* the site's: the figures the site shows count as
known, and so does what the diff tells (who joins or leaves each counted group: the
change's own people are no secret to its reader); the figures the site withholds must
stay withheld; an "after" figure is shown only when both this and the site's own
disclosure after the change allow it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Hashable, Sequence

from mentorkit.lifecycle.disclosure import Count, Spec, derivable, disclose
from mentorkit.lifecycle.published import PublishedMetrics, published_with_specs
from mentorkit.lifecycle.typed_figures import COHORT_FIGURES, Figures, cohort_figure_key
from mentorkit.model.program import Program

_SITE = "site-now:"  # the site's figures, apart from the change's own keys


def publish_change(
    base: Program, head: Program, today: dt.date, cohorts: Sequence[str]
) -> tuple[PublishedMetrics, PublishedMetrics]:
    """The figures as the site shows them now, and as the review may show those of
    ``cohorts`` after the change (its other figures are as ``publish`` gives them: the
    review shows only these).

    Each side is computed once; the cohorts' "after" figures are then disclosed again
    beside the site's private figures (public ones are shown whatever the change does).
    Vetting only what the review shows keeps this cheap: all of a 5,000-person program's
    figures at once took 7 s, these take hundredths of a second.
    """
    before, base_specs = published_with_specs(base, today)
    after, head_specs = published_with_specs(head, today)
    wanted = {cohort_figure_key(c, name) for c in cohorts for name in COHORT_FIGURES}
    shown = [s for s in head_specs if s.key in wanted and after.figures[s.key].shown]
    private = [s for s in base_specs if not s.public]
    known = [_site(s) for s in private if before.figures[s.key].shown]
    known += _moved(private, shown)
    withheld = [_site(s) for s in private if before.figures[s.key].withheld]
    beside = disclose(shown, after.min_group, known=known, withheld_elsewhere=withheld)
    held = [s for s in shown if not beside[s.key].shown]
    # Withholding a figure the site and the diff tell already would hide nothing.
    told = {s.key for s, found in zip(held, derivable(held, known), strict=True) if found}
    figures = dict(after.figures.figures)
    figures.update({s.key: beside[s.key] for s in held if s.key not in told})
    return before, dataclasses.replace(after, figures=Figures(figures))


def _sets(spec: Spec) -> tuple[frozenset[Hashable], ...]:
    return (spec.units,) if isinstance(spec, Count) else (spec.part, spec.whole)


def _moved(base: list[Spec], head: list[Spec]) -> list[Spec]:
    """Who joins and who leaves each group the site counts: the diff shows them."""
    before = {s.key: _sets(s) for s in base}
    moved: list[Spec] = []
    for spec in head:
        old = before.get(spec.key) or tuple(frozenset() for _ in _sets(spec))
        for i, (new, was) in enumerate(zip(_sets(spec), old, strict=True)):
            for sign, units in (("+", new - was), ("-", was - new)):
                if units:
                    moved.append(Count(f"{_SITE}moved{sign}{i}:{spec.key}", units))
    return moved


def _site(spec: Spec) -> Spec:
    return dataclasses.replace(spec, key=_SITE + spec.key)
