"""Who speaks, in sentence shapes news sites use: each test on an invented sentence, one per
layout; precision first (an uncertain speaker stays unattributed)."""

import pytest

from rag.parse import parse_page_text
from rag.quotes import extract_quotes

pytestmark = pytest.mark.unit


def _speakers(*paragraphs: str) -> dict[str, str]:
    page = "A headline about the practices\n\n" + "\n\n".join(paragraphs) + "\n"
    return {q.text: q.speaker for q in extract_quotes(parse_page_text(page, "page"))}


def test_place_names_in_a_long_role_are_not_the_speaker():
    got = _speakers(
        "Maria Quell, Westshire Health’s director of primary care in Bristol, North Dene, "
        "Dene and South Gloucestershire, said Westshire Health had a “high degree of faith” "
        "in local GPs, and anticipated continued good results “because the scheme is sound”."
    )
    assert got["high degree of faith"] == "Maria Quell"
    assert got["because the scheme is sound"] == "Maria Quell"


def test_it_is_the_organisation_the_sentence_named_not_the_last_speaker():
    got = _speakers(
        "The BMA said that although it backed joint working, practices should not be forced "
        "to merge.",
        "NHS Harbourside CCG in east Kent said it was planning two new services, which it "
        "said were ‘only open to practices working together in networks’.",
        "In the FOI reply, it said: ‘Harbourside is currently buying two such services.’",
    )
    assert got["only open to practices working together in networks"] == "NHS Harbourside CCG"
    assert got["Harbourside is currently buying two such services."] == "NHS Harbourside CCG"


def test_they_after_a_group_is_not_the_last_organisation():
    got = _speakers(
        "The LMC said the funding cut mostly comes from the end of the old payments.",
        "Local GP leaders said they acknowledged that elsewhere practices ‘have borne the cost’ "
        "of the changes already.",
    )
    assert got.get("have borne the cost", "") != "LMC"


def test_people_who_speak_together_are_no_one_of_them():
    got = _speakers(
        "In a note to patients, GP partners Dr Alan Frey, Dr Kim Ode and Dr Paula Voss said: "
        "‘With great sadness we must tell you that we have handed back our contract.’"
    )
    assert got["With great sadness we must tell you that we have handed back our contract."] == ""


def test_a_long_role_before_an_untitled_name():
    got = _speakers(
        "Director of primary and community care for NHS Elmshire CCG Rhona Tate said: “The "
        "surgery will stay open and patients can still see a GP as normal.",
        "“Over the next few weeks we will be talking to patients about what they need.”",
    )
    assert got["The surgery will stay open and patients can still see a GP as normal."] == (
        "Rhona Tate"
    )
    assert got["Over the next few weeks we will be talking to patients about what they need."] == (
        "Rhona Tate"
    )


def test_a_role_ending_in_a_bodys_name_is_not_a_name():
    got = _speakers(
        "Dr Ada Lowe, co-chair of NHS Clinical Commissioners, said this ‘shows how much CCGs "
        "care about primary care’."
    )
    assert got["shows how much CCGs care about primary care"] == "Dr Ada Lowe"
    got = _speakers(
        "The director of public health for Greater Manchester said: ‘We will look again at "
        "every one of these contracts.’"
    )
    assert got["We will look again at every one of these contracts."] == ""


def test_an_organisation_speaks_the_quote_in_its_reported_clause():
    got = _speakers(
        "Marsh Vale ICB said that local services are reviewed with GP leaders, and are "
        "‘commissioned to make sure patients get the right care close to home’.",
        "NHS Dunmoor said that as of 6 March, it ‘does not know what the new CCG intends to do’.",
        "The ICB said: ‘We will publish the figures for every practice in the spring.’",
    )
    assert got["commissioned to make sure patients get the right care close to home"] == (
        "Marsh Vale ICB"
    )
    assert got["does not know what the new CCG intends to do"] == "NHS Dunmoor"
    assert got["We will publish the figures for every practice in the spring."] == "Marsh Vale ICB"


def test_a_named_person_speaks_not_the_organisation_in_what_they_said():
    got = _speakers(
        "Rana Obi, NHS Dunmoor’s director of primary care, said NHS Dunmoor had ‘every "
        "confidence in local GPs’ this year."
    )
    assert got["every confidence in local GPs"] == "Rana Obi"


def test_a_curly_quote_closed_by_a_straight_mark_then_he_added():
    got = _speakers(
        "Dr Omar Reid, whose practice saw a 40% cut, said the concerns were raised ‘far too "
        "late’ in the process. ‘Where was the impact assessment?,' he added."
    )
    assert got["Where was the impact assessment?"] == "Dr Omar Reid"


def test_a_lead_in_paragraph_ending_in_a_colon_names_the_next_paragraphs_speaker():
    got = _speakers(
        "Practices in the area were told of the plans last week.",
        "A spokesperson for NHS Westfield told Pulse:",
        "‘We are planning to buy a large number of these contracts in the new year.’",
        "Dr Jane Ames said:",
        "‘This will hurt practices in every part of the city.’",
        "A source told Pulse:",
        "‘We will look at every contract again in the spring of next year.’",
    )
    assert got["We are planning to buy a large number of these contracts in the new year."] == (
        "NHS Westfield"
    )
    assert got["This will hurt practices in every part of the city."] == "Dr Jane Ames"
    # a lead-in whose speaker cannot be named carries no earlier speaker on
    assert got["We will look at every contract again in the spring of next year."] == ""


def test_an_unnamed_spokesperson_speaks_for_the_organisation_just_quoted():
    got = _speakers(
        "NHS Brookvale CCG said its scheme had started in November.",
        "A spokesperson said: ‘We have given our practices money on top of their usual pay.’",
        "Dr Lena Hart, a GP in the town, said the money was welcome.",
        "A spokesperson said: ‘We expect every practice to take part in the scheme.’",
    )
    assert got["We have given our practices money on top of their usual pay."] == (
        "NHS Brookvale CCG"
    )
    # someone else was named since the organisation spoke: whose spokesperson is unknown
    assert got["We expect every practice to take part in the scheme."] == ""


def test_an_untitled_name_before_also_told():
    got = _speakers(
        "Priya Lund also told HSJ that CCGs should now turn to building up primary care.",
        "“Looking ahead, the money for general practice will sit on top of the contract,” she "
        "said.",
    )
    quote = "Looking ahead, the money for general practice will sit on top of the contract"
    assert got[quote] == "Priya Lund"


def test_name_role_and_organisation_with_no_comma_before_the_verb():
    got = _speakers(
        "Practices in the area met on Monday to talk about the change.",
        "Jane Holloway, Director of Nursing, East Ridings CCG said: “We want patients to know "
        "the surgery stays open as normal for now.”",
        "Tom Arden, Chair, the Moorland Fund told HSJ: “Nobody has asked the patients what "
        "they would like to happen.”",
    )
    assert got["We want patients to know the surgery stays open as normal for now."] == (
        "Jane Holloway"
    )
    assert got["Nobody has asked the patients what they would like to happen."] == "Tom Arden"


def test_a_quote_reopened_in_paragraphs_run_together_ends_before_the_next_speaker():
    # a page saved with no blank lines, a short subheading among its lines: one block, in which
    # each paragraph of a quote running on reopens with the same mark
    page = (
        "A headline about the practices\n\n"
        "Two practices in Dene will merge on 1 April after a vote of their members.\n"
        "Mary Vance, accountable officer for the new group, said: ‘We are pleased to get "
        "approval for our plan to bring the two groups together. Thanks to all who helped.\n"
        "‘It will let us work as one team across the whole of the county.’\n"
        "Vote\n"
        "After the vote was counted, Dr Owen Pratt, chair of NHS North Dene CCG, said: ‘Along "
        "with Dr Ruth Kell, GP Chair of NHS South Dene CCG, we would like to thank our members.\n"
        "‘We would also like to thank the staff who worked on the plan this year.’\n"
    )
    got = {q.text: q.speaker for q in extract_quotes(parse_page_text(page, "page"))}
    assert got["It will let us work as one team across the whole of the county."] == "Mary Vance"
    assert (
        got[
            "Along with Dr Ruth Kell, GP Chair of NHS South Dene CCG, we would like to thank our "
            "members."
        ]
        == "Dr Owen Pratt"
    )
    assert got["We would also like to thank the staff who worked on the plan this year."] == (
        "Dr Owen Pratt"
    )


def test_a_quote_whose_own_verb_has_an_unnamed_subject_carries_no_earlier_speaker():
    got = _speakers(
        "Practices in the area met on Monday to talk about the change.",
        "Dr Owen Pratt, chair of the LMC, said: “We were never asked about any of this.”",
        "“We will not stand by and let this surgery close its doors,” said one local campaigner.",
        "“Nobody has told us where the patients will go after this,” she added.",
    )
    assert got["We were never asked about any of this."] == "Dr Owen Pratt"
    assert got["We will not stand by and let this surgery close its doors"] == ""
    assert got["Nobody has told us where the patients will go after this"] == ""


def test_a_last_paragraph_cut_off_inside_a_quote_is_kept():
    # the saved page stops mid-quote: no closing mark, no full stop; it is text, not a link
    page = (
        "A headline about the practices\n\n"
        "The CCG has stopped paying for the care home service, which forty practices ran.\n\n"
        "Dr Noor Bashir added: ‘The service has been stopped with no real"
    )
    got = {q.text: q.speaker for q in extract_quotes(parse_page_text(page, "page"))}
    assert got == {"The service has been stopped with no real": "Dr Noor Bashir"}
    # a trailing related-story link with its quote closed is still dropped
    page = page.replace("with no real", "with no real notice.’") + "\n\n‘GPs are at breaking point’"
    article = parse_page_text(page, "page")
    assert article.paragraphs[-1].endswith("notice.’")


def test_a_last_paragraph_cut_off_after_a_whole_sentence_is_kept():
    # the saved page stops one letter into the next sentence: text, not a link or a tag
    page = (
        "A headline about the practices\n\n"
        "The practice will send its patients to a surgery run by the same group nearby.\n\n"
        "This move will ‘ease the pressure on the staff,’ according to the CCG. T"
    )
    article = parse_page_text(page, "page")
    assert "ease the pressure on the staff" in article.paragraphs[-1]
    # a trailing tag line is still dropped
    tagged = page.replace(" T", "") + "\n\nGP practice closures"
    assert parse_page_text(tagged, "page").paragraphs[-1].endswith("according to the CCG.")


def test_he_after_a_sentence_opening_on_an_unknown_name_is_unattributed():
    got = _speakers(
        "Mr Arun Pell said: ‘It is a sad day for the patients of this town and for the staff.’",
        "Tom Ridley from the patients’ group joined the meeting by phone.",
        "He said: ‘I spoke for as long as I was allowed to, and that was not very long.’",
    )
    assert got["It is a sad day for the patients of this town and for the staff."] == "Mr Arun Pell"
    assert got["I spoke for as long as I was allowed to, and that was not very long."] == ""


def test_she_is_the_person_who_spoke_not_an_object_before_a_role():
    # the name after a lower-case role word is still the one who speaks when "said" follows it
    got = _speakers(
        "In the letter, the national director of primary care commissioning Wendy Marsh said "
        "practices were worried about the cuts.",
        "She said the board is ‘asking every local commissioner to publish its plans first’.",
    )
    assert got["asking every local commissioner to publish its plans first"] == "Wendy Marsh"
    # a name closing a clause after its speech verb is that verb's subject
    got = _speakers(
        "Two CCGs pulled out because of ‘very strong feeling against the plan’, said Dr Ann Cole.",
        "It was, she said, ‘a shame that we could not find a better way through this’.",
    )
    assert got["a shame that we could not find a better way through this"] == "Dr Ann Cole"


def test_quote_paragraphs_run_together_on_one_line_keep_their_speaker():
    # a page saved without paragraph breaks: each new paragraph of the quote opens with “ and
    # the one before it is never closed, so all are the same speaker's
    got = _speakers(
        "Chair of the panel, Cllr Ruth Amble, said:",
        "“The board took over from the old groups and runs the health budget for the county. "
        "“They told us the centre would shut in the spring, with no new building ready. "
        "“This is a poor start, and I hope they can explain themselves at our meeting.”",
    )
    assert got[
        "The board took over from the old groups and runs the health budget for the county."
    ] == ("Cllr Ruth Amble")
    assert got["They told us the centre would shut in the spring, with no new building ready."] == (
        "Cllr Ruth Amble"
    )
    assert got["This is a poor start, and I hope they can explain themselves at our meeting."] == (
        "Cllr Ruth Amble"
    )


