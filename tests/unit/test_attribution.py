"""Attribution as real political copy writes it: stance and belief predicates, evidence that speaks,
several speakers in one sentence, wire-style quotation marks and the layouts of real pages.

Every sentence here is written for the test; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from service.extraction import Claim, extract_claims

PUBLISHED = date(2026, 4, 7)


def claim_with(text: str, phrase: str) -> Claim:
    claims = extract_claims(text, PUBLISHED)
    hits = [c for c in claims if phrase in c.text]
    assert hits, f"no claim holds {phrase!r}: {[c.text for c in claims]}"
    return hits[0]


def speaker_of(text: str, phrase: str) -> tuple[str | None, str | None, str | None]:
    """(name, mention, type) of the speaker of the claim holding the phrase."""
    speaker = claim_with(text, phrase).speaker
    return (speaker.name, speaker.mention, speaker.type.value) if speaker else (None, None, None)


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        # stance, evaluation and political action, with an object or a clause
        ("Senator Maribel Ostrander endorsed the harbour levy on Monday.", "harbour levy", "Maribel Ostrander"),
        ("Governor Tomas Vielle questioned whether the tunnel could open by spring.", "tunnel", "Tomas Vielle"),
        ("Councilwoman Idra Penhallow voted against the budget amendment.", "budget amendment", "Idra Penhallow"),
        ("Mayor Odell Brisco declined to endorse either candidate.", "either candidate", "Odell Brisco"),
        ("Kasimir Wendt urged lawmakers to delay the vote.", "delay the vote", "Kasimir Wendt"),
        # internal states, with a clause or an infinitive
        ("Rosalind Achebe believes the port deal will collapse.", "port deal", "Rosalind Achebe"),
        ("Pell Harrow plans to visit the flooded districts on Friday.", "flooded districts", "Pell Harrow"),
        ("Ingrid Solvay worries that turnout will fall in the rural counties.", "turnout", "Ingrid Solvay"),
    ],
)
def test_stance_and_belief_predicates_attribute(text: str, phrase: str, speaker: str) -> None:
    assert speaker_of(text, phrase)[0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The river backed up into the old mill race.",  # a thing holds no position
        "The flood walls are seen as the town's best defence.",  # passive: nobody holds it
        "Do you know where the ballots are kept?",  # the generic "you"
        "The council backed out of the harbour deal.",  # "backed out" is no stance
    ],
)
def test_stance_verbs_in_other_senses_attribute_nothing(text: str) -> None:
    assert [c.speaker for c in extract_claims(text, PUBLISHED)] == [None]


def test_evidence_speaks_as_a_document_and_a_court_as_a_body() -> None:
    poll = claim_with("A new Harlan Institute poll shows the incumbent trailing by six points.", "trailing")
    assert poll.speaker is not None
    assert (poll.speaker.name, poll.speaker.type) == (None, "document")
    assert "poll" in poll.speaker.mention
    ruling = claim_with("The appeals court ruled that the district maps were drawn unlawfully.", "district maps")
    assert ruling.speaker is not None
    assert ruling.speaker.type == "organization"
    assert "court" in ruling.speaker.mention


def test_an_unresolved_pronoun_keeps_its_mention_and_no_guessed_name() -> None:
    claim = claim_with("The program has grown well beyond its first purpose, they say.", "grown")
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.mention) == (None, "they")


def test_a_cue_inside_the_quotation_is_not_the_attribution() -> None:
    text = (
        'Wendell Marsh said the count would be finished by noon. "I think we will be done early. '
        'I believe the machines are fine," he added.'
    )
    claim = claim_with(text, "machines are fine")
    assert claim.speaker is not None
    assert claim.speaker.name == "Wendell Marsh"


def test_a_pronoun_resolves_to_the_nearest_person_it_agrees_with() -> None:
    text = (
        "Margaret Okafor said the county would recount the ballots.\n\n"
        "Thomas Reyes said the recount was a waste of money.\n\n"
        "She added that the machines had been tested twice."
    )
    claim = claim_with(text, "machines had been tested")
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.mention) == ("Margaret Okafor", "She")


def test_a_first_name_makes_a_person_of_a_name_the_tagger_took_for_a_company() -> None:
    text = "Wendell Marsh said the count would be finished by noon.\n\nHe said the results would follow at once."
    claims = extract_claims(text, PUBLISHED)
    assert [(c.speaker.name, c.speaker.type) for c in claims if c.speaker] == [("Wendell Marsh", "person")] * 2


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Mayor Odell Brisco said the bridge would reopen in May, while Councilwoman Idra Penhallow argued "
            "that repairs would take until autumn.",
            ("bridge would reopen", "Odell Brisco"),
            ("repairs would take", "Idra Penhallow"),
        ),
        (
            "The county blamed the outage on a failed transformer, which Harlan Voss denied on Tuesday.",
            ("failed transformer", None),
            ("which Harlan Voss denied", "Harlan Voss"),
        ),
        (
            "As Senator Maribel Ostrander said the levy was fair, Governor Tomas Vielle insisted that it "
            "would drive shipping away.",
            ("levy was fair", "Maribel Ostrander"),
            ("drive shipping away", "Tomas Vielle"),
        ),
    ],
)
def test_each_speaker_of_a_sentence_has_a_claim_of_their_own(
    text: str, first: tuple[str, str | None], second: tuple[str, str]
) -> None:
    claims = extract_claims(text, PUBLISHED)
    assert len(claims) == 2, [c.text for c in claims]
    for claim, (phrase, speaker) in zip(claims, (first, second), strict=True):
        assert phrase in claim.text
        assert (claim.speaker.name if claim.speaker else None) == speaker
        assert text[claim.span.start : claim.span.end] == claim.text  # its own span of the sentence
    assert claims[0].span.end <= claims[1].span.start


@pytest.mark.parametrize(
    "text",
    [
        # what a second person said, inside what the first reports, stays in the first one's claim
        "Rosalind Achebe said that Pell Harrow believes the port deal will collapse.",
        # the same speaker twice is one claim
        "Rosalind Achebe said the port deal would collapse, and she added that the talks were over.",
        # a participle on a phrase is no clause of its own
        "The board voted 5-2 for the levy, with two members preferring to wait a year.",
        # what is left would be no clause: the figure's sentence stays whole
        "Turnout was 61.3%, the commission said, the highest for a presidential vote since 2009.",
    ],
)
def test_a_sentence_is_cut_only_between_clauses_of_different_speakers(text: str) -> None:
    assert len(extract_claims(text, PUBLISHED)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The prisoner, who committed the robbery in 2019, was released on Monday.",
        "Federal law requires candidates to disclose their assets.",
        "Crews maintained the roads through the winter.",
    ],
)
def test_reporting_verbs_in_their_other_senses_attribute_nothing(text: str) -> None:
    assert [c.speaker for c in extract_claims(text, PUBLISHED)] == [None]


def test_wire_quotation_marks_make_quotes() -> None:
    text = (
        "''It is more tinkering at the edges,'' said Alan Cole, an economist at the Tally Foundation. "
        "''I would not call it reform. There are no major changes.''\n\n"
        "``We will see what the committee does,'' Mr. Cole added."
    )
    claims = extract_claims(text, PUBLISHED)
    assert [(c.kind, c.quote, c.speaker.name if c.speaker else None) for c in claims] == [
        ("quote", "It is more tinkering at the edges", "Alan Cole"),
        ("quote", "I would not call it reform. There are no major changes.", "Alan Cole"),
        ("quote", "We will see what the committee does", "Alan Cole"),
    ]


def test_a_passive_cue_attributes_to_its_agent() -> None:
    assert speaker_of("The harbour levy was endorsed by Senator Maribel Ostrander on Monday.", "harbour levy")[0] == (
        "Maribel Ostrander"
    )
    # without an agent, a passive cue is a hedge: nobody speaks
    assert speaker_of("The levy is expected to pass next week.", "levy") == (None, None, None)


def test_a_conjoined_attribution_inside_what_another_reports_is_its_own_claim() -> None:
    claims = extract_claims(
        "Mayor Odell Brisco said the bridge was safe, and engineers warned that the cables were corroded.",
        PUBLISHED,
    )
    assert [(c.speaker.mention if c.speaker else None) for c in claims] == ["Mayor Odell Brisco", "engineers"]


def test_layouts_of_real_pages_name_their_speakers() -> None:
    text = (
        "Pat Caddell: Democratic Voters Worried About the Nominee's Health.\n\n"
        "WALLACE: Let us start with the news on the debate. The campaign announced a guest list.\n\n"
        "Mike Pence spoke to reporters on Sunday.\n\n"
        "PENCE: Well, look, that is an episode of a game show.\n\n"
        "UPDATE: The debate starts at 9 p.m.\n\n"
        "“He has never once answered a question. I am so tired of this man.” ― Rosa Delgado\n"
        "Poll: Wealthy Voters Abandon the Incumbent."
    )
    claims = extract_claims(text, PUBLISHED)
    speakers = {c.text[:20]: (c.speaker.name, c.speaker.type.value) if c.speaker else None for c in claims}
    assert speakers == {
        "Pat Caddell: Democra": ("Pat Caddell", "person"),
        "WALLACE: Let us star": ("WALLACE", "person"),
        "The campaign announc": ("WALLACE", "person"),  # inside Wallace's turn: his words
        "Mike Pence spoke to ": None,
        "Well, look, that is ": ("Mike Pence", "person"),  # the transcript's PENCE is the story's Mike Pence
        "UPDATE: The debate s": None,  # the page's own label
        "“He has never once a": ("Rosa Delgado", "person"),  # signed at its end
        "Poll: Wealthy Voters": (None, "document"),
    }
    # the label and the signature are no claims of their own
    assert not any(c.text.strip("―— .") in ("PENCE:", "Rosa Delgado") for c in claims)


def test_a_signature_on_its_own_line_signs_the_quotation_before_it() -> None:
    text = "“I am tired of the promises. I want the bridge open.”\n― Steve Quinlan.\n\nThe Latest: Bridge talks resume."
    claims = extract_claims(text, PUBLISHED)
    assert [(c.text[:12], c.speaker.name if c.speaker else None) for c in claims] == [
        ("“I am tired ", "Steve Quinlan"),
        ("The Latest: ", None),  # a headline's label that names nobody
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "mention"),
    [
        # noun cues, with their owner
        ("Governor Tomas Vielle's decision to close the ferry angered the islanders.", "ferry", "Tomas Vielle"),
        ("Odell Brisco's claim that the pier was unsafe drew a rebuke from the board.", "pier", "Odell Brisco"),
        # a state of mind, with what it is about
        ("Republicans in the county were concerned about the shift in turnout.", "turnout", "Republicans"),
        # people named by what they do
        ("Local environmentalists believe the quarry will poison the river.", "quarry", "Local environmentalists"),
    ],
)
def test_noun_cues_states_of_mind_and_agentive_nouns_attribute(text: str, phrase: str, mention: str) -> None:
    speaker = claim_with(text, phrase).speaker
    assert speaker is not None
    assert mention in (speaker.name or "", speaker.mention)


@pytest.mark.parametrize(
    "text",
    [
        "A yellow bulldozer pushed the mound aside.",  # push without "for"
        "An attorney for the mayor did not respond to requests for comment.",  # nothing said
    ],
)
def test_cues_without_what_they_say_attribute_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "phrase", "mention"),
    [
        ("The nominee has been endorsed by dozens of newspapers.", "nominee", "dozens of newspapers"),
        ("A memorable campaign ad questioned whether the senator was ready.", "ready", "A memorable campaign ad"),
        ("Councilwoman Idra Penhallow charged that the levy favoured the port's owners.", "levy", "Idra Penhallow"),
        ("Odell Brisco is raising questions about the bridge contract.", "bridge", "Odell Brisco"),
        ("The Harbour Times backed Brisco in its Sunday editorial.", "Sunday editorial", "The Harbour Times"),
    ],
)
def test_political_stances_as_newspapers_write_them(text: str, phrase: str, mention: str) -> None:
    speaker = claim_with(text, phrase).speaker
    assert speaker is not None
    assert mention in (speaker.name or "", speaker.mention)


def test_an_infinitive_leads_to_the_cue_and_a_credit_line_names_no_speaker() -> None:
    assert speaker_of(
        "The mayor drew criticism after Odell Brisco appeared to suggest that the ferry would close.", "ferry"
    )[0] == ("Odell Brisco")
    assert speaker_of("Idra Penhallow and Tomas Vielle contributed reporting.", "reporting") == (None, None, None)


def test_a_sentence_of_many_speakers_gives_a_bounded_number_of_claims() -> None:
    names = ["Odell Brisco", "Idra Penhallow", "Tomas Vielle", "Maribel Ostrander", "Pell Harrow"] * 40
    sentence = ", and ".join(f"{name} said the levy was {k}" for k, name in enumerate(names)) + "."
    claims = extract_claims(sentence, PUBLISHED)
    assert 1 < len(claims) <= 6
    assert all(sentence[c.span.start : c.span.end] == c.text for c in claims)
    assert all(a.span.end <= b.span.start for a, b in pairwise(claims))


def test_an_embedded_tweet_is_its_authors_words() -> None:
    text = (
        'The mayor answered online within minutes.\n\n<tweet author="@OdellBrisco" tweet_id="1">The bridge opens '
        "in May, whatever the council says.</tweet>"
    )
    claim = claim_with(text, "bridge opens")
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.mention) == ("OdellBrisco", "OdellBrisco")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry declined to declare the militia responsible for the attack.", "to declare the militia"),
        ("Odell Brisco did not confirm that the bridge would close.", "the bridge would close"),
        ("Idra Penhallow refused to say whether the levy would pass.", "whether the levy would pass"),
    ],
)
def test_a_negated_cue_sets_negated_and_keeps_the_content_whole(text: str, content: str) -> None:
    (claim,) = extract_claims(text, PUBLISHED)
    assert claim.negated
    assert content in claim.content
    assert claim.speaker is not None


def test_a_dateline_after_the_headline_is_no_speaker() -> None:
    text = "Harbour Levy Passes\n\nWASHINGTON ― Senator Maribel Ostrander said the levy would pass on Friday."
    (claim,) = extract_claims(text, PUBLISHED)
    assert claim.text.startswith("Senator Maribel Ostrander")
    assert claim.speaker is not None
    assert claim.speaker.name == "Maribel Ostrander"


def test_in_a_signed_piece_i_is_the_author() -> None:
    text = (
        "Why the Levy Matters\n\nBy Rosalind Achebe\n\n"
        "I believe the harbour levy will pay for itself within a decade.\n\n"
        "Odell Brisco said the levy was fair."
    )
    claims = extract_claims(text, PUBLISHED)
    assert [(c.speaker.name, c.speaker.mention) if c.speaker else None for c in claims] == [
        ("Rosalind Achebe", "I"),
        ("Odell Brisco", "Odell Brisco"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        # a relative clause speaks for the noun it describes; its mention is the pronoun as written
        (
            "The mayor turned to the Harbour Pilots Association, which warned that the channel was silting up.",
            "channel",
            ("Harbour Pilots Association", "which", "organization"),
        ),
        (
            "The levy angered the fishing crews of Port Ellery, many of whom say the quota is unfair.",
            "quota",
            (None, "many of whom", "anonymous"),
        ),
        # a part of a group speaks as that part
        ("Some believe the ferry will never run again.", "ferry", (None, "Some", "anonymous")),
        # a name the tagger reads as a noun before a reporting verb it reads as a plural
        (
            "Judge Amara Quist spoke on Monday. Quist claims that the ruling was leaked.",
            "leaked",
            ("Amara Quist", "Quist", "person"),
        ),
        # a participle describing the name before it
        (
            'The spot opens with footage of Lorna Vey telling voters, "Where did the money go?"',
            "money",
            ("Lorna Vey", "Lorna Vey", "person"),
        ),
        # a document that reads
        ('"We expect the pier to reopen by May," the letter reads.', "pier", (None, "the letter", "document")),
        # "hopes" is hope, not hop; attitudes with a plain object; an appositive name holds positions
        ("Mr. Oduya hopes to reopen the cannery.", "cannery", ("Oduya", "Mr. Oduya", "person")),
        ("Bettina Rask loves the school her son attends.", "school", ("Bettina Rask", "Bettina Rask", "person")),
        (
            "The governor's deputy, Ilse Marwood, plans to publish the audit.",
            "audit",
            ("Ilse Marwood", "The governor's deputy, Ilse Marwood", "person"),
        ),
    ],
)
def test_relatives_parts_of_groups_and_misread_cues_name_their_speakers(
    text: str, phrase: str, speaker: tuple[str | None, str | None, str | None]
) -> None:
    assert speaker_of(text, phrase) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The trawlers attacked the shoals at dawn.",  # a physical attack, not a stance
        "The council did not unveil the statue.",  # an unveiling says nothing
        "Sales of some lanterns rose by 5 percent.",  # "some" of things speaks for no one
    ],
)
def test_attitude_verbs_and_quantities_in_other_senses_attribute_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


def test_a_title_cased_headline_is_parsed_as_a_sentence_and_keeps_its_text() -> None:
    text = "Dockworkers Slam Port Closure As A Betrayal.\nThe union said the closure would cost 300 jobs.\n"
    headline = claim_with(text, "Slam")
    assert headline.text == "Dockworkers Slam Port Closure As A Betrayal."
    assert (headline.cue, headline.speaker.mention if headline.speaker else None) == ("slam", "Dockworkers")
    assert text[headline.span.start : headline.span.end] == headline.text


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        # evidence that shows, finds or rules, with the measures and media newsrooms cite
        ("Polling averages show the mayor with a narrow lead.", "narrow lead", (None, "Polling averages", "document")),
        ("Data from the harbour survey show that traffic fell by a third.", "traffic", (None, None, "document")),
        (
            "A federal appeals court ruled Friday against the county's map.",
            "county's map",
            (None, None, "organization"),
        ),
        ("The Ellery Gazette found that one in four piers was unsafe.", "piers", ("Ellery Gazette", None, None)),
        # what someone expresses, makes the case for or gives
        ("Fishermen have expressed concern that the quota is too low.", "quota", (None, "Fishermen", "anonymous")),
        ("Ms. Quist made the case for a new ferry during the hearing.", "ferry", ("Quist", "Ms. Quist", "person")),
        ("The Ellery Gazette gave Quist a glowing endorsement.", "endorsement", ("Ellery Gazette", None, None)),
        ("Bettina Rask attacked her rival as a fraud.", "fraud", ("Bettina Rask", "Bettina Rask", "person")),
        # a noun cue with its owner, whatever the parser did with the clause
        (
            "The vote went ahead despite warnings from his lawyer that it was void.",
            "void",
            (None, "his lawyer", "anonymous"),
        ),
        # where it was said, opening the sentence
        ("In a statement on Tuesday, Senator Lorna Vey was more cautious.", "cautious", ("Lorna Vey", None, "person")),
        ("In this poll, the mayor rose two points since May.", "two points", (None, "this poll", "document")),
    ],
)
def test_evidence_expressions_and_venues_name_their_source(
    text: str, phrase: str, speaker: tuple[str | None, str | None, str | None]
) -> None:
    got = speaker_of(text, phrase)
    assert tuple(g if s is not None else None for g, s in zip(got, speaker, strict=True)) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The senator made the comments on Friday during a brief visit.",  # points back to words quoted before
        "The mayor has record low support from young voters.",  # support from voters says nothing
        "By a 2-to-1 vote, the appeals court sent the case back to the district court.",  # a lawsuit
        "They attacked the ferry terminal at dawn.",  # a physical attack
        "In the end, the council approved the budget.",  # "in" opening no venue
    ],
)
def test_light_verbs_owners_and_openings_in_other_senses_attribute_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        # inverted cues opening the sentence
        ('Fishing crews fear the quota. Said Ostrander: "The harbour will empty."', "harbour", ("Ostrander", None)),
        ('Added the mayor, "We will rebuild the pier."', "pier", (None, "the mayor")),
        # a subject the parser lost in its appositive
        (
            'In a hearing in Ellery, Marta Quist, the head of the Pilots League, told a young woman that "the channel is safe."',
            "channel",
            ("Marta Quist", None),
        ),
        # people by a pronoun of quantity, and a capitalised description
        ("Others disagree with the harbour plan.", "harbour plan", (None, "Others")),
        ("Those close to the mayor say that she will run again.", "run again", (None, "Those close to the mayor")),
        ("Five percent prefer the independent candidate.", "independent", (None, "Five percent")),
        ("Retired Captain Reveals Troubled Voyage.", "Voyage", (None, "Retired Captain")),
        # speaking about something, not somewhere
        ("The senator spoke about the harbour levy on Monday.", "levy", (None, "The senator")),
    ],
)
def test_inverted_cues_lost_subjects_and_pronouns_of_quantity_name_their_speaker(
    text: str, phrase: str, speaker: tuple[str | None, str | None]
) -> None:
    name, mention, _ = speaker_of(text, phrase)
    assert (name if speaker[0] else None, mention if speaker[1] else None) == speaker


@pytest.mark.parametrize(
    "text",
    ["The senator spoke at a rally in Ellery on Monday.", "Most of the ballots arrived late."],
)
def test_speaking_somewhere_and_quantities_of_things_attribute_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "Senator Vey claimed a victory in the Ellery primary.",  # a win, not a claim
        "Vey won the Ellery primary, adding to her victories in the north.",  # a sum, not a remark
        "The mayor asked the pilots a question.",  # a question put, nothing said of it
        "Quist wrote the letter on Feb. 2 to the harbour board.",  # a letter written, not what it says
        "The senator addressed a rally in Ellery.",  # a crowd, not an issue
    ],
)
def test_reporting_verbs_in_senses_that_report_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


def test_a_remark_added_after_a_quotation_still_reports() -> None:
    assert speaker_of("“We will rebuild the pier by May,” the mayor added.", "pier")[1] == "the mayor"


@pytest.mark.parametrize(
    ("text", "phrase", "mention"),
    [
        # "according to" speaks for the sentence over a perception or a subordinate clause's cue
        ("According to police, officers saw the driver get out of the van.", "driver", "police"),
        ("Most pilots would see their fees go up, according to the harbour board.", "fees", "the harbour board"),
        (
            "According to Quist, the board replaced three captains because many disagreed with the plan.",
            "captains",
            "Quist",
        ),
        # a reporting verb inside what "according to" reports stays its own speaker's
        ("The mayor said the pier would reopen, according to two aides.", "pier", "The mayor"),
        # a state of mind with a clause still attributes
        ("Fishermen worry that the cost of dredging could fall to the town.", "dredging", "Fishermen"),
    ],
)
def test_according_to_outranks_perceptions_and_subordinate_cues(text: str, phrase: str, mention: str) -> None:
    assert speaker_of(text, phrase)[1] == mention


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "mention"),
    [
        # rejecting or condemning what is no claim is a position, not a denial or an accusation
        ("The harbour board rejected the pilots' request for a new tug.", "tug", "statement", "The harbour board"),
        ("The council condemned the latest missile launch.", "missile launch", "statement", "The council"),
        ("The council condemned Norland for the missile launch.", "missile launch", "accusation", "The council"),
        # a common noun opening a title-cased headline names no one
        ("Judge Rejects Request To Unseal Harbour Files.", "Harbour Files", "statement", "Judge"),
        ("Poll Shows Mayor Ahead In Ellery Race.", "Ellery Race", "statement", "Poll"),
    ],
)
def test_positions_taken_and_headline_subjects(text: str, phrase: str, kind: str, mention: str) -> None:
    claim = claim_with(text, phrase)
    assert (claim.kind.value, claim.speaker.mention if claim.speaker else None) == (kind, mention)
    assert claim.speaker is not None
    assert claim.speaker.name is None


def test_a_lead_in_lends_its_speaker_to_the_next_paragraph_quoted_or_not() -> None:
    text = (
        "The mayor spoke on the radio on Monday.\n\nThe mayor added:\n\n"
        "This is the worst storm I have ever seen. The pier will reopen in May.\n\n"
        "The ferry resumed service on Tuesday.\n"
    )
    speakers = {c.text: c.speaker.mention if c.speaker else None for c in extract_claims(text, PUBLISHED)}
    assert speakers == {
        "The mayor spoke on the radio on Monday.": None,
        "This is the worst storm I have ever seen.": "The mayor",
        "The pier will reopen in May.": "The mayor",
        "The ferry resumed service on Tuesday.": None,
    }


@pytest.mark.parametrize(
    ("text", "phrase", "mention"),
    [
        # a verb tagged as a noun is still a verb when it has a subject
        (
            "The Vey campaign plans to send the mayor to every county in the coming weeks.",
            "every county",
            "The Vey campaign",
        ),
        # seeing something as something, viewing, feeling
        ("Critics of the levy see the audit as a chance to fix the harbour.", "audit", "Critics of the levy"),
        ("The pilots' union also views the mayor more favorably than her rival.", "favorably", "The pilots' union"),
        ("The senator felt confident about the vote.", "confident", "The senator"),
        # what a plan would do is its owner's proposal
        ("Ms. Quist's plan would cap harbour fees at 5 percent.", "harbour fees", "Ms. Quist's"),
        ("Under Ms. Quist's plan, pilots would pay a lower fee.", "lower fee", "Ms. Quist's"),
        # the object holds the feeling, and the subject is what is felt
        ("That worries fishermen.", "That worries", "fishermen"),
    ],
)
def test_misread_verbs_seeing_as_plans_and_feelings_name_their_holder(text: str, phrase: str, mention: str) -> None:
    assert speaker_of(text, phrase)[1] == mention


@pytest.mark.parametrize(
    "text",
    [
        "But her plans ran into trouble early on.",  # what befell a plan, not what it proposes
        "The stone felt cold.",
        "The storm worried the harbour.",  # a harbour feels nothing
    ],
)
def test_plans_feelings_and_worries_of_things_attribute_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


def test_a_worry_keeps_what_is_worried_about_as_its_content() -> None:
    assert claim_with("That worries fishermen.", "worries").content == "That"


@pytest.mark.parametrize(
    ("text", "phrase", "mention"),
    [
        ("Typically party rules permit members to appoint proxies.", "proxies", "party rules"),
        ("The mayor effectively painted her rival as a threat to the harbour.", "threat", "The mayor"),
        ("The senator also linked the outage to the new dredging contract.", "outage", "The senator"),
    ],
)
def test_rules_that_permit_and_depictions_attribute(text: str, phrase: str, mention: str) -> None:
    assert speaker_of(text, phrase)[1] == mention


@pytest.mark.parametrize(
    "text",
    [
        "The tide allowed the boats to leave the harbour.",  # a tide lays nothing down
        "The crew painted the hull on Monday.",
        "The ferry was linked to the pier by a rope.",
    ],
)
def test_permits_paintings_and_links_of_things_attribute_nothing(text: str) -> None:
    assert all(c.speaker is None for c in extract_claims(text, PUBLISHED))


def test_a_question_quoted_before_its_attribution_stays_one_claim() -> None:
    claims = extract_claims("“Does anybody know what the harbour plan is?” Quist asked. “Neither do I.”", PUBLISHED)
    assert [(c.text, c.speaker.mention if c.speaker else None) for c in claims] == [
        ("“Does anybody know what the harbour plan is?” Quist asked.", "Quist"),
        ("“Neither do I.”", "Quist"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "mention"),
    [
        # the parser's subject inside the quotation is no speaker: the phrase before the verb is
        (
            "“My reaction, that was outrageous,” the mayor's former campaign strategist said on Monday.",
            "outrageous",
            "the mayor's former campaign strategist",
        ),
        # shouting reports
        ('"The harbour is ours!" the crowd shouted.', "harbour", "the crowd"),
    ],
)
def test_quotations_name_the_speaker_outside_them(text: str, phrase: str, mention: str) -> None:
    assert speaker_of(text, phrase)[1] == mention


def test_a_lead_in_noun_cue_lends_its_speaker_and_is_no_claim() -> None:
    text = "On July 6, Quist made the following comment:\n\n“The pier will never reopen under this board.”\n"
    claims = extract_claims(text, PUBLISHED)
    assert [(c.text, c.speaker.mention if c.speaker else None) for c in claims] == [
        ("“The pier will never reopen under this board.”", "Quist")
    ]
