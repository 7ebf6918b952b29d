"""The answering chain with the deterministic fake embedder: structure, not accuracy."""

import re

import pytest

from rag.chain import Pipeline
from rag.errors import UserError
from rag.index import build_index
from rag.lexical import tokenize
from rag.rewrite import rewrite

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    from rag.embeddings import HashingEmbedder
    from rag.settings import Settings

    from .conftest import CORPUS

    s = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("idx") / "index")
    emb = HashingEmbedder()
    build_index(s, emb, progress=False)
    return Pipeline(s, emb).load()


QUESTIONS = [
    "What share of CCGs wanted to performance manage the GP contract?",
    "Which CCG wants to pilot a Prime Provider model?",
    "What did Dr Yoxall say about the core contract?",
    "How much efficiency savings does Somerset need?",
    "What do the articles say about APMS contracts?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_sentence_cited_and_every_citation_listed(pipeline, question):
    ans = pipeline.chain.invoke({"question": question})
    if ans.abstained:
        return
    listed = {c.n for c in ans.citations}
    used = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    assert used and used <= listed and listed <= used
    # units end at a citation; "[NHS Basildon and Brentwood CCG]" inside one says which CCG
    for unit in re.split(r"(?<=\[\d\])\s+|(?<=\[\d\d\])\s+", ans.answer.strip()):
        assert re.search(r"\[\d+\]$", unit), unit
    for c in ans.citations:
        assert c.highlight in c.text or c.highlight in ans.answer


def test_json_schema(pipeline):
    d = pipeline.ask(QUESTIONS[0]).to_dict()
    assert {
        "question",
        "standalone_question",
        "answer",
        "abstained",
        "citations",
        "quotes",
        "timings_ms",
    } <= set(d)
    assert {"retrieve", "answer", "total"} <= set(d["timings_ms"])
    for c in d["citations"]:
        assert {"n", "article_id", "title", "kind", "text", "chunk_id"} <= set(c) and c["kind"] in {
            "article",
            "comment",
        }


def test_off_topic_question_abstains(pipeline):
    ans = pipeline.ask("Who won the football World Cup in 2014?")
    assert ans.abstained and ans.answer.startswith(
        "The articles in this collection don't cover that."
    )


def test_pronoun_led_quote_is_attributed(pipeline):
    ans = pipeline.ask("What did Dr Brian Balmer say about the yacht club?")
    assert "Dr Brian Balmer" in ans.answer and "yacht club" in ans.answer
    assert not ans.answer.startswith("He said")


def test_bad_questions(pipeline):
    with pytest.raises(UserError, match="empty"):
        pipeline.ask("   \n\t ")
    long = pipeline.ask("What about APMS? " * 300)
    assert any("cut to its first 2000 characters" in n for n in long.notes)
    for q in [
        "?!?!...",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "¿Qué dice el BMA?",
        "\x00\x1b[31m",
    ]:
        try:
            ans = pipeline.ask(q)
        except UserError:
            continue
        assert isinstance(ans.answer, str)


def test_comment_only_fact_is_flagged_never_reported(pipeline):
    from rag.answer import NOT_COVERED

    for include in (False, True):
        ans = pipeline.ask(
            "CCGs led by GPs is an illusion, window dressing", include_comments=include
        )
        assert ans.abstained and ans.answer.startswith(NOT_COVERED)
        assert [c.kind for c in ans.citations] == ["comment"]
        assert "anonymous reader comment (opinion, not reporting)" in ans.answer


def test_article_questions_cite_no_comments_by_default(pipeline):
    ans = pipeline.ask(QUESTIONS[0])
    assert ans.citations and all(c.kind == "article" for c in ans.citations)


def test_follow_up_rewrites_person_and_topic():
    hist = [
        {"role": "user", "content": "Who is the chair of Essex LMC?"},
        {
            "role": "assistant",
            "content": "Dr Brian Balmer, chair of Essex LMC, warned that the CCG could look to a private provider. [1]",
        },
    ]
    assert rewrite("What did he say about it?", hist).startswith(
        "What did Dr Brian Balmer say about it?"
    )
    assert "(following: Who is the chair of Essex LMC?)" in rewrite(
        "What did he say about it?", hist
    )
    hist2 = [
        {"role": "user", "content": "Which CCG wants practices on APMS contracts?"},
        {
            "role": "assistant",
            "content": "NHS Basildon and Brentwood CCG wants to pilot a model. [1]",
        },
    ]
    # what the last answer was about goes along: "those contracts" are NHS Basildon and Brentwood CCG's
    assert rewrite("When would those contracts start?", hist2) == (
        "When would those contracts start? (following: Which CCG wants practices on APMS contracts?"
        " — NHS Basildon and Brentwood CCG)"
    )
    assert (
        rewrite("Which CCG wants to pilot a Prime Provider model?", hist2)
        == "Which CCG wants to pilot a Prime Provider model?"
    )
    # "Which CCG …?" answered: "it", "its" and "there" are that CCG, named in place
    assert rewrite("How would it pay for the model?", hist2) == (
        "How would NHS Basildon and Brentwood CCG pay for the model?"
    )
    assert rewrite("When do contracts start there?", hist2) == (
        "When do contracts start in NHS Basildon and Brentwood CCG?"
    )
    assert (
        rewrite("What are its plans?", hist2) == "What are NHS Basildon and Brentwood CCG's plans?"
    )
    # not after a question about something else: "it" may be the scheme
    hist3 = [
        {"role": "user", "content": "What is the Prime Provider model?"},
        {"role": "assistant", "content": "NHS Basildon and Brentwood CCG wants to pilot it. [1]"},
    ]
    assert "(following: " in rewrite("How would it pay for the model?", hist3)


def test_follow_up_goes_through_the_chain(pipeline):
    hist = [
        {"role": "user", "content": "Who is the GPC chair?"},
        {
            "role": "assistant",
            "content": "GPC chair Dr Chaand Nagpaul said the GPC was not supportive. [1]",
        },
    ]
    ans = pipeline.chain.invoke({"question": "What deadline did he mention?", "history": hist})
    assert "Dr Chaand Nagpaul" in ans.standalone_question


def test_a_share_question_wants_a_proportion_not_any_figure():
    from rag.qtypes import analyse, holds

    assert analyse("What share of CCGs chose the lowest level?").wants == "share"
    assert analyse("What percentage of practices signed up?").wants == "share"
    assert analyse("How many CCGs applied?").wants == "number"
    assert holds("Some 6% wanted the lowest 'level one' responsibilities.", "share")
    assert holds("Two-thirds said they wanted level three.", "share")
    assert not holds("Level two commissioning begins on 1 March 2015.", "share")
    assert not holds("The CCG signed up the majority of practices.", "share")  # not a figure


def test_a_search_within_articles_returns_only_their_passages(pipeline):
    editorial = {"tectonic-shift-editorial"}
    hits = pipeline.retriever.search("the national GP contract", k=4, articles=editorial)
    assert hits and {h.chunk.article_id for h in hits} == editorial


def test_in_the_editorial_names_a_source_like_according_to():
    from rag.qtypes import analyse

    for q in (
        "In the editorial, what are CCGs carving up?",
        "What are CCGs carving up, in the Pulse editorial?",
    ):
        info = analyse(q)
        assert "editorial" in info.source and "editorial" not in info.content
    assert analyse("How many CCGs were in the analysis?").source == ""


def test_which_with_several_plain_modifiers_asks_for_a_named_organisation():
    from rag.qtypes import analyse

    info = analyse("Which private health care provider has the CCG approached?")
    assert info.wants == "organisation" and info.focus == ("privat", "health", "care", "provid")
    # a possessive, a verb or a preposition is no modifier of the kind
    assert analyse("Which area's move to council-led commissioning is cited?").wants == "any"
    assert analyse("What prompted West Hampshire CCG's bid?").wants == "any"


def test_meant_to_and_supposed_to_are_no_words_of_what_is_asked():
    from rag.qtypes import analyse

    assert analyse("Which patients is the plan meant to help?").terms == ("patient", "plan", "help")
    assert "suppos" not in analyse("What is the scheme supposed to replace?").terms


def test_the_kind_of_fact_is_read_at_the_questions_own_wh_word():
    from rag.qtypes import analyse

    # "when" inside a clause does not make it a date question
    assert analyse("What happened in the US when funding was squeezed?").wants == "any"
    assert analyse("In which month are applications due?").wants == "date"
    assert analyse("What deadline did he mention?").wants == "date"
    assert analyse("When is level two meant to begin?").wants == "date"
    assert analyse("According to the LMC, what share of GPs agreed?").wants == "share"
    assert analyse("Deadline for submitting the plans?").wants == "date"
    assert analyse("What salary would GPs earn?").wants == "money"
    assert analyse("How much per patient are providers paid?").wants == "money"
    # a contract's value and a body's budget are sums; value for money and a budget's
    # pressures are not, and "On what dates …" asks for dates
    assert analyse("What is the contract value of the APMS deal for Ash Surgery?").wants == "money"
    assert analyse("What was Dene ICB's total LES budget in 2024/25?").wants == "money"
    assert analyse("What primary care budget will Dene CCG control?").wants == "money"
    assert analyse("What did the CCG say about value for money?").wants == "any"
    assert analyse("What budget pressures did CCGs face?").wants == "any"
    assert analyse("What would make Dene's pooled budget a first?").wants == "any"
    assert analyse("On what dates were the two public events held?").wants == "date"
    # a scene-setting clause's "when" is not what is asked; a question's own "When did" is
    q = "When Ash Surgery closes, about how many of its patients will move?"
    assert analyse(q).wants == "number"
    assert analyse("When did the CCG take over, and how many practices?").wants == "date"
    assert analyse("Why does he expect rifts?").asks_why
    assert not analyse("What did he expect?").asks_why


def test_a_fact_the_question_already_names_is_not_an_answer():
    from rag.qtypes import facts, holds

    q = "Which CCGs has NHS England refused powers?"
    assert not holds("NHS England has opened up the scope of co-commissioning.", "organisation", q)
    assert holds("NHS Somerset CCG agreed it with NHS England.", "organisation", q)
    # a year is not a count; a count the question names is not new
    assert facts("The pilot runs by 2015/16.", "number") == []
    assert not holds("It wants level two powers by 2015/16.", "number", "How many want level two?")
    assert holds("Some 145 CCGs replied.", "number", "How many CCGs replied?")
    assert facts("Dr Brian Balmer, chair of Essex LMC, said so.", "person") == ["Dr Brian Balmer"]
    assert not holds("Dr Brian Balmer said so.", "person", "Who agreed with Dr Balmer?")
    assert holds("It would secure over £200m in savings.", "money")
    assert not holds("It is a two-year contract.", "money")


def test_a_source_qualifier_picks_the_article_not_the_sentence(pipeline):
    from rag.qtypes import analyse

    info = analyse("Why are GPs disillusioned, according to the Pulse editorial?")
    assert info.content == "Why are GPs disillusioned?"
    assert "according to the Pulse editorial" in info.source
    assert analyse("In the Leicester City survey, what share agreed?").source == ""
    answerer = pipeline.answerer
    # a word every article has tells none apart; "editor" names one
    everywhere = set.intersection(*(set(a.text.split()) for a in pipeline.index.articles.values()))
    # a content word (a stop word would leave no terms and pass for the wrong reason)
    word = next(w for w in sorted(everywhere) if w.isalpha() and tokenize(w))
    assert answerer.source_articles(f"according to {word}") == set()
    assert answerer.source_articles("in the editor's view") == {"tectonic-shift-editorial"}
    assert answerer.source_articles("according to Mr Goodwin") == {"apms-deals-drive-gps-from-gms"}


def test_a_name_given_by_its_initials_counts_as_mentioned(pipeline):
    answerer = pipeline.answerer
    assert answerer.known_entity("Department of Health")  # "the DH" in the articles
    assert not answerer.known_entity("Royal College of General Practitioners")


def test_what_someone_said_about_a_topic_they_never_spoke_on_is_not_found(pipeline):
    ans = pipeline.ask("What did Professor Chris Ham say about Scotland?")
    assert ans.abstained and "Chris Ham" in ans.answer and not ans.citations
    said = pipeline.ask("What did Professor Chris Ham say about the existing GP contract?")
    assert not said.abstained and "rip up" in said.answer


def test_a_role_stated_with_is_names_the_person(pipeline):
    ans = pipeline.ask("Who is the editor of Pulse?")
    assert not ans.abstained and "Nigel Praities" in ans.answer
    nobody = pipeline.ask("Who is the chief executive of NHS Basildon and Brentwood CCG?")
    assert nobody.abstained


def test_what_an_unquoted_body_said_needs_a_passage_that_names_it(pipeline):
    nobody = pipeline.ask("What did West Hampshire LMC say about its CCG's plans?")
    assert nobody.abstained and "West Hampshire LMC" in " ".join(nobody.notes)
    bma = pipeline.ask("What did the BMA say about undermining the national GP contract?")
    assert not bma.abstained and "unmitigated disaster" in bma.answer


def test_a_count_is_not_a_day_or_a_label_and_is_of_what_was_asked():
    from rag.qtypes import analyse, facts, holds

    # "1 March", "June 20" and "level two" are not counts
    assert facts("Level two is to begin from 1 March and level three from April.", "number") == []
    assert facts("There is a deadline of June 20 for the plans.", "number") == []
    q = analyse("How many GP practices are members of the CCG?")
    assert q.wants == "number" and set(q.counted) == {"gp", "practic", "doctor", "surgeri"}
    # a count of practices is followed by them; a survey's percentage is not one
    assert holds("The CCG has 31 GP practices in two localities.", q.wants, q.question, q.counted)
    assert not holds(
        "A survey of member practices showed that 53% supported it.", q.wants, q.question, q.counted
    )
    assert holds("It found that a third of CCGs agreed.", "number", "", ("ccg",))
    # a count goes by other words for the same things: patients are people
    p = analyse("How many patients would a federation cover?")
    assert holds("Federations covering 40,000 to 70,000 people.", p.wants, p.question, p.counted)
    assert not holds("Federations of 12 practices.", p.wants, p.question, p.counted)
    # "as a percentage" asks for a share, which is not a count of anything
    assert analyse("How many CCGs, as a percentage, want DES funding?").wants == "share"
    # the counted noun phrase is read to its head: "eight practices" counts "small London
    # practices"; "By how many did X …" names nothing counted, so any count may answer
    london = analyse("How many small London practices had closed since 2014?")
    assert holds(
        "Eight practices with lists under 4,500 have closed.", "number", "", london.counted
    )
    assert analyse("By how many did Jane Hale want to expand GP numbers?").counted == ()
    assert analyse("Of the CCGs, how many planned to pay practices?").counted == ()
    assert "regist" in analyse("How many registered patients does it have?").counted
    # a preposition capitalised by the question is no part of a name
    assert (
        analyse("Among CCGs that replied, how many GP board members held shares?").entities[0]
        == "CCGs"
    )
    assert analyse("Reading CCG: how many practices?").entities == ("Reading CCG",)
    # "How many practices closed …?" is answered by a count right before the verb, not a share
    closed = analyse("How many practices closed in 2018?")
    assert holds("In 2018 a further 138 closed, the figures show.", "number", "", closed.counted)
    assert not holds("In 2018 some 38% closed early.", "number", "", closed.counted)


def test_a_bare_share_counts_what_its_articles_headline_counts():
    from rag.qtypes import analyse, holds

    q = analyse("How many CCGs only wanted level one powers?")
    s = "Some 28% wanted 'level two' powers and 6% wanted the lowest 'level one' powers."
    assert holds(s, q.wants, q.question, q.counted, headline="Third of CCGs have requested powers")
    assert not holds(s, q.wants, q.question, q.counted, headline="GP funding to be pooled")
    # a headline that names CCGs without counting them says nothing of what a share is of
    assert not holds(s, q.wants, q.question, q.counted, headline="CCGs request powers")
    # a share "of" something names its own group
    p = analyse("How many GP practices wanted level one powers?")
    assert not holds("37% of CCGs wanted it.", p.wants, p.question, p.counted, "Third of CCGs …")
    assert not holds(s, p.wants, p.question, p.counted, "Third of CCGs have requested powers")


def test_how_big_a_budget_asks_for_a_sum():
    from rag.qtypes import analyse, holds

    q = analyse("How big is NHS Surrey Downs CCG's primary care budget?")
    assert q.wants == "money"
    assert not holds("A survey showed that 53% supported it.", q.wants, q.question)
    assert analyse("How large are the efficiency savings it must make?").wants == "money"
    assert analyse("How big is a federation?").wants == "number"


def test_which_kind_of_organisation_is_asked_for():
    from rag.qtypes import analyse, facts

    trust = analyse("Which hospital trust would lead the prime provider?")
    assert trust.wants == "organisation" and trust.focus == ("hospit", "trust")
    assert analyse("Which Hampshire CCG proposed it?").focus == ("hampshir", "ccg")
    assert analyse("What do CCGs want?").wants == "any"  # "do" is no kind of organisation
    assert facts("Exeter NHS Foundation Trust will lead it.", "organisation") == [
        "Exeter NHS Foundation Trust"
    ]


def test_a_kind_of_organisation_the_articles_never_name_is_not_covered(pipeline):
    ans = pipeline.ask("Which hospital trust would lead Basildon's prime provider organisation?")
    assert ans.abstained and any("hospit" in n for n in ans.notes)
    ccg = pipeline.ask("Which Hampshire CCG proposed taking control of all QOF funding?")
    assert not ccg.abstained and "West Hampshire" in ccg.answer
    # the kind must be in an organisation's name, not anywhere in the sentence ("an appetite
    # among GPs to federate" names no federation)
    fed = pipeline.ask("Which GP federations have an appetite to federate?")
    assert fed.abstained and any("organisation" in n for n in fed.notes)
    club = pipeline.ask("Which football club does Nigel Praities support?")
    assert club.abstained and any("footbal" in n for n in club.notes)


def test_a_council_is_a_local_authority():
    from types import SimpleNamespace

    from rag.answer import _names_kind
    from rag.qtypes import analyse

    info = analyse("Which local authority's budget would Somerset CCG pool its money with?")
    council = SimpleNamespace(
        text="It would pool budgets with Somerset County Council.", referred=[]
    )
    trust = SimpleNamespace(
        text="It would pool budgets with Exeter NHS Foundation Trust.", referred=[]
    )
    assert _names_kind(council, info) and not _names_kind(trust, info)


def test_a_named_source_article_is_the_only_one_answered_from(pipeline):
    answerer = pipeline.answerer
    # the article's id names it as well as its text ("…-editorial")
    assert answerer.source_articles("according to the editorial") == {"tectonic-shift-editorial"}
    ans = pipeline.ask("When were the plans submitted, according to the editorial?")
    assert not ans.abstained
    assert {c.article_id for c in ans.citations} == {"tectonic-shift-editorial"}


def test_what_an_unquoted_person_said_needs_a_sentence_on_the_topic(pipeline):
    from rag.qtypes import analyse

    # Nigel Praities is named (as the editor of Pulse), never on APMS providers' profits
    q = "What did Nigel Praities say about the profits of APMS providers?"
    ans = pipeline.ask(q)
    assert ans.abstained and not ans.citations
    info, embed = analyse(q), pipeline.embedder.embed_query_vector
    hits = pipeline.retriever.search(q, query_vector=embed(q), kinds=("article",))
    hits += pipeline.retriever.search("Nigel Praities editor of Pulse", kinds=("article",))

    def unnamed(topic):
        d = pipeline.answerer.answer(
            info, embed(q), hits, must_name="Nigel Praities", topic_vec=embed(topic)
        )
        return "no passage quotes or names Nigel Praities" in d.notes

    assert unnamed("the profits of APMS providers")
    assert not unnamed("the editor of Pulse")


def test_who_wrote_a_report_an_article_reports_on_is_not_asked_of_a_byline():
    from rag.attribution import parse_intent

    q = "Who wrote the King's Fund's major report on the future of general practice?"
    assert parse_intent(q) is None  # the passages name its author, if anyone does
    assert parse_intent("Who wrote the article about Basildon's plans?").kind == "author"
    # someone described by what they wrote to people is no byline asked for
    for q in (
        "Who is the locality director who wrote to Elm Row patients?",
        "Who wrote to practices about the PMS review?",
    ):
        intent = parse_intent(q)
        assert intent is None or intent.kind != "author", q
    assert parse_intent("Who is the author of the editorial?").kind == "author"


def test_who_was_told_is_not_the_topic():
    from rag.attribution import parse_intent

    i = parse_intent("What did local GP leaders tell Pulse had been discussed in Somerset?")
    assert (i.name, i.text) == ("local GP leaders", "had been discussed in Somerset")
    assert parse_intent("What did Dr Yoxall tell Pulse about the core contract?").text == (
        "the core contract"
    )
    assert parse_intent("What did Dr Balmer say about the Basildon plans?").text == (
        "the Basildon plans"
    )


def test_an_analogy_question_is_answered_by_the_quote_that_draws_one(pipeline):
    from rag.attribution import parse_intent
    from rag.qtypes import holds

    i = parse_intent("What analogy did the Essex LMC chair use for the CCG?")
    assert (i.kind, i.name, i.text, i.likeness) == ("what", "the Essex LMC chair", "the CCG", True)
    assert parse_intent("What did Dr Balmer compare the CCG to?").likeness
    assert not parse_intent("What did Dr Balmer say about the CCG?").likeness
    assert holds("It’s like being in a yacht club.", "analogy")
    assert not holds("I quite like the idea of it.", "analogy")  # "like" the verb
    ans = pipeline.ask("What metaphor did Dr Brian Balmer use?")
    assert not ans.abstained
    assert ans.answer.startswith("Dr Brian Balmer, chair of Essex LMC, said: ‘It’s like being")
    assert "These plans are frightening" not in ans.answer  # the sentence drawing it, not all
    none = pipeline.ask("What analogy did Dr Nagpaul use for co-commissioning?")
    assert none.abstained and "drawing a comparison" in none.answer


def test_what_about_x_asks_the_previous_question_of_x():
    hist = [
        {"role": "user", "content": "What did the Pulse analysis find about the GMS contract?"},
        {"role": "assistant", "content": "At least 15% of CCGs want complete control of it. [1]"},
    ]
    assert (
        rewrite("And what about premises budgets?", hist)
        == "What did the Pulse analysis find about premises budgets?"
    )
    # a full question keeps the previous one as context instead
    assert "(following: " in rewrite("And how many wanted a role with PMS contracts?", hist)
    # nothing to swap: the previous question is carried along
    assert "(following: Who chairs the GPC?)" in rewrite(
        "What about Essex?", [{"role": "user", "content": "Who chairs the GPC?"}]
    )


def test_what_a_speaker_said_about_an_acronym_needs_it_in_the_quotes_passage(pipeline):
    ans = pipeline.ask("What did Dr Harry Yoxall say about APMS contracts?")
    assert ans.abstained and "no quote by that person on that topic" in ans.notes
    said = pipeline.ask("What did Professor Steve Field say about the GMS contract?")
    assert not said.abstained and "pointless" in said.answer


def test_a_speaker_asked_for_by_role_in_any_word_order(pipeline):
    ans = pipeline.ask("What did the Essex LMC chair say the CCG wants to do with GPs?")
    assert not ans.abstained and "Brian Balmer" in ans.answer
    assert "take more control of what GPs do" in ans.answer


def test_a_sentence_corrected_by_the_next_one_keeps_the_correction(pipeline):
    ans = pipeline.ask(
        "Were CCGs sold as being owned by their representative practices, says the editorial?"
    )
    assert "owned by their representative practices" in ans.answer
    assert "In reality, this has never been the case" in ans.answer


def test_what_the_editorial_says_is_a_source_not_a_speaker(pipeline):
    from rag.qtypes import analyse

    assert analyse("What does the Pulse editorial say about the BMA?").source == (
        "the Pulse editorial"
    )
    assert analyse("What does the editor think of the plans?").source == "the editor"
    assert analyse("What did Dr Nagpaul say about the plans?").source == ""
    ans = pipeline.ask("What does the Pulse editorial say about the BMA?")
    assert not ans.abstained
    assert {c.article_id for c in ans.citations} == {"tectonic-shift-editorial"}


def test_what_a_writer_says_is_answered_from_the_article_they_wrote(pipeline):
    ans = pipeline.ask("What does Nigel Praities say could split general practice in two?")
    assert not ans.abstained and "fault-line" in ans.answer
    assert {c.article_id for c in ans.citations} == {"tectonic-shift-editorial"}
    assert "is the editor of Pulse" not in ans.answer  # his name is not what was asked


def test_interleave_takes_turns_and_drops_repeats():
    from types import SimpleNamespace

    from rag.chain import interleave

    def hits(*ids):
        return [SimpleNamespace(chunk=SimpleNamespace(id=i)) for i in ids]

    got = interleave(hits("a", "b", "c"), hits("b", "d", "e", "f"), 5)
    assert [h.chunk.id for h in got] == ["a", "b", "d", "c", "e"]


def test_a_word_capitalised_only_because_it_opens_the_question_is_no_name(pipeline):
    from rag.qtypes import entities

    assert entities("Besides pay, what did Leicester's survey back?") == ["Leicester's"]
    assert entities("Currently, who chairs the GPC?") == ["GPC"]
    assert entities("Reading CCG plans?") == ["Reading CCG"]  # a name that opens it stays
    assert entities("Wessex is where?") == ["Wessex"]
    # a stop word, a participle, or the head of a complex preposition ("ahead of") opening it
    assert entities("From what date does the GP Alliance stop?") == ["GP Alliance"]
    assert entities("Extrapolated across England, how much?") == ["England"]
    assert entities("Ahead of April 2018, how many CCGs?") == ["2018", "April", "CCGs"]
    assert entities("Department of Health officials said what?") == ["Department of Health"]
    # so the articles' never saying "Besides" is no reason to abstain
    ans = pipeline.ask("Besides performance management, what role did Leicester's survey back?")
    assert "never mention 'Besides'" not in " ".join(ans.notes)


def test_who_asks_for_an_agent_a_speaker_or_a_role_holder():
    from rag.qtypes import WHO_HOLDS, wanted_kind

    assert wanted_kind("Could leaders say which GP budgets Somerset would pool?") == "any"
    assert wanted_kind("Which GPs want to federate?") == "person"
    assert WHO_HOLDS.match("Who is the chair of Essex LMC?") and WHO_HOLDS.match(
        "Who chairs the GPC?"
    )
    assert WHO_HOLDS.match("Who is Dr Steve Kell?")
    assert not WHO_HOLDS.match("Who is expected to oppose the plans?")
    assert not WHO_HOLDS.match("Who do GPs feel let down by?")


def test_when_will_is_not_answered_by_a_past_date():
    from rag.qtypes import holds

    s = "Pulse reported last week that the CCG has proposed to take control of QOF funding."
    assert holds(s, "date", "When did Pulse report the CCG's proposal?")
    assert not holds(s, "date", "When will the CCG take control of QOF funding?")
    assert holds("It will take control next year.", "date", "When will the CCG take control?")


def test_a_date_question_is_answered_only_as_precisely_as_it_asks():
    from rag.qtypes import analyse, date_grain, holds

    week = "Pulse reported last week that the CCG had submitted its plans."
    day = "The group met on 12th June to discuss co-commissioning."
    assert holds(week, "date", "When did the CCG submit its plans?")
    assert not holds(week, "date", "On what date did the CCG submit its plans?")
    assert holds(day, "date", "On what date did the group meet?")
    assert holds("They met on June 20.", "date", "Which day did they meet?")
    assert not holds("It wants the pilot by 2015/16.", "date", "On what date will it start?")
    assert holds("It wants the pilot by 2015/16.", "date", "By what year will it start?")
    assert not holds("Applications are due in January.", "date", "In which year are they due?")
    assert holds("Applications are due in January.", "date", "In which month are they due?")
    assert holds("The board approved it in July.", "date", "At which month's board meeting?")
    assert date_grain("When will it start?") == "" and date_grain("What day-to-day role?") == ""
    assert analyse("What day-to-day role would the CCG have?").wants == "any"


def test_how_much_of_a_fund_asks_for_a_sum():
    from rag.qtypes import analyse

    assert analyse("How much DES funding would the pilot use?").wants == "money"
    assert analyse("How much in savings must Somerset find?").wants == "money"
    assert analyse("How much does it have to save?").wants == "number"


def test_a_year_that_names_a_thing_does_not_date_anything():
    from rag.qtypes import holds

    s = "Many GPs regard the 2004 GP contract as a long-running disaster."
    assert not holds(s, "date", "When will the national contract be renegotiated?")
    assert holds(s, "date", "Which year's GP contract do GPs see as a disaster?")
    assert holds("It wants a pilot by 2015/16.", "date", "When will the pilot start?")
    assert holds("The contract changed in 2004.", "date", "When did the contract change?")


def test_a_word_the_articles_say_otherwise_is_not_unknown(pipeline):
    from rag.qtypes import analyse

    a = pipeline.answerer
    assert not a.known("patient") and a.known("peopl")  # the articles say "people"

    def unknown(question):
        info = analyse(question)
        qvec = pipeline.embedder.embed_query_vector(question)
        cands = a.candidates(info, qvec, pipeline.retriever.search(question, query_vector=qvec))
        return a.evidence(info, cands)["unknown"]

    assert unknown("Which patients would the Basildon model care for?") == 0
    assert unknown("Which zorblats would the Basildon model care for?") > 0


def test_a_long_name_is_known_only_where_its_words_meet(pipeline):
    a = pipeline.answerer
    assert a.known_entity("NHS Basildon and Brentwood CCG") and a.known_entity("Somerset CCG")
    assert a.known_entity("Department of Health")  # "DH" in the articles
    # every word occurs somewhere ("long-term", "workforce", "plans"), never in one article
    assert not a.known_entity("NHS Long Term Workforce Plan")
    assert pipeline.ask("What is the NHS Long Term Workforce Plan?").abstained


def test_interleave_takes_turns_without_repeats_up_to_k():
    from types import SimpleNamespace

    from rag.chain import interleave

    def hits(*ids):
        return [SimpleNamespace(chunk=SimpleNamespace(id=i)) for i in ids]

    out = interleave(hits("a", "b", "c", "d"), hits("b", "x", "y"), 5)
    assert [h.chunk.id for h in out] == ["a", "b", "x", "c", "y"]
    assert [h.chunk.id for h in interleave(hits("a"), hits("b", "c", "d"), 3)] == ["a", "b", "c"]


def test_a_writer_question_is_scored_on_what_is_asked_not_on_the_source():
    from rag.qtypes import analyse

    info = analyse("What does the Pulse editor say is coming?")
    assert info.source == "the Pulse editor" and info.content == "What is coming?"
    assert analyse("What does the editorial say about the BMA?").content == "What about the BMA?"
    assert analyse("What did Dr Balmer say about it?").content == "What did Dr Balmer say about it?"


def _candidates(pipeline, question):
    from rag.qtypes import analyse

    info = analyse(question)
    qvec = pipeline.embedder.embed_query_vector(info.question)
    hits = pipeline.retriever.search(info.question, query_vector=qvec, kinds=("article",))
    return pipeline.answerer.candidates(info, qvec, hits)


def test_the_words_naming_a_source_do_not_make_its_byline_an_answer(pipeline):
    cands = _candidates(pipeline, "What does the Pulse editor say is coming?")
    byline = [c for c in cands if c.text.startswith("Nigel Praities is the editor of Pulse")]
    coming = [c for c in cands if c.text == "There is an earthquake coming."]
    assert byline and coming
    assert byline[0].overlap == 0.0 and coming[0].overlap > 0.0


def test_a_sentence_opening_with_it_counts_the_words_of_what_it_refers_to(pipeline):
    # "It could become a major fault-line that splits general practice completely in two."
    # follows "… polarised views over co-commissioning …": "it" is co-commissioning
    ans = pipeline.ask("What could co-commissioning do to general practice, in the editor's view?")
    assert not ans.abstained and "It could become a major fault-line" in ans.answer
    # and what "it" is comes first: the sentence it refers back to
    assert ans.answer.startswith("It is these strong, polarised views over co-commissioning")


def test_an_answer_opening_with_it_is_preceded_by_what_it_refers_to(pipeline):
    cands = _candidates(pipeline, "What could split general practice in two?")
    it = next(c for c in cands if c.text.startswith("It could become a major fault-line"))
    assert pipeline.answerer.referent(it).text.startswith("It is these strong, polarised views")
    # before a list item, the sentence introducing the list
    cands = _candidates(pipeline, "What share of CCGs want to manage QOF?")
    item = next(c for c in cands if c.text.startswith("• 20% of CCGs"))
    assert pipeline.answerer.referent(item).text == "It reveals:"


def test_an_acronym_every_article_uses_does_not_restrict_whose_quote_answers(pipeline):
    # "GPs" is in every article, so the quote's passage need not say it (an "APMS" must)
    assert pipeline.attributor.common_acronyms() >= {"GP", "NHS"}
    assert "APMS" not in pipeline.attributor.common_acronyms()


def test_it_and_they_refer_back_through_sentences_that_open_the_same_way(pipeline):
    # "Many GPs regard …. It is understandable if they feel …. They are disillusioned …"
    cands = _candidates(pipeline, "What have GPs endured year after year?")
    they = [c for c in cands if c.text.startswith("They are disillusioned following year")]
    assert they and "gp" in they[0].terms
    assert "gp" not in set(tokenize(they[0].text))  # only by referring back


def test_a_long_name_needs_its_head_words_side_by_side_in_one_article(pipeline):
    known = pipeline.answerer.known_entity
    # the Basildon article has "long-term conditions", "short term" and "plans", apart
    assert not known("NHS Long Term Plan") and not known("NHS Long Term Plan's")
    for name in (
        "Basildon's Prime Provider",
        "Basildon Clinical Executive Group",
        "Pulse's Big Interview",
        "Somerset CCG's QOF",
        "NHS Basildon and Brentwood CCG",
    ):
        assert known(name), name


def test_a_superlative_is_asked_by_its_class_of_words():
    from rag.qtypes import extremes, other_words, states_extreme

    assert extremes("Which CCG has the largest delegated budget?") == [
        ("largest", "biggest", "greatest")
    ]
    # quantifiers and order words are not superlatives asked
    assert extremes("What do most GPs think?") == extremes("Who must approve it first?") == []
    highest = extremes("What is the highest level?")
    assert states_extreme("the maximum ‘level three’ responsibilities", highest)
    assert not states_extreme("with a delegated budget", extremes("the biggest budget?"))
    assert "maximum" in other_words("highest")


def test_only_a_sentence_saying_which_is_largest_answers_which_is_largest(pipeline):
    ans = pipeline.ask("Which CCG has the largest delegated budget?")
    assert ans.abstained and "no passage says which is the largest" in ans.notes


def test_an_unattributed_quote_is_answered_without_naming_anyone(tmp_path):
    from rag.embeddings import HashingEmbedder
    from rag.settings import Settings

    from .conftest import FIXTURES

    s = Settings(corpus_dir=FIXTURES / "quotes_house_styles", index_dir=tmp_path / "index")
    emb = HashingEmbedder()
    build_index(s, emb, progress=False)
    p = Pipeline(s, emb).load()
    p.answerer.abstain_threshold = 0.0  # the fake embedder's scores are not calibrated
    ans = p.ask("Who will fight this all the way to the council's scrutiny committee?")
    assert "fight this all the way" in ans.answer
    assert "Ken Abbott" not in ans.answer  # the nearest name is not the speaker


def test_shares_in_words_are_shares():
    from rag.qtypes import facts

    for sentence, share in [
        ("Overall, four in five GPs said they had not noticed any changes.", "four in five"),
        ("Nine out of 10 practices agreed.", "Nine out of 10"),
        ("Two-fifths of CCGs applied.", "Two-fifths"),
        ("Three quarters of LMCs objected.", "Three quarters"),
        ("More than 60 per cent of GPs opposed it.", "per cent"),
    ]:
        assert share in " ".join(facts(sentence, "share")), sentence
    assert facts("The CCG met in the first week of April.", "share") == []


def test_which_organisation_role_asks_for_a_person():
    from rag.qtypes import wanted_kind

    assert wanted_kind("Which CCG chair said practices run on a corner shop model?") == "person"
    assert wanted_kind("Which NHS England director announced the approvals?") == "person"
    assert wanted_kind("Which LMC's medical secretary objected?") == "person"
    assert wanted_kind("Which CCGs plan to replace the QOF?") == "organisation"
    assert wanted_kind("Which LMC proposed the motion?") == "organisation"


def test_negation_contractions_are_grammar_not_words():
    assert tokenize("how many didn't understand it") == tokenize("how many did understand it")
    assert "doesn’t" not in " ".join(tokenize("It doesn’t matter"))


def test_how_many_followed_by_a_verb_names_no_thing_counted():
    from rag.qtypes import analyse

    assert analyse("Of those, how many didn't understand what it meant?").focus == ()
    assert analyse("How many were approved in April?").focus == ()
    assert analyse("Who is the chair of the LMC?").focus == ("chair",)


def test_a_figure_needs_the_questions_names_in_its_article_but_not_its_years(pipeline):
    from rag.qtypes import analyse

    a = pipeline.answerer
    question = "What share of CCGs wanted to performance manage the GP contract in 2019/20?"
    hits = pipeline.retriever.search(question)
    c = next(
        x
        for x in a.candidates(
            analyse(question), pipeline.embedder.embed_query_vector(question), hits
        )
        if "32%" in x.text
    )
    assert a._of_named(c, analyse(question))  # the article dates it otherwise
    assert not a._of_named(c, analyse("What share of NHS Kernow CCG's GPs agreed?"))


def test_two_questions_in_one_are_answered_part_by_part(pipeline):
    whole = pipeline.ask(
        "Which CCG wants to trial a prime provider model for primary care, and under what "
        "type of contract would practices in the Basildon scheme be commissioned?"
    )
    assert not whole.abstained
    assert any(n.startswith("asked as 2 questions") for n in whole.notes)
    assert "Basildon" in whole.answer and "APMS" in whole.answer


def test_select_reach_sets_how_many_sentences_join_the_answer(pipeline):
    from dataclasses import replace

    from rag.errors import UserError
    from rag.settings import Settings

    q = "Which CCG wants to trial a prime provider model for primary care?"
    tight = Pipeline(replace(pipeline.settings, select_reach=0.0), pipeline.embedder).load()
    loose = Pipeline(replace(pipeline.settings, select_reach=2.0), pipeline.embedder).load()
    assert len(tight.ask(q).citations) == 1
    assert len(re.findall(r"\[\d+\]", loose.ask(q).answer)) == 3  # the answer's limit
    with pytest.raises(UserError, match="select_reach"):
        Settings(select_reach=-1.0)


LOTS = """Wexley commissioners to split outcomes-based contracts

Wexley's outcomes-based contracts for community care would be split into lots, the commissioners said on Tuesday, after talks with local GPs.

The commissioners said the talks had been constructive and that GPs had asked for more time to prepare their bids.

Providers will be able to bid for any of the six lots, which cover different parts of the county.
"""


def test_typed_reach_sets_how_far_down_a_stated_figure_may_answer(tmp_path):
    from dataclasses import replace

    from rag.embeddings import HashingEmbedder
    from rag.errors import UserError
    from rag.settings import Settings

    # a number question whose figure is two paragraphs below the best-matching sentence (not
    # the next one, which figure_next would take): with no reach it is not covered, with a wide
    # one the sentence stating the count answers
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wexley-lots.txt").write_text(LOTS)
    s = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    emb = HashingEmbedder()
    build_index(s, emb, progress=False)
    q = "How many lots would Wexley's outcomes-based contracts be split into?"
    none = Pipeline(replace(s, typed_reach=0.0), emb).load()
    wide = Pipeline(replace(s, typed_reach=2.0), emb).load()
    assert none.answerer.typed_reach == 0.0 and wide.answerer.typed_reach == 2.0
    tight = none.ask(q)
    assert tight.abstained and "no passage states the number asked for" in tight.notes
    answered = wide.ask(q)
    assert not answered.abstained and "six lots" in answered.answer
    with pytest.raises(UserError, match="typed_reach"):
        Settings(typed_reach=-1.0)
    with pytest.raises(UserError, match="typed_reach"):
        Settings(typed_reach=2.5)


def test_the_few_articles_naming_a_questions_name_are_searched_too(pipeline):
    from rag.qtypes import analyse

    a = pipeline.answerer
    assert a.naming_articles(analyse("What did Dr Yoxall say about the core contract?")) == {
        "somerset-pooled-budgets"
    }
    # a name four articles hold picks none out; nor does a year
    assert a.naming_articles(analyse("What has NHS England said about GP contracts?")) == set()
    assert a.naming_articles(analyse("What happened to GP contracts in 2014?")) == set()
    a.disabled = frozenset({"naming_articles"})
    try:
        assert (
            a.naming_articles(analyse("What did Dr Yoxall say about the core contract?")) == set()
        )
    finally:
        a.disabled = frozenset()


def test_an_acronym_after_a_possessive_need_not_be_in_the_article():
    from rag.answer import _owner

    assert _owner("Dr Close's GMS") == "Dr Close"
    assert _owner("Basildon's Prime Provider") == "Basildon's Prime Provider"


def test_a_name_asked_for_is_one_the_question_does_not_give():
    from rag.qtypes import analyse, holds

    gp = analyse("What was the name of the GP who retired from Ash Surgery in Tring?")
    assert gp.wants == "name"
    # the question's own names answer nothing; a GP's name is a person's
    assert not holds("The GP at Ash Surgery in Tring retired.", gp.wants, gp.question)
    assert holds("Dr Jo Lobo retired from Ash Surgery.", gp.wants, gp.question)
    practice = analyse("What was the name of the Dene GP practice that closed?")
    assert not holds("Patients in Dene, Devon, criticised NHS England.", "name", practice.question)
    assert holds("Ash Road Surgery in Dene closed.", "name", practice.question)
    merged = analyse("What name will the merged practices trade under?")
    assert holds("They will trade as Bevan Medical Group.", merged.wants, merged.question)