def test_a_spelt_out_board_speaks_and_is_what_the_board_refers_to():
    got = _speakers(
        "The Integrated Care Board for Westmoor and the Isle of Tarn said the surgery would "
        "close in March.",
        "Councillor Jo Frame said the decision was wrong.",
        "In reply, a spokesperson for the integrated care board said: ‘We were told of the "
        "resignation just before Christmas.",
        "‘Since then the practice has put forward a plan run by nurses, which we looked at.’",
    )
    board = "Integrated Care Board for Westmoor and the Isle of Tarn"
    assert got["We were told of the resignation just before Christmas."] == board
    assert (
        got["Since then the practice has put forward a plan run by nurses, which we looked at."]
        == board
    )
    # the kind alone names no one body
    got = _speakers("But the Integrated Care Board said it was ‘looking again at both practices’.")
    assert got.get("looking again at both practices", "") == ""


def test_an_area_team_named_by_its_places_speaks_for_the_area_team():
    got = _speakers(
        "The Dene, Marsh and Holt area team has now decided the future of three practices.",
        "A spokeswoman for the area team said: ‘Patients will get a letter about the change "
        "in the next few weeks.’",
    )
    assert got["Patients will get a letter about the change in the next few weeks."] == (
        "Dene, Marsh and Holt area team"
    )


def test_words_quoted_from_a_bodys_document_are_the_documents():
    got = _speakers(
        "The Holt CCG admitted in its consultation that the old contracts gave ‘poor value for "
        "the money spent’ compared with the others."
    )
    assert got["poor value for the money spent"] == ""


def test_an_object_before_a_trailing_said_is_not_the_antecedent():
    got = _speakers(
        "Mr Tom Vale said the board would meet on Monday.",
        "The board has now appointed Mr Jack Hart, said the chair of the panel.",
        "He said: ‘We are pleased to have found someone with his experience for the job.’",
    )
    assert got["We are pleased to have found someone with his experience for the job."] != (
        "Mr Jack Hart"
    )


def test_a_regional_office_named_by_its_place_words_speaks():
    got = _speakers(
        "NHS England Fenland Vale had said: ‘Every contract in the area will be reviewed "
        "before the end of next year.’",
        "NHS England Chief Executive Jo Marsh said: ‘We will support every practice through "
        "the change.’",
    )
    assert got["Every contract in the area will be reviewed before the end of next year."] == (
        "NHS England Fenland Vale"
    )
    assert got["We will support every practice through the change."] == "Jo Marsh"


def test_a_document_speaks_for_the_organisation_named_as_its_owner():
    got = _speakers(
        "NHS Riverton’s letter said: ‘Every practice will be offered the same contract.’",
        "A briefing from Marshland CCG to local practices said: ‘Funding will stay level for "
        "two years.’",
        "GP contracts An NHS England fact sheet sent to practices says: ‘Area teams will "
        "review each local scheme.’",
    )
    assert got["Every practice will be offered the same contract."] == "NHS Riverton"
    assert got["Funding will stay level for two years."] == "Marshland CCG"
    assert got["Area teams will review each local scheme."] == "NHS England"


def test_a_document_with_no_organisation_as_its_owner_stays_unattributed():
    got = _speakers(
        "Marshland CCG met on Tuesday. The letter said: ‘Every practice will be offered the "
        "same contract.’",
        "Dr Ann Hale’s report said: ‘Funding will stay level for two years at the least.’",
        "A letter to NHS Riverton from the patients said: ‘We want our surgery kept open.’",
    )
    assert got["Every practice will be offered the same contract."] == ""
    assert got["Funding will stay level for two years at the least."] == ""
    assert got["We want our surgery kept open."] == ""


def test_a_quote_in_a_sentence_with_no_speech_verb_goes_on_with_the_speaker_just_quoted():
    got = _speakers(
        "Dr Nina Vell, chair of Dunmore LMC, said the plans had been rushed.",
        "She was ‘deeply worried’ that the new rules ‘will leave small practices without any "
        "support at all’.",
        "Mr Tom Ash said: ‘We will pay for what works, not for activity.’ The new measures "
        "will cover ‘patient experience and the quality of care people receive’.",
    )
    assert got["will leave small practices without any support at all"] == "Dr Nina Vell"
    assert got["patient experience and the quality of care people receive"] == "Mr Tom Ash"


def test_a_verbless_sentence_is_nobodys_after_someone_else_or_a_new_paragraph():
    got = _speakers(
        "Mr Tom Ash said the plans had been rushed.",
        "She was ‘deeply worried’ that the new rules ‘will leave small practices without any "
        "support at all’.",
        "Mr Tom Ash said: ‘We will pay for what works, not for activity.’ Dr Nina Vell is "
        "sure the rules ‘will leave patients worse off than they are now’.",
        "The new measures will cover ‘patient experience and the quality of care people receive’.",
    )
    assert got["will leave small practices without any support at all"] == ""
    assert got["will leave patients worse off than they are now"] == ""
    assert got["patient experience and the quality of care people receive"] == ""


def _quotes_of(title: str, *paragraphs: str) -> dict[str, str]:
    page = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return {q.text: q.speaker for q in extract_quotes(parse_page_text(page, "page"))}


def test_the_ccg_before_any_is_named_is_the_one_ccg_the_article_names():
    got = _quotes_of(
        "Surgery to close as Eastmere CCG ends its contract",
        "The CCG said: ‘We have found places for every patient at nearby practices.’",
    )
    assert got["We have found places for every patient at nearby practices."] == "Eastmere CCG"
    got = _quotes_of(
        "Surgery to close",
        "The CCG said: ‘We have found places for every patient at nearby practices.’",
        "Dr Lou Penn, chair of Eastmere CCG, said the decision had been hard.",
    )
    assert got["We have found places for every patient at nearby practices."] == "Eastmere CCG"


def test_the_ccg_is_no_one_when_the_article_names_two():
    got = _quotes_of(
        "Surgery to close as Eastmere CCG ends its contract",
        "The CCG said: ‘We have found places for every patient at nearby practices.’",
        "Patients may also register with practices in Westmere CCG, it added.",
    )
    assert got["We have found places for every patient at nearby practices."] == ""


def test_confirmed_to_is_a_statement_and_confirmed_by_is_none():
    got = _speakers(
        "NHS Tarnford CCG confirmed to Pulse that the change was made because ‘a more open "
        "process’ was needed.",
        "The plans, confirmed by NHS England in May, could ‘put every small practice at risk "
        "of closure’, the LMC motion says.",
    )
    assert got["a more open process"] == "NHS Tarnford CCG"
    assert got.get("put every small practice at risk of closure", "") != "NHS England"


def test_the_ccgs_document_is_the_ccg_named_before():
    got = _speakers(
        "Westmere CCG is consulting on the change.",
        "The CCG’s letter said: ‘Practices with fewer patients will be asked to merge.’",
    )
    assert got["Practices with fewer patients will be asked to merge."] == "Westmere CCG"


def test_his_ccg_is_no_organisation_named_his():
    got = _speakers(
        "Dr Omar Reid said: ‘We are ready to take this on.’ His CCG has ‘several plans in "
        "hand for local practices’ already.",
        "Her CCG said: ‘The plans are not yet agreed by the board.’",
    )
    assert got["several plans in hand for local practices"] == "Dr Omar Reid"
    assert "His CCG" not in got.values() and "Her CCG" not in got.values()


def test_a_quote_signed_by_a_name_and_role_line_below_it():
    got = _speakers(
        "The report looks at six practices over two years.",
        "“Our study shows that small practices are closing faster than anyone expected.”",
        "Rosa Tindall, senior fellow at the Westfield Trust and report author",
        "The authors found that most practices had lost staff.",
    )
    assert got["Our study shows that small practices are closing faster than anyone expected."] == (
        "Rosa Tindall"
    )


def test_a_name_line_above_the_next_quote_signs_no_quote_before_it():
    got = _speakers(
        "The report looks at six practices over two years.",
        "“Our study shows that small practices are closing faster than anyone expected.”",
        "Rosa Tindall, senior fellow at the Westfield Trust",
        "“We need to act on these findings before the winter starts.”",
    )
    assert (
        got["Our study shows that small practices are closing faster than anyone expected."] == ""
    )
    assert got["We need to act on these findings before the winter starts."] == "Rosa Tindall"


def test_a_sentence_opening_on_a_name_from_a_body_names_a_person():
    got = _speakers(
        "Mr Ivo Stark, the practice manager, said: ‘We are sorry to see the surgery close.’",
        "Nell Carrow from Healthwatch Dene joined the meeting by phone.",
        "She said: ‘I spoke up for the patients as much as I could on the day.’",
    )
    assert got["I spoke up for the patients as much as I could on the day."] == "Nell Carrow"
    got = _speakers(
        "Mr Ivo Stark, the practice manager, said: ‘We are sorry to see the surgery close.’",
        "Greater Dene from April will have two fewer surgeries.",
        "He said: ‘I spoke up for the patients as much as I could on the day.’",
    )
    assert got["I spoke up for the patients as much as I could on the day."] != "Greater Dene"


def test_a_name_first_given_bare_takes_its_title_when_given_later():
    got = _speakers(
        "Nell Carrow, chair of Dene LMC, said the plans were rushed.",
        "Dr Nell Carrow said: ‘We were never asked about any of this.’",
    )
    assert got["We were never asked about any of this."] == "Dr Nell Carrow"


def test_a_name_and_role_with_no_closing_comma_before_said_colon_speaks_the_next_quote():
    got = _speakers(
        "Two practices in Bedwell will take the patients, the ICB said on Monday.",
        "Ann Kerr, Managing Partner for Elm Row Surgery said:",
        "“We have the capacity to register every patient who needs us.”",
    )
    assert got["We have the capacity to register every patient who needs us."] == "Ann Kerr"


def test_someone_else_named_inside_the_clause_is_not_given_the_quote():
    got = _speakers(
        "The practice closed in March.",
        "Jo Lund, whose partner Dr Sam Hart said:",
        "“We could not find another GP to take the list on.”",
    )
    assert got["We could not find another GP to take the list on."] != "Jo Lund"


def test_the_principal_of_a_spokesperson_is_an_organisation_whatever_its_name():
    got = _speakers(
        "The surgery was put out to tender last year.",
        "A spokesperson for Carewell told Pulse: ‘We are delighted to take on the practice.’",
        "A spokesman for Health Secretary Jo Hale said: ‘We will look at the figures closely.’",
    )
    assert got["We are delighted to take on the practice."] == "Carewell"
    assert got["We will look at the figures closely."] != "Health Secretary Jo Hale"


def test_a_capitalised_word_describing_the_principal_is_no_organisation():
    got = _speakers(
        "NHS Westbay CCG cut the funding in March.",
        "A spokesperson for the GP practice told Pulse: ‘We had no choice but to hand it back.’",
        "A spokesperson for the CCG said: ‘We will support patients to register elsewhere.’",
    )
    assert got["We had no choice but to hand it back."] != "GP"
    assert got["We will support patients to register elsewhere."] != "CCG"


def test_the_partners_at_a_named_surgery_speak_for_the_surgery():
    got = _speakers(
        "The partners at the Willow Brook Surgery in Eastham said: ‘We have taken the very "
        "hard choice to hand back our contract.’",
    )
    assert got["We have taken the very hard choice to hand back our contract."] == (
        "Willow Brook Surgery"
    )


def test_a_practice_named_in_passing_is_not_what_they_stands_for():
    got = _speakers(
        "Westshire CCG said a sale of the building was being discussed with its owner.",
        "The two surgeries are run by Hollins Lane Health Centre, and more rooms are planned.",
        "A CCG spokesperson said patients would be consulted.",
        "They added: “We are assured no sale will go ahead while NHS services use the site.”",
    )
    assert got["We are assured no sale will go ahead while NHS services use the site."] != (
        "Hollins Lane Health Centre"
    )


