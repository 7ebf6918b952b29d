"""Who said what: every direct quote and reported statement in an article, with its speaker.

Direct quotes are spans inside quotation marks (‘…’, “…”, '…', "…") that are attributed by a
speech verb, or that carry on a speaker's words. Reported statements are "X said (that) …",
"X warned that …", "…, he added.", "Papers seen by Pulse say …", "…, claims X".

Speaker resolution, in order: a person or organisation next to the speech verb in the same
sentence; "he"/"she" -> the most recent named person before it; "the CCG"/"it" -> the most
recent named CCG or organisation; a quote-only paragraph or sentence continues the previous
speaker. Names are merged across articles ("Dr Nagpaul" = "GPC chair Dr Chaand Nagpaul"), the
fullest form is canonical. Every quote's text is an exact slice of `Article.text`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from .intervals import Intervals
from .models import COMMENT_SPEAKER, Article, Quote
from .people import HEADER_LINE, PeopleIndex, not_a_name
from .quote_marks import OPEN, after_sentence, left_open, quote_spans, trim
from .quote_speakers import (
    DOC_MENTION,
    DOC_NOUN,
    DOCUMENT,
    MODIFIERS,
    SPOKES_FOR,
    ArticleSpeakers,
    Speaker,
    document_subject,
    joint,
    kind_of,
)
from .sentences import split_spans

SPEECH = (
    r"said|says|say|saying|told(?:\sthe\s\w+)?|tells|warned|warns|added|adds|stated|states|"
    r"claims|claimed|believes|believe|believed|argued|argues|insisted|explained|agreed|agrees|warning|"
    r"fears?|described|describes|called|calls|according\sto|put\sit|put\s(?:the|their|his|her|its)\scase|continued|commented|stressed|noted|"
    r"admitted|acknowledged|wrote|writes|replied|responded|urged|announced|concluded|explains|"
    r"confirmed|confirms|predicted|predicts|conceded|concedes|accused|accuses|"
    r"insists|emphasised|emphasized|asserted|remarked|pointed\sout|reiterated|reiterates|"
    # a stance that gives the reason in the speaker's words: "Mr X is concerned as a contract
    # this size has ‘never been tried’", "she was worried that …"
    r"(?:is|was)\s(?:(?:very|deeply|also|particularly)\s)?(?:concerned|worried)"
    r"(?=\s(?:that|as|because)\b)"
)
SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b", re.I)
# in quotes, "reads:" too: "the notice reads: ‘…’" quotes it; "she reads the minutes" does not;
# and a body's own words for its aims or terms: "NHS England is committed to ‘…’", "X defines
# ‘…’ as ‘…’"
_QUOTE_VERB = re.compile(
    rf"\b(?:{SPEECH}|reads(?=\s*:)|(?:is|are|remains?)\s+committed\s+to(?=\s*[‘“'\"])|defines)\b",
    re.I,
)
# "anticipated continued high achievement": "continued" before a noun is no speech verb, which
# stands alone ("he continued:", "…, she continued.", "continued that …")
NOT_SPEECH = re.compile(
    r"\bhaving said that\b|\bthat said\b|\bso-called\b|"
    r"\bcontinued\b(?!\s*(?:[,:.;!?‘“'\"]|that\b|$))|"
    r"\bconfirm(?:ed|s)\s+(?:by|as)\b|"  # "the plans, confirmed by NHS England": no statement
    r"\b(?:been|was|were|is|are|be|being|stands?|stood)\s+(?:\w+ly\s+)?accused\b",  # the accused
    re.I,
)
REPORTING = re.compile(
    r"\s*(?:in a statement\s*|in a letter\s*|last week\s*)?,?\s*(?:that\s+|:\s+)?"
)
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# a body named by its kind alone ("the integrated care board", "the area team"), spelt out
_KIND_WORDS = r"(?i:integrated care board|clinical commissioning group|area team)"
# a clause's opening prepositional phrase: "In the FOI response, " (it said …)
_OPENING = (
    r"(?:In|At|On|From|Under|Through|After|Before|As\s+part\s+of|(?:Responding|Replying)\s+to|"
    r"Commenting\s+on)\s[^,;:“‘\"]{1,60},\s"
    # (its place, one word at a time: "In questions about X Practice, in Monkmoor, Shrewsbury, ")
    r"(?:(?:in\s)?[A-Z][a-z][\w’'-]*,\s){0,2}"
)
# an impersonal passive before the verb: "It is believed", "It was explained", "it has been
# widely reported" (the verb's "it" stands for the clause after it, not a body named before)
_IMPERSONAL = re.compile(
    r"(?:^|[\s,;(])[Ii]t\s+(?:is|was|has\s+been|had\s+been|(?:will|would|could|may|might)\s+be|"
    r"(?:is|was)\s+being)\s+(?:(?:\w+ly|therefore|thus|then|also|further|since|now)\s+)?$"
)
# a sentence whose subject is a group the article does not name, before a speech verb:
# "Partnership bosses say …", "Local GP leaders said …" ("They say" after it is that group)
_GROUP_SPEAKS = re.compile(
    rf"(?P<subj>\s*(?:(?:But|And|However,)\s+)?(?:[A-Z][\w-]*\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?!(?:this|his|has|is|was|its|us|thus|as)\s)[a-z][\w-]*[^s’']s)\s+"
    rf"(?:have\s+|had\s+|also\s+)?(?:{SPEECH})\b"
)
# a sentence opening on bodies of a kind the article does not name one by one, then their
# verb: "CCGs in the Dene area – who have applied for the powers – have expressed concerns"
_KIND_GROUP_OPENS = re.compile(
    r"(?P<subj>\s*(?:(?:But|And|However,)\s+)?(?:(?:Some|Many|Several|Other|Local)\s+)?"
    r"(?:CCG|ICB|LMC|PCT|GP)s\s+(?:in|from|across|around)\s+[^–—,;:.]{1,60}?"
    r"(?:\s*[–—,]\s[^–—.]{1,160}?\s?[–—,])?)\s+(?:have|had|are|were|say|said)\b"
)
# an organisation's statement going on: "The statement added", "Its statement also said", and
# "NHS Fife said … A statement said": a statement with no owner named, just after it spoke
_STATEMENT_REF = re.compile(
    r"^(?:But\s|And\s)?(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat|A)\s+statement(?:\s+(?:also|further))?$"
)
# a body by a common noun for it: "Dene Healthwatch said … The watchdog added: ‘…’"
_GENERIC_BODY = re.compile(
    r"^(?:But\s|And\s)?[Tt]he\s+(?:watchdog|regulator|union|charity|organisation)"
    r"(?:\s+(?:also|further|later))?$"
)
# a person by their office's title: "The judge added that …" after "Judge Jo Bloggs said"
_THE_JUDGE = re.compile(
    r"^(?:But\s|And\s|However,\s)?[Tt]he\s+judge(?:\s+(?:also|further|later))?$"
)
# a statement by a body's short name: "A Healthwatch statement said" after "Dene Healthwatch said"
_SHORT_NAME_STATEMENT = re.compile(
    r"^(?:But\s|And\s)?(?:[Tt]he|An?)\s+(?P<body>[A-Z][\w&’'-]*(?:\s[A-Z][\w&’'-]*){0,2})"
    r"\s+statement(?:\s+(?:also|further))?$"
)
# a statement and its sender: "A statement from NHS Fife said", "The statement, from NHS
# England, Dene Area Team, reads" (the sender's name may hold one comma)
_STATEMENT_FROM = re.compile(
    r"^(?:But\s|And\s)?(?:[Tt]he|[Ii]ts|A)\s+(?:joint\s+)?statement,?\s+from\s+(?:the\s+)?"
    r"(?P<owner>[A-Z][^,;:“”‘’\"]{1,80}(?:,\s[A-Z][^,;:“”‘’\"]{1,80})?),?$"
)
# a practice speaking by its kind: "the practice said", "In a letter to patients, the practice
# said", "a statement on the practice website said", "the Eastham practice’s notice reads"
PRACTICE_REF = re.compile(
    rf"^(?:But\s|And\s|However,\s|{_OPENING}|Speaking\s+to\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?,\s)?"
    r"(?:(?:[Aa]n?|[Tt]he)\s+(?:statement|letter|notice|message|post|spokes(?:man|woman|person))\s+"
    r"(?:on|from|for|at)\s+)?"
    r"[Tt]he\s+(?:[A-Z][\w’'-]*\s+)?(?:two\s+)?(?:practice|surger(?:y|(?P<plural2>ies))|(?P<group>group))(?P<plural>s)?(?:(?:['’]s)?\s+(?:website|statement|letter|notice))?\s*$"
)
# a practice's partners speaking for it: "the partners said", "In a letter to patients, the GP
# partners said", "The three partners at the practice explained" (and "They said:" after that)
_PARTNERS = (
    r"(?:[Tt]he|[Ii]ts)\s+(?:(?:two|three|four|five|six|remaining|GP)\s+){0,2}partners"
    r"(?:\s+(?:at|of)\s+(?:the\s+)?(?P<at>practice|surgery|[A-Z][^,;:.“”‘’\"]{2,60}?))?"
)
PARTNERS_REF = re.compile(rf"^(?:But\s|And\s|However,\s|{_OPENING})?{_PARTNERS}\s*$")
PARTNERS_OPEN = re.compile(rf"\s*(?:(?:But|And|However,)\s+)?{_PARTNERS}\s")
# a group of another kind the article speaks of ("a campaign group", "the patient group"): then
# "the group" may be it, not the one "… Medical Group" named
_OTHER_GROUP = re.compile(
    r"\b(?!(?:the|this|that|its|medical|commissioning)\b)[a-z][\w’'-]*\s+groups?\b"
)
ORG_REF = re.compile(
    # (after an opening phrase: "Only four days after the meeting, the CCG said")
    rf"^(?:But\s|And\s|However,\s|[A-Z][^,;:“”‘’\"]{{0,60}},\s|{_OPENING})?"
    r"(?:[Aa]\s+spokes(?:man|woman|person)\s+(?:for|from|at)\s+)?"
    rf"(?:[Tt]he (?:CCG|ICB|LMC|council|[Tt]rust|{_KIND_WORDS})|[Ii]t|[Tt]hey|[Ii]ts\s[\w\s]+?)\b"
)
# a group named with what it is: "Dene Save our NHS, a campaigning group, has said"
_GROUP_APPOSITIVE = re.compile(
    r"(?<![\w’'-])(?P<name>(?:[A-Z][\w’'-]*\s(?:(?:our|of|for|the|and)\s)?){1,6}[A-Z][\w’'-]*),\s+"
    r"an?\s+(?:[\w-]+\s+)?(?:campaign(?:ing)?|pressure|patients?['’]?|protest|action)\s+group,"
)
# "The group also argued", "The group has said": a group, with an adverb or auxiliary
_THE_GROUP = re.compile(
    r"^(?:But\s|And\s|However,\s)?[Tt]he\s+group(?:\s+(?:also|has|had|later|then|further))*\s*$"
)
# between a body and the document it puts out: " has published ", " released "
_PUBLISHES = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|today\s+|yesterday\s+|also\s+)*"
    r"(?:published|released|issued|produced)\s+"
)
# several bodies of one kind by their kind in the plural: "the ICBs", "the three CCGs"
_PLURAL_KIND_REF = re.compile(
    rf"^(?:But\s|And\s|However,\s|[A-Z][^,;:“”‘’\"]{{0,60}},\s|{_OPENING})?"
    r"[Tt]he\s+(?:(?:two|three|four|five|six)\s+)?(?P<kind>CCG|ICB|LMC|PCT)s\s*$"
)
# a document's owner, named before its noun ("NHS London’s letter", "the NHS England fact
# sheet") after at most a determiner, or straight after "from" or "by" ("a letter from NHS
# London", "a review by the King's Fund", "a report prepared by X"; not "a review commissioned
# by X", whose words are the reviewers')
_DOC_NOUN_AT = re.compile(rf"\b{DOC_NOUN}s?\b")
_OWNER_LEAD = re.compile(r"(?:(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Nn]ew)\s+){0,2}")
# a determiner that may open the words naming a document
_DOC_DET = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Ii]ts)\s")
_OWNER_TAIL = re.compile(rf"(?:['’]s)?\s+{MODIFIERS}")
# the verb of a motion's or a document's author in an appositive: ", proposed by Dene LMC,"
_AUTHORED_BY = (
    r",\s+(?:proposed|tabled|submitted|put\s+forward|moved|written|prepared|drafted)\s+by"
)
_FROM_OWNER = re.compile(
    r"\s+(?:from|(?:(?:carried\s+out|conducted|prepared|produced|written)\s+)?by)\s+(?:the\s+)?"
    # "The motion, proposed by X LMC,"
    rf"|{_AUTHORED_BY}\s+(?:the\s+)?"
)  # "a report by the King's Fund"
# a sentence opening on who published the document it is about: "Published by the NHS CB last
# month (July), the fact sheet confirmed …"
_PUBLISHED_BY = re.compile(
    r"(?:Published|Issued|Released|Produced|Prepared|Written|Compiled)\s+"
    r"(?:(?:last|this|earlier|jointly)\s+(?:\w+\s+)?)?by\s+(?:the\s+)?"
)
_DOC_LEAD = re.compile(r"\s*(?:(?:[Tt]he|[Ii]ts|[Aa]n?)\s+)?(?:[‘“][^’”\n]{1,80}[’”]\s*)?")
# a speech verb in the present opening a quotation ("The motion “insists that …”")
_VERB_OPENS_QUOTE = re.compile(
    r"(insists|says|warns|states|claims|argues|notes|adds|urges|calls\s+(?:on|for)|concludes|"
    r"recommends|demands|stresses|believes|suggests)\b"
)
# a document's author in an appositive, up to its closing comma
_AUTHOR_AFTER = re.compile(rf"{_AUTHORED_BY}\s+[^,.;:“”‘’\n]{{2,80}}(?=,)")
_KIND_OWNER = re.compile(rf"[Tt]he\s+(CCG|ICB|LMC|{_KIND_WORDS})['’]s\s+{MODIFIERS}")
# a body named by its kind alone: "the CCG", "the trust", "the integrated care board"
_BODY_BY_KIND = rf"(CCG|ICB|LMC|[Tt]rust|[Cc]ouncil|{_KIND_WORDS})"
# a document's owner by its kind after the noun: "A notice on the trust website", "a letter from
# the council", "a statement issued by the CCG"
_KIND_OWNER_AFTER = re.compile(
    r"\s+(?:(?:issued|released|published|posted|sent)\s+)?(?:on|from|by)\s+the\s+"
    rf"{_BODY_BY_KIND}(?:['’]s)?(?:\s+website)?\s*"
)
# where a clause ends after a name: "…, according to Dr X." (not "according to Dr X’s report")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;!?]|$)")
# a body by its kind after a trailing verb, ending the clause: "…,’ according to the CCG."
_KIND_AFTER_VERB = re.compile(rf"\s+the\s+{_BODY_BY_KIND}(?=\s*(?:[.,;:!?]|$))")
# "said the spokesperson": one introduced before ("a spokesperson from X confirmed …")
# "said a spokesman", "said an ICB spokesperson" (not "a spokesman for X", named by X)
_A_SPOKESPERSON_AFTER = re.compile(
    r"[ \t]+an?[ \t]+(?:(?:CCG|ICB|LMC|PCT|[Cc]ouncil|[Tt]rust)[ \t]+)?spokes(?:man|woman|person)"
    r"\b(?![ \t]+(?:for|from|at|of)\b)"
)
_THE_SPOKESPERSON = re.compile(r"[ \t]+the[ \t]+spokes(?:man|woman|person)\b")
# a name and its acronym: " the Independent Care Review Panel (ICRP)"
_DEFINED_ORG = re.compile(
    r"\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w’'-]*){1,8})"
    r"\s+\((?P<acronym>[A-Z]{2,8})\)"
)
# a quote closing on its sentence's end, and the next sentence opening: ".’ As part of …"
_QUOTE_CLOSES_SENTENCE = re.compile(r"[.!?][’”'\"]\s+(?=[A-Z])")
# a sentence whose subject is "he"/"she": "She was", "But he also raised"
_PRONOUN_OPENS = re.compile(r"\s*(?:(?:But|And|However,?)\s+)?([Hh]e|[Ss]he)\b")
MIN_QUOTE_WORDS = 3
# a first-person subject straight before a speech verb: "… and we believe", "I would argue"
_FIRST_PERSON_SUBJECT = re.compile(
    r"(?:^|[\s,;(])(?:[Ww]e|I)\s+(?:(?:also|still|strongly|firmly|would|do|have|had)\s+){0,2}$"
)
# a quote's closing mark and comma, where a trailing attribution starts ("…,’ the CCG said",
# "…’, the trust said", "…’ the trust said"); not a full stop, after which a new sentence opens
_AFTER_CLOSE = re.compile(r"\s*[’”'\"]?\s*,\s*[’”'\"]?\s*|\s*[’”'\"]\s*(?=[a-z])")
# a speech verb with no subject of its own after "…, but" / "…, and": it shares the one before
_SHARED_VERB = re.compile(r"[^\s‘“'\"],?\s+(?:but|and)\s+(?:also\s+|then\s+|later\s+)?\Z")
# whom a speaker told: "told HSJ", "told Pulse", "told HSJ’s sister title Local Government
# Chronicle", "told MPs" (no part of what was said)
_CAPS = r"(?:[A-Z][\w&’'.-]*\s*){1,4}"
ADDRESSEE = re.compile(
    rf"\s+(?:(?:{_CAPS}[’']s\s+(?:[a-z]+\s+){{1,3}}{_CAPS})|{_CAPS}|"
    r"(?:the\s+)?(?:MPs|peers|reporters|journalists|delegates|members|colleagues|councillors|"
    r"him|her|them|us|me)\b\s*)"
)
# a circumstance after a speech verb: "said, after a meeting …", "told MPs at the hearing that"
SCENE = re.compile(
    r"(?P<comma>,)?\s*(?:after|before|during|when|at|in|on|following|yesterday|today|last)\b"
    r"(?P<that>[^,.;:“‘\"]{0,80}?\bthat\s+)?"
)
_SPACES = re.compile(r"\s*")  # str.isspace() characters, as str.lstrip() strips
ATTRIBUTION_GAP = 40  # characters between a quote's end and a trailing "he said"
# confidence of each way of finding a speaker; below ATTRIBUTED a quote is left unattributed
NAMED, PRONOUN_REF, HEADER, CONTINUED, ORG_REFERENCE, UNATTRIBUTED = 0.95, 0.85, 0.9, 0.8, 0.8, 0.2
ATTRIBUTED = 0.5
MIN_UNATTRIBUTED_WORDS = 5  # a shorter quoted phrase with no speaker is a scare quote or a term
MAX_TERM_WORDS = 3  # a quoted term ("these ‘Level 2’ powers") is at most this long
# a term in quotation marks, not speech: "so-called ‘…’", "known as ‘…’", or a determiner, the
# quoted words and then the noun they qualify ("these ‘Level 2’ co-commissioning powers", "a
# “corner shop” model"); "the ‘very early stages’ of talks" and "his ‘biggest concern’ was" are
# still speech
TERM_BEFORE = re.compile(
    r"(?:\bso-called|\b(?:known|described|referred\s+to)\s+as|\bdubbed|\btermed|\bbranded|"
    r"\blabell?ed|\bthe\s+(?:term|word|phrase|label))\s*$",
    re.I,
)
TERM_DET = re.compile(r"\b(?:the|these|those|this|a|an|its|their|our|your|his|her|new)\s*$", re.I)
TERM_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|for|to|in|on|at|by|with|from|into|over|under|about|that|which|who|whom|and|or|"
    r"but|nor|is|are|was|were|be|been|being|would|will|could|should|may|might|must|can|has|have|"
    r"had|as|than|if|when|while|because|so|it|they|he|she|we|I)\b)[A-Za-z0-9][\w’'-]*"
)
_LABEL = re.compile(r"(?:[A-Z][\w-]*|\d[\w.]*)(?:\s+(?:[A-Z][\w-]*|\d[\w.]*))*")
_FEMALE = {"Ms", "Mrs", "Miss", "Dame", "Baroness", "Lady"}
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_MALE = {"Mr", "Sir", "Lord"}
# what joins two people who speak together: " and ", ", ", " and the director of finance "
_JOINED = re.compile(r",?\s+and\s+(?:(?:the\s+)?[^,;:.“”‘’\"]{0,60}\s)?|,\s+")
# a list of people: ", " between all but the last two
_LISTED = re.compile(r",\s+")
# a sentence opening on the written message its subjects sign: "In a message to patients posted
# on the practice website, GP partners …", "In a letter to the board, …"
_SIGNED_IN = re.compile(
    r"\s*(?:[Bb]ut\s+|[Aa]nd\s+)?In\s+(?:a|an|their|the)\s+(?:joint\s+|open\s+)?"
    r"(?:letter|message|statement|e-?mail|post|notice|newsletter)\b[^.;:“‘\"]*,\s"
)
# words that say two people speak together: "In a joint letter", "said jointly", "together"
_TOGETHER = re.compile(r"\b(?:joint|jointly|together)\b", re.I)
# a name we did not recognise, joined by "and" to the mention after it
_UNKNOWN_JOINED = re.compile(
    r"(?<![\w’'-])[A-Z][a-z’'-]+\s[A-Z][a-z’'-]+(?:,\s[^,;:.“”‘’\"]{2,100},)?\s+and\s+"
    r"(?:(?:the\s+)?[^,;:.“”‘’\"]{0,60}\s)?\s*$"
)
# what joins the first of two people who speak together to the second: " and ", " and LMC chair
# ", or the first one's role appositive and then "and" (", chair of X, and ")
_AND_JOINED = re.compile(
    r",?\s+and\s+(?:(?:the\s+)?[^,;:.“”‘’\"]{0,60}\s)?"
    r"|,\s(?!(?:who|which|whose|when|where|while)\b)[^,;:.“”‘’\"]{2,100},\s+and\s+"
    r"(?:(?:the\s+)?[^,;:.“”‘’\"]{0,60}\s)?"
)
# a mention in a prepositional phrase ("In the FOI response, it said", "from NHS England") is no
# clause's subject
# a speech verb's channel that is a document: "admitted in its consultation", "said in a report"
_IN_DOCUMENT = re.compile(
    rf"\s+in\s+(?:its|their|his|her|a|an|the)\s+{MODIFIERS}{DOC_NOUN}s?\b(?!\s+(?:to|for|of)\b)"
)
# (its subject "it", "they", "he", "she", or a body by its kind: "Responding to Dr X, the CCG")
_OPENING_PHRASE = re.compile(rf"^\s*{_OPENING}\s*(?=(?:it|they|he|she|the)\b)")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Oo]n|[Ff]rom|[Uu]nder|[Tt]hrough|[Ww]ith|[Bb]y|[Tt]o|[Ff]or|[Oo]f|[Ii]nto|"
    r"[Aa]fter|[Bb]efore)\s+(?:the\s+|a\s+|an\s+|its\s+)?$"
)
_PERSONISH = re.compile(r"\b[A-Z][a-z’'-]+\s[A-Z][a-z’'-]+\b")
# where a body is: "in Lewes, East Sussex," (the county after the town is no one's name)
_PLACES = re.compile(
    r"\b(?:in|at|near|outside)\s+[A-Z][\w’'-]*(?:,\s+[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?)*"
)
# a sentence opening on two capitalised words and then a lower-case one: "Jo Bloggs from …"
_UNKNOWN_OPENER = re.compile(
    r"\s*([A-Z][a-z’'-]+)\s[A-Z][a-z’'-]+\s(?:from|of|at|has|had|was|is|[a-z]+ed)\b"
)
# a relative clause with a past-tense verb, then "and" and the speech verb: "NHS England, which
# approved the plan and said", "Jo Bloggs, who chaired the meeting and told"
_RELATIVE_THEN_AND = re.compile(
    r",\s*(?P<rel>which|who)\s+(?:also\s+)?[a-z]+ed\b[^,;:“”‘’\"]{0,80}?\s+and\s+(?:also\s+)?$"
)
# a subheading's words in quotation marks, then the next sentence or quote on the same line
_CROSSHEAD = re.compile(r"(?P<words>[^’”'\".!?,;:\n]{1,60})[’”'\"](?=[ \t]*(?:[‘“'\"]|[A-Z]))")
# a sentence opening on a body by a lower-case description and a verb: "The think tank has also
# urged", "The charity said"
_DESCRIBED_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|However,)\s+)?The\s+(?P<np>[a-z][a-z-]*(?:\s[a-z][a-z-]*){0,2}?)\s+"
    r"(?:has|have|had|is|was|were|are|also|said|says|claimed|claims|urged|warned|added|will|"
    r"would|called|argued|told)\b"
)
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
# a sentence opening on a spokesperson for a body: "A spokesman for NHS Westmoor said"
_SPOKESPERSON_FOR = re.compile(
    r"\s*(?:(?:But|And|However,)\s+)?[Aa]\s+spokes(?P<sex>man|woman|person)\s+(?:for|from|at)\s+"
    r"(?:the\s+)?"
)
# a sentence opening on a body's spokesperson: "A DMSL spokesman said", "An NHS England
# spokeswoman told"
_BODY_SPOKESPERSON = re.compile(
    r"\s*(?:(?:But|And|However,)\s+)?[Aa]n?\s+"
    r"(?=(?P<body>[A-Z][^.,;:“”‘’\"]{0,60}?)\s+spokes(?P<sex>man|woman|person)\b)"
)
_SPOKES_FITS = {"he": {"man", "person"}, "she": {"woman", "person"}}
_UNKNOWN_ACTOR = re.compile(
    r"\b([A-Z][a-z’'-]+)\s([A-Z][a-z’'-]+)\s(?:has\s|had\s|also\s)?"
    r"(?:said|says|told|warned|added|argued|[a-z]+ed)\b"
)
_SENTENCE_OPENERS = frozenset(
    "In On At By For From With After Before During Since Last Next This That These Those The "
    "But And Yet So If When While As Although Though Under Over Until Meanwhile However "
    "Speaking Asked Writing Both Each Every Some Many Most All No Other Such".split()
)
# a person named only by a role ("the chief executive of NHS England", "NHS England's chair",
# "a senior NHS England official"): an unnamed person, neither the organisation nor anyone named
# elsewhere. A spokesperson is the organisation's voice and is no role-holder here.
ROLE_HOLDER = (
    r"(?:(?:new|former|interim|acting|deputy|senior|joint|co-|vice|executive|medical|clinical|"
    r"finance|national|regional|local|top|most\s+senior)[\s-]*)*"
    r"(?:chief\s+executive|chief\s+officer|chief|chair(?:man|woman|person)?|director|official|boss|"
    r"head|leader|president|secretary|officer|manager|lead|executive|minister|adviser|advisor)s?"
)
ROLE_AFTER_ORG = re.compile(rf"^(?:['’]s)?\s+{ROLE_HOLDER}\b", re.I)
# (the role may name its field first: "director of primary care at", "head of commissioning for")
ROLE_BEFORE_ORG = re.compile(
    rf"\b{ROLE_HOLDER}(?:\s+(?:of|for)(?:\s+(?-i:(?:and\s+)?[a-z][\w-]*)){{1,5}})?"
    r"\s+(?:of|at|for|from|with)\s+(?:the\s+)?$",
    re.I,
)
UNNAMED_ROLE_SPEAKS = re.compile(
    # (a role capitalised as a title, "The Chairman stated", is unnamed too)
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,4}}?(?i:{ROLE_HOLDER})\b"
    rf"(?:\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,4}})?"
    rf"\s+(?:has\s+|had\s+|have\s+)?(?:{SPEECH})\b"
)


class _Extractor:
    def __init__(
        self, article: Article, people: PeopleIndex, min_confidence: float = ATTRIBUTED
    ) -> None:
        self.article = article
        self.min_confidence = min_confidence
        self.text = article.text
        self.speakers = ArticleSpeakers(article, people)
        self.quotes: list[Quote] = []
        # the speaker the next quote-only paragraph carries on, how they were found, the span
        # naming them, and where that attribution ended (a name after it makes it uncertain)
        self.last: Speaker | None = None
        self.last_how: tuple[str, float] = ("", 0.0)
        self.last_ev: tuple[int, int] = (-1, -1)
        self.last_at = 0
        self.open_quote = False  # the previous paragraph ended inside an open quotation
        self.quoted: list[tuple[int, int]] = []
        self.sentences: list[tuple[int, int]] = []
        carried = False
        for block, base in zip(article.blocks, article.block_starts(), strict=True):
            spans = quote_spans(block, carried)
            carried = left_open(block, spans)
            self.quoted += [(base + a, base + b) for a, b in spans]
            self.sentences += [(base + x.start, base + x.end) for x in split_spans(block)]
        self._quoted = Intervals(self.quoted)
        self._sentence_starts = [a for a, _ in self.sentences]
        # a name inside quotation marks ("I rang Mr X", straight quotes too) is no speaker and
        # no antecedent of "he"
        self.speakers.items = [x for x in self.speakers.items if not self._in_quote(x[0])]
        # paragraph (by where it starts) -> who was quoted in it
        self.par_speakers: dict[int, set[str]] = {}
        self._block_starts = list(article.block_starts())
        self.last_par = -1
        self._how = ""
        self._sent = (0, 0)  # the sentence being read
        self._doc = (-1, -1)  # the words naming the document that last "spoke"
        self.unnamed_at = -1  # the speech verb of the last quote whose speaker we cannot name
        self._subject_pronouns: dict[str, set[str]] | None = None  # "he"/"she" after each name

    def _in_quote(self, pos: int) -> bool:
        return self._quoted.contains(pos)

    def _near(self, end: int, hi: int, start: int, lo: int) -> bool:
        """A mention speaks through a verb when it is the clause's subject or sits next to the
        verb (a role appositive in between does not count)."""
        gap = self.text[end:hi]
        head = self.text[lo:start]
        for a, b in self.speakers.roles_within(lo, hi):
            if a >= end and b <= hi:
                gap = gap.replace(self.text[a:b], "")
            if a >= lo and b <= start:
                head = head.replace(self.text[a:b], "")
        gap = re.sub(
            r",\s*(?:who|which)\s[^,]{0,80},", ",", gap
        )  # ", who runs a practice in Exeter,"
        gap = re.sub(r"^\s*\([A-Z][^()]{1,60}\)", "", gap)  # "Jo Bloggs (Lab, Dene North) said"
        gap = re.sub(r"^\s*,\s*\d{1,3},", ",", gap)  # "Jo Bloggs, 57, said": an age, no figure
        head = head.strip(" ,")
        if re.search(r"\d", gap):  # "… from NHS England and 60% said": the figure is the subject
            return False
        if re.fullmatch(_OPENING, self.text[lo:start].lstrip()):
            head = ""  # "In a letter to NHS England, Jo Bloggs, a patient …, wrote": the subject
        return len(gap.strip(" ,")) <= 25 or head in {"", "But", "And", "However", "•"}

    def subject(self, lo: int, hi: int) -> Speaker | None:
        """Who speaks in text[lo:hi], the words before a speech verb. Sets self._how to how
        they were found: "named", "pronoun" or "org-ref"."""
        # "‘…,’ the CCG said", "…’, the trust said": the words after a quote's close open with
        # its closing mark and comma, which are no part of the subject
        close = _AFTER_CLOSE.match(self.text, lo, hi)
        lo = close.end() if close else lo
        seg = self.text[lo:hi]
        self._how = "named"
        if _FIRST_PERSON_SUBJECT.search(seg):
            # "X Surgery is one of our smallest contracts and we believe …": the verb's subject
            # is "we", a speaker the words do not name, not the body named before it
            return None
        if _IMPERSONAL.search(seg):
            # "It is believed the practice …", "It was explained that …": "it" holds the place
            # of the clause that follows, and no one is said to speak
            return None
        if _STATEMENT_REF.match(seg.strip()):
            # "Westshire CCG said it had no plans … The statement added: ‘…’": the organisation
            # quoted just before, if no one else is named since
            self._how = "org-ref"
            return self._organisation_just_quoted(hi)
        if _GENERIC_BODY.match(seg.strip()):
            # the organisation quoted just before, when nothing between names anyone else,
            # not even a body we do not recognise (a capitalised word inside a sentence)
            self._how = "org-ref"
            sp = self._organisation_just_quoted(hi)
            if sp is None or self.text.count("\n", self.last_at, lo) > 2:
                return None
            between = "".join(
                " " if self._in_quote(i) else c
                for i, c in enumerate(self.text[self.last_at : lo], self.last_at)
            )
            return None if re.search(r"(?<=[\w,;)]\s)[A-Z]", between) else sp
        if _THE_GROUP.match(seg.strip()):
            self._how = "org-ref"
            return self._the_group(lo)
        plural = _PLURAL_KIND_REF.match(seg.strip())
        body = self._plural_body(plural.group("kind") + "s", lo) if plural else None
        if body is not None:
            # "the ICBs said" is the one body of ICBs the article named before ("A, B and C
            # ICBs"; "the London ICBs" is the same body when its name ends the longer one)
            self._how = "org-ref"
            return body
        short = _SHORT_NAME_STATEMENT.match(seg.strip())
        if short and not self.speakers.between(lo, hi):
            # the one organisation the article names whose name holds those words
            self._how = "org-ref"
            words = short.group("body").split()
            bodies = {
                sp.name: sp
                for a, _, sp in self.speakers.items
                if sp.organisation
                and not sp.is_person
                and not self._in_quote(a)
                and re.search(rf"(?<![\w-]){re.escape(' '.join(words))}(?![\w-])", sp.name)
            }
            return next(iter(bodies.values())) if len(bodies) == 1 else None
        if _THE_JUDGE.match(seg.strip()):
            # the one person the article titles Judge, named before; two or none: unknown
            self._how = "pronoun"
            judges = {
                sp.name: sp
                for a, _, sp in self.speakers.items
                if sp.is_person and sp.title == "Judge" and not self._in_quote(a)
            }
            first = min((a for a, _, sp in self.speakers.items if sp.name in judges), default=hi)
            return next(iter(judges.values())) if len(judges) == 1 and first < lo else None
        sent = _STATEMENT_FROM.match(seg.strip())
        if sent:
            # the one organisation named at the start of the sender's name; a person, two
            # bodies or none: no speaker
            at = lo + len(seg) - len(seg.lstrip()) + sent.start("owner")
            named = [x for x in self.speakers.between(lo, hi) if not self._in_quote(x[0])]
            if len(named) == 1 and named[0][0] == at and not named[0][2].is_person:
                return named[0][2]
            return None
        ref = PRACTICE_REF.match(seg.strip())
        if ref:
            # "the practice" is the one practice the article names in full; two or more: unknown.
            # "the practices": the two the article names, when it names them together
            self._how = "org-ref"
            if ref.group("group"):
                return None if ref.group("plural") else self._the_group(lo)
            plural = bool(ref.group("plural") or ref.group("plural2"))
            found = self.speakers.only_practice(plural)
            if found is None and not plural:
                # "The statement on the practice website said" when the article names several
                # practices: the owner it gave that website first ("on the X Centre’s website")
                the = re.search(r"\b[Tt]he\s", seg)
                if the is not None:
                    a, b = trim(self.text, lo + the.start(), hi)
                    found = self._owner_named_before(a, b)
                    if found is not None:
                        self._how, self._doc = "document-owner", (a, b)
            return found
        ref = PARTNERS_REF.match(seg.strip())
        if ref:
            self._how = "org-ref"
            return self._partners_practice(ref, lo + (len(seg) - len(seg.lstrip())))
        doc = document_subject(seg)
        if doc and not any(
            not sp.is_person and not sp.organisation and sp.end >= hi - 2
            for _, _, sp in self.speakers.between(lo, hi)
        ):  # "Papers seen by Pulse say" stays the group it names
            self._doc = trim(self.text, lo + doc[0], lo + doc[1])
            owner = (
                self._document_owner(*self._doc)
                or self._owner_named_before(*self._doc)
                or self._published_by_opener(*self._doc)
            )
            if owner is not None:
                self._how = "document-owner"  # "NHS London’s letter said": NHS London's words
                return owner
            self._how = "document"
            return DOCUMENT
        rel = _RELATIVE_THEN_AND.search(seg)
        if rel:
            # "talks with NHS England, which approved the plan and said …": the one the
            # relative clause is about speaks, when nothing after it names anyone else
            at = lo + rel.start()
            named = [x for x in self.speakers.between(lo, hi) if not self._in_quote(x[0])]
            if (
                named
                and named[-1][1] == at
                and not (rel.group("rel") == "which" and named[-1][2].is_person)
                and not self._role_holder(named[-1], lo, hi)
            ):
                return named[-1][2]
            return None
        m = re.search(r",?\s*(?:which|who)\s*$", seg)
        found = [x for x in self.speakers.between(lo, hi) if m or self._near(x[1], hi, x[0], lo)]
        # "Mr X’s spokeswoman said", "a spokesman for Dr X said": an unnamed spokesperson speaks
        # for X, and X did not say it; nor does "Dr X’s practice"
        voiced = [x for x in found if x[2].is_person and self._possessor_or_principal(x[0], x[1])]
        if voiced and re.search(r"spokes(?:man|woman|person)", seg, re.I):
            return None
        found = [x for x in found if x not in voiced]
        if (
            found
            and not found[-1][2].is_person
            and re.search(r"\s(?:and|but)\s+(?:then\s+|also\s+)?$", seg)
            and self.speakers.is_object(found[-1][0], found[-1][1])
        ):
            # "Jo Bloggs introduced the petition relating to X Centre and explained …": the verb
            # after "and" shares the subject of the verb before it, not the body just before "and"
            found = found[:-1]
        if not m:
            # "John Carver, who replaced Sir Alan Marsh as chief executive, said": a name inside
            # a relative clause is not the one who speaks
            rel = [
                (lo + r.start(), lo + r.end())
                for r in re.finditer(r",\s*(?:who|which|whose)\s[^,]{0,80},", seg)
            ]
            found = [x for x in found if not any(a < x[0] < b for a, b in rel)]
            # "In the FOI response, it said": a mention in an opening prepositional phrase is
            # not the subject of the clause after it
            opening = _OPENING_PHRASE.match(seg)
            if opening:
                found = [x for x in found if x[0] >= lo + opening.end()]
        if m and found:
            if self._role_holder(found[-1], lo, hi):
                return None
            if "which" in m.group(0) and found[-1][2].is_person:
                # "a summary, signed by him and chairman Andy Bunce, which calls for ‘…’": "which"
                # is a thing's, never a person's
                return None
            return found[-1][2]
        pron = [
            (lo + x.start(), "p", x.group(0).lower())
            for x in PRONOUN.finditer(seg)
            if self._near(lo + x.end(), hi, lo + x.start(), lo)
        ]
        persons = [(a, s, "") for a, _, s in found if s.is_person]
        if pron or persons:
            best = max(pron + persons, key=lambda x: x[0])
            if best[1] != "p":
                if self._coordinated(best[1]):
                    # "Dr A, Dr B and Dr C said": said jointly, by no one of them alone; "A and
                    # B said": the two of them, as one speaker
                    return self._person_pair(best[1], lo)
                return best[1]
            self._how = "pronoun"
            ante = self.speakers.person_before(best[0])
            if ante is None:
                # "A spokesman for NHS Westmoor said …. He added" with no one named before
                return self._body_of_spokesperson(best[0], best[2])
            if ante is not None and ante.title in (_MALE if best[2] == "she" else _FEMALE):
                return None  # "she" after a Mr: the antecedent is not the one named last
            if ante is not None and self._named_as_other_gender(ante, best[2]):
                # "Dr Jo Bloggs … said he would …. She told the committee": not him, but the
                # one named before him whom the article itself calls "she", if any
                ante = self._same_gender_before(ante, best[0], best[2])
                if ante is None:
                    return None
            if ante is not None and self._two_antecedents(best[0], best[2], ante):
                return None
            if ante is not None and self._unnamed_role_since(ante.end, best[0]):
                return None  # "The chief executive of X said … He added": not the one named before
            if ante is not None and ante.end < self.unnamed_at < best[0]:
                return None  # "‘…,’ said one campaigner. ‘…,’ she added": not the one named before
            if ante is not None and self._unknown_name_opens(ante.end, best[0]):
                return None  # "Jo Bloggs from X joined the call. He said": maybe not the one named
            if ante is not None and _SPOKESPERSON.search(self.text, ante.end, best[0]):
                # "A spokesman for NHS England said … He added": the spokesman, who speaks for
                # the body, when the sentence just before opens on them and names no one else
                return self._body_of_spokesperson(best[0], best[2])
            return ante
        if found:
            org = found[-1]
            if _PERSONISH.search(_PLACES.sub(" ", self._unnamed(org[1], hi))):
                return None  # a name we did not recognise stands nearer the verb
            if self._role_holder(org, lo, hi):
                self._how = "role"
                return None  # "The new chief executive of NHS England has said"
            pair = self._practice_pair(org, lo)
            if pair is None and self._joined_to_organisation(org, lo):
                return None  # "Westshire CCG and Mill Lane Surgery said": said jointly
            return pair if pair is not None else org[2]
        spokes = re.search(
            r"(?:^[’”'\"]?\s*|,\s*|\b(?:[Bb]ut|[Aa]nd)\s+)(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?"
            r"spokes(?:man|woman|person)\s*$",
            seg,
        )
        if spokes and not found:
            return self._unnamed_spokesperson(spokes.group(0), hi)
        ref = ORG_REF.match(seg.lstrip())
        if ref and re.search(rf"\b{ROLE_HOLDER}\b", seg, re.I) and not spokes:
            self._how = "role"
            return None  # "The CCG’s chief officer said", "Its chair told": an unnamed person
        if ref and re.search(
            r",\s*(?:while|whereas)\s", seg[len(seg) - len(seg.lstrip()) + ref.end() :]
        ):
            # "22 said they did have plans, while 23 said they did not": the words before the
            # second verb hold the first's statement, and its subject follows "while"
            self._how = "org-ref"
            return None
        if ref:
            self._how = "org-ref"
            word = ref.group(0).split()[-1].lower()
            if word == "they":
                # "The three partners at the practice explained … They said: ‘…’": the practice
                i = bisect_right(self._sentence_starts, lo) - 1
                prev = self.sentences[i - 1] if i >= 1 else None
                opens = PARTNERS_OPEN.match(self.text, prev[0]) if prev else None
                if opens and not self._in_quote(prev[0]) and opens.end() <= prev[1]:
                    return self._partners_practice(opens, prev[0])
                group = (
                    (
                        _GROUP_SPEAKS.match(self.text, prev[0])
                        or _KIND_GROUP_OPENS.match(self.text, prev[0])
                    )
                    if prev
                    else None
                )
                if (
                    group
                    and group.end() <= prev[1]
                    and not self._in_quote(prev[0])
                    and not self.speakers.between(prev[0], group.end())
                    and document_subject(group.group("subj")) is None
                ):
                    # "Partnership bosses say … They say ‘…’": the group the sentence before
                    # speaks of, which the article does not name
                    return None
            named = self._document_since_org(lo)
            if word in {"it", "they"} and named:
                self._how = "document"  # "The agreement was published. It states: ‘…’"
                self._doc = named
                return DOCUMENT
            if word in {"it", "they"}:
                here = self._named_in_sentence(lo)
                if here is not None:
                    # "X CCG said it was …, which it said were ‘…’": the one organisation the
                    # sentence named before; "Local GP leaders said they …": not an organisation
                    return here or None
            if word in {"it", "they"} and self.last is not None and not self.last.is_person:
                return None if self._other_body_opens_before(lo, self.last) else self.last
            kind = re.search(
                rf"\b(?:CCG|ICB|LMC|council|trust|{_KIND_WORDS})\b", ref.group(0), re.I
            )
            kind = kind_of(kind.group(0)) if kind else ""
            found = self.speakers.org_before(lo, kind) or self.speakers.only_of_kind(kind)
            if word in {"it", "they"} and found and self._other_body_opens_before(lo, found):
                return None
            return found
        return None

    def _unnamed_spokesperson(self, words: str, hi: int) -> Speaker | None:
        """Whose "a spokesman" (`words`, the verb at `hi`) is: "…, a spokesman said." — the one
        organisation the sentence names; two: unknown; none: the body of the kind `words` name
        ("an ICB spokesperson") or the organisation just quoted."""
        self._how = "spokesperson"
        s0, s1 = self._sent
        # (a practice the sentence names is what it is about, not whose spokesperson speaks)
        orgs = {
            sp.name: sp
            for a, _, sp in self.speakers.between(s0, s1)
            if sp.organisation and not sp.practice and not self._in_quote(a)
        }
        kind = re.search(r"\b(CCG|ICB|LMC|PCT|[Cc]ouncil|[Tt]rust)\b", words)
        if not orgs and kind:
            # "…,’ an ICB spokesperson said", "a council spokesperson said": the one body of
            # that kind the article names; two: unknown
            return self.speakers.only_of_kind(kind.group(1))
        if not orgs:
            return self._organisation_just_quoted(hi)
        only = next(iter(orgs.values())) if len(orgs) == 1 else None
        if only is not None and kind and not kind_of(only.name).endswith(kind.group(1).lower()):
            return None  # "a CCG spokesperson said" when the sentence names no CCG
        return only

    def _other_body_opens_before(self, pos: int, body: Speaker) -> bool:
        """Whether the sentence before the one at `pos` opens on a body by a description that
        is not `body`'s kind ("The think tank has also urged … It claimed": the think tank,
        not the NHS Alliance named before it)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 1:
            return False
        s0, s1 = self.sentences[i - 1]
        m = _DESCRIBED_SUBJECT.match(self.text, s0, s1)
        if m is None or self._in_quote(s0):
            return False
        if any(not self._in_quote(a) for a, _, _ in self.speakers.between(s0, s1)) or re.search(
            rf"\b(?:the|its)\s+(?:CCG|ICB|LMC|PCT|council|trust|{_KIND_WORDS})\b",
            self.text[m.end() : s1],
            re.I,
        ):
            return False  # "The practice is run by X and the CCG said …. It said": the CCG
        words = set(m.group("np").split())
        return not words & set(kind_of(body.name).split()) and not (
            body.practice and words & {"practice", "surgery"}
        )

    def _plural_body(self, kinds: str, pos: int) -> Speaker | None:
        """The one organisation named before `pos` (outside quotes) whose name ends in `kinds`
        ("ICBs"), every other such name being the end of its name; else None."""
        bodies = {
            sp.name: sp
            for a, _, sp in self.speakers.items
            if a < pos
            and sp.organisation
            and not sp.is_person
            and sp.name.endswith(" " + kinds)
            and not self._in_quote(a)
        }
        if not bodies:
            return None
        longest = max(bodies, key=len)
        if any(name != longest and not longest.endswith(" " + name) for name in bodies):
            return None
        return bodies[longest]

    def _partners_practice(self, ref: re.Match, base: int) -> Speaker | None:
        """The practice whose partners `ref` names (`base`: where the text `ref` matched starts
        in the article): the practice named after "partners at", or, for "the partners" and
        "the partners at the practice", the one practice the article names; else None."""
        at = ref.group("at")
        if at is None or at in ("practice", "surgery"):
            return self.speakers.only_practice()
        a = base + ref.start("at")
        named = [sp for x, y, sp in self.speakers.between(a, a + len(at)) if sp.practice]
        return named[0] if len(named) == 1 else None

    def _carried_into(self, s0: int, qa: int, base: int) -> bool:
        """Whether a quote at `qa` in a sentence (from `s0`) with no speech verb goes on with the
        speaker quoted last: nobody is named (outside quotation marks) before it in the sentence,
        no unnamed speaker spoke since, and either the sentence opens on "he"/"she" standing
        for that person ("She was ‘very concerned’ that …") or the last attribution is in this
        same paragraph ("X said: ‘…’ The measures will cover ‘…’")."""
        last = self.last
        if last is None or last.is_document or self.unnamed_at > self.last_at:
            return False
        if any(not self._in_quote(a) for a, _, _ in self.speakers.between(s0, qa)):
            return False
        lead = self.text[s0 : qa - 1]
        opener = _PRONOUN_OPENS.match(lead)
        if opener:
            pron = opener.group(1).lower()
            ante = self.speakers.person_before(s0 + opener.start(1))
            return (
                last.is_person
                and ante is not None
                and ante.name == last.name
                and last.title not in (_MALE if pron == "she" else _FEMALE)
            )
        return self.last_at >= base and not PRONOUN.search(lead)

    def _document_owner(self, a: int, b: int) -> Speaker | None:
        """The organisation the words text[a:b] naming a document give as its owner: a
        possessive ("NHS London’s letter"), a compound ("the NHS England fact sheet", "An NHS
        England letter inviting …") or "from" ("a letter from NHS London to practices"). Exactly
        one such organisation, else None: "the letter", a person's letter and a letter to a
        body have no organisation that wrote it."""
        noun = _DOC_NOUN_AT.search(self.text, a, b)
        if noun is None:
            return None
        owners = {}
        for x, y, sp in self.speakers.between(a, b):
            if sp.is_person or not sp.organisation or self._in_quote(x):
                continue
            if y <= noun.start():
                owns = _OWNER_LEAD.fullmatch(self.text, a, x) and _OWNER_TAIL.fullmatch(
                    self.text, y, noun.start()
                )
            else:
                owns = x >= noun.end() and _FROM_OWNER.fullmatch(self.text, noun.end(), x)
            if owns:
                owners[sp.name] = sp
        if not owners:
            # "the CCG’s consultation document said": the body "the CCG" stands for
            kind = _KIND_OWNER.fullmatch(self.text, a, noun.start())
            if kind:
                k = kind_of(kind.group(1))
                sp = self.speakers.org_before(a, k) or self.speakers.only_of_kind(k)
                return sp
            # "A notice on the trust website said": the one body of that kind the article names;
            # two or more: no owner
            kind = _KIND_OWNER_AFTER.fullmatch(self.text, noun.end(), b)
            if kind:
                return self.speakers.only_of_kind(kind_of(kind.group(1)))
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _owner_named_before(self, a: int, b: int) -> Speaker | None:
        """ "The framework said" after "a new NHS England commissioning framework": the owner
        the article gave that document when it first named it. Only for "the" document, and
        only when every earlier mention of that noun (outside quotation marks) that gives an
        owner gives the same one and every "a"/"an" one gives one (else there may be two)."""
        doc = self.text[a:b]
        noun = _DOC_NOUN_AT.search(doc)
        if noun is None or not re.match(r"[Tt]he\s", doc):
            return None
        word = noun.group(0).rstrip("s")
        owners: dict[str, Speaker] = {}
        unowned = False
        for m in re.finditer(rf"\b{re.escape(word)}s?\b", self.text[:a]):
            if self._in_quote(m.start()):
                continue
            lo = max(0, m.start() - 80)
            clause = lo + max(self.text.rfind(c, lo, m.start()) + 1 - lo for c in ',.;:“”‘"()')
            dets = [d.start() for d in _DOC_DET.finditer(self.text, clause, m.start())]
            if not dets:
                continue  # a bare noun ("framework documents"): no one document
            # (its author may be in an appositive after it: "The motion, proposed by X LMC,")
            authored = _AUTHOR_AFTER.match(self.text, m.end())
            end = m.end() + len(authored.group(0)) if authored else m.end()
            owner = next((o for d in dets if (o := self._document_owner(d, end)) is not None), None)
            if owner is None:
                owner = self._publisher(clause, dets[-1])
            definite = re.match(r"[Tt]he\s", self.text[dets[-1] :]) is not None
            if owner is not None:
                owners[owner.name] = owner
                # ("a motion that …" then "The motion, proposed by X LMC, said": the one
                # motion, whose owner the definite mention gives)
                unowned = unowned and not definite
            elif not definite:
                unowned = True  # "a framework" no one owns: maybe another document
        if unowned:
            return None
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _published_by_opener(self, a: int, b: int) -> Speaker | None:
        """ "Published by the NHS CB last month, the fact sheet confirmed …": the one body a
        sentence's opening "Published by …" phrase names, when the document text[a:b] is the
        subject straight after its comma (no person named in the phrase)."""
        s0, _ = self._sentence_at(a)
        m = _PUBLISHED_BY.match(self.text, s0)
        if m is None:
            return None
        comma = self.text.find(",", m.end(), a)
        # (the document straight after the comma, its title in quotation marks or not: "the
        # ‘Enhanced services’ fact sheet")
        if comma < 0 or not _DOC_LEAD.fullmatch(self.text, comma + 1, a):
            return None
        named = [x for x in self.speakers.between(m.end(), comma) if not self._in_quote(x[0])]
        if len(named) != 1 or named[0][0] != m.end():
            return None
        sp = named[0][2]
        return sp if not sp.is_person and sp.organisation else None

    def _publisher(self, lo: int, det: int) -> Speaker | None:
        """ "The NAO has published a new report": the organisation that, as the subject just
        before the verb, publishes the document whose determiner is at `det`."""
        for a, b, sp in reversed(self.speakers.between(lo, det)):
            if sp.is_person or not sp.organisation or self._in_quote(a):
                continue
            if _PUBLISHES.fullmatch(self.text, b, det):
                return sp
            return None
        return None

    def _joined_to_organisation(self, mention: tuple, lo: int) -> bool:
        """Whether the organisation at `mention` is joined by "and" to one named just before it
        (in text[lo:]), a practice on either side: two bodies speak together."""
        a, _, sp = mention
        before = [x for x in self.speakers.between(lo, a) if x[1] <= a]
        return bool(
            before
            and before[-1][2].organisation
            and not before[-1][2].is_person
            and (sp.practice or before[-1][2].practice)
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", self.text[before[-1][1] : a])
        )

    def _practice_pair(self, mention: tuple, lo: int) -> Speaker | None:
        """ "X Surgery and Y Practice said": the practice at `mention` with the one joined to it
        by "and" just before it (in text[lo:]), as one speaker; None when it is not such a pair."""
        a, _, sp = mention
        if not sp.practice:
            return None
        before = [x for x in self.speakers.between(lo, a) if x[1] <= a]
        if (
            before
            and before[-1][2].practice
            and re.fullmatch(r"\s+and\s+", self.text[before[-1][1] : a])
        ):
            return joint(before[-1][2], sp)
        return None

    def _unknown_name_opens(self, lo: int, hi: int) -> bool:
        """Whether a sentence starting in text[lo:hi] opens on a name we did not recognise as
        anyone ("Jo Bloggs from Healthwatch dialled in."): two capitalised words, then a
        lower-case word, outside quotation marks and any mention; "he"/"she" after it may be
        that person rather than the one named before."""
        for i in range(bisect_right(self._sentence_starts, lo), len(self.sentences)):
            a, b = self.sentences[i]
            if a >= hi:
                break
            m = _UNKNOWN_OPENER.match(self.text, a, b)
            if (
                m
                and m.group(1) not in _SENTENCE_OPENERS
                and not self._in_quote(m.start(1))
                and not any(x <= m.start(1) < y for x, y, _ in self._mentions_at(m.start(1)))
            ):
                return True
            # "Somerset GP Barry Moyse pointed out that …": a two-word name acting in the
            # sentence, after a place or a role, not the tail of a longer capitalised name
            # ("the Primary Care Commissioning Committee agreed")
            for m in _UNKNOWN_ACTOR.finditer(self.text, a, b):
                before = self.text[max(a, m.start() - 30) : m.start()].split()
                if (
                    m.start() > a
                    and not (before and re.fullmatch(r"[A-Z][a-z’'-]+", before[-1]))
                    and m.group(1) not in _SENTENCE_OPENERS
                    and not not_a_name(f"{m.group(1)} {m.group(2)}")
                    and not self._in_quote(m.start(1))
                    and not any(x <= m.start(1) < y for x, y, _ in self._mentions_at(m.start(1)))
                ):
                    return True
        return False

    def _mentions_at(self, pos: int) -> list[tuple[int, int, Speaker]]:
        items = self.speakers.items
        return [items[k] for k in self.speakers.overlapping(pos, pos + 1)]

    def _coordinated(self, sp: Speaker) -> bool:
        """Whether the person named at sp.start..sp.end is one of several joined by "and"
        ("Dr A, Dr B and Dr C", "A and the director of finance B"), who speak together."""
        if sp.start < 0:
            return False
        items = self.speakers.items
        s0, s1 = self._sentence_at(sp.start)
        for a, b, other in (items[k] for k in self.speakers.starting_in(s0, s1)):
            if not other.is_person or other.name == sp.name or self._in_quote(a):
                continue
            gap = self.text[b : sp.start] if b <= sp.start else self.text[sp.end : a]
            if _JOINED.fullmatch(gap) or _AND_JOINED.fullmatch(gap):
                return True  # (", chair of X, and ": the first one's role, then "and")
        # "Orla Venn and Dr Piet Hallam said": a name we did not recognise joined to this one
        # (not capitalised words of their own role: "Director of Primary Care and Place at NHS
        # Glos Helen Goodey said")
        lo = s0
        if sp.role:
            k = self.text.rfind(sp.role, s0, sp.start)
            if k >= 0 and not self.text[k + len(sp.role) : sp.start].strip():
                lo = sp.start
        return bool(_UNKNOWN_JOINED.search(self._unnamed(lo, sp.start)))

    def _person_pair(self, sp: Speaker, lo: int) -> Speaker | None:
        """ "In a joint letter, ROLE A and ROLE B said", "A, ROLE, and B said jointly", "In a
        message to patients, partners A, B and C said": the person at `sp`, next to the verb,
        and the people joined to them before them by "," and a last "and" (in text[lo:], their
        clause's subject, not an object), as one speaker "A, B and C", when the sentence says
        they speak together ("joint", "jointly", "together") or in one written message they
        sign ("In a letter …, A and B said"). Without that, anyone else joined after them, or a
        list with no "and": None (two names joined by "and" may be one author and a
        co-signatory)."""
        s0, s1 = self._sentence_at(sp.start)
        after = re.split(r"[‘“\"]", self.text[sp.end : min(s1, sp.end + 40)])[0]
        persons = [
            x for x in self.speakers.between(s0, s1) if x[2].is_person and not self._in_quote(x[0])
        ]
        at = next((i for i, x in enumerate(persons) if x[0] == sp.start), None)
        if at is None or at == 0:
            return None
        first_at = persons[at - 1][0]
        if not (
            _TOGETHER.search(self.text[s0 : sp.start])
            or _TOGETHER.search(after)
            or _SIGNED_IN.match(self.text, s0, first_at)
        ):
            return None
        chain = [persons[at]]
        k = at
        while k > 0 and persons[k - 1][0] >= lo:
            gap = self.text[persons[k - 1][1] : persons[k][0]]
            last = k == at
            if not (_AND_JOINED.fullmatch(gap) if last else _LISTED.fullmatch(gap)):
                break
            if persons[k - 1][2].name in {x[2].name for x in chain}:
                return None
            chain.insert(0, persons[k - 1])
            k -= 1
        if len(chain) < 2:
            return None
        if k > 0 and _JOINED.fullmatch(self.text[persons[k - 1][1] : chain[0][0]]):
            return None  # someone else joined before the list (outside this clause)
        if at + 1 < len(persons) and _JOINED.fullmatch(self.text[sp.end : persons[at + 1][0]]):
            return None
        a, b, first = chain[0]
        own_role = any(y == a for _, y in self.speakers.roles_within(max(lo, a - 120), a))
        if self.speakers.is_object(a, b) and not own_role:
            return None  # "Dr X met A and B said": A is an object
        names = [x[2].name for x in chain]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        return Speaker(name, "", "", True, first.start, sp.end, joint=True)

    def _the_group(self, pos: int) -> Speaker | None:
        """ "The group said", "the notice on the group’s website said" (at `pos`): the one body
        the article names whose name ends in "Group", when that is a practice ("Kelso Medical
        Group"; its surgeries named too are no group) and the article speaks of no group of
        another kind before `pos` (outside quotation marks)."""
        groups = {
            sp.name: sp
            for _, _, sp in self.speakers.items
            if sp.organisation and not sp.is_person and sp.name.endswith("Group")
        }
        practice = next(iter(groups.values())) if len(groups) == 1 else None
        if practice is None or not practice.practice:
            return self._group_named_as_such(pos)
        if any(not self._in_quote(m.start()) for m in _OTHER_GROUP.finditer(self.text, 0, pos)):
            return None
        return practice

    def _group_named_as_such(self, pos: int) -> Speaker | None:
        """ "The group said" after "Dene Save our NHS, a campaigning group, has said": the one
        group the article names so before `pos`, when no other group is spoken of between
        (outside quotation marks); two such, or none: None."""
        named = [
            m
            for m in _GROUP_APPOSITIVE.finditer(self.text, 0, pos)
            if not self._in_quote(m.start())
        ]
        if len({m.group("name") for m in named}) != 1:
            return None
        last = named[-1]
        if any(
            not self._in_quote(m.start()) for m in _OTHER_GROUP.finditer(self.text, last.end(), pos)
        ):
            return None
        a, b = last.span("name")
        return Speaker(last.group("name"), "", last.group("name"), False, a, b)

    def _spokesperson_named_before(self, pos: int) -> Speaker | None:
        """Whose "the spokesperson" at `pos` is: the one organisation named as the principal of
        the last "a spokesperson for/from X" before it (outside quotation marks, at most two
        paragraphs before), if no one else is named (outside quotation marks) since."""
        found = [
            m
            for m in SPOKES_FOR.finditer(self.text, max(0, pos - 1500), pos)
            if not self._in_quote(m.start())
        ]
        if not found or self.text.count("\n", found[-1].end(), pos) > 4:
            return None
        m = found[-1]
        a, b = m.span("org")
        principal = {
            sp.name: sp
            for x, y, sp in self.speakers.between(a, b)
            if sp.organisation and not sp.is_person
        }
        if len(principal) != 1:
            return None
        only = next(iter(principal.values()))
        items = self.speakers.items
        for k in self.speakers.starting_in(b, pos):
            x, _, other = items[k]
            if other.name != only.name and not self._in_quote(x):
                return None
        return only

    def _body_of_spokesperson(self, pos: int, pron: str) -> Speaker | None:
        """Whom "he"/"she" at `pos` speaks for when the sentence just before opens on a
        spokesperson for one organisation ("A spokesman for NHS Westmoor said it …. He added:"):
        that organisation, when the sentence names no other and the pronoun fits the word
        ("spokeswoman" is no "he"); else None."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 1:
            return None
        s0, s1 = self.sentences[i - 1]
        if self.text.count("\n", s1, self._sentence_starts[i]) > 2:
            return None  # not the paragraph just before
        lead = _SPOKESPERSON_FOR.match(self.text, s0, s1)
        body_first = _BODY_SPOKESPERSON.match(self.text, s0, s1) if lead is None else None
        lead = lead or body_first
        if lead is None or (lead.group("sex") or "person") not in _SPOKES_FITS[pron]:
            return None
        named = {sp.name: sp for a, _, sp in self.speakers.between(s0, s1) if not self._in_quote(a)}
        if len(named) != 1:
            return None
        body = next(iter(named.values()))
        if body.is_person or not body.organisation:
            return None
        if not any(a == lead.end() for a, _, _ in self.speakers.between(s0, s1)):
            return None  # the body must be the one the spokesperson is for
        if body_first is not None and not any(
            a == lead.end() and b == body_first.end("body")
            for a, b, _ in self.speakers.between(s0, s1)
        ):
            return None  # "A Westmoor CCG finance spokesman": all the words before it are the body
        self._how = "spokesperson"
        return body

    def _organisation_just_quoted(self, pos: int) -> Speaker | None:
        """Whose "A spokesperson said" at `pos` is, when the sentence names no organisation: the
        organisation quoted last, at most two paragraphs before, if no one else (outside
        quotation marks) is named since."""
        sp = self.last
        if sp is None or sp.is_person or not sp.organisation:
            return None
        if self.text.count("\n", self.last_at, pos) > 4:
            return None
        items = self.speakers.items
        for k in self.speakers.starting_in(self.last_at, pos):
            a, _, other = items[k]
            if other.name != sp.name and not self._in_quote(a):
                return None
        return sp

    def _named_in_sentence(self, pos: int) -> Speaker | str | None:
        """Who "it"/"they" at `pos` stands for when the sentence names someone before it (outside
        quotation marks and prepositional phrases): the one organisation named; "" when it
        names a person, a group or two organisations; None when it names no one."""
        s0 = self._sent[0]
        named = {
            sp.name: sp
            for a, _, sp in self.speakers.between(s0, pos)
            if not self._in_quote(a) and not _AFTER_PREPOSITION.search(self.text[s0:a])
        }
        if not named:
            return None
        only = next(iter(named.values()))
        return only if len(named) == 1 and only.organisation and not only.is_person else ""

    def _two_antecedents(self, pos: int, pronoun: str, ante: Speaker) -> bool:
        """Whether "he"/"she" at `pos` could be either of two people: the last sentence naming
        anyone before it names two who fit the pronoun ("Dr A and Dr B met the CCG. He said"),
        and the one picked is not the speaker just quoted."""
        items = self.speakers.items
        found = self.speakers.last_before("person", lambda a, s: s.is_person, pos)
        if found is None:
            return False
        last = found[0]
        sent = self._sentence_at(last)
        persons = [
            (items[k][0], items[k][2])
            for k in self.speakers.starting_in(sent[0], min(sent[1], pos))
            if items[k][2].is_person
        ]
        other = _FEMALE if pronoun == "he" else _MALE
        # a name inside a relative clause ("Simon Stevens, who replaced Sir David Nicholson, …")
        # is not a candidate; an object otherwise is ("Mr A met Mr B. He said" is either)
        rel = [
            (sent[0] + r.start(), sent[0] + r.end())
            for r in re.finditer(
                r",\s*(?:who|which|whose)\s[^,]{0,120},", self.text[sent[0] : sent[1]]
            )
        ]
        fits = {
            sp.name
            for a, sp in persons
            if sent[0] <= a < sent[1]
            and sp.title not in other
            and not any(x < a < y for x, y in rel)
        }
        if len(fits) < 2:
            return False
        return not (self.last is not None and self.last.name == ante.name)

    def _named_as_other_gender(self, person: Speaker, pronoun: str) -> bool:
        """Whether the sentences naming `person` go on with the other subject pronoun only ("Dr
        Jo Bloggs … said that he would apply for a review"): then "she" is not them ("her" is
        left alone: it may be another's, "the patient … went to her GP")."""
        if self._subject_pronouns is None:
            # once per article: each person's naming sentences, read after the name
            self._subject_pronouns = {}
            for a, b, sp in self.speakers.items:
                if not sp.is_person or self._in_quote(a):
                    continue
                end = self._sentence_at(b)[1]
                self._subject_pronouns.setdefault(sp.name, set()).update(
                    w.group(0).lower()
                    for w in _SUBJECT_PRONOUN.finditer(self.text, b, end)
                    if not self._in_quote(w.start())
                )
        words = self._subject_pronouns.get(person.name, set())
        return bool(words) and pronoun not in words

    def _same_gender_before(self, other: Speaker, pos: int, pronoun: str) -> Speaker | None:
        """Whom "she" (or "he") at `pos` stands for when the person named last, `other`, is
        called by the other pronoun: the last person named before them (outside quotation
        marks) whose naming sentences call them by `pronoun` only, when every
        person named between is, like `other`, called by the other pronoun or titled so; else
        None."""
        wrong = _MALE if pronoun == "she" else _FEMALE
        items = self.speakers.items
        # (a pronoun in a sentence naming two people may be either's: "Dr A met Sam B and said
        # he …" tells nothing of Sam B, nor of Dr A)
        crowded: set[str] = set()
        for a, _, sp in items:
            if sp.is_person and not self._in_quote(a):
                s0, s1 = self._sentence_at(a)
                names = {
                    items[j][2].name
                    for j in self.speakers.starting_in(s0, s1)
                    if items[j][2].is_person and not self._in_quote(items[j][0])
                }
                if len(names) > 1:
                    crowded |= names
        if other.title not in wrong and other.name in crowded:
            return None
        for k in reversed(range(bisect_left(items, pos, key=lambda x: x[0]))):
            a, _, sp = items[k]
            if pos - a > 2000:
                return None
            if not sp.is_person or self._in_quote(a) or sp.name == other.name:
                continue
            if sp.title in wrong or (
                sp.name not in crowded and self._named_as_other_gender(sp, pronoun)
            ):
                continue
            words = self._subject_pronouns.get(sp.name, set())
            fits = words == {pronoun} and sp.title not in wrong and sp.name not in crowded
            return sp if fits else None
        return None

    def _sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding `pos` (sentences are in order and never overlap), or
        (pos, pos + 1)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return pos, pos + 1

    def _role_holder(self, mention: tuple, lo: int, hi: int) -> bool:
        """Whether the organisation at `mention` only qualifies an unnamed person who speaks:
        "The NHS England chief executive has announced", "the chief executive of NHS England",
        "Northfield CCG’s chair said", "a senior NHS England official told"."""
        a, b, sp = mention
        if sp.is_person:
            return False
        return bool(
            ROLE_AFTER_ORG.match(self.text[b:hi]) or ROLE_BEFORE_ORG.search(self.text[lo:a])
        )

    def _unnamed_role_since(self, lo: int, hi: int) -> bool:
        """Whether an unnamed role-holder speaks in text[lo:hi] (outside quotation marks), so
        that a later "he"/"she" may be them."""
        return any(
            not self._in_quote(lo + m.start())
            for m in UNNAMED_ROLE_SPEAKS.finditer(self.text[lo:hi])
        )

    def _new_subject(self, vb: int, qa: int, sp: Speaker) -> bool:
        """Whether, between a speech verb and a quote after it, a new clause opens on someone
        else ("Leicester City CCG said it was ‘…’, and Fylde CCG is ‘…’"), so the quote may be
        theirs rather than the verb's subject's."""
        return self._clause_on_other(vb, qa, sp) < qa

    def _clause_on_other(self, lo: int, hi: int, sp: Speaker) -> int:
        """Where in text[lo:hi] a clause opens on someone other than `sp` (", and Fylde CCG
        is", "; Dr X"), or `hi` if none does."""
        for m in re.finditer(r"(?:,\s*(?:and|but|while|whereas)|;)\s+", self.text[lo:hi]):
            at = lo + m.end()
            items = self.speakers.items
            if any(
                a == at or self.text[at:a].strip() in {"the", "The"}
                for a, _, other in (items[k] for k in self.speakers.starting_in(at, at + 5))
                if other.name != sp.name
            ):
                return lo + m.start()
        return hi

    def _shared_subject(self, prev: list, va: int, s0: int) -> Speaker | None:
        """The subject of a speech verb at `va` that has none of its own, joined by "but" or
        "and" to the speech verb before it: "Jo Bell said a bus was planned, but added: ‘…’"
        is Jo Bell's. Not when a person is named in between ("… said Dr X was ill, and
        added"): who adds is then unsure."""
        pa, pb = prev[-1]
        if not _SHARED_VERB.search(self.text, pb, va):
            return None
        if any(sp.is_person for a, _, sp in self.speakers.between(pb, va) if not self._in_quote(a)):
            return None
        earlier = [v for v in prev if v[1] <= pa]
        sp = self.subject(earlier[-1][1] if earlier else s0, pa)
        return sp if sp is not None and not sp.is_document else None

    def _asker(self, s0: int, qa: int) -> Speaker | None:
        """The person who asks the question a quote at `qa` sits in: "Asked by Dr X, the MP
        for Y, how he would make ‘…’" (the question not yet closed by a comma)."""
        m = re.match(r"\s*Asked\s+by\s+", self.text[s0:qa])
        if not m:
            return None
        first = next((x for x in self.speakers.between(s0, qa) if x[2].is_person), None)
        if first is None or first[0] != s0 + m.end():
            return None
        rest = self.text[first[1] : qa - 1]
        rest = re.sub(r"^,[^,;:]{1,120},", "", rest)  # ", the former GP and MP for Totnes,"
        if re.fullmatch(r"\s+(?:how|what|whether|why|when|where|if|about)\b[^,;:.]*", rest):
            return first[2]
        return None

    def _with_addressee(self, va: int, vb: int, s1: int) -> tuple[int, int]:
        """The verb span with whom it was told: "told HSJ", "told X’s sister title Y"."""
        if not self.text[va:vb].lower().startswith(("told", "tells")):
            return va, vb
        told = ADDRESSEE.match(self.text, vb, s1)
        return (va, vb + len(told.group(0).rstrip())) if told else (va, vb)

    def _term(self, qa: int, qb: int) -> bool:
        """Whether the short quoted words at text[qa:qb] are a term or a scare quote, not
        anyone's words: "these ‘Level 2’ co-commissioning powers", "so-called ‘super-practices’"."""
        quoted = self.text[qa:qb]
        if len(quoted.split()) > MAX_TERM_WORDS:
            return False
        head = self.text[max(0, qa - 41) : qa - 1]
        tail = self.text[qb + 1 : qb + 40]
        if TERM_BEFORE.search(head):
            return True
        if _LABEL.fullmatch(quoted) and re.search(r"\d", quoted):
            return True  # ‘Level 2’, ‘Tier 3’
        return bool(TERM_DET.search(head) and TERM_NOUN_AFTER.match(tail))

    def _possessor_or_principal(self, a: int, b: int) -> bool:
        """Whether the person named at text[a:b] is a possessor ("Mr X’s spokeswoman") or the
        principal of a spokesperson ("a spokesman for Dr X")."""
        return bool(
            re.match(r"['’]s\b", self.text[b : b + 2])
            or re.search(
                r"spokes(?:man|woman|person)\s+(?:for|from|at|of)\s+(?:the\s+)?$",
                self.text[max(0, a - 40) : a],
                re.I,
            )
        )

    def _document_since_org(self, pos: int) -> tuple[int, int] | None:
        """Where a document ("the agreement") is last mentioned, outside quotation marks, after
        the last organisation named before `pos` and the last attributed words (so "it" may be
        the document); None if none is."""
        org = self.speakers.org_before(pos)
        lo = max(org.end if org is not None else 0, self.last_at, pos - 600)
        found = [
            (lo + m.start(), lo + m.end())
            for m in DOC_MENTION.finditer(self.text[lo:pos])
            if not self._in_quote(lo + m.start())
        ]
        return found[-1] if found else None

    def _unnamed(self, lo: int, hi: int) -> str:
        """text[lo:hi] without the mentions and quotations in it."""
        out = list(self.text[lo:hi])
        items = self.speakers.items
        for a, b, _ in (items[k] for k in self.speakers.overlapping(lo, hi)):
            for k in range(max(a, lo), min(b, hi)):
                out[k - lo] = " "
        return "".join(out)

    def after(self, lo: int, hi: int) -> Speaker | None:
        """Who speaks in the words after a trailing verb ("…, claims Dr David Geddes")."""
        found = self.speakers.between(lo, hi)
        persons = [s for _, _, s in found if s.is_person]
        if persons:
            return None if self._coordinated(persons[0]) else persons[0]
        if found and self._role_holder(found[0], lo, hi):
            return None  # "…, said the chief executive of NHS England"
        if len(found) > 1:
            pair = self._practice_pair(found[1], found[0][0])  # "…, said X Surgery and Y Practice"
            if pair is not None:
                return pair
        if not found:
            return self._defined_organisation(lo, hi) or self._kind_after(lo, hi)
        return found[0][2]

    def _kind_after(self, lo: int, hi: int) -> Speaker | None:
        """ "…,’ according to the CCG.", "…, said the trust.": a body by its kind alone straight
        after the verb (text[lo:hi]) and ending the clause is the one body of that kind the
        article names; two or more, or none: None."""
        m = _KIND_AFTER_VERB.match(self.text, lo, hi)
        if m is None:
            self._how = "named"
            return None
        found = self.speakers.only_of_kind(kind_of(m.group(1)))
        if found is not None:
            self._how = "org-ref"
        return found

    def _defined_organisation(self, lo: int, hi: int) -> Speaker | None:
        """ "…”, according to the Independent Care Review Panel (ICRP).": a name defined with
        its acronym straight after the verb (text[lo:hi]), the acronym the initials of its
        capitalised words, is an organisation, whatever its name."""
        m = _DEFINED_ORG.match(self.text, lo, hi)
        if m is None:
            return None
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", m.group("name")))
        if initials != m.group("acronym"):
            return None
        a, b = m.span("name")
        return Speaker(m.group("name"), "", m.group("name"), False, a, b)

    def _evidence(self, sp: Speaker, va: int, vb: int) -> tuple[int, int]:
        """The span naming a speaker: the mention and its verb when they are close ("Dr Jo
        Bloggs said"), else the mention alone (the antecedent of "he said")."""
        if sp.is_document or self._how == "document-owner":
            a, b = self._doc  # "The letter from X said", or the document "It" stands for
            return (min(a, va), max(b, vb)) if max(a, va) - min(b, vb) < 200 else (a, b)
        if sp.start < 0:
            return va, vb
        if self._how in ("named", "spokesperson") and max(sp.start, va) - min(sp.end, vb) < 200:
            return min(sp.start, va), max(sp.end, vb)
        return sp.start, sp.end

    def add(
        self,
        a: int,
        b: int,
        sp: Speaker | None,
        kind: str,
        paragraph: int,
        how: tuple[str, float] = ("", UNATTRIBUTED),
        ev: tuple[int, int] = (-1, -1),
    ) -> None:
        a, b = trim(self.text, a, b)
        while b > a and self.text[b - 1] in ",;:":
            b -= 1
        if b <= a:
            return
        named = sp is not None and not sp.is_document and how[1] >= self.min_confidence
        if sp is not None and sp.is_document:
            how = ("document", UNATTRIBUTED)
        # a document's quote is no one's, but keeps the words naming the document as evidence
        cited = named or how[0] == "document"
        self.quotes.append(
            Quote(
                self.text[a:b],
                sp.name if named else "",
                sp.role if named else "",
                sp.organisation if named else "",
                self.article.id,
                self.article.title,
                paragraph,
                a,
                b,
                kind,
                speaker_type=sp.kind if named else "",
                confidence=how[1] if named else UNATTRIBUTED,
                evidence=self.text[ev[0] : ev[1]] if cited and ev[0] >= 0 else "",
                evidence_start=ev[0] if cited and ev[0] >= 0 else -1,
                evidence_end=ev[1] if cited and ev[0] >= 0 else -1,
                method=how[0] if named else (how[0] if how[0] == "document" else "unattributed"),
            )
        )
        if named:
            self.last, self.last_how, self.last_ev, self.last_at = sp, how, ev, b
            self.last_par = self._paragraph_start(a, paragraph)
            self.par_speakers.setdefault(self.last_par, set()).add(sp.name)
        else:
            self.forget()  # a quote-only paragraph after an unattributed quote is not carried on

    def _paragraph_start(self, pos: int, p: int) -> int:
        """Where the paragraph holding `pos` (in block `p`) starts: its block, or its line when
        the line before it ends a sentence (a page whose paragraphs are lines with no blank
        line between; a line broken mid-sentence goes on with the line before it)."""
        text, lo = self.text, self._block_starts[p]
        i = text.rfind("\n", lo, pos)
        while i > lo:
            j = i - 1
            while j > lo and text[j] in " \t":
                j -= 1
            if text[j] in ".!?:’”'\"\n":
                return i + 1
            i = text.rfind("\n", lo, i)
        return lo

    def _line_after(self, pos: int) -> tuple[int, int]:
        """(start, end) of the first non-blank line after the line ending at `pos`, or (-1, -1)."""
        text = self.text
        while pos < len(text):
            start = pos + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end].strip():
                return start, end
            pos = end
        return -1, -1

    def signed_below(self) -> None:
        """A line that is one quote and no one's, signed by a name-and-role line straight below
        it ("“…”" then "Jo Bloggs, fellow at the X Trust"): the quote is that person's, unless a
        quote opens the line after the signature (then that line heads the next quote, as in a
        reaction piece) or the signature is the article's byline."""
        text = self.text
        for i, q in enumerate(self.quotes):
            if q.speaker or q.kind != "direct" or q.method == "document":
                continue
            ls = text.rfind("\n", 0, q.start) + 1
            le = text.find("\n", q.end)
            le = len(text) if le < 0 else le
            if text[ls : q.start].strip(" ‘“'\"") or text[q.end : le].strip(" ’”'\".,"):
                continue  # the quote does not fill its line
            ha, hb = self._line_after(le)
            if ha < 0 or text[ha:hb].strip() == self.article.byline.strip():
                continue
            na, nb = self._line_after(hb)
            if na >= 0 and text[na:nb].lstrip()[:1] in OPEN + "'\"":
                continue
            sp = self._header(text[ha:hb], ha)
            if sp is None:
                continue
            ev = trim(text, ha, hb)
            self.quotes[i] = replace(
                q,
                speaker=sp.name,
                role=sp.role,
                organisation=sp.organisation,
                speaker_type=sp.kind,
                confidence=HEADER,
                evidence=text[ev[0] : ev[1]],
                evidence_start=ev[0],
                evidence_end=ev[1],
                method="signed",
            )

    def forget(self) -> None:
        self.last, self.last_how, self.last_ev = None, ("", 0.0), (-1, -1)

    def _header(self, block: str, base: int) -> Speaker | None:
        """The person a speaker-header line names ("Su Long, Bolton CCG chief officer")."""
        m = HEADER_LINE.fullmatch(block.strip())
        if not m:
            return None
        items = self.speakers.items
        for k in self.speakers.starting_in(base, base + len(block)):
            if items[k][2].is_person:
                return items[k][2]
        return None

    def continuing(self, qa: int) -> tuple[Speaker | None, tuple[str, float], tuple[int, int]]:
        """The speaker a quote-only sentence or paragraph carries on: the last one, unless
        someone else is named (outside quotation marks) since that attribution."""
        none = (None, ("", UNATTRIBUTED), (-1, -1))
        if self.last is None or len(self.par_speakers.get(self.last_par, ())) > 1:
            return none  # a paragraph that quoted two people: which one carries on is unknown
        # (a body inside the speaker's role, "‘…,’ says Westshire LMCs chief executive Dr X", is
        # part of naming them, not someone else)
        for a, _, sp in self.speakers.between(self.last_at, qa):
            if sp.name != self.last.name and not self._in_quote(a):
                return none
        if self._unknown_name_opens(self.last_at, qa):
            return none  # someone we did not recognise acts in between: maybe they speak now
        if self._crosshead(qa):
            return none  # "… a petition. ‘Surgery valued highly’ “This will …”": a subheading
        method, conf = self.last_how
        if method == "header":
            return self.last, self.last_how, self.last_ev
        return (
            self.last,
            ("continuation", CONTINUED if not self.open_quote else HEADER),
            self.last_ev,
        )

    def _crosshead(self, qa: int) -> bool:
        """Whether the quote opening at `qa` is a subheading run into the text: a few words
        with no closing punctuation, in quotation marks after a sentence's end, with the next
        sentence or quote straight after on the same line."""
        if not re.search(r"(?:^|[.!?][ \t]+|\n[ \t]*)[‘“'\"]$", self.text[max(0, qa - 4) : qa]):
            return False
        m = _CROSSHEAD.match(self.text, qa)
        return bool(m) and len(m.group("words").split()) <= 8

    def paragraph(self, p: int, block: str, base: int) -> None:
        header = self._header(block, base)
        if header is not None:
            ev = (base, base + len(block.rstrip()))
            self.last, self.last_how, self.last_ev, self.last_at = (
                header,
                ("header", HEADER),
                ev,
                ev[1],
            )
            self.open_quote = False
            return
        qspans = quote_spans(block, self.open_quote)  # in order, never overlapping
        in_quotes = Intervals(qspans)
        opening = [max(a - 1, 0) for a, _ in qspans]  # where each quotation mark stands

        def quoted(pos: int) -> bool:
            return in_quotes.contains(pos)

        for sent in split_spans(block):
            s0, s1 = base + sent.start, base + sent.end
            self._sent = (s0, s1)
            inner = [
                (base + a, base + b)
                for a, b in qspans[
                    bisect_left(opening, sent.start) : bisect_left(opening, sent.end)
                ]
            ]
            masked = NOT_SPEECH.sub(lambda m: "#" * len(m.group(0)), sent.text)
            verbs = [
                (s0 + v.start(), s0 + v.end())
                for v in _QUOTE_VERB.finditer(masked)
                if not quoted(sent.start + v.start())
            ]
            verbs = [self._with_addressee(va, vb, s1) for va, vb in verbs]
            for qa, qb in inner:
                self.direct(p, qa, qb, s0, s1, verbs, block, base)
            self.reported(p, s0, s1, verbs, inner)
            if not qspans and verbs and sent.end >= len(block.rstrip()):
                self._lead_in(p, s0, verbs, base + len(block.rstrip()))
        # an opening mark with no close before the paragraph ends: the quote carries on
        self.open_quote = left_open(block, qspans)

    def _found_how(self) -> tuple[str, float]:
        """How the speaker `subject` just found was named, and the confidence that gives."""
        conf = {"named": NAMED, "pronoun": PRONOUN_REF}.get(self._how, ORG_REFERENCE)
        return (self._how if self._how != "named" else "verb", conf)

    def _lead_in(self, p: int, s0: int, verbs: list, end: int) -> None:
        """A paragraph that ends on its speech verb and a colon ("A spokesperson for NHS London
        told Pulse:", "Dr X said:") leads the quote in the next paragraph: its speaker is the
        one the next quote-only paragraph carries on."""
        va, vb = verbs[-1]
        if not re.fullmatch(r"\s*(?:that\s*)?:", self.text[vb:end]):  # ("said that:")
            return
        prev = [v for v in verbs if v[1] <= va]
        sp = self.subject(prev[-1][1] if prev else s0, va)
        how = self._found_how()
        if sp is None or sp.is_document or how[1] < self.min_confidence:
            self.forget()  # someone we cannot name speaks next: no earlier speaker carries on
            return
        self.last, self.last_how = sp, how
        self.last_ev, self.last_at = self._evidence(sp, va, vb), end
        self.last_par = self._paragraph_start(va, p)

    def direct(
        self, p: int, qa: int, qb: int, s0: int, s1: int, verbs: list, block: str, base: int
    ) -> None:
        words = len(self.text[qa:qb].split())
        lead = self.text[s0 : qa - 1].strip()
        # "… for the region. “They had …": an opening mark straight after a sentence's end opens
        # a sentence of its own, though the sentence splitter runs the two together
        starts_sentence = lead in {"", "•"} or after_sentence(self.text, qa - 1) > s0
        sp, how, ev = None, ("", UNATTRIBUTED), (-1, -1)
        trailing = [v for v in verbs if v[0] >= qb and v[0] - qb <= ATTRIBUTION_GAP]
        if re.match(
            r"[’”'\"]?[,.;:!?]?\s*(?:while|whereas|but|and|although|though|when|after|because|since|as|"
            r"who|which)\b",
            self.text[qb : qb + 14],
        ):
            trailing = []  # "‘…’, while Dr B called it ‘…’": Dr B speaks the next quote only
        before = [v for v in verbs if v[1] <= qa]
        verb = None
        # "Asked by Dr X, ROLE, how he would make ‘…’, Mr Y said": the words quoted in the
        # question are the asker's, whoever answers
        asker = self._asker(s0, qa)
        if asker is not None:
            sp, verb, self._how = asker, (s0, asker.end), "named"
            trailing = before = []
        if trailing:
            va, vb = verb = trailing[0]
            sp = self.subject(qb, va)
            if sp is None:
                self._how = "named"
                sp = self.after(vb, min(s1, vb + 120))
            unnamed = _A_SPOKESPERSON_AFTER.match(self.text, vb, s1) if sp is None else None
            if unnamed:
                # "‘…,’ said a spokesman.": as "‘…,’ a spokesman said."
                sp = self._unnamed_spokesperson(unnamed.group(0), va)
            if sp is None and _THE_SPOKESPERSON.match(self.text, vb, s1):
                # "‘…,’ said the spokesperson": the one whose principal was named before
                self._how = "spokesperson"
                sp = self._spokesperson_named_before(va)
        if sp is None and before:
            va, vb = verb = before[-1]
            prev = [v for v in before if v[1] <= va]
            lo = prev[-1][1] if prev else s0
            # "…said: ‘… two years.’ As part of its guidance, the LMC said:": a sentence that
            # opens after a quote closed on a full stop, though the splitter ran them together
            closed = list(_QUOTE_CLOSES_SENTENCE.finditer(self.text, lo, va))
            lo = closed[-1].end() if closed else lo
            sp = self.subject(lo, va)
            if sp is None and prev:
                sp = self._shared_subject(prev, va, s0)
            if sp is None and self.text[va:vb].lower().startswith("according"):
                self._how = "named"  # "According to Adler, “…”"
                sp = self.after(vb, qa)
            if sp is not None and self._new_subject(vb, qa, sp):
                sp = None  # "X CCG said it was ‘…’, and Y CCG is ‘…’": not X's words
            channel = _IN_DOCUMENT.match(self.text, vb, qa)
            if (
                sp is not None
                and not sp.is_document
                and channel
                and not re.fullmatch(r"\s*:\s*", self.text[channel.end() : qa - 1])
            ):
                # "The area team admitted in its consultation that … ‘…’": the quoted words are
                # the document's, as with "The consultation said: ‘…’". "NHS England said in its
                # guidance: ‘…’", "Dr X wrote in a blog: ‘…’" give the author's own words
                self._how = "document"
                self._doc = (va, channel.end())
                sp = DOCUMENT
        if sp is None and before:
            agent = re.match(r"\s*by\s", self.text[qb + 1 : qb + 6])
            if agent:  # "described as ‘…’ by local leaders"
                self._how = "named"
                sp = self.after(qb + 1, min(s1, qb + 60))
                verb = (qb + 1, qb + 4)
        opens = _VERB_OPENS_QUOTE.match(self.text, qa)
        if sp is None and not before and not trailing and opens and not starts_sentence:
            # "The motion “insists that GP contracts …”": the speech verb opens the quotation,
            # straight after its subject
            sp = self.subject(s0, qa - 1)
            verb = (qa, opens.end(1)) if sp is not None else None
        final = [v for v in verbs if v[0] >= qb]
        if (
            sp is None
            and not before
            and len(final) == 1
            and len(self.text[final[0][1] : s1].split()) <= 2
        ):
            # "… it is at ‘the very early stages’ of talks, a spokesman said." — a clause-final
            # attribution covers the quotes in the clause
            va, vb = final[0]
            comma = self.text.rfind(",", qb, va)
            if (
                comma >= 0
                and 1 <= len(self.text[comma + 1 : va].split()) <= 6
                and not self._in_quote(comma)
            ):
                sp = self.subject(comma, va)
                verb = (va, vb) if sp is not None else None
        if (
            sp is None
            and not before
            and len(final) == 1
            and self.text[final[0][0] : final[0][1]].lower().startswith("according")
        ):
            # "Practices have ‘worked together’, which has ‘helped them’, according to Dr X.":
            # a clause-final "according to" and the name straight after it cover the clause
            va, vb = final[0]
            comma = self.text.rfind(",", qb, va)
            named = self.speakers.between(vb, s1)
            if (
                comma >= 0
                and not self.text[comma + 1 : va].strip()
                and not self._in_quote(comma)
                and named
                and re.fullmatch(r"\s+(?:the\s+)?", self.text[vb : named[0][0]])
                and _CLAUSE_ENDS.match(self.text, named[0][1])
            ):
                self._how = "named"
                sp = self.after(vb, s1)
                verb = (va, vb) if sp is not None else None
        pronoun = ""
        if trailing:
            subj = re.fullmatch(
                r"[’”'\"]?[,.!?]?\s*([Hh]e|[Ss]he)\s*", self.text[qb : trailing[0][0]]
            )
            pronoun = subj.group(1).lower() if subj else ""
        if sp is not None and verb is not None:
            how, ev = self._found_how(), self._evidence(sp, *verb)
        elif starts_sentence and (not trailing or pronoun):
            # a quote-only sentence or paragraph carries on the previous speaker, and so does
            # one ending "he said" when "he" fits them
            sp, how, ev = self.continuing(qa)
            if (
                sp is not None
                and pronoun
                and (sp.joint or sp.title in (_MALE if pronoun == "she" else _FEMALE))
            ):
                sp, how, ev = None, ("", UNATTRIBUTED), (-1, -1)
        elif not verbs and self._carried_into(s0, qa, base):
            # "X said: ‘…’ The measures will cover ‘…’", "She was ‘very concerned’ that …":
            # a sentence with no speech verb that goes on with the speaker just quoted
            sp, how, ev = self.continuing(qa)
        elif trailing:
            # "‘…,’ said one local campaigner": the quote's own verb has a subject we cannot
            # name; no earlier speaker is carried into it, nor is "he"/"she" after it theirs
            self.unnamed_at = trailing[0][0]
        if (
            sp is None
            and before
            and re.fullmatch(r"\s*(?:that\s*)?[:,]?\s*[‘“'\"]", self.text[before[-1][1] : qa])
        ):
            # "Terri Mee of Kirby Road, Gretton, said: “…”": someone we cannot name speaks;
            # the speaker quoted before does not carry on past them
            self.forget()
        if words < 2 or (words < MIN_QUOTE_WORDS and not (before or trailing)):
            return
        if sp is None and words < MIN_UNATTRIBUTED_WORDS:
            return
        if self._term(qa, qb):
            return  # a scare quote or a term is no quote
        self.add(qa, qb, sp, "direct", p, how, ev)

    def reported(self, p: int, s0: int, s1: int, verbs: list, inner: list) -> None:
        for i, (va, vb) in enumerate(verbs):
            verb = self.text[va:vb]
            if verb.startswith(("describ", "call")):
                continue
            if verb.startswith("put") and verb.endswith("case"):
                # "Dr X put the case for closure.": an act, whose words are the quote that
                # follows; Dr X speaks next, as after "Dr X said:"
                sp = self.subject(verbs[i - 1][1] if i else s0, va)
                how = self._found_how()
                if sp is not None and sp.is_person and how[1] >= self.min_confidence:
                    self.last, self.last_how = sp, how
                    self.last_ev, self.last_at = self._evidence(sp, va, vb), vb
                    self.last_par = self._paragraph_start(va, p)
                continue
            if verb.lower().startswith("according"):
                # "According to Dr Collins, fewer than a third of practices had attended …"
                comma = self.text.find(",", vb, s1)
                sp = self.after(vb, comma) if comma > 0 else None
                role = self.speakers.roles_within(comma, comma + 1) if sp is not None else []
                if role and sp.role and self.text.find(",", role[0][1], s1) > 0:
                    # "According to Dr X, senior partner at the practice, it is …": what they
                    # say starts after their role
                    comma = self.text.find(",", role[0][1], s1)
                if sp is not None and len(self.text[comma + 1 : s1].split()) >= 3:
                    self._how = "named"
                    self.add(
                        comma + 1,
                        s1,
                        sp,
                        "reported",
                        p,
                        ("verb", NAMED),
                        self._evidence(sp, va, vb),
                    )
                continue
            if any(qa - 1 <= vb + 2 and qa >= vb for qa, _ in inner) and not self.text.startswith(
                "that", _SPACES.match(self.text, vb).end()
            ):
                continue  # "said: ‘…’" is a direct quote
            tail = self.text[vb:s1]
            head = self.text[s0:va]
            m = re.search(r",\s*(?:[\w’'-]+\s){0,4}$", head)
            if m and (
                re.match(r",\s*(?:which|who|while|and|but|whereas)\b", head[m.start() :])
                or re.match(r"\s*(?:that\b|:)", tail)
                or not (head[m.start() :].strip(" ,") or self.speakers.between(vb, s1))
            ):
                m = None
            if m and re.fullmatch(_OPENING, head[: m.start()].lstrip() + ", "):
                m = None  # "In a business case, the practices said …": a phrase, no statement
            if m and len(tail.split()) <= 16 and m.start() > 15:
                lead = self.subject(s0, va)
                if (
                    lead is not None
                    and lead.is_person
                    and lead.start == _SPACES.match(self.text, s0).end()
                ):
                    # "Jo Bell, deputy chief inspector, said the CQC ‘…’": the sentence opens
                    # on the speaker and her role, so "said the CQC" is no trailing attribution
                    m = None
            if m and len(tail.split()) <= 16 and m.start() > 15:
                # trailing attribution: "CLAUSE, he added." / "CLAUSE, claims Dr X …"
                sp = self.subject(s0 + m.start(), va)
                if sp is None:
                    self._how = "named"
                    sp = self.after(vb, s1)
                a, b = s0, s0 + m.start()
            else:
                prev_end = verbs[i - 1][1] if i else s0
                sp = self.subject(prev_end, va)
                r = REPORTING.match(tail)
                a = vb + (r.end() if r else 0)
                scene = SCENE.match(self.text, a, s1)
                if scene and scene.group("that"):
                    a = scene.end()  # "said at the meeting that …": the statement follows "that"
                elif (scene and (scene.group("comma") or "," in self.text[vb:a])) or re.match(
                    r"to\s", self.text[a:s1]
                ):
                    # "agreed to pool …", "wrote to the CCG", "Dr X said, after a meeting …":
                    # an action or a circumstance, not a statement
                    continue
                nxt = verbs[i + 1][0] if i + 1 < len(verbs) else s1
                cut = re.search(r",\s*while\s|:\s*[‘“'\"]", self.text[a:nxt])
                if cut and cut.group(0).startswith(":") and not (r and "that" in r.group(0)):
                    continue  # "put it simply when we spoke to her: “…”" leads a direct quote
                b = a + cut.start() if cut else s1
                if sp is not None:
                    b = self._clause_on_other(a, b, sp)  # "…, and Fylde CCG is …" is not theirs
            if sp is not None and sp.is_document:
                self.forget()  # "The letter says …": what follows is not its author's
                continue
            if sp is None:
                continue
            body = self.text[a:b].strip()
            if len(body.split()) < 3:
                continue
            covered = sum(max(0, min(b, qb) - max(a, qa)) for qa, qb in inner)
            if covered >= 0.85 * (b - a):
                continue  # the whole statement is a direct quote, already recorded
            self.add(a, b, sp, "reported", p, self._found_how(), self._evidence(sp, va, vb))


def extract_quotes(
    article: Article, people: PeopleIndex | None = None, min_confidence: float = ATTRIBUTED
) -> list[Quote]:
    """Every quote in `article`; one whose speaker is found with less than `min_confidence`
    is unattributed (speaker "")."""
    ex = _Extractor(article, people or PeopleIndex(), min_confidence)
    for p, (block, base) in enumerate(zip(article.blocks, article.block_starts(), strict=True)):
        if article.byline and p == len(article.blocks) - 1 and block == article.byline:
            continue
        ex.paragraph(p, block, base)
    ex.signed_below()
    return ex.quotes


def comment_quotes(article: Article) -> list[Quote]:
    """Reader comments as quote records: never named, kind 'comment'."""
    return [
        Quote(
            c,
            COMMENT_SPEAKER,
            "",
            "",
            article.id,
            article.title,
            i,
            0,
            len(c),
            "comment",
            speaker_type="comment",
            method="comment",
        )
        for i, c in enumerate(article.comments)
    ]
