"""Shared fixtures for index tests: a tiny corpus and a hash-embedder index."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import IndexConfig, build_index
from ingest import ChunkingConfig

DOCS: dict[str, str] = {
    "qingdao_housing.txt": (
        "青岛市崂山区人才公寓申请办法\n"
        "一、申请条件\n"
        "在崂山区工作的全日制硕士研究生及以上学历人才，可申请入住人才公寓，租金按市场价的百分之五十收取。\n"
        "二、办理流程\n"
        "申请人通过区人才服务中心网上平台提交材料，审核通过后五个工作日内安排入住。\n"
    ),
    "social_insurance.txt": (
        "关于发放社会保险补贴的通知\n"
        "一、补贴对象\n"
        "招用高校毕业生并为其缴纳社会保险的小微企业，可按规定申请社会保险补贴。\n"
        "二、补贴标准\n"
        "补贴标准为企业实际缴纳的基本养老保险、基本医疗保险和失业保险费，期限最长不超过一年。\n"
    ),
    "fund_loans.txt": (
        "住房公积金贷款管理办法\n"
        "第一条 缴存职工购买首套自住住房，可以申请住房公积金贷款，最高额度为六十万元。\n"
        "第二条 贷款期限最长不超过三十年，且不超过法定退休年龄后五年。\n"
    ),
    "taipei_startup.txt": (
        "臺北市青年創業補助要點\n"
        "一、補助對象\n"
        "設立登記未滿三年之青年創業企業，負責人年齡在四十五歲以下者，得申請創業補助。\n"
        "二、補助金額\n"
        "每案補助金額最高新臺幣一百萬元，分兩期撥付。\n"
    ),
}

SMALL_CHUNKS = ChunkingConfig(chunk_size=80, chunk_overlap=10)


def write_corpus(directory: Path, docs: dict[str, str] = DOCS) -> Path:
    """Write ``docs`` as UTF-8 text files into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A fresh copy of the tiny corpus."""
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def hash_config() -> IndexConfig:
    """Build settings with the deterministic stand-in embedder."""
    return IndexConfig(model="hash", chunking=SMALL_CHUNKS)


@pytest.fixture
def built_index(tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig) -> Path:
    """An index directory holding one generation of the tiny corpus."""
    index_dir = tmp_path / "idx"
    build_index(corpus_dir, index_dir, hash_config)
    return index_dir