def test_the_practice_is_the_one_practice_the_article_names():
    got = _speakers(
        "Patients of Marsh Road Medical Centre in Lowfield will be cared for by locums.",
        "A notice on the Lowfield practice website reads: ‘It is with sadness that the "
        "partners have resigned their contract.",
        "‘Every effort was made to keep the surgery open for our patients.’",
        "In a letter to patients, the practice said it was ‘working closely with the CCG to "
        "find a new provider’.",
    )
    assert got["It is with sadness that the partners have resigned their contract."] == (
        "Marsh Road Medical Centre"
    )
    assert got["Every effort was made to keep the surgery open for our patients."] == (
        "Marsh Road Medical Centre"
    )
    assert got["working closely with the CCG to find a new provider"] == "Marsh Road Medical Centre"


def test_the_practice_stays_unattributed_when_two_practices_are_named():
    got = _speakers(
        "Patients of Marsh Road Medical Centre will move to Hill Top Surgery next year.",
        "The statement on the practice website said: ‘We will write to every patient before "
        "the move.’",
    )
    assert got["We will write to every patient before the move."] == ""


def test_two_practices_named_together_speak_as_one():
    got = _speakers(
        "Brook Lane Surgery and Elm Tree Practice said: ‘Joining forces will let us open "
        "longer hours for patients.’",
    )
    assert got["Joining forces will let us open longer hours for patients."] == (
        "Brook Lane Surgery and Elm Tree Practice"
    )
    got = _speakers(
        "‘We will keep both sites open for patients,’ said Brook Lane Surgery and Elm Tree "
        "Practice."
    )
    assert got["We will keep both sites open for patients"] == (
        "Brook Lane Surgery and Elm Tree Practice"
    )


def test_the_practices_are_the_pair_the_article_names_together():
    merge = "Plans to merge Brook Lane Surgery and Elm Tree Practice in Upton were approved."
    said = "In their application, the practices said the merger would “spread the load of staff absence”."
    assert _speakers(merge, said)["spread the load of staff absence"] == (
        "Brook Lane Surgery and Elm Tree Practice"
    )
    third = "The merged practice will be called Upton Medical Group."
    assert _speakers(merge, third, said)["spread the load of staff absence"] == ""


def test_the_statement_added_goes_on_with_the_organisation_just_quoted():
    said = "Westshire CCG said it had no plans to close the Mill Lane surgery in the town."
    added = "The statement added: ‘We are working with the partners on every option open to us.’"
    got = _speakers(said, added)
    assert got["We are working with the partners on every option open to us."] == "Westshire CCG"
    other = "Dr Jo Bloggs, a GP in the town, said the partners wanted to stay."
    got = _speakers(said, other, added)
    assert got["We are working with the partners on every option open to us."] == ""


def test_a_report_by_a_named_organisation_is_its_words():
    got = _speakers(
        "A report by the Westshire Health Trust said the scheme had ‘raised standards in most "
        "of the practices’.",
        "A review commissioned by NHS England said the pilots had ‘not yet shown lasting "
        "savings for the area’.",
        "The review said the pilots had ‘cut waiting times for many patients’.",
        "A report prepared by the Eastfield Institute said practices were ‘short of nurses "
        "in every town’.",
    )
    assert got["short of nurses in every town"] == "Eastfield Institute"
    assert got["raised standards in most of the practices"] == "Westshire Health Trust"
    assert got["not yet shown lasting savings for the area"] == ""
    assert got["cut waiting times for many patients"] == ""


def test_an_author_saying_in_their_document_with_a_colon_gives_their_words():
    got = _speakers(
        "NHS England said in its guidance: ‘Commissioners should review every contract by March.",
        "‘They should publish the results of each review within a month.’",
        "Dr Jo Bloggs, chair of Westshire LMC, wrote in a blog: ‘We cannot back a plan that "
        "moves money away from practices.’",
    )
    assert got["Commissioners should review every contract by March."] == "NHS England"
    assert got["They should publish the results of each review within a month."] == "NHS England"
    assert got["We cannot back a plan that moves money away from practices."] == "Dr Jo Bloggs"


def test_a_spokesperson_for_the_practice_speaks_for_the_one_practice_named():
    got = _speakers(
        "Fellside Medical Group covers a large rural area with a small list.",
        "Speaking to the Gazette, a spokesperson for the GP practice said the cut had left "
        "them with ‘no real choice’ but to hand back the contract.",
        "A spokeswoman for the surgery said: ‘Patients will be written to this week.’",
    )
    assert got["no real choice"] == "Fellside Medical Group"
    assert got["Patients will be written to this week."] == "Fellside Medical Group"


def test_a_practice_name_never_takes_in_an_owner_before_it():
    from rag.quote_speakers import PRACTICE

    found = [
        m.group(0) for m in PRACTICE.finditer("to close Carewell’s Brookside Medical Practice")
    ]
    assert found == ["Brookside Medical Practice"]


def test_a_spokesperson_is_not_the_practice_the_sentence_is_about():
    got = _speakers(
        "Patients of Mill Lane Surgery will be ‘moved to other practices in the town’, a "
        "spokesperson said.",
        "Patients of NHS England’s Kent list will be ‘offered a new practice by June’, a CCG "
        "spokesperson said.",
    )
    assert got["moved to other practices in the town"] == ""
    assert got["offered a new practice by June"] == ""


def test_a_commissioner_and_a_practice_speaking_together_are_neither_alone():
    got = _speakers(
        "Westshire CCG and Mill Lane Surgery said: ‘Patients will be able to use either site "
        "from May.’"
    )
    assert got["Patients will be able to use either site from May."] == ""


def test_a_practice_name_never_starts_on_a_term_word():
    from rag.quote_speakers import PRACTICE

    terms = (
        "under Good Clinical Practice rules, with Advanced Nursing Practice and a Practice Nurse"
    )
    assert [m.group(0) for m in PRACTICE.finditer(terms)] == []


def test_a_name_label_run_into_its_caption_still_names_the_person():
    got = _speakers(
        "Patients lost their doctor overnight Ailsa McFee Ailsa McFee, a retired teacher who "
        "lost her GP when the contract ended. Photograph: A Photographer",
        "Last spring, McFee learned from a leaflet that the surgery would shut. “Nobody asked "
        "any of us what we wanted and then it was simply gone,” she said.",
    )
    assert got["Nobody asked any of us what we wanted and then it was simply gone"] == "Ailsa McFee"


def test_two_people_writing_a_joint_letter_speak_as_one():
    got = _speakers(
        "In a joint letter to surgeries, Tamworth ICB director of finance Orla Venn and LMC "
        "secretary Dr Piet Hallam said: ‘The board will add a further £3 million next year.",
        "‘The money will close the gaps in services that practices have raised with us.’",
        "Ms Venn later said: ‘We expect every practice to benefit from the new funding.’",
    )
    assert got["The board will add a further £3 million next year."] == (
        "Orla Venn and Dr Piet Hallam"
    )
    assert got["The money will close the gaps in services that practices have raised with us."] == (
        "Orla Venn and Dr Piet Hallam"
    )
    assert got["We expect every practice to benefit from the new funding."] == "Orla Venn"


def test_two_people_with_role_appositives_who_say_so_jointly():
    got = _speakers(
        "Orla Venn, finance director at Tamworth ICB, and Dr Piet Hallam, the LMC secretary, "
        "said jointly: ‘Nobody should lose their practice over this funding gap.’"
    )
    assert got["Nobody should lose their practice over this funding gap."] == (
        "Orla Venn and Dr Piet Hallam"
    )


def test_two_people_not_said_to_speak_together_are_no_one_and_three_who_do_are_one_speaker():
    got = _speakers(
        "Writing in the guidance, NHS Westland director of policy Orla Venn and the deputy "
        "director Piet Hallam said: ‘Area teams should start their reviews from April.’",
        "In a joint statement, Dr Amy Roe, Dr Ben Sayer and Dr Cal Twine said: ‘We have "
        "decided with great regret to hand back our contract.’",
    )
    assert got["Area teams should start their reviews from April."] == ""
    # (signed by all three: one joint speaker, as the real-page gold writes it)
    assert got["We have decided with great regret to hand back our contract."] == (
        "Dr Amy Roe, Dr Ben Sayer and Dr Cal Twine"
    )


def test_a_name_not_recognised_joined_to_the_speaker_leaves_the_quote_unattributed():
    got = _speakers(
        "In a joint letter, Orla Venn and Dr Piet Hallam said: ‘The board will add a further "
        "£3 million next year.’",
        "Orla Venn, finance director at Tamworth ICB, and Dr Piet Hallam, the LMC secretary, "
        "said: ‘Nobody should lose their practice over this funding gap.’",
    )
    assert got["The board will add a further £3 million next year."] == ""
    assert got["Nobody should lose their practice over this funding gap."] == ""


def test_he_said_after_a_joint_quote_is_neither_of_the_two():
    got = _speakers(
        "In a joint letter, ICB chair Orla Venn and Dr Piet Hallam said: ‘The board will add a "
        "further £3 million next year.’",
        "‘We will review it again in the spring and report back to practices,’ he said.",
    )
    assert got["The board will add a further £3 million next year."] == (
        "Orla Venn and Dr Piet Hallam"
    )
    assert got["We will review it again in the spring and report back to practices"] == ""


def test_the_lmc_said_after_an_opening_phrase_and_a_quote_closed_in_the_same_paragraph():
    got = _speakers(
        "Wyvern LMC said its talks with the board ended last week.",
        "In a joint letter, ICB director of primary care Ona Pell and LMC chair Dr Ray Cobb "
        "said: ‘The board will add £2 million in 2025/26. ‘This pays for services such as "
        "ADHD (children and adults), minor surgery and more.’ As part of its advice to "
        "practices, the LMC said: ‘We have now agreed the new funding framework with the board.’",
    )
    assert got["We have now agreed the new funding framework with the board."] == "Wyvern LMC"


def test_an_icb_spokesperson_after_the_quote_is_the_one_icb_named():
    got = _speakers(
        "Wyvern LMC said practices would be paid for the extra work. The deal with Wyvern ICB "
        "was signed on Monday.",
        "‘These services were chosen with our GPs to close local gaps in care,’ an ICB "
        "spokesperson said.",
    )
    assert got["These services were chosen with our GPs to close local gaps in care"] == (
        "Wyvern ICB"
    )


def test_an_icb_spokesperson_is_no_one_when_two_icbs_or_none_are_named():
    two = _speakers(
        "Wyvern LMC said practices in Wyvern ICB and Dene ICB would be paid for the work.",
        "‘These services were chosen with our GPs to close local gaps in care,’ an ICB "
        "spokesperson said.",
    )
    none = _speakers(
        "Wyvern LMC said practices would be paid for the extra work.",
        "‘These services were chosen with our GPs to close local gaps in care,’ an ICB "
        "spokesperson said.",
    )
    assert two["These services were chosen with our GPs to close local gaps in care"] == ""
    assert none["These services were chosen with our GPs to close local gaps in care"] == ""


def test_responding_to_a_person_the_ccg_speaks_not_the_person():
    got = _speakers(
        "Dr Ada Moss, a GP in Dene, said the closure was rushed.",
        "Responding to Dr Moss, the CCG said: ‘We consulted every patient on the list before "
        "deciding.’",
        "Dene CCG runs the contract.",
    )
    assert got["We consulted every patient on the list before deciding."] == "Dene CCG"


def test_a_name_after_an_opening_with_no_comma_still_speaks():
    got = _speakers(
        "Dene CCG said the closure was agreed.",
        "In response Dr Ada Moss, chair of the Dene LMC said: “Our members were never asked "
        "about the closure.”",
    )
    assert got["Our members were never asked about the closure."] == "Dr Ada Moss"


def test_paragraphs_on_lines_with_no_blank_line_each_count_as_a_paragraph():
    # (a page saved a line a paragraph, its standfirst bullets in the same block)
    got = _speakers(
        "- Practice lost a third of its local income\n"
        "- Board’s cuts ‘felt like a penalty’\n"
        "Westshire ICB said the review had cut ‘services that were paid for twice’.\n"
        "Partner Dr Lorna Pike said the practice had been hit hard. She said. “We took on as "
        "many services as we could, so every cut lands on us.”\n"
        "The practice has let three members of staff go.\n"
        "“The board wanted everyone paid for the same things,” said Dr Pike. “They were also "
        "trying to close a deficit of their own.”"
    )
    assert got["We took on as many services as we could, so every cut lands on us."] == (
        "Dr Lorna Pike"
    )
    assert got["They were also trying to close a deficit of their own."] == "Dr Lorna Pike"


