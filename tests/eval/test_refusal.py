"""The leave-documents-out refusal test: its pure rules, and the CLI end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.__main__ import main
from eval.errors import EvalError
from eval.holdout import (
    FoldedDoc,
    answer_location,
    bigram_share,
    char_bigrams,
    choose_held_out,
    fold_documents,
    gold_lookup,
    leaving_sources,
    refusal_figures,
    split_questions,
)
from eval.questions import Question, load_questions
from eval.refusal import RefusalConfig, plan_holdout

# --- a tiny corpus: four gold notices, each with a reposted copy, and one national notice ---

CITIES = {"a": "甲市", "b": "乙市", "c": "丙市", "d": "丁市"}
#: An answer that lives only in its notice (and the notice's reposted copy).
UNIQUE = {"a": "凭毕业证书到档案馆登记备案", "b": "提供三年免租的青年驿站床位",
          "c": "为博士配备科研启动经费八十万元", "d": "按季度拨付见习岗位补助"}
#: An answer that the national notice repeats word for word.
SHARED = {"a": "创业担保贷款个人最高额度为三十万元", "b": "灵活就业人员社会保险补贴不超过三年",
          "c": "失业保险稳岗返还比例提高至百分之九十", "d": "求职创业补贴一次性发放一千五百元"}


def _notice(key: str) -> str:
    city = CITIES[key]
    return "\n".join([
        f"{city}关于做好{key.upper()}类高校毕业生就业工作的通知",
        f"为做好{city}高校毕业生就业工作，结合本地实际，制定本通知。",
        f"一、{city}{UNIQUE[key]}。",
        f"二、{SHARED[key]}。",
        f"三、本通知自发布之日起施行，由{city}人力资源和社会保障局负责解释。",
        f"四、{city}各区县应当于每年年底前报送{key.upper()}类工作情况。",
        f"五、{city}各用人单位应当依法签订劳动合同，按时足额支付工资，不得拖欠。",
        f"六、{city}公共就业服务机构免费提供职业指导、职业介绍和政策咨询服务。",
    ])


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for key in CITIES:
        text = _notice(key)
        (corpus / f"{key}.txt").write_text(text, encoding="utf-8")
        (corpus / f"{key}_repost.txt").write_text(f"转载自人社局网站\n{text}", encoding="utf-8")
    national = "\n".join(["关于进一步稳定和扩大就业的全国性通知",
                          *(f"{i}、{SHARED[k]}。" for i, k in enumerate(CITIES, 1)),
                          "以上措施由各地人力资源社会保障部门会同财政部门组织实施。"])
    (corpus / "national.txt").write_text(national, encoding="utf-8")
    return corpus


def write_questions(root: Path) -> Path:
    rows = []
    for key, city in CITIES.items():
        rows.append({"id": f"{key}-unique", "question": f"{city}对毕业生有什么具体安排？",
                     "doc": f"{key}.txt", "answer": UNIQUE[key]})
        rows.append({"id": f"{key}-shared", "question": f"{city}的补贴额度是多少？",
                     "doc": key, "answer": SHARED[key]})
    path = root / "questions.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _folded(source: str, text: str) -> FoldedDoc:
    return FoldedDoc(source, text, char_bigrams(text))


# --- the "answer still in the corpus" rule ---------------------------------------------------


def test_substring_after_normalisation_counts_as_still_there() -> None:
    corpus = fold_documents({"k.txt": "硕士每月發放生活補貼2000元。"})
    assert answer_location("生活补贴 ２０００ 元", corpus) == "k.txt"


def test_half_the_bigrams_in_one_document_counts_as_still_there() -> None:
    # answer bigrams: ab bc cd de -> the document holds ab and bc, exactly half
    corpus = (_folded("k.txt", "xxabcyy"),)
    assert bigram_share(char_bigrams("abcde"), corpus[0].bigrams) == 0.5
    assert answer_location("abcde", corpus, fold=str) == "k.txt"


def test_under_half_the_bigrams_counts_as_gone() -> None:
    # five distinct bigrams, two present: 40 %
    corpus = (_folded("k.txt", "xxabcyy"),)
    assert answer_location("abcdef", corpus, fold=str) is None


def test_bigrams_spread_over_two_documents_do_not_add_up() -> None:
    # ab+bc in one document, de+ef in the other: 2 of 6 in each, 4 of 6 together
    corpus = (_folded("one.txt", "zzabczz"), _folded("two.txt", "zzdefzz"))
    assert answer_location("abcdefg", corpus, fold=str) is None


def test_an_answer_with_nothing_left_after_folding_is_never_gone() -> None:
    assert answer_location("。、！", (_folded("k.txt", "abc"),), fold=str) is not None


# --- held-out documents and their copies -----------------------------------------------------


def test_folded_copies_leave_with_their_document() -> None:
    aliases = [("a.txt", "a_copy.txt"), ("a.txt", "a_exact.txt"), ("b.txt", "b_copy.txt")]
    assert leaving_sources(["a.txt"], aliases) == ("a.txt", "a_copy.txt", "a_exact.txt")
    assert leaving_sources(["c.txt"], aliases) == ("c.txt",)


def test_a_question_citing_a_dropped_copy_points_at_the_kept_document() -> None:
    lookup = gold_lookup([("dir/a.txt", "id-a")], [("dir/a.txt", "dir/a_copy.txt")])
    assert lookup["a_copy"] == lookup["a_copy.txt"] == lookup["id-a"] == "dir/a.txt"


def test_held_out_choice_is_seeded_order_free_and_never_all() -> None:
    gold = [f"d{i}.txt" for i in range(20)]
    first = choose_held_out(gold, 0.25, seed=3)
    assert first == choose_held_out(list(reversed(gold)) * 2, 0.25, seed=3)
    assert len(first) == 5 and set(first) <= set(gold)
    assert len({choose_held_out(gold, 0.25, seed=s) for s in range(10)}) > 1
    assert len(choose_held_out(gold[:2], 0.99, seed=1)) == 1
    assert len(choose_held_out(gold[:2], 0.01, seed=1)) == 1


@pytest.mark.parametrize("share", [0.0, 1.0, -0.2, 1.5])
def test_a_holdout_outside_zero_one_is_refused(share: float) -> None:
    with pytest.raises(EvalError, match="--holdout"):
        choose_held_out(["a", "b"], share, seed=1)


def test_split_is_seeded_and_pairs_equal_numbers() -> None:
    qs = [Question(f"u{i}", "q", doc="gone", answer=f"x{i}") for i in range(3)]
    qs += [Question(f"a{i}", "q", doc="kept", answer="y") for i in range(10)]
    gold_of = {q.id: str(q.doc) for q in qs}

    def split(seed: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        s = split_questions(qs, gold_of, {"gone"}, lambda a: "k" if a == "x2" else None, seed)
        return tuple(q.id for q in s.unanswerable), tuple(q.id for q in s.answerable)

    unanswerable, answerable = split(4)
    assert unanswerable == ("u0", "u1")  # u2's answer is still elsewhere
    assert len(answerable) == 2 and all(a.startswith("a") for a in answerable)
    assert split(4) == (unanswerable, answerable)
    assert len({split(s)[1] for s in range(10)}) > 1


def test_refusal_figures_count_each_group_separately() -> None:
    f = refusal_figures([True, True, True, False], [False, False, False, False, True])
    assert f["refusal_rate"] == 0.75 and f["false_refusal_rate"] == 0.2
    assert f["n_refused_unanswerable"] == 3 and f["n_refused_answerable"] == 1
    assert f["refusal_precision"] == 0.75


def test_plan_takes_reposted_copies_out_with_their_notice(tmp_path: Path) -> None:
    from index import IndexConfig
    from ingest import ingest_corpus

    corpus, path = write_corpus(tmp_path), write_questions(tmp_path)
    config = RefusalConfig(corpus, path, holdout=0.5, seed=2, model="hash", min_questions=2)
    cfg = IndexConfig(model="hash")
    result = ingest_corpus(corpus, cfg.chunking, fold_threshold=cfg.fold_threshold)
    assert len(result.report.aliases) == 4  # every repost was folded
    plan = plan_holdout(load_questions(path), result, config)
    held_keys = {Path(s).stem[0] for s in plan.held_out}
    assert len(held_keys) == 2
    assert {Path(s).stem[0] for s in plan.leaving} == held_keys and len(plan.leaving) == 4
    assert {q.id for q in plan.split.unanswerable} == {f"{k}-unique" for k in held_keys}
    assert {q.id for q, _ in plan.split.answer_remains} == {f"{k}-shared" for k in held_keys}


# --- the command line ------------------------------------------------------------------------


def _run(tmp_path: Path, *extra: str, out: str = "out") -> tuple[int, Path]:
    corpus, questions = write_corpus(tmp_path), write_questions(tmp_path)
    argv = ["refusal", "--corpus", str(corpus), "--questions", str(questions),
            "--holdout", "0.5", "--seed", "7", "--out", str(tmp_path / out),
            "--model", "hash", "--min-questions", "2", *extra]
    return main(argv), tmp_path / out


def test_cli_end_to_end_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from index import Retriever

    code, out = _run(tmp_path, "--index-dir", str(tmp_path / "idx"))
    assert code == 0
    report = json.loads((out / "refusal.json").read_text(encoding="utf-8"))
    assert report["command"].startswith("python -m eval refusal --corpus ")
    assert report["parameters"] == {
        "corpus": str(tmp_path / "corpus"), "questions": str(tmp_path / "questions.jsonl"),
        "holdout": 0.5, "seed": 7, "model": "hash", "k": 5, "min_questions": 2,
        "bigram_share": 0.5}
    held = {Path(s).stem[0] for s in report["held_out_documents"]}
    assert len(held) == 2 and report["n_held_out_documents"] == 2
    assert {Path(s).stem[0] for s in report["removed_copies"]} == held
    records = report["records"]
    unanswerable = {r["id"] for r in records if r["group"] == "unanswerable"}
    answerable = [r for r in records if r["group"] == "answerable"]
    # the answer that lived only in a held-out notice (and its folded repost) is unanswerable;
    # the one the national notice repeats is not asked at all
    assert unanswerable == {f"{k}-unique" for k in held}
    assert {e["id"]: e["found_in"] for e in report["answer_still_in_corpus"]} == {
        f"{k}-shared": "national.txt" for k in held}
    assert len(answerable) == 2 and all(r["doc"][0] not in held for r in answerable)
    refused_u = [r["refused"] for r in records if r["group"] == "unanswerable"]
    assert report["refusal_rate"] == sum(refused_u) / 2
    assert report["false_refusal_rate"] == sum(r["refused"] for r in answerable) / 2
    assert report["n_unanswerable"] == report["n_answerable"] == 2
    assert report["n_place_not_covered_unanswerable"] == sum(
        r["place_not_covered"] for r in records if r["group"] == "unanswerable")
    assert all(not (r["refused"] and r["place_not_covered"]) for r in records)
    assert len(report["errors"]["unanswerable_answered"]) == 2 - sum(refused_u)
    for example in report["errors"]["unanswerable_answered"]:
        assert {"question", "answer", "doc"} <= example.keys() and example["answer"]
    # the held-out index really lacks the notices and their reposts
    sources = {d.source for d in Retriever.load(tmp_path / "idx").documents.values()}
    assert not sources & set(report["held_out_documents"] + report["removed_copies"])
    assert len(sources) == report["n_index_documents"] == 3
    md = (out / "refusal.md").read_text(encoding="utf-8")
    assert report["command"] in md and "Answerable but refused" in md
    stdout = capsys.readouterr().out
    assert "refused unanswerable" in stdout and report["command"] in stdout


def test_cli_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = _run(tmp_path / "one")
    second = _run(tmp_path / "two")
    a, b = (json.loads((p / "refusal.json").read_text(encoding="utf-8"))
            for _, p in (first, second))
    strip = ("command", "parameters", "seconds")  # they name the two tmp folders
    assert {k: v for k, v in a.items() if k not in strip} == {
        k: v for k, v in b.items() if k not in strip}
    assert a["records"] and a["held_out_documents"]


@pytest.mark.parametrize("holdout", ["0", "1", "1.5", "-0.1"])
def test_cli_bad_holdout(tmp_path: Path, capsys: pytest.CaptureFixture, holdout: str) -> None:
    code = main(["refusal", "--corpus", str(tmp_path), "--questions", str(tmp_path / "q"),
                 "--holdout", holdout, "--seed", "1", "--out", str(tmp_path / "o")])
    assert code == 2
    assert "--holdout must be a share between 0 and 1" in capsys.readouterr().err


def test_cli_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    questions = write_questions(tmp_path)
    base = ["refusal", "--holdout", "0.25", "--seed", "1", "--out", str(tmp_path / "o"),
            "--model", "hash"]
    assert main([*base, "--corpus", str(tmp_path / "nope"), "--questions", str(questions)]) == 2
    assert "corpus folder not found" in capsys.readouterr().err
    assert main([*base, "--corpus", str(tmp_path), "--questions", str(tmp_path / "q.jsonl")]) == 2
    assert "question file not found" in capsys.readouterr().err


def test_cli_questions_without_doc_or_answer(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    corpus = write_corpus(tmp_path)
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "1", "question": "谁？", "doc": "a"}\n'
                    '{"id": "2", "question": "何？", "answerable": false}\n', encoding="utf-8")
    code = main(["refusal", "--corpus", str(corpus), "--questions", str(path), "--holdout",
                 "0.5", "--seed", "1", "--out", str(tmp_path / "o"), "--model", "hash"])
    assert code == 2
    assert "no question has both a 'doc' and an 'answer'" in capsys.readouterr().err


def test_cli_too_few_questions_left(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, out = _run(tmp_path, "--min-questions", "3")  # only 2 answers can leave
    assert code == 2 and not out.exists()
    assert "too few questions left: 2 unanswerable" in capsys.readouterr().err
