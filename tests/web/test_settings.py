"""Settings: defaults < TOML file < POLICYQA_* environment < command-line flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.web.settings import (
    DEMO_CORPUS,
    Settings,
    SettingsError,
    default_index_dir,
    load_settings,
    parse_rate_limit,
    require_corpus,
)


def test_defaults_serve_the_demo_corpus_shipped_in_the_repository() -> None:
    s = load_settings([], env={})
    assert (s.host, s.port, s.corpus) == ("127.0.0.1", 7860, DEMO_CORPUS)
    assert sorted(p.name for p in DEMO_CORPUS.iterdir())[0] == "000_c3ac65ff99bcbf4c.txt"
    assert s.index_dir == default_index_dir(DEMO_CORPUS) and s.examples == ()
    assert s.allowed_origins == () and s.rate_limit_per_min == 30 and not s.llm_enabled


def test_flags_beat_env_which_beats_the_file(tmp_path: Path) -> None:
    file = tmp_path / "policyqa.toml"
    file.write_text(
        'corpus = "/from/file"\nport = 9000\nrate_limit = "5/min"\n'
        'allowed_origins = ["https://a.example"]\nhost = "0.0.0.0"\n',
        encoding="utf-8",
    )
    env = {"POLICYQA_SETTINGS": str(file), "POLICYQA_PORT": "9100", "POLICYQA_RATE_LIMIT": "7"}
    s = load_settings(["--port", "9200"], env=env)
    assert s.corpus == Path("/from/file")
    assert s.port == 9200
    assert s.rate_limit_per_min == 7
    assert s.host == "0.0.0.0"
    assert s.allowed_origins == ("https://a.example",)


def test_settings_file_flag_and_policyqa_table(tmp_path: Path) -> None:
    file = tmp_path / "s.toml"
    file.write_text('[policyqa]\ncorpus = "docs"\nllm_base_url = "http://h/v1"\n'
                    'llm_model = "qwen"\n', encoding="utf-8")
    s = load_settings(["--settings", str(file)], env={})
    assert s.corpus == Path("docs") and s.llm_enabled and s.llm_model == "qwen"


def test_env_lists_and_llm(tmp_path: Path) -> None:
    env = {
        "POLICYQA_CORPUS": str(tmp_path),
        "POLICYQA_ALLOWED_ORIGINS": "https://a.example, https://b.example/",
        "POLICYQA_LLM_BASE_URL": "http://127.0.0.1:8000/v1",
        "POLICYQA_LLM_MODEL": "m",
        "POLICYQA_LLM_API_KEY": "secret-is-not-a-setting",
    }
    s = load_settings([], env=env)
    assert s.allowed_origins == ("https://a.example", "https://b.example")
    assert s.llm_enabled and s.llm_api_key_env == "POLICYQA_LLM_API_KEY"
    assert "secret" not in repr(s)


def test_index_dir_defaults_to_one_per_corpus_path(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "policies", tmp_path / "b" / "policies"
    da, db = default_index_dir(a), default_index_dir(b)
    assert da.parent == Path("indexes") and da.name.startswith("policies-")
    assert da != db and default_index_dir(a) == da
    assert load_settings(["--corpus", str(a)], env={}).index_dir == da
    explicit = load_settings(["--corpus", str(a), "--index-dir", str(tmp_path / "i")], env={})
    assert explicit.index_dir == tmp_path / "i"


@pytest.mark.parametrize(
    ("text", "per_min"), [("30/min", 30), ("30", 30), ("2/s", 120), ("1/minute", 1)]
)
def test_parse_rate_limit(text: str, per_min: int) -> None:
    assert parse_rate_limit(text) == per_min


@pytest.mark.parametrize("text", ["", "fast", "0/min", "5/hour", "-1"])
def test_bad_rate_limit_is_a_clear_error(text: str) -> None:
    with pytest.raises(SettingsError, match="rate limit"):
        parse_rate_limit(text)


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--port", "http"], {}, "port must be a whole number"),
        (["--port", "70000"], {}, "out of range"),
        (["--allowed-origins", "jobs.example.com"], {}, "scheme and host"),
        ([], {"POLICYQA_SETTINGS": "/no/such/file.toml"}, "does not exist"),
    ],
)
def test_bad_values_are_clear_errors(argv: list[str], env: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(argv, env=env)


def test_unknown_key_in_a_settings_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "s.toml"
    file.write_text("prot = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting 'prot'"):
        load_settings(["--settings", str(file)], env={})


def test_require_corpus_says_how_to_give_one(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"--corpus DIR.*POLICYQA_CORPUS"):
        require_corpus(Settings())
    with pytest.raises(SettingsError, match="does not exist"):
        require_corpus(Settings(corpus=tmp_path / "missing"))
    assert require_corpus(Settings(corpus=tmp_path)) == tmp_path


def test_settings_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Settings().port = 1  # type: ignore[misc]


def test_hardening_settings_from_flags_env_and_file(tmp_path: Path) -> None:
    assert (Settings().forwarded_allow_ips, Settings().public_host) == ((), ())
    file = tmp_path / "s.toml"
    file.write_text('public_host = ["Policy.Example.com"]\nforwarded_allow_ips = "10.0.0.0/8"\n'
                    "feedback_max_bytes = 1000\nverify_interval = 30\n", encoding="utf-8")
    s = load_settings(["--settings", str(file)], env={})
    assert s.public_host == ("policy.example.com",) and s.forwarded_allow_ips == ("10.0.0.0/8",)
    assert (s.feedback_max_bytes, s.verify_interval) == (1000, 30)
    env = {"POLICYQA_PUBLIC_HOST": "a.example, b.example:8443",
           "POLICYQA_FORWARDED_ALLOW_IPS": "127.0.0.1,::1"}
    s = load_settings([], env=env)
    assert s.public_host == ("a.example", "b.example:8443")
    assert s.forwarded_allow_ips == ("127.0.0.1", "::1")
    s = load_settings(["--forwarded-allow-ips", "192.0.2.7", "--public-host", "x.example",
                       "--verify-interval", "5"], env=env)
    assert (s.forwarded_allow_ips, s.public_host, s.verify_interval) == (
        ("192.0.2.7",), ("x.example",), 5)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--forwarded-allow-ips", "proxy.example"], "not an IP address or network"),
        (["--public-host", "bad host/"], "must be a host name"),
        (["--verify-interval", "0"], "out of range"),
        (["--feedback-max-bytes", "lots"], "whole number"),
    ],
)
def test_bad_hardening_settings_are_clear_errors(argv: list[str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(argv, env={})