def test_a_line_that_quoted_two_speakers_carries_neither_on():
    got = _speakers(
        "- Practice lost a third of its local income\n"
        "Westshire ICB said the review had cut ‘services that were paid for twice’ and Dr "
        "Lorna Pike said it was ‘a blow to every practice in the town’.\n"
        "“We will have to think again about what we can offer our patients.”"
    )
    assert got["We will have to think again about what we can offer our patients."] == ""


def test_said_the_spokesperson_is_the_principal_named_before():
    got = _speakers(
        "Asked by this paper, a spokesperson from the Dene Health Authority confirmed every GP "
        "would have to register their interests.",
        "“Each GP who holds a contract will have to join a clinical group,” said the spokesperson.",
    )
    assert got["Each GP who holds a contract will have to join a clinical group"] == (
        "Dene Health Authority"
    )


def test_said_the_spokesperson_is_no_one_when_someone_else_is_named_since():
    got = _speakers(
        "A spokesperson from the Dene Health Authority confirmed the rules.",
        "Dr Ada Moss of Westshire CCG said the rules were unclear.",
        "“Each GP who holds a contract will have to join a clinical group,” said the spokesperson.",
    )
    assert got["Each GP who holds a contract will have to join a clinical group"] == ""


def test_the_group_is_the_one_medical_group_named_not_its_surgeries():
    got = _speakers(
        "Four sites run by Wenlow Medical Group are under review after two partners retired.",
        "The group, which runs Mill Lane Surgery and Church Street Surgery, posted a notice.",
        "The notice on the group’s website said: ‘We are also short of the nurses we need to "
        "keep every site open.’",
    )
    assert got["We are also short of the nurses we need to keep every site open."] == (
        "Wenlow Medical Group"
    )


def test_the_group_is_no_one_when_another_kind_of_group_is_spoken_of():
    got = _speakers(
        "Four sites run by Wenlow Medical Group are under review. A campaign group has formed.",
        "The group said: ‘We are also short of the nurses we need to keep every site open.’",
    )
    assert got["We are also short of the nurses we need to keep every site open."] == ""


def test_verbs_that_only_report_speech_attribute_the_quote():
    got = _speakers(
        "Ola Brandt, a partner at the law firm Hale Marsh, spoke at the conference.",
        "Brandt predicted the registers would be “more trouble on paper than in real life”.",
        "Dr Ivo Penn conceded the plan was “not what anyone wanted to hear”.",
        "Dr Una Vale emphasised that practices were “working flat out already”.",
    )
    assert got["more trouble on paper than in real life"] == "Ola Brandt"
    assert got["not what anyone wanted to hear"] == "Dr Ivo Penn"
    assert got["working flat out already"] == "Dr Una Vale"


def test_verbs_that_do_not_report_speech_give_no_speaker():
    got = _speakers(
        "Dr Ivo Penn suggested the plan was “not what anyone wanted to hear” at the meeting.",
        "Westshire CCG maintained the building, which is “no longer fit for patients” now.",
    )
    assert got["not what anyone wanted to hear"] == ""
    assert got["no longer fit for patients"] == ""


def test_according_to_a_name_defined_with_its_acronym_is_that_organisation():
    got = _speakers(
        "The award of the Eastgate surgery contract “was neither open nor fair to bidders”, "
        "according to the Regional Contract Appeals Board (RCAB).",
        "The plan was “never going to work in a town like this”, according to the Local "
        "Patients Forum (NHS).",
    )
    assert got["was neither open nor fair to bidders"] == "Regional Contract Appeals Board"
    assert got["never going to work in a town like this"] == ""


def test_a_gp_role_appositive_and_said_that_colon_lead_in_the_next_paragraph():
    got = _speakers(
        "Writing in the Dene Gazette last spring, Dr Ivy Rook, GP at the Mill Lane health "
        "centre, said that:",
        "“patients here need doctors who know them and who will still be here next year.”",
    )
    assert got[
        "patients here need doctors who know them and who will still be here next year."
    ] == ("Dr Ivy Rook")


def test_the_lmcs_are_several_bodies_not_one_lmc():
    got = _speakers(
        "Westshire LMC and Dene LMC met the board on Monday.",
        "The LMCs said the cut was ‘a blow to every practice in the whole county’.",
    )
    assert got["a blow to every practice in the whole county"] == "LMCs"  # a group, not "LMC"


def test_the_lmcs_accused_is_the_one_body_of_lmcs_named_and_the_accused_never_speaks():
    got = _speakers(
        "In a note to practices, Westshire and Dene LMCs welcomed the money.",
        "The LMCs also accused the board of ‘going back on its word again and again’.",
        "Dene CCG was accused of ‘ignoring what patients told it at every meeting’.",
    )
    assert got["going back on its word again and again"] in {"Dene LMCs", "Westshire and Dene LMCs"}
    assert got["ignoring what patients told it at every meeting"] == ""


@pytest.mark.parametrize(
    "lead, speaker",
    [
        ("Wexley Mayor Jo Marsh said:", "Jo Marsh"),
        ("Wexley and Tenbury North MP Sam Patel said:", "Sam Patel"),
        ("Accountable officer for the north Wexley CCGs Ann Lowe told the paper:", "Ann Lowe"),
    ],
)
def test_a_public_office_or_a_role_ending_in_bodies_names_the_speaker_after_it(lead, speaker):
    got = _speakers(
        "The surgery was warned it had six months to improve.",
        f"{lead} “It is disappointing, but there is room at the three other surgeries.",
        "“No patient will be left without a doctor.”",
    )
    by_start = {text[:20]: who for text, who in got.items()}
    assert by_start["It is disappointing,"] == speaker
    assert by_start["No patient will be l"] == speaker


def test_a_street_in_a_role_is_never_the_speaker():
    got = _speakers(
        "Dr Ada Finch, a partner at the Orchard Health Centre, in Millbrook Lane, said "
        "the council had “every reason to ask hard questions”.",
        "She said: “We are a large practice and we can take on every patient who comes.”",
        "Councillors met on Tuesday. Harbour Road, said one resident, was “full of parked cars "
        "every single morning”.",
    )
    assert got["every reason to ask hard questions"] == "Dr Ada Finch"
    assert got["We are a large practice and we can take on every patient who comes."] == (
        "Dr Ada Finch"
    )
    assert got["full of parked cars every single morning"] != "Harbour Road"


def test_a_spokesperson_broken_off_across_paragraphs_speaks_for_the_whole_statement():
    got = _speakers(
        "Patients at the Orchard Surgery will be moved to other practices.",
        "A spokeswoman for NHS",
        "England said: “Our first aim is that every patient can still see a doctor near home",
        "once the surgery has closed. We have talked with the practices nearby.",
        "“Every patient will get a letter about the practice they are moved to.",
        "“The practice is working with us to make the move a smooth one.”",
    )
    by_start = {text[:20]: who for text, who in got.items()}
    assert by_start["Our first aim is tha"] == "NHS England"
    assert by_start["Every patient will g"] == "NHS England"
    assert by_start["The practice is work"] == "NHS England"


def test_a_body_in_the_speakers_own_role_does_not_stop_their_next_paragraph():
    got = _speakers(
        "‘We hit the bottom in 2021, when many partners handed back their contracts,’ says "
        "Westshire LMCs medical secretary Dr Omar Hale, who chaired the county’s review.",
        "‘We worked with every practice, but a month never passed without one asking us how "
        "to give up its contract.’",
    )
    assert (
        got[
            "We worked with every practice, but a month never passed without one asking us how "
            "to give up its contract."
        ]
        == "Dr Omar Hale"
    )


def test_a_role_then_a_name_that_has_called_names_the_speaker():
    got = _speakers(
        "Liberal Democrat health spokesperson Tara Quinn has called on ministers to stop the "
        "sale - calling it 'a sell-off of family doctors by the back door'.",
        "Speaking in the chamber, Ms Quinn pressed the health minister to act. She said: "
        "'Nobody asked the patients, and nobody checked the buyer.'",
    )
    assert got["a sell-off of family doctors by the back door"] == "Tara Quinn"
    assert got["Nobody asked the patients, and nobody checked the buyer."] == "Tara Quinn"


def test_the_document_is_its_owners_words_when_the_article_named_its_owner_first():
    got = _speakers(
        "Boards must publish five-year plans, according to a new NHS England primary care "
        "planning framework.",
        "The framework said: “Boards have too often bought the same services every year "
        "without asking what patients need.”",
    )
    assert (
        got[
            "Boards have too often bought the same services every year without asking what "
            "patients need."
        ]
        == "NHS England"
    )


def test_the_document_stays_no_ones_when_two_may_be_meant():
    got = _speakers(
        "Boards must publish plans, according to a new NHS England planning framework. A "
        "framework drawn up by local councils asks for the same.",
        "The framework said: “Boards have too often bought the same services every year "
        "without asking what patients need.”",
    )
    assert (
        got[
            "Boards have too often bought the same services every year without asking what "
            "patients need."
        ]
        == ""
    )


def test_a_county_after_a_town_is_a_place_not_the_speaker():
    got = _speakers(
        "The Brookfield Health Centre in Dunmere, West Wexshire, said it had lost a third "
        "of its income from “services the board pays for locally”.",
    )
    assert got["services the board pays for locally"] == "Brookfield Health Centre"


def test_partners_signing_a_message_speak_as_one_and_a_list_without_a_message_is_no_one():
    got = _speakers(
        "In a letter to patients posted on the surgery website, GP partners Dr Ana Bell, "
        "Dr Tom Reyes and Dr Uma Patel said: ‘We have had to give notice on our contract.’",
        "At the meeting, Dr Ana Bell, Dr Tom Reyes and Dr Uma Patel said: ‘No decision has "
        "been taken on the branch surgery yet.’",
    )
    assert got["We have had to give notice on our contract."] == (
        "Dr Ana Bell, Dr Tom Reyes and Dr Uma Patel"
    )
    assert got["No decision has been taken on the branch surgery yet."] == ""


def test_the_practice_website_is_the_one_the_article_gave_an_owner_first():
    got = _speakers(
        "In a statement on the Elm Row Medical Centre’s website, patients were told that "
        "locums will see them for now.",
        "Two other practices, Hill Top Surgery and Brook Lane Practice, will share the staff.",
        "The statement on the practice website said: ‘Locum doctors will run every clinic "
        "until new partners are found.’",
    )
    assert got["Locum doctors will run every clinic until new partners are found."] == (
        "Elm Row Medical Centre"
    )


def test_the_practice_website_with_no_owner_given_stays_no_ones():
    got = _speakers(
        "Patients read a statement on a website run by volunteers.",
        "Two practices, Hill Top Surgery and Brook Lane Practice, will share the staff.",
        "The statement on the practice website said: ‘Locum doctors will run every clinic "
        "until new partners are found.’",
    )
    assert got["Locum doctors will run every clinic until new partners are found."] == ""


def test_a_local_healthwatch_is_a_body_never_a_person_named_healthwatch():
    got = _speakers(
        "Ashby and Dene Healthwatch said it was monitoring the closure of the surgery.",
        "A Healthwatch statement said: “We have been told that lessons will be learned by all.”",
    )
    # the body by its full name, and never a "Dene Healthwatch" taken for a person
    assert got["it was monitoring the closure of the surgery."] == "Ashby and Dene Healthwatch"
    assert got["We have been told that lessons will be learned by all."] != "Dene Healthwatch"


def test_an_nhs_trust_keeps_the_words_before_nhs_in_its_name():
    got = _speakers(
        "Westmoor Teaching NHS Foundation Trust said it would hand back its three GP contracts "
        "“to support joined-up neighbourhood care”."
    )
    assert (
        got["to support joined-up neighbourhood care"] == "Westmoor Teaching NHS Foundation Trust"
    )


def test_a_participle_opening_the_sentence_is_no_first_name():
    got = _speakers(
        "Jo Lane, MP for Westshire North, has handed in a petition to keep the surgery open.",
        "Commenting Jo said: “Closing the branch surgery would leave hundreds of residents "
        "without a doctor nearby.”",
    )
    # never "Commenting Jo": unattributed unless the given name can be resolved
    assert (
        got["Closing the branch surgery would leave hundreds of residents without a doctor nearby."]
        != "Commenting Jo"
    )
    assert (
        "Commenting"
        not in got[
            "Closing the branch surgery would leave hundreds of residents without a doctor nearby."
        ]
    )


