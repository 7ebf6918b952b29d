"""The evaluation suite: cases as data (evals/*.jsonl), metrics without an LLM, a runner and a report."""
