"""Another person's change never exposes or sets aside the file that holds a sealed rule.

eve's sealed ``avoid`` names ann and ivo's sealed ``manager`` is ann. If ann renames her
profile (or leaves and her file is removed), those entries name nobody; if ann seals a
``manager: ivo``, the reporting lines loop. A pull request cannot see either. Before,
the runs with the identity set eve's or ivo's file aside and listed it (in the CI log
and under "Left out" in the matching pull request): ann learnt who avoids her or
reports to her, and they were dropped from matching.
"""

from __future__ import annotations

import json

from tests.sealing.conftest import SealedRepo

EVE, IVO, ANN = "participants/eve.yaml", "participants/ivo.yaml", "participants/ann.yaml"


def _sealed(repo: SealedRepo) -> None:
    code, out, err = repo.run("seal")
    assert code == 0, out + err
    assert "sealed: |" in repo.text(EVE) and "avoid" not in repo.text(EVE)
    assert "sealed: |" in repo.text(IVO) and "manager" not in repo.text(IVO)


def _rename_ann(repo: SealedRepo) -> None:
    text = repo.text(ANN).replace("id: ann\n", "id: anna\n")
    (repo.root / ANN).unlink()
    (repo.root / "participants/anna.yaml").write_text(text, encoding="utf-8")


def _about(output: str, path: str) -> list[str]:
    # The fixture's profiles have no GitHub login, a warning about each that says nothing.
    return [line for line in output.splitlines() if path in line and "no-login" not in line]


def _shared_output_names_nobody(repo: SealedRepo) -> None:
    code, out, err = repo.run("validate", identity=True)
    assert code == 0, out + err
    for path in (EVE, IVO, ANN):
        assert _about(out + err, path) == []
    assert "sealed-open" not in out
    assert "--show-sealed" in out  # one warning says where to look, naming no one
    code, out, err = repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, out + err
    result = json.loads(out)
    assert result.get("left_out", []) == []
    for path in (EVE, IVO):
        assert _about(out + err, path) == []


def test_a_renamed_profile_leaves_others_sealed_avoid_and_manager_unexposed(
    sealed_repo: SealedRepo,
) -> None:
    _sealed(sealed_repo)
    _rename_ann(sealed_repo)
    _shared_output_names_nobody(sealed_repo)
    # Matching still keeps everyone it can: eve and ivo are proposed or unmatched, not dropped.
    out = sealed_repo.run("match", "spring", "--format", "json", identity=True)[1]
    people = json.dumps(json.loads(out))
    assert '"eve"' in people and '"ivo"' in people
    # A coordinator's own terminal shows each one, as a warning.
    code, out, _ = sealed_repo.run("validate", "--show-sealed", identity=True)
    assert code == 0, out
    assert EVE in out and "avoid: no participant 'ann'" in out
    assert IVO in out and "manager: no participant 'ann'" in out


def test_a_sealed_manager_closing_a_loop_sets_no_one_aside(sealed_repo: SealedRepo) -> None:
    (sealed_repo.root / ANN).write_text(sealed_repo.text(ANN) + "manager: ivo\n", "utf-8")
    _sealed(sealed_repo)
    assert "manager" not in sealed_repo.text(ANN)
    _shared_output_names_nobody(sealed_repo)
    code, out, _ = sealed_repo.run("validate", "--show-sealed", identity=True)
    assert code == 0 and "reporting lines loop: ann -> ivo -> ann" in out, out


def test_without_sealed_rules_an_unknown_id_is_still_an_error_at_its_line(
    sealed_repo: SealedRepo,
) -> None:
    # Plain text is public: a pull request's checks see it, and the author fixes it.
    (sealed_repo.root / "participants/max.yaml").write_text(
        sealed_repo.text("participants/max.yaml") + "manager: nobody-here\n", "utf-8"
    )
    code, out, _ = sealed_repo.run("validate")
    assert code == 1 and "participants/max.yaml" in out and "unknown-participant" in out, out


def test_leaving_removes_a_profile_that_others_seal_rules_about_and_exposes_no_one(
    sealed_repo: SealedRepo,
) -> None:
    _sealed(sealed_repo)
    code, out, err = sealed_repo.run("leave", "ann", "--date", "2026-11-01")
    assert code == 0, out + err
    assert f"removed {ANN}" in out and f"wrote {ANN}" not in out
    assert not (sealed_repo.root / ANN).exists()
    _shared_output_names_nobody(sealed_repo)