def test_a_page_cut_off_in_mid_quote_keeps_one_paragraph_a_line():
    from rag.parse import parse_page_text

    line = (
        "In a video to members, Dr Ann Hale said much of the plan would have to change if the "
        "contract went as planned this spring, and that practices should wait for guidance."
    )
    page = (
        "A headline about the contract\n\n"
        + line
        + "\n‘So we will need to update it, reframe it, and build it around safe working for "
        "every practice in the country this year.’\n"
        + "The BMA had said on Friday that it would pause collective action to work with the "
        "Government over the coming week on the detail.\n" + "‘We are no longer in dispute with\n"
    )
    article = parse_page_text(page, "page")
    assert len(article.paragraphs) + bool(article.standfirst) == 4  # one a line
    got = {q.text: q.speaker for q in extract_quotes(article)}
    key = next(k for k in got if k.startswith("So we will need"))
    assert got[key] == "Dr Ann Hale"  # the paragraph before, not "The BMA had said" after it


def test_a_straight_opening_mark_closed_by_a_curly_one_before_she_said():
    got = _speakers(
        "Jane Wills, deputy chief inspector of general practice, said the CQC ‘would never "
        "accept poor care’.",
        "'Patients are entitled to services which are safe and kind to all of them,’ she said. "
        "‘The failings we saw at the surgery were serious.’",
    )
    assert got["Patients are entitled to services which are safe and kind to all of them"] == (
        "Jane Wills"
    )
    assert got["The failings we saw at the surgery were serious."] == "Jane Wills"


def test_a_name_and_role_opening_the_sentence_is_no_trailing_attribution_to_the_object():
    got = _speakers(
        "Jane Wills, deputy chief inspector of general practice, said the CQC ‘would never "
        "accept poor care’."
    )
    # never "Jane Wills, deputy chief inspector …" as words said by the CQC
    assert "CQC" not in got.values()
    assert got["would never accept poor care"] == "Jane Wills"


def test_but_added_with_no_subject_of_its_own_shares_the_speaker_before():
    got = _speakers(
        "Jo Bell, who represents Ashby on Westshire Council, said a weekly minibus was being "
        "considered, but added: “How many people can wait until Friday to be ill?”",
    )
    assert got["How many people can wait until Friday to be ill?"] == "Jo Bell"


def test_a_person_named_between_the_verbs_leaves_but_added_unattributed():
    got = _speakers(
        "Sam Reid said the surgery, which Dr Ann Poole runs, had been shut for weeks, but "
        "added: “The surgery will open again on Monday morning.”"
    )
    assert got["The surgery will open again on Monday morning."] == ""


def test_an_untitled_name_before_insists_is_a_person():
    got = _speakers(
        "Tom Harker insists the closure of the branch surgery in Lowdene “is not a sign that "
        "the village is dying”."
    )
    assert got["is not a sign that the village is dying"] == "Tom Harker"


def test_an_mp_named_with_her_seat_then_by_given_name_alone():
    got = _speakers(
        "Helen Brody, MP for South Dene, has handed in a petition to keep the surgery open.",
        "Commenting Helen said: “Closing the surgery risks residents being unable to see a "
        "doctor at all.”",
        "“Our petition has had a huge response from local people.”",
    )
    said = "Closing the surgery risks residents being unable to see a doctor at all."
    assert got[said] == "Helen Brody"
    assert got["Our petition has had a huge response from local people."] == "Helen Brody"


def test_a_given_name_two_people_share_names_no_one():
    got = _speakers(
        "Helen Brody, MP for South Dene, has handed in a petition.",
        "Helen Marsh, a patient at the surgery, said she had signed it.",
        "Commenting Helen said: “Closing the surgery risks residents being unable to see a "
        "doctor at all.”",
    )
    assert got["Closing the surgery risks residents being unable to see a doctor at all."] == ""


def test_a_statement_with_no_owner_just_after_an_organisation_spoke_is_its():
    got = _speakers(
        "NHS Westmoor said there had been ‘great efforts to find a new GP’ after the doctor "
        "retired.",
        "A statement said it was grateful to nearby practices and a ‘support group has been set "
        "up to work with the practices this winter’.",
    )
    assert got["support group has been set up to work with the practices this winter"] == (
        "NHS Westmoor"
    )


def test_a_statement_with_no_owner_after_a_person_spoke_is_no_ones():
    got = _speakers(
        "Dr Jo Bell said there had been ‘great efforts to find a new GP’ after the doctor retired.",
        "A statement said a ‘support group has been set up to work with the practices this "
        "winter’.",
    )
    assert got["support group has been set up to work with the practices this winter"] == ""


def test_a_closing_double_mark_after_a_plural_closes_the_quote():
    # ” is never the apostrophe of "GPs’": the quote ends there, and the next one is its own
    got = _speakers(
        "Practices have been asked to “list their extra responsibilities” they would like. "
        "Westshire LMC chair Dr Ann Hale said the vote gave the LMC’s committee a mandate to “take "
        "these concerns to ministers”."
    )
    assert not any("they would like" in text for text in got)
    assert got["take these concerns to ministers"] == "Dr Ann Hale"


def test_he_after_a_name_not_recognised_is_nobody():
    # the pronoun may be the Dene GP the sentence before names, whom the people index missed:
    # not the Dr Tom Reed named earlier
    got = _speakers(
        "Passing on more work would be a “disaster for practices”, Dr Tom Reed warned.",
        "Some delegates disagreed. Dene GP Barry Moyle pointed out that area teams are "
        "“remote and understaffed”. He added that practices are “the ones who know what works”.",
    )
    assert got["disaster for practices"] == "Dr Tom Reed"
    assert got["the ones who know what works"] != "Dr Tom Reed"


def test_an_untitled_name_before_any_reporting_verb_is_a_person():
    # house styles without honorifics: "Ann Hale emphasised", "Dene GP Barry Moyle pointed out"
    got = _speakers(
        "Speaking at the conference, Ann Hale emphasised that CCGs must listen to members.",
        "“CCGs are our own creatures,” she said.",
        "Dene GP Barry Moyle pointed out that area teams are “remote and understaffed”.",
    )
    assert got["CCGs are our own creatures"] == "Ann Hale"
    assert got["remote and understaffed"] == "Barry Moyle"


def test_a_role_and_name_that_described_something_is_a_person():
    got = _speakers(
        "Practice manager Jo Ilford described the situation as a ‘crisis’. The ‘shortage of "
        "doctors has made recruiting very hard,’ she said."
    )
    assert got["shortage of doctors has made recruiting very hard"] == "Jo Ilford"


def test_a_body_by_its_kind_after_the_quote_it_spoke():
    got = _speakers(
        "Eastvale Community NHS Trust runs three surgeries in the district.",
        "‘Every patient will be written to before the change,’ the trust said.",
        "Services will ‘stay where they are for now’, the trust added.",
    )
    assert got["Every patient will be written to before the change"] == (
        "Eastvale Community NHS Trust"
    )
    assert got["stay where they are for now"] == "Eastvale Community NHS Trust"


def test_a_body_after_a_quote_that_ends_its_sentence_is_not_its_speaker():
    # the next sentence ("The ICB told …") runs on in the same paragraph: its subject is no
    # trailing attribution of the quote before it
    got = _speakers(
        "Southmoor LMC told practices in its area that it had agreed new funding with "
        "Southmoor ICB.",
        "In a bulletin to practices, the LMC said: ‘The new funding terms for next year are "
        "now agreed.’\nThe ICB told reporters it would write to every practice.",
    )
    assert got["The new funding terms for next year are now agreed."] == "Southmoor LMC"


def test_a_notice_on_the_website_of_a_body_by_its_kind():
    got = _speakers(
        "Eastvale Community NHS Trust runs three surgeries in the district.",
        "A notice on the trust website said: ‘Eastvale Community NHS Trust will hand back all "
        "three contracts next year.’",
        "‘The change follows a review of care across the county,’ it added.",
    )
    said = "Eastvale Community NHS Trust will hand back all three contracts next year."
    assert got[said] == "Eastvale Community NHS Trust"
    assert got["The change follows a review of care across the county"] == (
        "Eastvale Community NHS Trust"
    )


def test_a_notice_on_the_trust_website_when_two_trusts_are_named_is_unattributed():
    got = _speakers(
        "Eastvale Community NHS Trust runs two surgeries, and Westvale Hospitals NHS Trust one.",
        "A notice on the trust website said: ‘All three surgeries will pass to a new provider "
        "in the spring.’",
    )
    assert got["All three surgeries will pass to a new provider in the spring."] == ""


def test_a_motion_speaks_for_the_committee_that_proposed_it():
    got = _speakers(
        "Delegates at the annual conference backed a motion on the plans for practices.",
        "The motion, proposed by Westshire Local Medical Committee, said the change would "
        "“badly damage trust between practices and commissioners” and would “weaken the "
        "commissioners”.",
    )
    assert got["badly damage trust between practices and commissioners"] == (
        "Westshire Local Medical Committee"
    )
    assert got["weaken the commissioners"] == "Westshire Local Medical Committee"


def test_a_review_commissioned_by_a_committee_is_not_its_words():
    got = _speakers(
        "The review, commissioned by Westshire Local Medical Committee, said the change would "
        "“badly damage trust between practices and commissioners”.",
    )
    assert got["badly damage trust between practices and commissioners"] == ""


def test_a_practices_partners_speak_for_it():
    got = _speakers(
        "Partners at Mill Lane Surgery in Eastbury told patients they had given notice on "
        "their contract.",
        "The three partners at the practice explained to patients in a letter why they were "
        "handing the contract back.",
        "They said: ‘This is a letter to tell you about a change at Mill Lane Surgery. We have "
        "given notice on our contract.’",
        "In a later message to patients, the partners said: ‘We have tried for two years to "
        "recruit new doctors without success.’",
    )
    said = (
        "This is a letter to tell you about a change at Mill Lane Surgery. We have given "
        "notice on our contract."
    )
    assert got[said] == "Mill Lane Surgery"
    assert got["We have tried for two years to recruit new doctors without success."] == (
        "Mill Lane Surgery"
    )


def test_the_partners_when_two_practices_are_named_are_unattributed():
    got = _speakers(
        "Mill Lane Surgery and Brook Street Surgery will both close in March.",
        "In a letter to patients, the partners said: ‘We have tried for two years to recruit "
        "new doctors without success.’",
    )
    assert got["We have tried for two years to recruit new doctors without success."] == ""


def test_according_to_a_body_by_its_kind():
    got = _speakers(
        "NHS Westfield CCG runs two practices in the town.",
        "The change will ‘ease the pressure on staff at both sites,’ according to the CCG.",
    )
    assert got["ease the pressure on staff at both sites"] == "NHS Westfield CCG"


def test_according_to_the_ccg_when_two_are_named_is_unattributed():
    got = _speakers(
        "NHS Westfield CCG and NHS Eastfield CCG run practices in the town.",
        "The change will ‘ease the pressure on staff at both sites,’ according to the CCG.",
    )
    assert got["ease the pressure on staff at both sites"] == ""


def test_a_clause_final_according_to_covers_the_quotes_before_it():
    got = _speakers(
        "Westshire LMC chair Dr Jo Marsh told reporters: ‘Many practices have given notice on "
        "their services this month.’",
        "Practices have ‘worked together in their own localities’ which has ‘helped them feel "
        "confident’ to act together on the contracts this year, according to Dr Marsh.",
    )
    assert got["worked together in their own localities"] == "Dr Jo Marsh"
    assert got["helped them feel confident"] == "Dr Jo Marsh"


def test_a_body_committed_to_or_defining_in_its_own_words():
    got = _speakers(
        "NHS England is committed to ‘help most commissioners take on the new duties from "
        "April’ as part of its plans.",
        "NHS England defines ‘local’ commissioning as planning ‘around the needs of each "
        "neighbourhood and its practices’.",
    )
    assert got["help most commissioners take on the new duties from April"] == "NHS England"
    assert got["around the needs of each neighbourhood and its practices"] == "NHS England"


def test_what_a_contract_defines_is_no_ones_quote():
    got = _speakers(
        "The new contract defines core hours as ‘from eight in the morning to half past six "
        "on weekdays’.",
    )
    assert got["from eight in the morning to half past six on weekdays"] == ""


def test_a_council_spokesperson_speaks_for_the_one_council_named():
    got = _speakers(
        "Westfield Council owns the health centre building.",
        "A council spokesperson said: ‘We know this is worrying for patients and we will write "
        "to all of them.’",
    )
    said = "We know this is worrying for patients and we will write to all of them."
    assert got[said] == "Westfield Council"


