"""Folding republished copies: the pure matcher, the pipeline and the real NCP corpus."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ingest import ingest_corpus
from ingest.dedup import MIN_SHINGLES, near_duplicates, shingles
from tests.paths import NCP_CORPUS, SAMPLE_CORPUS, needs_ncp


def _notice(seed: int, n: int = 40) -> str:
    rng = random.Random(seed)
    return "".join(
        f"第{i}条 {rng.choice('省市区县')}对{rng.choice(['企业', '人才', '毕业生'])}"
        f"发放补贴{rng.randint(100, 99999)}元。"
        for i in range(1, n)
    )


BASE = _notice(1)


def test_a_repost_with_a_short_lead_is_folded_into_the_longer_copy() -> None:
    repost = "来源：某市税务局网站 " + BASE
    assert near_duplicates({"a.txt": BASE, "b.txt": repost}) == {"a.txt": "b.txt"}


def test_the_result_does_not_depend_on_input_order() -> None:
    texts = {
        "x.txt": BASE, "y.txt": "转载 " + BASE, "z.txt": BASE + " 附：联系电话", "o.txt": _notice(2)
    }
    reordered = dict(reversed(list(texts.items())))
    assert near_duplicates(texts) == near_duplicates(reordered)
    folded = near_duplicates(texts)
    assert "o.txt" not in folded and len(folded) == 2
    (kept,) = set(folded.values())
    assert kept not in folded


def test_a_short_notice_quoted_inside_a_compilation_is_kept() -> None:
    compilation = BASE + _notice(3) + _notice(4)
    assert near_duplicates({"short.txt": BASE, "all.txt": compilation}) == {}


def test_different_notices_with_shared_boilerplate_are_kept() -> None:
    boiler = "为深入贯彻落实党中央、国务院决策部署，做好疫情防控期间稳就业工作，现通知如下。"
    a, b = boiler + _notice(5), boiler + _notice(6)
    assert near_duplicates({"a.txt": a, "b.txt": b}, threshold=0.5) == {}


def test_tiny_documents_are_never_folded() -> None:
    tiny = "补贴标准为每人每月一千元。"
    assert len(shingles(tiny)) < MIN_SHINGLES
    assert near_duplicates({"a.txt": tiny, "b.txt": tiny + "。"}) == {}


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError, match="threshold"):
        near_duplicates({"a.txt": BASE}, threshold=0)


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_pipeline_folds_copies_and_resolves_exact_copies_of_folded_files(tmp_path: Path) -> None:
    corpus = _write(tmp_path, {
        "a.txt": "关于发放补贴的通知\n" + BASE,
        "a_mirror.txt": "关于发放补贴的通知\n" + BASE,  # byte-identical to a.txt
        "b.txt": "关于发放补贴的通知\n（转载自市人社局）\n" + BASE,
        "other.txt": "另一份通知\n" + _notice(7),
    })
    result = ingest_corpus(corpus)
    sources = sorted(d.source for d in result.documents)
    assert sources == ["b.txt", "other.txt"]
    assert result.report.duplicates == [("a.txt", "a_mirror.txt")]
    assert result.report.near_duplicates == [("b.txt", "a.txt")]
    assert sorted(result.report.aliases) == [("b.txt", "a.txt"), ("b.txt", "a_mirror.txt")]
    assert {c.source for c in result.chunks} == {"b.txt", "other.txt"}
    assert "folded a.txt (a near-identical copy of b.txt)" in result.report.summary()


def test_pipeline_keeps_every_copy_when_folding_is_off(tmp_path: Path) -> None:
    corpus = _write(tmp_path, {"a.txt": BASE, "b.txt": "转载 " + BASE})
    assert len(ingest_corpus(corpus, fold_threshold=None).documents) == 2


def test_a_file_described_in_the_manifest_is_never_folded(tmp_path: Path) -> None:
    corpus = _write(tmp_path, {"a.txt": BASE, "b.txt": "转载 " + BASE})
    (corpus / "manifest.csv").write_text(
        "file,url\na.txt,https://example.gov.cn/a\n", encoding="utf-8"
    )
    assert len(ingest_corpus(corpus).documents) == 2


def test_the_sample_corpus_has_no_copies() -> None:
    assert ingest_corpus(SAMPLE_CORPUS).report.near_duplicates == []


@needs_ncp
def test_ncp_copies_keep_every_reference_answer() -> None:
    """Every dev answer whose document was folded is still inside the kept document."""
    import json

    result = ingest_corpus(NCP_CORPUS)
    kept_text = {Path(d.source).stem: "".join(d.text.split()) for d in result.documents}
    alias = {Path(dropped).stem: Path(kept).stem for kept, dropped in result.report.aliases}
    assert len(result.report.near_duplicates) >= 20
    questions = NCP_CORPUS.parent / "dev_questions.jsonl"
    checked = 0
    for line in questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if q["doc"] in alias:
            checked += 1
            assert "".join(q["answer"].split()) in kept_text[alias[q["doc"]]], q["question"]
    assert checked >= 15


def _brute_force(texts: dict[str, str], threshold: float) -> dict[str, str]:
    """Reference: compare every document with every kept one on full n-gram sets."""
    grams = {n: shingles(t) for n, t in texts.items()}
    kept: list[str] = []
    folded: dict[str, str] = {}
    for name in sorted(grams, key=lambda n: (-len(grams[n]), n)):
        best = None
        if len(grams[name]) >= MIN_SHINGLES:
            for other in kept:
                common = len(grams[name] & grams[other])
                ok = min(common / len(grams[name]), common / len(grams[other])) >= threshold
                if ok and (best is None or (common, other) > best):
                    best = (common, other)
        if best:
            folded[name] = best[1]
        else:
            kept.append(name)
    return folded


@pytest.mark.parametrize("seed", range(5))
def test_sketch_candidates_find_what_the_brute_force_finds(seed: int) -> None:
    rng = random.Random(seed)
    boiler = _notice(100 + seed, 15)
    texts: dict[str, str] = {}
    for i in range(40):
        body = boiler + _notice(seed * 1000 + i) if rng.random() < 0.5 else _notice(seed * 1000 + i)
        texts[f"d{i}.txt"] = body
        for j in range(rng.randint(0, 2)):  # reposts with leads or tails of varying length
            lead = _notice(rng.randrange(10**6))[: rng.randint(0, 300)]
            tail = _notice(rng.randrange(10**6))[: rng.randint(0, 300)]
            texts[f"d{i}_copy{j}.txt"] = lead + body + tail
    sizes = []
    for threshold in (0.95, 0.8, 0.6):
        folded = near_duplicates(texts, threshold)
        assert folded == _brute_force(texts, threshold)
        sizes.append(len(folded))
    assert 0 < sizes[0] < sizes[-1]  # the cases are not trivial either way


@pytest.mark.slow
@needs_ncp
def test_sketch_matches_brute_force_on_ncp() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(NCP_CORPUS.glob("*.txt"))}
    assert near_duplicates(texts) == _brute_force(texts, 0.95)
