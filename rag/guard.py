"""The grounding guard for LLM answers: nothing unsupported reaches a user.

Each sentence of a model's answer is kept only if it ends with valid [n] citations and its
cited passages, taken together, support it in the sense the eval suite measures (every number
and quoted span occurs in them, and most of its content words do), and a person it names as the
speaker of a quote is that quote's speaker in the quote index. Instruction-like text inside a
passage is neutralised before the model sees it and is never evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .evaluation.metrics import numbers, supports
from .injection import instruction_spans, is_instruction
from .people import find_mentions
from .sentences import split_spans

NEUTRALISED = "[instruction-like text removed]"
_CITE = re.compile(r"\[(\d+)\]")


def neutralise(passage: str) -> str:
    """Drop sentences that try to instruct the reader (prompt injection)."""
    flagged = set(instruction_spans(passage))
    out = []
    for span in split_spans(passage):
        out.append(NEUTRALISED if (span.start, span.end) in flagged else span.text)
    return " ".join(out)


@dataclass
class Guarded:
    sentences: list[tuple[str, list[int]]] = field(
        default_factory=list
    )  # kept: text, passage numbers
    dropped: list[tuple[str, str]] = field(default_factory=list)  # dropped: text, reason

    @property
    def counts(self) -> dict:
        return {"sentences": len(self.sentences) + len(self.dropped), "dropped": len(self.dropped)}


def check_sentence(
    sentence: str, passages: dict[int, str], quotes=None
) -> tuple[str, list[int]] | str:
    """(clean text, cited numbers) when the sentence is grounded, else the reason it is not."""
    cited = [int(n) for n in _CITE.findall(sentence)]
    text = _CITE.sub("", sentence).strip()
    if not text:
        return "empty"
    if not cited:
        return "no citation"
    if any(n not in passages for n in cited):
        return "cites a passage that was not given"
    joint = "\n".join(passages[n] for n in dict.fromkeys(cited))
    if NEUTRALISED in joint and is_instruction(text):
        return "repeats an injected instruction"
    if not numbers(text) <= numbers(joint):
        return "a number not in its passages"
    if not supports(joint, text):
        return "not supported by its passages"
    if quotes is not None and _wrong_speaker(text, quotes):
        return "names the wrong speaker for a quote"
    return text, list(dict.fromkeys(cited))


def _wrong_speaker(text: str, quotes) -> bool:
    spans = re.findall(r"[‘“'\"]([^‘’“”'\"]{12,}?)[’”'\"]", text)
    if not spans:
        return False
    named = {m.surname for m in find_mentions(text)}
    if not named:
        return False
    for span in spans:
        for q in quotes.quotes:
            if span.strip() and span.strip() in q.text and q.kind == "direct":
                # an unattributed quote has no speaker a sentence may name
                if not q.speaker.strip() or q.speaker.split()[-1] not in named:
                    return True
    return False


def move_markers(text: str) -> str:
    return re.sub(
        r"([.!?])\s*((?:\[\d+\]\s*)+)", lambda m: " " + m.group(2).strip() + m.group(1) + " ", text
    )


def guard(answer: str, passages: dict[int, str], quotes=None) -> Guarded:
    g = Guarded()
    # "… contract. [1] Next …" -> "… contract [1]. Next …": a marker belongs to the sentence before
    text = move_markers(answer)
    for span in split_spans(text.replace("\n", " ")):
        verdict = check_sentence(span.text, passages, quotes)
        if isinstance(verdict, str):
            g.dropped.append((span.text, verdict))
        else:
            g.sentences.append(verdict)
    return g