def test_a_trust_spokesperson_when_two_trusts_are_named_is_unattributed():
    got = _speakers(
        "Eastvale Community NHS Trust and Westvale Hospitals NHS Trust share the site.",
        "A trust spokesperson said: ‘We know this is worrying for patients and we will write "
        "to all of them.’",
    )
    said = "We know this is worrying for patients and we will write to all of them."
    assert got[said] == ""


def test_a_first_person_subject_is_not_the_body_named_before_it():
    page = (
        "A headline about the practices\n\nA spokesperson for the board said\n\nMill Lane "
        "Surgery is one of our smallest contracts and we believe the money would be better "
        "spent on larger practices nearby.\n"
    )
    quotes = extract_quotes(parse_page_text(page, "page"))
    assert not [q for q in quotes if q.speaker == "Mill Lane Surgery"]


def test_which_after_a_persons_name_is_a_things_not_the_persons():
    # the summary calls for it, not the chairman who signed it
    got = _speakers(
        "He said the minister will see a summary of the meeting, signed by himself and "
        "independent chairman Tom Reed, which calls for the closure to be delayed “while "
        "the consultation is carried out”."
    )
    assert got["while the consultation is carried out"] != "Tom Reed"


def test_he_after_a_spokesman_spoke_is_not_the_person_named_before():
    got = _speakers(
        "Ann Hale, a patient, said: “The first I heard about it was a letter after the meeting.”",
        "A spokesman for NHS England said it had followed the procurement rules.",
        "He added: “An advert was placed on the contracts website for six weeks.”",
    )
    assert got["The first I heard about it was a letter after the meeting."] == "Ann Hale"
    assert got["An advert was placed on the contracts website for six weeks."] != "Ann Hale"


def test_coun_is_a_councillors_title():
    from rag.people import resolve_people

    _, resolved = resolve_people(
        "District councillor Jo Newton wrote to the CCG. Coun Newton says so."
    )
    assert any(m.title == "Coun" and p.name == "Jo Newton" for m, p in resolved)


def test_a_role_appositive_ending_the_sentence_names_no_one_else():
    # the group in Dr Ward's role is how she is named, so her next quote is still hers
    got = _speakers(
        "‘This money kept us going,’ says Dr Kay Warde, a partner at the Fellside Medical "
        "Group in Cumbria. ‘Losing it left us exposed if a GP went.’"
    )
    assert got["Losing it left us exposed if a GP went."] == "Dr Kay Warde"


def test_an_organisations_first_word_names_it_after_its_full_name():
    got = _speakers(
        "Healthwatch Eastbourne and Seaford spoke out after the report was published.",
        "Healthwatch said: “The closure came as a complete surprise to most patients.”",
    )
    assert got["The closure came as a complete surprise to most patients."] == (
        "Healthwatch Eastbourne and Seaford"
    )


def test_a_first_word_two_bodies_share_names_neither():
    got = _speakers(
        "Healthwatch Eastbourne wrote to the practice, as did Healthwatch Seaford.",
        "Healthwatch said: “The closure came as a complete surprise to most patients.”",
    )
    assert got["The closure came as a complete surprise to most patients."] == ""


def test_the_ccg_after_an_opening_phrase_is_the_ccg_named_before():
    got = _speakers(
        "Patients told North Fenland Clinical Commissioning Group (CCG) they wanted to stay.",
        "Only four days after the meeting, the CCG said: “The CCG has carefully considered "
        "its decision to move the services.”",
    )
    assert got["The CCG has carefully considered its decision to move the services."] == (
        "North Fenland Clinical Commissioning Group"
    )


def test_a_name_with_an_age_in_apposition_is_a_person_he_may_refer_to():
    got = _speakers(
        "Rob Kettering, 56, is upset that the surgery is to close and hopes patients will "
        "sign a petition.",
        "The contract ends on May 31, but Rob is hoping the petition reaches its goal.",
        "He claims: “I want to get the word out about what is happening here.”",
    )
    assert got["I want to get the word out about what is happening here."] == "Rob Kettering"


def test_a_speaker_we_cannot_name_ends_the_last_speakers_run():
    got = _speakers(
        "Chairman of the Save Kelton Surgery group Dan Walder said: “We are already on top "
        "of the suggestions from the board.”",
        "Corby councillor for Grettby, Tessa Meech of Kirby Road, Grettby, said: “Great news.",
        "“So many people were convinced that there was no hope left for the surgery.”",
    )
    assert got["We are already on top of the suggestions from the board."] == "Dan Walder"
    assert got["So many people were convinced that there was no hope left for the surgery."] == (
        "Tessa Meech"  # (named since her street and town are read as her address)
    )
    got = _speakers(
        "Chairman of the Save Kelton Surgery group Dan Walder said: “We are already on top "
        "of the suggestions from the board.”",
        "Corby councillor for Grettby, Tessa Meech of 12 Kirby Road, Grettby, said: “Great news.",
        "“So many people were convinced that there was no hope left for the surgery.”",
    )
    assert got["So many people were convinced that there was no hope left for the surgery."] == ""


def test_a_place_before_a_role_and_name_is_not_the_speaker():
    got = _speakers(
        "Speaking at the meeting at County Hall, Durham City, practice manager Tracy Marten "
        "said: “It is a very small building that we rent from the council.”"
    )
    assert got["It is a very small building that we rent from the council."] == "Tracy Marten"


def test_he_after_a_name_given_after_is_is_that_person():
    got = _speakers(
        "Dr Chand Nagle, chairman of the BMA’s GP committee, said local teams were left to "
        "deal with it.",
        "One GP to raise concerns is Steve Kitely, who works in Hertfordshire.",
        "He said: “The removal of the guarantee means I will not be able to employ staff.”",
    )
    assert got["The removal of the guarantee means I will not be able to employ staff."] == (
        "Steve Kitely"
    )


def test_she_after_according_to_a_named_doctor_is_that_doctor():
    got = _speakers(
        "According to Dr Noemi Beers, senior GP partner at the practice, it is surviving on "
        "its savings.",
        "She said: ‘One of the biggest financial hits for us is the withdrawal of the guarantee.’",
    )
    assert got["One of the biggest financial hits for us is the withdrawal of the guarantee."] == (
        "Dr Noemi Beers"
    )


def test_a_body_named_by_its_acronym_is_given_its_spelt_out_name():
    got = _speakers(
        "The surgeries' patient participation groups have written to this newspaper.",
        "In its letter the PPG said: ‘This will have a devastating impact on a service "
        "already under pressure.’",
    )
    assert got["This will have a devastating impact on a service already under pressure."] == (
        "patient participation groups (PPG)"
    )


def test_a_quote_only_paragraph_after_someone_unrecognised_acts_is_unattributed():
    got = _speakers(
        "Practice manager Vicky Abbot said: “We have been engaging with patients on the plan.”",
        "Jo Bloggs from the village hall objected at the meeting.",
        "“So many people were convinced that there was no hope left for it.”",
    )
    assert got["We have been engaging with patients on the plan."] == "Vicky Abbot"
    assert got["So many people were convinced that there was no hope left for it."] == ""


def test_what_is_reported_according_to_someone_starts_after_their_role():
    page = (
        "A headline about the practices\n\n"
        "According to Dr Noemi Beers, senior GP partner at the practice, it is surviving by "
        "taking money out of its savings account.\n"
    )
    quotes = [q for q in extract_quotes(parse_page_text(page, "page")) if q.kind == "reported"]
    assert [(q.speaker, q.text.strip()) for q in quotes] == [
        ("Dr Noemi Beers", "it is surviving by taking money out of its savings account.")
    ]


def test_a_name_right_after_a_bodys_name_is_a_person_the_article_titles_elsewhere():
    got = _speakers(
        "In a letter sent on Friday, Director of Primary Care and Place at NHS Westshire "
        "Helena Goodway said the work was needed “as a matter of real urgency” now.",
        "Ms Goodway said: “We believe that this is a great outcome for the patients.”",
    )
    assert got["as a matter of real urgency"] == "Helena Goodway"
    assert got["We believe that this is a great outcome for the patients."] == "Helena Goodway"


def test_an_impersonal_it_is_believed_names_no_one():
    got = _speakers(
        "The Westbury Trust has run the Hill Lane practice since 2009, and Dr Ola Penn said the "
        "surgery was “much loved by its patients”.",
        "It is believed the practice, whose list has grown to 7,000, is the largest in the town.",
        "It was explained that the branch had “struggled to recruit for two years”.",
    )
    assert got["much loved by its patients"] == "Dr Ola Penn"
    assert got.get("struggled to recruit for two years", "") == ""
    assert all(
        sp == "" for text, sp in got.items() if text.startswith(("the practice", "the branch"))
    )


def test_he_after_a_spokesman_for_a_body_is_that_body():
    got = _speakers(
        "Dr Ivor Lamb, a patient at the surgery, said: “Nobody told us about the meeting.”",
        "A spokesman for NHS Westmoor said it had run the tender in an open and fair way.",
        "He added: “A notice was placed on the tender website in good time.”",
    )
    assert got["A notice was placed on the tender website in good time."] == "NHS Westmoor"


def test_she_after_a_spokesman_or_a_second_body_stays_unattributed():
    got = _speakers(
        "Dr Ivor Lamb, a patient at the surgery, said: “Nobody told us about the meeting.”",
        "A spokesman for NHS Westmoor said it had run the tender in an open and fair way.",
        "She added: “A notice was placed on the tender website in good time.”",
    )
    assert got["A notice was placed on the tender website in good time."] == ""
    got = _speakers(
        "Dr Ivor Lamb, a patient at the surgery, said: “Nobody told us about the meeting.”",
        "A spokesman for NHS Westmoor said it had talked to the Eastbrook Practice.",
        "He added: “A notice was placed on the tender website in good time.”",
    )
    assert got["A notice was placed on the tender website in good time."] == ""


def test_a_role_with_its_field_before_a_body_is_an_unnamed_person_not_the_body():
    got = _speakers(
        "The director of primary care at NHS Northshire said: “It matters that we hear from "
        "patients before we decide.”",
        "Director of primary care at NHS Dene Mona Pryce said: “We will write to every patient "
        "this week.”",
    )
    assert got["It matters that we hear from patients before we decide."] == ""
    assert got["We will write to every patient this week."] in ("", "Mona Pryce")


def test_a_name_with_a_long_appositive_after_an_opening_phrase_speaks():
    got = _speakers(
        "In a letter to NHS Westmoor, Ian Corbel, a patient and former councillor who wants "
        "the surgery to stay open, wrote: “I went to what I thought was a consultation.”",
    )
    assert got["I went to what I thought was a consultation."] == "Ian Corbel"


def test_a_body_inside_a_long_opening_phrase_does_not_speak():
    got = _speakers(
        "In questions put about the closure of Hill Lane Medical Practice, in Dale, Westford, "
        "the CCG said: “The CCG has no plans to change the practices in the county.”",
    )
    assert got["The CCG has no plans to change the practices in the county."] == ""


def test_a_capitalised_occupation_before_a_name_is_no_first_name():
    got = _speakers(
        "Solicitor Rowan Smyth, who represented the action group, said: ‘The importance of "
        "this judgement cannot be overstated.’"
    )
    assert got["The importance of this judgement cannot be overstated."] == "Rowan Smyth"


def test_judge_is_a_title():
    got = _speakers(
        "At the hearing, Judge Milo Jarmen said the centre was popular. He said that ‘any "
        "change to it had the potential to be seen as a loss to the town’."
    )
    assert got["any change to it had the potential to be seen as a loss to the town"] == (
        "Judge Milo Jarmen"
    )


def test_a_count_after_while_is_not_the_organisation_before():
    got = _speakers(
        "The Westshire area team said it would publish the survey in the spring.",
        "Of the 40 practices that replied, 15 said they would bid for the contract, while 12 "
        "said they would not.",
    )
    assert got.get("they would not.") is None


def test_a_party_and_seat_in_brackets_after_the_name():
    got = _speakers(
        "Campaigners in Ashby welcomed the news. Local MP Jane Morrow (Con, Ashby North and "
        "Dene) said: ‘While it is welcome that the practice stays open for another year we "
        "cannot relax now.’"
    )
    assert (
        got[
            "While it is welcome that the practice stays open for another year we cannot relax now."
        ]
        == "Jane Morrow"
    )


