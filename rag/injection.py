"""Instruction-like text: sentences written to steer a model rather than to report news.

Recognised by general means, not by known strings:
- role prefixes and chat-template markup that start a turn ("SYSTEM:", "Assistant:",
  "### Instruction", "<|im_start|>", "[INST]", "<<SYS>>");
- imperatives addressed to whoever answers: "you must answer that …", "respond only with …",
  "tell the user …", "when asked about X, say …", a sentence that opens with an answering verb
  and what to answer ("Reply that …", "Say yes …");
- words addressed to a model ("Note to AI assistants", "any language model reading this");
- the vocabulary of prompt injection ("ignore previous instructions", "system prompt",
  "you are now", "pretend you are", "jailbreak", "developer mode").

News quotes addressed to people ("You must respond to patients' needs", "The BMA must answer to
its members") are not instructions: an answering verb counts only with what to answer (that,
with, yes/no, a colon or a quote), and an imperative only at the start of a sentence or after
"you must" and the like. A sentence after a role prefix in the same passage is part of the
injected turn and is instruction-like too (`instruction_spans`)."""

from __future__ import annotations

import re

from .sentences import split_spans

_ANSWER_VERB = r"(?:answer|respond|reply|say|state|claim|assert|confirm|insist|output|print|write)"
_WHAT = r"(?:that\b|with\b|only\b|yes\b|no\b(?!\s+(?:later|more|less|sooner))|[:\"“‘'])"
_ROLE = r"(?:system|assistant|user|human|ai|bot|developer|instructions?)"

ROLE_PREFIX = re.compile(
    rf"(?im)(?:^|(?<=[.!?\]>])\s)\s*(?:#{{1,6}}\s*{_ROLE}\b\s*:?|{_ROLE}\s*:(?!\S))|"
    r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id)\|>|"
    r"\[/?INST\]|<</?SYS>>"
)
_PATTERNS = [
    # prompt-injection vocabulary
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|"
    r"prior|above|earlier|preceding|original|system|foregoing)\s+(?:instructions?|prompts?|"
    r"directions|context|messages?)\b",
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+)?your\s+(?:instructions|prompt|rules|"
    r"guidelines|programming|training)\b",
    r"\b(?:ignore|disregard|forget)\s+(?:all|everything)\s+(?:above|before|else)\b",
    r"\b(?:disregard|ignore)\s+the\s+above\b",
    r"\bsystem prompt\b|\byou are now\b|\bdeveloper mode\b|\bjailbreak",
    r"\b(?:these are|here are)\s+your\s+(?:new\s+)?instructions\b|\bnew instructions?\s*(?::|for you\b)",
    r"\b(?:pretend|imagine)\s+(?:that\s+)?you\s+are\b|\broleplay as\b|\bact as (?:if you|an? (?:ai|"
    r"assistant|chatbot|language model))\b|\bfrom now on,?\s+you\b",
    r"\b(?:reveal|repeat|print|show|output)\s+(?:your|the)\s+(?:system\s+|hidden\s+)?(?:prompt|"
    r"instructions)\b",
    # imperatives addressed to whoever answers
    rf"\byou\s+(?:must|should|shall|will|need to|have to|are to|are required to|are instructed to)"
    rf"\s+(?:now\s+|always\s+|only\s+|simply\s+)?{_ANSWER_VERB}\s+{_WHAT}",
    r"\b(?:tell|inform|assure|convince|remind)\s+(?:the\s+)?(?:users?|human|person asking|"
    r"(?:anyone|whoever|everyone) (?:who )?asks?)\b",
    rf"\bwhen(?:ever)?\s+(?:you\s+are\s+|you're\s+)?asked\b[^.]{{0,80}}?,\s*(?:always\s+|just\s+)?"
    rf"{_ANSWER_VERB}\b",
    rf"^\W*(?:please\s+|now\s+|always\s+|just\s+)?{_ANSWER_VERB}\s+(?:only\s+|always\s+)?{_WHAT}",
    r"\byour\s+(?:answer|response|reply)\s+(?:must|should|shall)\s+(?:be|say|state|begin|start)\b|"
    r"\bbegin your (?:answer|response|reply)\b",
    # words addressed to a model
    r"\b(?:note|message|instructions?) (?:to|for) (?:the |any |all )?(?:ai|assistants?|chatbots?|"
    r"language models?|llms?)\b",
    r"\b(?:any|all|every)\s+(?:ai|assistants?|chatbots?|language models?|llms?)\s+(?:\w+\s+)?"
    r"(?:reading|processing|summari[sz]ing|answering)\b",
    r"\bas an ai (?:language model|assistant|model)\b",
]
INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I | re.M)


def is_instruction(text: str) -> bool:
    """True when the sentence reads as an instruction to a model, not as reporting."""
    return bool(INSTRUCTION.search(text) or ROLE_PREFIX.search(text))


def instruction_spans(passage: str) -> list[tuple[int, int]]:
    """(start, end) of every instruction-like sentence of a passage; after a role prefix the
    rest of the passage is the injected turn."""
    out = []
    in_turn = False
    for span in split_spans(passage):
        in_turn = in_turn or bool(ROLE_PREFIX.search(span.text))
        if in_turn or INSTRUCTION.search(span.text):
            out.append((span.start, span.end))
    return out


def instruction_at(passage: str, start: int, end: int) -> bool:
    """Whether passage[start:end] (a sentence) is instruction-like or follows a role prefix
    earlier in the passage."""
    return is_instruction(passage[start:end]) or bool(ROLE_PREFIX.search(passage, 0, start))
