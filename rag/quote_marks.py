"""Where the quotations are: spans inside quotation marks (‘…’, “…”, '…', "…") in a paragraph,
told apart from apostrophes, with a quote left open at a paragraph's end running to its end."""

from __future__ import annotations

from bisect import bisect_right

OPEN = "‘“"
CLOSE = "’”"
_MARKS = OPEN + CLOSE + "'"


def _is_apostrophe(text: str, i: int, marks: list[int]) -> bool:
    """`marks`: the offsets of every character of `_MARKS` in `text`, in order. A double mark
    (“ ”) is never an apostrophe: "… responsibilities” they would like" closes a quote."""
    if text[i] in "“”":
        return False
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # It’s, King's
    if prev == "s" and nxt == " ":
        # "GPs’ contracts": a plural possessive when another closing mark follows in the
        # paragraph before any opening mark
        k = bisect_right(marks, i)
        return k < len(marks) and text[marks[k]] not in OPEN
    return False


def after_sentence(text: str, i: int) -> int:
    """Where the sentence before `i` ends (just after its . ! ? or line break) when only
    spaces stand between it and `i`, else 0."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j if j > 0 and text[j - 1] in ".!?\n" else 0


def quote_spans(text: str, carried: bool = False) -> list[tuple[int, int]]:
    """(start, end) of quoted passages in one paragraph, quotation marks excluded.
    An opening mark never closed runs to the end of the paragraph (journalistic convention
    for a quote that carries on into the next paragraph). `carried`: the paragraph before
    left a quote open; a paragraph whose one quotation mark is a closing ” at its very end
    then goes on with that quote though its own opening mark was left out."""
    spans: list[tuple[int, int]] = []
    depth, start, mark = 0, 0, ""
    marks = [i for i, ch in enumerate(text) if ch in _MARKS]
    if carried:
        real = [i for i in marks if not _is_apostrophe(text, i, marks)]
        if (
            len(real) == 1
            and text[real[0]] == "”"
            and real[0] > 0
            and not text[real[0] + 1 :].strip()
        ):
            return [(0, real[0])]
    for i, ch in enumerate(text):
        if ch not in OPEN + CLOSE + "'\"" or _is_apostrophe(text, i, marks):
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if depth > 0 and ch == mark and ch in OPEN and after_sentence(text, i):
            # paragraphs run together ("… the people of Dene. ‘It will let us …’"): the same
            # opening mark after a sentence's end while a quote is open reopens it for the
            # next paragraph (the convention for a quote running on), never nests inside it
            spans.append((start, after_sentence(text, i)))
            depth = 0
        if depth == 0:
            if ch in OPEN or (ch in "'\"" and not prev.isalnum() and not nxt.isspace()):
                depth, start, mark = 1, i + 1, ch
            elif ch == "’" and (prev.isspace() or i == 0) and nxt.isalnum():
                depth, start, mark = 1, i + 1, ch  # some sites open a quote with ’ too
            elif ch == "”" and i == 0 and nxt.isalnum():
                # a paragraph opening on ” before a word: an opening “ typed the wrong way
                depth, start, mark = 1, i + 1, "“"
        elif ch in OPEN and mark in OPEN:
            depth += 1
        elif (
            (ch in CLOSE and mark in OPEN)
            or (ch == mark and mark in "'\"’" and not prev.isspace())
            # "‘Where was the assessment?,' he added": a curly quote closed by a straight mark
            or (ch == "'" and mark == "‘" and depth == 1 and prev in ",.?!" and not nxt.isalnum())
            # "'People are entitled …,’ she said": a straight opening mark closed by a curly one
            or (ch == "’" and mark == "'" and depth == 1 and prev in ",.?!" and not nxt.isalnum())
        ):
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth > 0 and len(text.rstrip()) > start:
        spans.append((start, len(text.rstrip())))
    return spans


def left_open(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the paragraph `text` (its quote `spans`) ends inside a quotation left open."""
    return (
        bool(spans)
        and spans[-1][1] >= len(text.rstrip())
        and text.rstrip()[-1:] not in CLOSE + "'\""
    )


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace()):
        b -= 1
    return a, b