def test_a_residents_street_and_town_after_the_name():
    got = _speakers(
        "Parish councillor for Ashby, Jane Morrow of Mill Lane, Ashby, said: “It is a "
        "wonderful day for the village and its patients.",
        "“Lots of people thought there was no chance at all, but this shows that campaigns "
        "can work.”",
    )
    assert got["It is a wonderful day for the village and its patients."] == "Jane Morrow"
    assert (
        got[
            "Lots of people thought there was no chance at all, but this shows that "
            "campaigns can work."
        ]
        == "Jane Morrow"
    )


def test_a_statement_from_a_body_named_in_apposition():
    got = _speakers(
        "It is thought about 3,000 patients will now move to three other practices.",
        "The statement, from NHS Westshire, Dene and Fells Area Team, reads: “We can confirm "
        "that the partners of Mill Lane Surgery have handed back their contract.",
        "“This means that from Monday, May 3, the partners will no longer run the surgery.”",
        "A statement from Jo Bloggs and the Mill Lane partners said: “We are sorry to be "
        "leaving our patients after many years.”",
    )
    assert (
        got[
            "We can confirm that the partners of Mill Lane Surgery have handed back their contract."
        ]
        == "NHS Westshire"
    )
    assert (
        got["This means that from Monday, May 3, the partners will no longer run the surgery."]
        == "NHS Westshire"
    )
    assert got["We are sorry to be leaving our patients after many years."] == ""


def test_the_judge_is_the_one_person_titled_judge():
    got = _speakers(
        "At the hearing in Leeds, Judge Anna Pellow said the centre was valued for ‘the care "
        "it gave’.",
        "Campaigner Jo Bloggs said she was delighted.",
        "The judge added that there was ‘no good reason for the board to skip the consultation’.",
    )
    assert got["no good reason for the board to skip the consultation"] == "Judge Anna Pellow"
    got = _speakers(
        "Judge Anna Pellow and Judge Ben Rusk heard the case in Leeds.",
        "The judge added that there was ‘no good reason for the board to skip the consultation’.",
    )
    assert got["no good reason for the board to skip the consultation"] == ""


def test_a_statement_by_a_bodys_short_name():
    got = _speakers(
        "Dene Healthwatch said it was watching the closure closely.",
        "Mill Lane Surgery has 28 days to appeal against the decision of the court.",
        "A Healthwatch statement said: “We have been told that lessons have been learned since "
        "the last closure.”",
    )
    assert got["We have been told that lessons have been learned since the last closure."] == (
        "Dene Healthwatch"
    )
    got = _speakers(
        "Dene Healthwatch said it was watching the closure closely.",
        "Fells Healthwatch said patients there had the same worries.",
        "A Healthwatch statement said: “We have been told that lessons have been learned since "
        "the last closure.”",
    )
    assert got["We have been told that lessons have been learned since the last closure."] == ""


def test_the_watchdog_is_the_body_quoted_just_before():
    got = _speakers(
        "Dene Healthwatch said it had “already raised our worries about the shortage of "
        "family doctors”.",
        "The watchdog added: “Many of the doctors in Dene are close to retiring and are not "
        "being replaced.”",
    )
    assert got["Many of the doctors in Dene are close to retiring and are not being replaced."] == (
        "Dene Healthwatch"
    )
    got = _speakers(
        "Dene Healthwatch said it had “already raised our worries about the shortage of "
        "family doctors”.",
        "Inspectors from the Quality Regulator closed the surgery in June.",
        "The regulator added: “The practice did not keep its patients safe from harm at any time.”",
    )
    assert got["The practice did not keep its patients safe from harm at any time."] == ""


def test_a_bodys_initials_alone_before_a_speech_verb():
    got = _speakers(
        "Among the failures, CQC said the practice had not given patients the medicines they "
        "needed and had put children at risk through ‘poorer performance in giving childhood "
        "vaccines’.",
        "Jo Bloggs, deputy chief inspector, said the CQC ‘would not accept poor care’.",
    )
    assert got["poorer performance in giving childhood vaccines"] == "CQC"


def test_a_role_at_an_nhs_body_whose_name_runs_into_the_speakers():
    got = _speakers(
        "Head of primary care at NHS Dene County and Fells Paul Granger said: “It matters that "
        "when we make choices about care we listen to patients first.”"
    )
    assert got["It matters that when we make choices about care we listen to patients first."] == (
        "Paul Granger"
    )
    got = _speakers(
        "The co-chair of NHS Clinical Commissioners said: “It matters that when we make "
        "choices about care we listen to patients first.”"
    )
    assert got["It matters that when we make choices about care we listen to patients first."] != (
        "Clinical Commissioners"
    )


def test_they_after_a_group_the_article_does_not_name_is_no_organisation():
    got = _speakers(
        "The Quality Regulator inspected Mill Lane Surgery in May and said it was ‘safe and "
        "well led’.",
        "Partnership bosses say patients will see few changes this year.",
        "They say they ‘asked every patient group before the merger went ahead’.",
    )
    assert got["asked every patient group before the merger went ahead"] == ""


def test_an_impersonal_passive_with_an_adverb_names_no_speaker():
    got = _speakers(
        "After the first talks, it was felt that Westshire CCG needed to show that every option "
        "had been looked at. It was therefore agreed that ‘the contract should be offered to "
        "other providers’.",
    )
    assert got["the contract should be offered to other providers"] == ""


def test_the_bodies_of_a_kind_in_the_plural_are_the_list_of_them_named_before():
    got = _speakers(
        "On Friday, North West Dene, North East Dene, and North Central Dene ICBs said the new "
        "owner had "
        "taken control without approval.",
        "According to the Dene ICBs, the firm asked for ‘approval’ in May.",
        "In a later update, the ICBs said: ‘We asked the firm for its accounts in June.’",
    )
    assert got["We asked the firm for its accounts in June."] == (
        "North West Dene, North East Dene, and North Central Dene ICBs"
    )


def test_counted_bodies_of_a_kind_are_not_one_body():
    got = _speakers(
        "A governance review into Harbour Coast and three other East Dene CCGs said that giving "
        "work to a firm in this state “puts patients at risk in terms of safety”.",
    )
    assert got["puts patients at risk in terms of safety"] == ""


def test_the_group_is_the_one_group_named_as_a_campaigning_group():
    got = _speakers(
        "Dene Valley Save our Surgery, a campaigning group, has said the sale broke the contract.",
        "The group also argued that the board ‘must end the contracts at once’.",
    )
    assert got["must end the contracts at once"] == "Dene Valley Save our Surgery"
    got = _speakers(
        "Dene Valley Save our Surgery, a campaigning group, has said the sale broke the contract.",
        "A patient group at the surgery met the board on Monday.",
        "The group also argued that the board ‘must end the contracts at once’.",
    )
    assert got["must end the contracts at once"] == ""


def test_a_one_word_name_that_owns_a_chief_executive_is_a_company():
    got = _speakers(
        "Centara is one of the largest insurers in Ohio, and Centara’s CEO, Jo Bloggs, earns "
        "more than any doctor in England.",
        "In its annual report, Centara said that the deal “makes a leading care business for "
        "public health plans”.",
    )
    assert got["makes a leading care business for public health plans"] == "Centara"
    got = _speakers(
        "Dr Amy Stone is a GP in Dene, and Stone’s board of partners met on Monday.",
        "In a letter, Stone said that the deal “makes a leading care business for public "
        "health plans”.",
    )
    assert got["makes a leading care business for public health plans"] != "Stone"


def test_a_body_named_before_its_kind_warning_speaks():
    got = _speakers(
        "The sale has worried GPs, with the Doctors for Dene union warning the health service "
        "was being ‘sold off bit by bit in the dark’.",
    )
    assert got["sold off bit by bit in the dark"] == "Doctors for Dene"


def test_an_opening_phrase_before_a_speech_verb_is_no_statement():
    got = _speakers(
        "A plan was lodged to merge Mill Lane Surgery and Brook Street Practice in Dene.",
        "In a business case, the practices said the merger would “cover sickness and leave "
        "better” and might allow longer hours.",
    )
    assert got["cover sickness and leave better"] == "Mill Lane Surgery and Brook Street Practice"
    assert "In a business case" not in got


def test_a_quote_after_someone_puts_the_case_is_theirs():
    got = _speakers(
        "Jan Moss, chief executive of the trust, said the rooms were ‘far too small for modern "
        "care’.",
        "Dr Owen Price, a partner at the Mill Lane surgery, put the case for closing the "
        "branch, which opens two days a week.",
        "“We met the parish council twice and explained why the branch cannot stay open.”",
    )
    assert got[
        "We met the parish council twice and explained why the branch cannot stay open."
    ] == ("Dr Owen Price")


def test_they_after_ccgs_of_an_area_is_not_the_body_named_after_them():
    got = _speakers(
        "CCGs in the Dene Valley area – who have asked for more powers – have raised worries "
        "about the cuts planned by NHS Westshire, and will wait a year.",
        "They have said they would ‘use the extra year to plan how the money is spent locally’.",
    )
    assert got["use the extra year to plan how the money is spent locally"] == ""


def test_the_report_is_the_words_of_the_body_that_published_it():
    got = _speakers(
        "Practices face new checks, according to the Westshire Care Commission (WCC).",
        "The WCC has published a new report of its findings from a study of how boards "
        "handle conflicts.",
        "The report says: “Where this happens there is a risk that boards put their own "
        "interests before those of patients.”",
    )
    assert (
        got[
            "Where this happens there is a risk that boards put their own interests before those of "
            "patients."
        ]
        == "Westshire Care Commission (WCC)"
    )


def test_she_is_not_a_man_the_article_calls_he():
    # the last person named is a man the article calls "he"; "she" is someone else, unnamed
    got = _speakers(
        "Jo Hale, director of primary care at Dene CCG, defended the move at the meeting.",
        "Dr Sam Pike, senior partner at the practice, said that if the move went ahead he "
        "would apply for a judicial review.",
        "Dr Pike said: “No practice in the county has ever been moved this far.”",
        "Presenting the report, she told the committee: “The new centre is a flagship for "
        "the whole county.”",
    )
    assert got["The new centre is a flagship for the whole county."] != "Dr Sam Pike"
    assert got["No practice in the county has ever been moved this far."] == "Dr Sam Pike"


def test_an_age_after_a_name_is_no_figure_between_speaker_and_verb():
    got = _speakers(
        "Patients found the doors locked on Monday morning.",
        'Tom Ashby, 63, said: "I had no idea it would shut, so where do we go now?',
        '"The older patients will find it hardest of all."',
    )
    assert got["I had no idea it would shut, so where do we go now?"] == "Tom Ashby"
    assert got["The older patients will find it hardest of all."] == "Tom Ashby"


def test_reiterated_is_a_speech_verb():
    got = _speakers(
        "Dr Jo Bloggs, chair of the Dene GP committee, reiterated to the Gazette that for "
        "practices under strain “closing the list is the only safe choice for patients”."
    )
    assert got["closing the list is the only safe choice for patients"] == "Dr Jo Bloggs"


def test_a_lower_case_title_before_a_name_is_a_role_not_a_verb_object():
    got = _speakers(
        "Councillors met last week to hear about the plans for the estate.",
        "Independent councillor Ruth Amble, who serves Dene Vale, does not think the surgery "
        "will be built.",
        "She said: “I am worried about that because I do not think it will ever happen.”",
    )
    assert got["I am worried about that because I do not think it will ever happen."] == (
        "Ruth Amble"
    )


def test_a_clause_opening_word_is_no_part_of_an_organisation_name():
    got = _speakers(
        "The developer has offered money for a new surgery.",
        "While NHS Elmshire CCG has said it has ‘no plans’ to open a surgery there, it said it "
        "would welcome the money.",
    )
    assert got["no plans"] == "NHS Elmshire CCG"


def test_he_after_the_chairman_spoke_is_not_a_role_named_before():
    got = _speakers(
        "One response is from the area team, which the Committee Chairman, Vice-Chairman and "
        "Labour Group Opposition Spokesperson agreed to consider.",
        "The Chairman stated that there were two petitions to consider. As far as the first "
        "was concerned he reiterated the advice that all discussion had to be about the "
        "services planned for the town.",
    )
    assert all("Opposition" not in sp for sp in got.values())


