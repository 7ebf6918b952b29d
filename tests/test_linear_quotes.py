"""Quote extraction, name finding and sentence splitting do work linear in an article's length: lookups by offset
are binary searches over lists built once per article, never a scan of every mention, quote
span or role for each position. Counted, not timed: doubling the article must about double
the number of list elements visited."""

import random
import re

import pytest

from rag import people as people_mod
from rag import quote_speakers
from rag import quotes as quotes_mod
from rag.models import Article
from rag.people import Mention, PeopleIndex

pytestmark = pytest.mark.unit

_PARAGRAPHS = (
    "Dr Jane Long, chair of Essex LMC, said the plan “would help patients in {i} places”.",
    "She added that GPs’ workload was rising. The CCG said it was ‘looking at options’.",
    "Somerset CCG warned that budgets in area {i} were tight, and NHS England agreed.",
    "“We will not sign up to this,” said Mr Tom Hart, a GP in Town{i}. Hart explained more.",
    "Simon Stevens, who replaced Sir David Nicholson, said the change was “long overdue”.",
    "He told Pulse that Dame Barbara Hakin had backed it. Dame Barbara said “yes, in {i}”.",
    "Mr Tom Hart said: “It is {i} times worse than it was before the change.”",
    "But Ann Cole said the CCG in area {i} had got it wrong.",
)


def _article(n: int) -> Article:
    return Article(
        "a", "T", paragraphs=tuple(_PARAGRAPHS[i % len(_PARAGRAPHS)].format(i=i) for i in range(n))
    )


class _Counted(list):
    """A list that counts the elements read from it."""

    visits = 0

    def __iter__(self):
        for x in super().__iter__():
            _Counted.visits += 1
            yield x

    def __getitem__(self, k):
        _Counted.visits += 1
        return super().__getitem__(k)


class _CountedText(str):
    """An article's text that counts the characters copied out of it by slicing."""

    def __getitem__(self, k):
        out = super().__getitem__(k)
        if isinstance(k, slice):
            _Counted.visits += len(out)
        return out


def _visits_extracting(monkeypatch, n: int) -> int:
    """Elements of the per-article lists (mentions, quote spans, roles, sentences) read, and
    characters of the article's text copied, while extracting the quotes of an n-paragraph
    article."""
    monkeypatch.undo()
    real = quotes_mod._Extractor.__init__

    def counted_init(self, *a, **kw):
        real(self, *a, **kw)
        self.speakers.items = _Counted(self.speakers.items)
        self.speakers.roles = _Counted(self.speakers.roles)
        self.quoted = _Counted(self.quoted)
        self.sentences = _Counted(self.sentences)
        self.text = self.speakers.text = _CountedText(self.text)

    monkeypatch.setattr(quotes_mod._Extractor, "__init__", counted_init)
    _Counted.visits = 0
    found = quotes_mod.extract_quotes(_article(n), PeopleIndex())
    assert len(found) > n // 2
    return _Counted.visits


def test_quote_extraction_visits_per_article_lists_linearly(monkeypatch):
    small, large = (_visits_extracting(monkeypatch, n) for n in (120, 240))
    assert small > 0
    assert large / small < 2.4  # a scan per quote or per verb makes this about 4


def test_name_finding_reads_quote_spans_linearly(monkeypatch):
    real = people_mod._quoted_ranges
    monkeypatch.setattr(people_mod, "_quoted_ranges", lambda text: _Counted(real(text)))
    counts = []
    for n in (120, 240):
        _Counted.visits = 0
        assert people_mod.find_mentions(_CountedText(_article(n).text))
        counts.append(_Counted.visits)
    assert counts[1] / counts[0] < 2.4


def test_surnames_found_in_one_pass_agree_with_one_search_per_surname():
    rng = random.Random(3)
    words = ["Long", "Hart", "O’Brien", "Smith-Jones", "Smith", "Mc", "Ann", "Anna", "x.Hart"]
    glue = [" ", ". ", "-", "’", "'", " Hart", ", ", "’s ", "\n", " Jones", "."]
    text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(4000))
    surnames = {"Long", "Hart", "O’Brien", "Smith-Jones", "Smith", "Mc", "Ann", "Anna", "x.Hart"}
    found = quote_speakers.words_at(text, surnames)
    for s in surnames:
        slow = [m.span() for m in re.finditer(rf"(?<![\w’'.-]){re.escape(s)}\b(?!\s[A-Z])", text)]
        assert found[s] == slow, s
        assert slow or s == "x.Hart"


def test_first_name_lookup_agrees_with_a_scan_of_everyone():
    rng = random.Random(5)
    index = PeopleIndex()
    titles = ["Sir", "Dame", "Dr", "Mr"]
    firsts, lasts = ["Alan", "Barbara", "Clare"], ["Smith", "Hakin", "Jones", "Long"]

    def scan(title: str, first: str):
        found = [
            p
            for p in index.people
            if p.name.startswith(f"{title} ")
            and len(index._bare(p.name).split()) > 1
            and index._bare(p.name).split()[0] == first
        ]
        return found[0] if len(found) == 1 else None

    for _ in range(600):
        title = rng.choice(titles)
        name = " ".join(
            rng.choice(
                [
                    [rng.choice(firsts)],
                    [rng.choice(lasts)],
                    [rng.choice(firsts), rng.choice(lasts)],
                    [rng.choice(firsts), rng.choice(firsts), rng.choice(lasts)],
                ]
            )
        )
        index.add(Mention(0, 1, f"{title} {name}", title, name, ""))
        for t in ("Sir", "Dame"):
            for f in firsts:
                assert index._by_first_name(t, f) is scan(t, f)


def test_first_name_lookup_does_not_scan_everyone():
    def visits(n: int) -> int:
        index = PeopleIndex()
        index.people = _Counted()
        _Counted.visits = 0
        for i in range(n):
            first, last = f"Al{i:05d}".replace("0", "o"), f"Sm{i:05d}".replace("0", "o")
            index.add(Mention(0, 1, "", "Sir", f"{first} {last}", ""))
            assert index.add(Mention(0, 1, "", "Sir", first, "")).name == f"Sir {first} {last}"
        return _Counted.visits

    assert visits(400) <= 2.4 * visits(200) + 10


class _CountedChars(str):
    """A text that counts the characters read from it, one by one or by slicing."""

    reads = 0

    def __getitem__(self, k):
        out = super().__getitem__(k)
        _CountedChars.reads += len(out)
        return out


def test_sentence_splitting_reads_a_word_of_many_periods_once():
    """ "x.x.x.…": the word before each period used to be read back to its start every time."""
    from rag.sentences import split_spans

    reads = []
    for n in (2000, 4000):
        _CountedChars.reads = 0
        assert split_spans(_CountedChars("x." * n + " The end."))
        reads.append(_CountedChars.reads)
    assert reads[1] / reads[0] < 2.4


def test_abbreviations_are_found_as_by_reading_each_word_back():
    from rag import sentences

    def reference(text: str, i: int) -> bool:
        j = i
        while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'‘“":
            j -= 1
        word = text[j:i]
        if not word:
            return False
        if word.lower().rstrip(".") in sentences.ABBREVIATIONS or "." in word:
            return True
        return len(word) == 1 and word.isupper()

    rng = random.Random(11)
    pieces = ["x", ".", " ", "Dr", "dr", "U.S", "e.g", "J", "(", "“", "'", "A", "approx", "İ", "\n"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        periods = sentences._Periods(text)
        for i in (k for k, ch in enumerate(text) if ch == "."):
            assert sentences._abbreviation_before(text, i, periods) == reference(text, i), (text, i)
