"""A hostile input corpus, written at test time into a temporary folder.

Nothing here is committed as data: every file is generated from a seed, so the
50 MB article and the large JSON Lines file exist only while a test runs.

Each case knows what a reader must say about it (a substring of the one-line
message, and the source it names: the path, or ``path:line``) and how many good
articles it holds, so a test can check messages and graph counts together.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Case", "Expect", "write_corpus", "write_big_article", "write_big_jsonl", "news"]


@dataclass(frozen=True)
class Expect:
    """One message a reader must print: severity, the source it names, a phrase in it."""

    severity: str  # "error" or "warning"
    source: str  # "path" or "path:line" or "path[index]"
    phrase: str


@dataclass
class Case:
    """One file of the corpus, its expected messages and number of good articles."""

    path: Path
    good: int
    expect: list[Expect] = field(default_factory=list)
    # Read fine but refused by the extractor (too long to parse).
    extractor_refuses: bool = False


_PEOPLE = ("Orla Venn", "Tomas Reik", "Ilse Varga", "Dmitar Kolb", "Sefa Arin", "Nadia Holm")
_PLACES = ("Dravik", "Kelmar", "Ostrava Bay", "Lentrin", "Marsk", "Pelago")
_CUES = ("said", "told reporters", "claimed", "denied", "announced")


def news(rng: random.Random, sentences: int = 3) -> str:
    """A short original news paragraph in wire style, different for each draw."""
    out = []
    for _ in range(sentences):
        who, where = rng.choice(_PEOPLE), rng.choice(_PLACES)
        cue = rng.choice(_CUES)
        n = rng.randint(2, 40)
        out.append(
            f"{who} {cue} that {n} shells had hit {where} on Tuesday, "
            f'calling the attack "a deliberate provocation".'
        )
    return " ".join(out)


def _date_header(day: str, body: str) -> str:
    return f"date {day}\n{body}\n"


def _quotes_and_brackets(rng: random.Random) -> str:
    pieces = [
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">",
        '\\"',
        "`",
        "''",
        '""',
        "„",
        "‹",
        "›",
        "「",
        "」",
    ]
    junk = " ".join(
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(300)
    )
    return (
        f'Orla Venn said "the (army [of {{Marsk}}] "said" that «nothing» happened" '
        f"{junk} and Tomas Reik told reporters: “it was ‘their’ (doing”.\n\n"
        f'"{junk}" said the ministry. ((((((((((( [[[[[[[ {{{{{{ """""" \'\'\'\'\' ]]]]]'
    )


def _long_sentences(rng: random.Random) -> str:
    """Three sentences of about 6,000 characters each, with and without a full stop."""
    words = (
        "the",
        "ministry",
        "said",
        "shelling",
        "of",
        "Dravik",
        "continued",
        "and",
        "officials",
        "reported",
        "that",
        "Kelmar",
        "was",
        "hit",
        "again",
        "while",
    )
    sentences = []
    for _ in range(3):
        sentences.append(" ".join(rng.choice(words) for _ in range(1000)))
    return "Orla Venn said " + ". Tomas Reik claimed ".join(sentences) + ", ".join(words)


def _scripts() -> str:
    """Right-to-left and mixed scripts, bidi controls, combining marks, emoji."""
    return (
        "Orla Venn said the talks in Dravik would resume. "
        "وقال المتحدث باسم الوزارة إن القصف استمر طوال الليل في مدينة دراويك. "
        "דובר הצבא אמר כי ההפגזה נמשכה. "
        "Представитель министерства заявил, что обстрел продолжался. "
        "Պաշտպանության նախարարության խոսնակը հայտնել է. "
        "თავდაცვის სამინისტრომ განაცხადა. 国防部发言人说，炮击持续了一整夜。"
        " Tomas Reik \u202eclaimed\u202c that \u200f\u05d3\u05e8\u05d5\u05d5\u05d9\u05e7\u200e "
        "was hit 🚀🔥 by Z\u0351\u0300\u0301a\u0352\u0353l\u0354go forces, "
        "the ministry said on Tuesday.\n\n"
        "Ilse Varga said: «مرحبا» “שלום” „Привет“ — 你好 (Ωμέγα) [ﷺ] ﷽ "
        "\ufeff\u2066isolate\u2069 \u061c marks.\n"
    )


def write_big_article(path: Path, megabytes: int = 50) -> Path:
    """A text article of ``megabytes`` MB, written in 1 MB chunks (never held whole)."""
    rng = random.Random(50)
    chunk = (news(rng, 40) + "\n\n").encode("utf-8")
    with path.open("wb") as fh:
        fh.write(b"date 2025-06-17\n")
        written = 0
        while written < megabytes * 1024 * 1024:
            block = chunk * max(1, (1024 * 1024) // len(chunk))
            fh.write(block)
            written += len(block)
    return path


_BAD_JSONL = (
    (b"{not json}\n", "error", "bad JSON"),
    (b"[1, 2, 3]\n", "error", "expected a JSON object"),
    (b'{"title": "no text here"}\n', "error", "missing or empty 'text'"),
    (b'{"text": 12345}\n', "error", "'text' must be a string"),
    (b'{"text": "   "}\n', "error", "missing or empty 'text'"),
    (b'{"text": "half a line\n', "error", "bad JSON"),
    (b"\x00\x01\x02 binary junk\n", "error", "binary data"),
)


def write_big_jsonl(
    path: Path, lines: int, *, bad_every: int = 10, seed: int = 3
) -> tuple[int, int]:
    """A JSON Lines file of ``lines`` lines, every ``bad_every``-th one broken.

    Good lines are short original articles with their own ids; bad lines
    rotate through broken JSON, wrong types, missing text and binary junk.
    Returns (good articles, error lines).
    """
    rng = random.Random(seed)
    paragraphs = [news(rng, 2) for _ in range(64)]
    good = bad = 0
    with path.open("wb") as fh:
        buf: list[bytes] = []
        for n in range(1, lines + 1):
            if n % bad_every == 0:
                buf.append(_BAD_JSONL[bad % len(_BAD_JSONL)][0])
                bad += 1
            else:
                record = {
                    "id": f"big-{n}",
                    "published": "2025-06-16",
                    "text": paragraphs[n % len(paragraphs)] + f" Report {n}.",
                }
                buf.append(json.dumps(record).encode("utf-8") + b"\n")
                good += 1
            if len(buf) >= 10000:
                fh.write(b"".join(buf))
                buf.clear()
        fh.write(b"".join(buf))
    return good, bad


def _jsonl_case(folder: Path, rng: random.Random) -> Case:
    path = folder / "mixed.jsonl"
    lines: list[bytes] = []
    expect: list[Expect] = []
    good = 0

    def add_good(record: dict[str, object]) -> None:
        nonlocal good
        lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        good += 1

    add_good({"id": "jl-1", "published": "2025-06-16", "text": news(rng)})
    for raw, severity, phrase in _BAD_JSONL:
        lines.append(raw)
        expect.append(Expect(severity, f"{path}:{len(lines)}", phrase))
    lines.append(b"\n")  # blank lines are skipped silently
    add_good({"id": "jl-2", "published": "0000-00-00", "text": news(rng)})
    expect.append(Expect("warning", f"{path}:{len(lines)}", "invalid date"))
    add_good({"id": "jl-3", "published": "2020-13-45", "text": news(rng)})
    expect.append(Expect("warning", f"{path}:{len(lines)}", "invalid date"))
    lines.append(
        b'{"id": "jl-4", "published": "2025-06-16", "text": "Orla Venn said caf\xe9 '
        b'owners in Dravik had fled."}\n'
    )
    good += 1
    expect.append(Expect("warning", f"{path}:{len(lines)}", "not valid UTF-8"))
    add_good({"id": "jl-5", "published": "2025-06-16", "text": _quotes_and_brackets(rng)})
    path.write_bytes(b"".join(lines))
    return Case(path, good, expect)


def _cases(folder: Path, rng: random.Random) -> Iterator[Case]:
    def case(name: str, data: bytes, good: int, *expect: tuple[str, str]) -> Case:
        path = folder / name
        path.write_bytes(data)
        return Case(path, good, [Expect(sev, str(path), phrase) for sev, phrase in expect])

    yield case("empty.txt", b"", 0, ("error", "empty file"))
    yield case("blank.txt", b" \n\t\n  \r\n", 0, ("error", "empty file"))
    yield case(
        "binary.txt",
        bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 16,
        0,
        ("error", "binary file"),
    )
    yield case(
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        0,
        ("error", "binary file"),
    )
    yield case(
        "header-only.txt", b"date 2025-06-16\n\n", 0, ("error", "no text after the date header")
    )
    latin1 = _date_header(
        "2025-06-16",
        "Orla Venn said the caf\u00e9 in Dravik \u2013 "
        "the \u201cold\u201d one \u2013 was shelled on Tuesday.",
    )
    yield case("latin1.txt", latin1.encode("cp1252"), 1, ("warning", "not valid UTF-8"))
    yield case(
        "date-zero.txt",
        _date_header("0000-00-00", news(rng)).encode(),
        1,
        ("warning", "invalid date"),
    )
    yield case(
        "date-month-13.txt",
        _date_header("2020-13-45", news(rng)).encode(),
        1,
        ("warning", "invalid date"),
    )
    yield case(
        "quotes-brackets.txt", _date_header("2025-06-16", _quotes_and_brackets(rng)).encode(), 1
    )
    yield case("long-sentences.txt", _date_header("2025-06-16", _long_sentences(rng)).encode(), 1)
    yield case("scripts.txt", _date_header("2025-06-16", _scripts()).encode(), 1)
    yield case("broken.json", b'{"text": "Orla Venn said', 0, ("error", "bad JSON"))
    yield case("scalar.json", b"42", 0, ("error", "expected a JSON object or a list"))
    listed = [
        {"id": "js-1", "published": "2025-06-16", "text": news(rng)},
        "not an object",
        {"id": "js-2", "text": None},
    ]
    path = folder / "list.json"
    path.write_text(json.dumps(listed), encoding="utf-8")
    yield Case(
        path,
        1,
        [
            Expect("error", f"{path}[1]", "expected a JSON object"),
            Expect("error", f"{path}[2]", "missing or empty 'text'"),
        ],
    )
    yield case("no-text-column.csv", b"title,body\nA,B\n", 0, ("error", "no 'text' column"))
    rows = folder / "rows.csv"
    rows.write_text(
        f'id,published,text\ncsv-1,2025-06-16,"{news(rng)}"\ncsv-2,2020-13-45,'
        f'"{news(rng)}"\ncsv-3,,\n',
        encoding="utf-8",
    )
    yield Case(
        rows,
        2,
        [
            Expect("warning", f"{rows}:3", "invalid date"),
            Expect("error", f"{rows}:4", "missing or empty 'text'"),
        ],
    )
    yield _jsonl_case(folder, rng)
    hidden = folder / ".hidden.txt"
    hidden.write_text("date 2025-06-16\nNobody should read this file.\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    yield Case(
        folder / "dangling.txt",
        0,
        [Expect("warning", str(folder / "dangling.txt"), "broken symbolic link")],
    )


def write_corpus(
    folder: Path, *, big_article_mb: int = 50, over_parser_limit: bool = True, seed: int = 11
) -> list[Case]:
    """Write the hostile corpus into ``folder``; return its cases.

    ``big_article_mb`` sizes the oversized article (0 leaves it out);
    ``over_parser_limit`` adds an article just over the parser's 1,000,000
    characters, which must be refused with a message rather than crash.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    cases = list(_cases(folder, rng))
    if big_article_mb:
        path = write_big_article(folder / "huge.txt", big_article_mb)
        cases.append(Case(path, 0, [Expect("error", str(path), "larger than")]))
    if over_parser_limit:
        path = folder / "too-long-to-parse.txt"
        body = news(rng, 8) + "\n\n"
        path.write_text(
            _date_header("2025-06-16", body * (1_050_000 // len(body) + 1)), encoding="utf-8"
        )
        cases.append(
            Case(path, 0, [Expect("error", str(path), "longer than")], extractor_refuses=True)
        )
    return cases