def test_a_verb_after_and_is_not_said_by_the_object_before_it():
    got = _speakers(
        "Lady Jane Amble, on behalf of the lead petitioner, introduced the petition relating to "
        "Dene Medical Centre and explained the concerns felt by the patients of that centre."
    )
    assert all(sp != "Dene Medical Centre" for sp in got.values())


def test_initials_before_spokesperson_are_the_body_spelt_out_earlier():
    got = _speakers(
        "Patients were worried after Orchard Care Services Limited, which ran Hill Street "
        "Surgery, went into administration.",
        "The contract was given to Leeds-based OCSL in May last year.",
        "An OCSL spokeswoman last week said the company had run into debt after failing to hire "
        "doctors.",
        "She added: “This meant that the firm had to pay for agency doctors, which costs a lot.",
        "“Anyone else running the surgery would have the same trouble.”",
    )
    body = "Orchard Care Services Limited (OCSL)"
    assert got["the company had run into debt after failing to hire doctors."] == body
    assert got["This meant that the firm had to pay for agency doctors, which costs a lot."] == body
    assert got["Anyone else running the surgery would have the same trouble."] == body


def test_a_kind_of_body_by_its_initials_is_not_a_body_spelt_out():
    got = _speakers(
        "Patients of Hill Street Surgery will move, said NHS Dene Clinical Commissioning Group.",
        "A CCG spokesman told the paper patients will be asked first.",
        "They added: “No decision will be taken before everyone has had their say.”",
    )
    assert got["No decision will be taken before everyone has had their say."] != (
        "Clinical Commissioning Group (CCG)"
    )


def test_he_after_a_spokesperson_when_no_one_is_named_before():
    got = _speakers(
        "A spokesman for NHS Westmoor said it was looking for a new provider for the surgery.",
        "He added: “We will write to every patient before the end of the month.”",
    )
    assert got["We will write to every patient before the end of the month."] == "NHS Westmoor"


def test_the_subject_of_a_relative_clause_then_and_said():
    got = _speakers(
        "The papers also set out talks with NHS Westmoor, which backed a new surgery and said "
        "money ‘should be paid on top of the grant for the building’.",
        "Councillors then heard from Dr Jo Bloggs, who chaired the review and told them the "
        "practice was ‘not safe to stay open much longer’.",
        "The chief executive of NHS Westmoor, who joined the call and said patients were ‘at the "
        "heart of every decision we make’, left early.",
    )
    assert got["should be paid on top of the grant for the building"] == "NHS Westmoor"
    assert got["not safe to stay open much longer"] == "Dr Jo Bloggs"
    assert got["at the heart of every decision we make"] == ""
    # "which" is a thing's: the note's words, not its author's
    got = _speakers(
        "The panel gave its ruling on Dr Jo Bloggs, which followed a long hearing and said he "
        "had ‘failed to keep proper records for many years’."
    )
    assert got["failed to keep proper records for many years"] == ""


def test_she_after_a_man_is_the_woman_named_before_him():
    said = "The new centre is a fine building with room for every service."
    got = _speakers(
        "Rhona Tate, head of primary care at Westmoor CCG, backed the move but said more should "
        "be done to explain what she called the gains of the new centre.",
        "Dr Alan Frey, who ran the surgery for 20 years, also spoke and said that he would seek "
        "a judicial review.",
        "He urged the committee to say no and said: “The other way is a court case.”",
        f"Presenting the report, she told the committee: “{said}”",
    )
    assert got[said] == "Rhona Tate"
    # no one called "she" before him: unknown
    got = _speakers(
        "Rhona Tate, head of primary care at Westmoor CCG, backed the move.",
        "Dr Alan Frey, who ran the surgery for 20 years, also spoke and said that he would seek "
        "a judicial review.",
        f"Presenting the report, she told the committee: “{said}”",
    )
    assert got[said] == ""
    # "he" in a sentence naming two people may be either's: unknown
    got = _speakers(
        "Rhona Tate, head of primary care at Westmoor CCG, said she backed the move.",
        "Dr Alan Frey met Dr Sam Hale and said that he would seek a judicial review.",
        f"Presenting the report, she told the committee: “{said}”",
    )
    assert got[said] == ""
    got = _speakers(
        "Rhona Tate, head of primary care at Westmoor CCG, said she backed the move.",
        "Dr Alan Frey, with Mr Tom Lee, said that he would seek a judicial review.",
        f"Presenting the report, she told the committee: “{said}”",
    )
    assert got[said] == ""


def test_is_concerned_as_gives_the_reason_in_the_speakers_words():
    got = _speakers(
        "Westmoor MP Jo Bloggs has raised fears about a new ten-year deal to run the town's "
        "health services.",
        "However Ms Bloggs is concerned as a deal of this length has “never been tried by any "
        "other town in England”.",
        "Dr Alan Frey was worried that patients would be ‘left with nowhere to go at all’.",
    )
    assert got["never been tried by any other town in England"] in {"Jo Bloggs", "Ms Bloggs"}
    assert got["left with nowhere to go at all"] == "Dr Alan Frey"


def test_a_subheading_run_into_the_text_is_no_ones_words():
    got = _speakers(
        "“Nearly half the village is over 70,” county councillor Rhona Tate said. Residents have "
        "started a petition. ‘Surgery loved by all villagers’ “This will be a heavy blow to the "
        "village,” said Ms Tate."
    )
    assert got.get("Surgery loved by all villagers", "") == ""
    assert got["This will be a heavy blow to the village"] == "Rhona Tate"


def test_it_after_a_body_described_but_not_named_is_not_the_last_body():
    got = _speakers(
        "A report by a policy group says practices need “urgent change”.",
        "Dr Jo Bloggs, a GP in Dene and chair of the NHS Alliance, said the plan was a “bad "
        "idea for every practice”.",
        "The think tank has also urged the government to ease visa rules for nurses. It claimed "
        "all practices should ‘be free to choose how they hire and pay their staff’.",
    )
    assert got["be free to choose how they hire and pay their staff"] == ""
    # the sentence before names the body by its kind: "it" is that body
    got = _speakers(
        "Hill Street Surgery will close in June, NHS Dene CCG said.",
        "The practice is run by a private firm and the CCG said it has written to patients. It "
        "said patients ‘will be moved to another practice if they do not register’.",
    )
    assert got["will be moved to another practice if they do not register"] == "NHS Dene CCG"


def test_said_a_spokesman_after_the_quote_is_a_spokesman_said():
    words = "One of the doctors is leaving soon, and the other cannot carry on alone"
    got = _speakers(
        "NHS Dene Clinical Commissioning Group, which plans services for the city, has written "
        "to all the surgery’s 4,000 patients.",
        f"It says Hill Road has struggled to hire GPs. ‘{words}’ said a spokesman",
    )
    assert got[words] == "NHS Dene Clinical Commissioning Group"
    # the last one quoted a person: whose spokesman is unknown
    got = _speakers(
        "Dr Jo Bloggs said: “We cannot find another doctor anywhere in the county.”",
        f"‘{words},’ said a spokesman.",
    )
    assert got[words] == ""


def test_an_opening_phrase_with_its_place_before_the_body_by_its_kind():
    words = "The CCG has no plans to open another surgery in the town this year."
    got = _speakers(
        "Hill Street Surgery will close, NHS Dene CCG has confirmed.",
        "In questions about the closure of Hill Street Surgery, in Oakley, Westmoor, the CCG "
        f"said: “{words}”",
    )
    assert got[words] == "NHS Dene CCG"


def test_he_after_a_speaker_who_named_a_role_holder_as_object_is_the_speaker():
    # (the object, "secretary Ben Marsh", is no antecedent of "He": the speaker just quoted is)
    words = "There was no consultation and no scrutiny of the transfer."
    got = _speakers(
        "Green health spokesman Tom Reed has called for a halt to the transfer, which he "
        "called ‘a sell-off by stealth’.",
        "Speaking last week Mr Reed challenged health secretary Ben Marsh to intervene. "
        f"He said: ‘{words}’",
        "Mr Marsh gave no commitment to intervene.",
    )
    assert got[words] == "Tom Reed"


def test_nhs_and_initials_are_the_body_the_article_spells_out():
    words = "Practices will be free to bid for every local service."
    got = _speakers(
        "The NHS Dene Oversight Board has set out its plans for local services.",
        f"“{words}” said the NHS DOB fact sheet.",
    )
    assert got[words] == "NHS Dene Oversight Board"
    # spelt out two ways: no one body
    got = _speakers(
        "The NHS Dene Oversight Board and the NHS Dale Oversight Bureau met.",
        f"“{words}” said the NHS DOB fact sheet.",
    )
    assert got[words] == ""


def test_published_by_a_body_opening_the_sentence_owns_the_document_after_it():
    words = "it does not expect to use the power"
    got = _speakers(
        "The NHS Dene Oversight Board has given its clearest signal on local services.",
        "Issued by the NHS DOB last week, the ‘Local services’ briefing confirmed that while "
        f"the board keeps the power, “{words}”.",
    )
    assert got[words] == "NHS Dene Oversight Board"
    # a person in the opening phrase: no body owns it
    got = _speakers(
        "Issued by Dr Jo Bloggs and the NHS Dene Oversight Board last week, the ‘Local "
        f"services’ briefing confirmed that “{words}”.",
    )
    assert got[words] == ""


def test_a_speech_verb_opening_the_quotation_is_its_documents_owners():
    words = "insists that practice contracts should stay with NHS England"
    got = _speakers(
        "Delegates backed a motion that “views with concern” plans for local boards.",
        "The motion, tabled by Dene Local Medical Committee, said the change would “harm "
        "trust between practices”.",
        f"The motion “{words}”.",
    )
    assert got[words] == "Dene Local Medical Committee"
    # a second motion no one owns after the one named: no owner
    got = _speakers(
        "The motion, tabled by Dene Local Medical Committee, said the change would “harm "
        "trust between practices”.",
        "Delegates also backed a motion that “views with concern” plans for local boards.",
        f"The motion “{words}”.",
    )
    assert got[words] == ""


def test_nhs_run_into_initials_before_spokeswoman_is_the_body_spelt_out():
    words = "The two groups have asked to merge before they apply."
    got = _speakers(
        "The NHS Dene Oversight Board will decide on the merger next month.",
        f"A NHSDOB spokeswoman said: ‘{words}’",
    )
    assert got[words] == "NHS Dene Oversight Board"


def test_a_paragraph_missing_its_opening_mark_goes_on_with_the_open_quote():
    words = "Their claim that the doctors did not try hard enough is untrue."
    got = _speakers(
        "Jo Bloggs, from the Hill Street patient group, said the group felt ignored.",
        "She said: “The harm has been done and nobody asked us.",
        f"{words}”",
    )
    assert got[words] == "Jo Bloggs"
    # with no quote left open before it, a closing mark alone opens no quote
    got = _speakers(
        "Jo Bloggs, from the Hill Street patient group, said the group felt ignored.",
        f"{words}”",
    )
    assert words not in got


def test_a_paragraph_opening_on_a_closing_double_mark_opens_a_quote():
    words = "Boards must keep a register of the interests of every member."
    got = _speakers(
        "A spokesperson for NHS Dene said: “Every GP will be a member of a board.",
        f"”{words}”",
    )
    assert got[words] == "NHS Dene"


def test_a_last_paragraph_cut_off_in_the_attribution_after_a_whole_quote_is_kept():
    # the saved page stops inside "she said" after a closed quote: text, not a link
    page = (
        "A headline about the practices\n\n"
        "Jo Bloggs, the manager at Hill Street Surgery, said the cuts would close services.\n\n"
        "“This will mean very hard choices for all of us,” she sa"
    )
    got = {q.text: q.speaker for q in extract_quotes(parse_page_text(page, "page"))}
    assert got["This will mean very hard choices for all of us"] == "Jo Bloggs"
    # a trailing related-story link in quotation marks is still dropped
    page = page.replace(" she sa", " she said.") + "\n\n‘GPs are at breaking point’"
    assert parse_page_text(page, "page").paragraphs[-1].endswith("she said.")


def test_an_mp_named_by_post_is_who_he_said_is():
    got = _speakers(
        "Jane Orme, head of primary care at NHS Dene CCG, said: “We are really pleased that a "
        "new provider has been found for the practice.”",
        "MP Tom Garside has warmly welcomed the news.",
        "“I am absolutely delighted that the surgery in the village will stay open,” he said.",
    )
    assert got["I am absolutely delighted that the surgery in the village will stay open"] == (
        "Tom Garside"
    )
