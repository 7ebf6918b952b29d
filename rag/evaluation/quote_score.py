"""Score extracted quotes against the hand-labelled gold file (evals/quotes_gold.jsonl).

- quote recall: share of gold quotes found — an extracted quote of the same kind in the same
  article whose text contains the gold text (or is contained in it);
- speaker accuracy: among found gold quotes, share whose speaker is the gold speaker
  (names compared without a leading "the", case-insensitive);
- verbatim: share of extracted quotes whose text is exactly the article text at their offsets;
- precision: share of extracted quotes that match some gold quote."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import Article, Quote


def _norm(name: str) -> str:
    return name.lower().removeprefix("the ").strip()


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]


def score_quotes(quotes: list[Quote], articles: dict[str, Article], gold: list[dict]) -> dict:
    found, speaker_ok, misses, wrong = 0, 0, [], []
    matched_ids: set[int] = set()
    for g in gold:
        cands = [
            (i, q)
            for i, q in enumerate(quotes)
            if q.article_id == g["article"]
            and q.kind == g["kind"]
            and (g["text"] in q.text or (len(q.text) > 10 and q.text in g["text"]))
        ]
        if not cands:
            misses.append(g)
            continue
        found += 1
        i, q = min(cands, key=lambda c: len(c[1].text))
        matched_ids.update(j for j, _ in cands)
        if _norm(q.speaker) == _norm(g["speaker"]):
            speaker_ok += 1
        else:
            wrong.append({**g, "got": q.speaker})
    verbatim = sum(articles[q.article_id].text[q.start : q.end] == q.text for q in quotes)
    return {
        "gold": len(gold),
        "extracted": len(quotes),
        "quote_recall": round(found / len(gold), 4) if gold else None,
        "speaker_accuracy": round(speaker_ok / found, 4) if found else None,
        "precision": round(len(matched_ids) / len(quotes), 4) if quotes else None,
        "verbatim": round(verbatim / len(quotes), 4) if quotes else None,
        "missed": misses,
        "wrong_speaker": wrong,
    }
