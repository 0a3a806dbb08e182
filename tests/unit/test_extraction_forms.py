"""Hand-written sentences for every attribution form, every kind, and the ways articles break parsers."""

from __future__ import annotations

from datetime import date

import pytest

from service.extraction import Claim, extract_claims

PUBLISHED = date(2026, 4, 7)


def claim_with(text: str, phrase: str) -> Claim:
    claims = extract_claims(text, PUBLISHED)
    hits = [c for c in claims if phrase in c.text]
    assert hits, f"no claim holds {phrase!r}: {[c.text for c in claims]}"
    return hits[0]


CASES = [
    # direct quotations, every placement of the attribution
    (
        '"We are not going back until the authority treats them like professionals," Achterberg said.',
        "not going back",
        "quote",
        "Achterberg",
    ),
    (
        "“We will find out what happened, and we will fix it,” said Ravi Sundqvist, the chief executive.",
        "find out what happened",
        "quote",
        "Ravi Sundqvist",
    ),
    (
        'Ashdown said: "Frankly, parts of the market look like a bubble to me, and bubbles do not deflate gently."',
        "bubbles do not deflate",
        "quote",
        "Ashdown",
    ),
    (
        '"The line failed," Sundqvist said, "and we have already changed the design of the pressurant system."',
        "changed the design",
        "quote",
        "Sundqvist",
    ),
    (
        "Mayor Lena Ortiz put it bluntly — “we cannot keep paying for a system that does not run.”",
        "cannot keep paying",
        "quote",
        "Lena Ortiz",
    ),
    (
        "“It is a painful day for everyone who built this vehicle,” Corvane chief executive Ravi Sundqvist told reporters on Tuesday.",
        "painful day",
        "quote",
        "Ravi Sundqvist",
    ),
    (
        "Speaking aboard Air Force One, Trump mentioned, “A lot of work’s been done over the weekend. We want to see if we can bring that war to an end.”",
        "bring that war to an end",
        "quote",
        "Trump",
    ),
    (
        "Speaking in Downing Street, Keir Starmer said: 'We were elected to deliver change, and that is what we're going to do.'",
        "elected to deliver change",
        "quote",
        "Keir Starmer",
    ),
    (
        "The prime minister ruled out an election, insisting that voters want the government to 'get on with the job'.",
        "ruled out an election",
        "statement",
        None,
    ),
    # reported speech and its cues
    (
        "Vantreese said about 320 firefighters were assigned to the blaze.",
        "firefighters were assigned",
        "statement",
        "Vantreese",
    ),
    (
        "Finance Minister Obadiah Crane told lawmakers that the government respected the bank's independence.",
        "respected the bank",
        "statement",
        "Obadiah Crane",
    ),
    (
        "Anika Sorensen, chief economist at Kestrel Point Securities, expects the bank to deliver another 50 basis points of tightening.",
        "basis points",
        "statement",
        "Anika Sorensen",
    ),
    (
        "Sorensen forecast that inflation would fall to 3 percent by December.",
        "inflation would fall",
        "statement",
        "Sorensen",
    ),
    (
        "Pressure in the tank dropped abruptly, according to two people familiar with the investigation.",
        "dropped abruptly",
        "statement",
        None,
    ),
    (
        "Ride-hailing fares more than doubled during the evening commute, according to the fare-tracking app RideMeter.",
        "fares more than doubled",
        "statement",
        "RideMeter",
    ),
    (
        "In remarks made to the media outlet Izvestia, Grushko stated that the guarantees were essential.",
        "guarantees were essential",
        "statement",
        "Grushko",
    ),
    (
        "A spokesperson for Northbay Power Cooperative said it was too early to speculate about the cause.",
        "too early to speculate",
        "statement",
        "Northbay Power Cooperative",
    ),
    (
        "In a written statement, the Marenland Federation of Small Enterprises said higher rates were hurting family firms.",
        "hurting family firms",
        "statement",
        "Marenland Federation of Small Enterprises",
    ),
    # accusations and denials
    (
        "Tobias Wrenfield accused Northbay of ignoring years of complaints about sagging lines.",
        "ignoring years",
        "accusation",
        "Tobias Wrenfield",
    ),
    (
        "Ukraine's President Volodymyr Zelensky accused Putin of attempting to “sabotage” diplomatic efforts.",
        "sabotage",
        "accusation",
        "Volodymyr Zelensky",
    ),
    ("The union blamed the authority for the breakdown of talks.", "breakdown of talks", "accusation", None),
    (
        "Authority spokesperson Ines Galloway denied the accusation, saying consultant spending had fallen.",
        "denied the accusation",
        "denial",
        "Ines Galloway",
    ),
    (
        "Corvane denied the claim, saying it had issued maritime notices 72 hours before the launch.",
        "maritime notices",
        "denial",
        "Corvane",
    ),
    ("Ortiz dismissed claims that the budget was in deficit.", "budget was in deficit", "denial", "Ortiz"),
    # not a denial, but a position of his
    (
        "Guild president Desmond Achterberg dismissed the deadline.",
        "dismissed the deadline",
        "statement",
        "Desmond Achterberg",
    ),
    ("Rights groups criticized the government for the crackdown on protesters.", "crackdown", "accusation", None),
    # demands and conditions
    (
        "Grushko said Russia will demand that ironclad security guarantees become part of any agreement.",
        "ironclad security guarantees",
        "condition",
        "Grushko",
    ),
    (
        "Russia is insisting on assurances that will prevent Ukraine from joining NATO.",
        "assurances",
        "condition",
        "Russia",
    ),
    (
        "Kettering said residents of Ridgeline Estates must leave by 6 p.m. on Friday.",
        "must leave",
        "condition",
        "Kettering",
    ),
    (
        "The minister said the deal would go ahead only if parliament approved the budget.",
        "only if parliament",
        "condition",
        None,
    ),
    (
        "The union said it would accept the offer on condition that no jobs were cut.",
        "on condition that",
        "condition",
        None,
    ),
    (
        "Marchbank said the authority would withdraw its offer if guild members did not return to work by Thursday.",
        "withdraw its offer",
        "condition",
        "Marchbank",
    ),
    (
        "The office said Corvane cannot fly the Halberd 2 again until investigators approve its corrective actions.",
        "cannot fly",
        "condition",
        None,
    ),
    (
        "The guild is demanding a cap of 10 hours of mandatory overtime per week and guaranteed 30-minute meal breaks.",
        "cap of 10 hours",
        "condition",
        None,
    ),
    (
        "The regulator ordered the company to replace the pressurant lines on all remaining boosters.",
        "replace the pressurant lines",
        "condition",
        None,
    ),
    (
        "Putin outlined several stringent conditions for a ceasefire, including an end to Western arms deliveries.",
        "stringent conditions",
        "condition",
        "Putin",
    ),
    (
        "Hamas warned that no hostages would be released unless the bombardment stopped.",
        "unless the bombardment",
        "condition",
        "Hamas",
    ),
    # unattributed kinds
    ("The Cedar Hollow Fire had burned 4,200 acres by early Friday.", "4,200 acres", "figure", None),
    ("Consumer prices rose 5.8 percent in the year to February.", "5.8 percent", "figure", None),
    ("Fare revenue losses are running at roughly $1.2 million a day.", "$1.2 million", "figure", None),
    (
        "Flames jumped Highway 9 shortly before 5 p.m., shutting the road between Birchfield and Tamsin Flats.",
        "jumped Highway 9",
        "event",
        None,
    ),
    (
        "Negotiators returned to the table late Tuesday at the offices of the mediation service.",
        "returned to the table",
        "event",
        None,
    ),
    ("No new talks had been scheduled.", "No new talks", "fact", None),
    ("The satellites belonged to Lumen Relay Networks.", "belonged to", "fact", None),
]


@pytest.mark.parametrize(("text", "phrase", "kind", "speaker"), CASES, ids=[c[1] for c in CASES])
def test_kind_and_speaker(text: str, phrase: str, kind: str, speaker: str | None) -> None:
    claim = claim_with(text, phrase)
    assert claim.kind == kind
    name = claim.speaker.name if claim.speaker else None
    if speaker is None:
        assert name is None or kind in ("condition", "statement", "accusation")  # an unnamed or generic source
    else:
        assert name == speaker


def test_unnamed_sources_are_anonymous_speakers() -> None:
    claim = claim_with(
        "Pressure in the tank dropped abruptly, according to two people familiar with the investigation.", "dropped"
    )
    assert claim.speaker is not None
    assert claim.speaker.name is None
    assert claim.speaker.type == "anonymous"
    assert claim.speaker.mention == "two people familiar with the investigation"
    assert "according to" in claim.hedges


def test_pronoun_chain_across_paragraphs() -> None:
    text = (
        "Anika Sorensen, chief economist at Kestrel Point Securities, said the bank was in no hurry to pause.\n\n"
        "She said the governor's tone was hawkish.\n\n"
        "Sorensen added that markets had priced in two more increases.\n\n"
        '"They are not done," she said.'
    )
    claims = extract_claims(text, PUBLISHED)
    assert [c.speaker.name if c.speaker else None for c in claims] == ["Anika Sorensen"] * 4
    assert claims[1].speaker is not None
    assert claims[1].speaker.title == "chief economist at Kestrel Point Securities"


def test_two_speakers_in_one_paragraph() -> None:
    text = (
        '"We have put a fair offer on the table," Marchbank said. '
        '"You don\'t settle a contract with a stopwatch," guild president Desmond Achterberg said of the deadline.'
    )
    claims = extract_claims(text, PUBLISHED)
    assert [(c.kind, c.speaker.name if c.speaker else None) for c in claims] == [
        ("quote", "Marchbank"),
        ("quote", "Desmond Achterberg"),
    ]
    assert claims[1].speaker is not None
    assert claims[1].speaker.title == "guild president"


def test_a_quotation_continues_into_the_next_sentence_and_paragraph() -> None:
    text = (
        '"The fire is moving faster than anything we\'ve seen," Incident Commander Marisol Vantreese told reporters. '
        '"We are asking people not to wait for a knock on the door."\n\n'
        '"Leave now.'
    )
    claims = extract_claims(text, PUBLISHED)
    assert [c.kind for c in claims] == ["quote", "quote", "quote"]
    assert {c.speaker.name for c in claims if c.speaker} == {"Marisol Vantreese"}
    assert claims[0].speaker is not None
    assert claims[0].speaker.title == "Incident Commander"


def test_unbalanced_quotation_marks_never_abort_the_document() -> None:
    text = (
        'The mayor said "we will rebuild.\n\nCrews cleared the debris overnight.\n\nResidents returned "home on Sunday.'
    )
    claims = extract_claims(text, PUBLISHED)
    assert [c.paragraph for c in claims] == [0, 1, 2]
    assert claims[1].kind == "event"


def test_headings_are_not_claims_and_not_glued_to_the_next_sentence() -> None:
    text = "Evacuation center opens\nThe county opened an evacuation center at Harlan Basin High School.\nCause under investigation\nThe cause is under investigation."
    claims = extract_claims(text, PUBLISHED)
    assert [c.text for c in claims] == [
        "The county opened an evacuation center at Harlan Basin High School.",
        "The cause is under investigation.",
    ]
    assert [c.paragraph for c in claims] == [1, 3]


def test_datelines_stay_out_of_the_claim() -> None:
    claims = extract_claims("PORT CALDER — Buses sat idle Tuesday after 2,300 drivers walked off the job.", PUBLISHED)
    assert claims[0].text.startswith("Buses sat idle")
    assert claims[0].span.start == len("PORT CALDER — ")


def test_hedges_and_negation_are_recorded() -> None:
    hedged = claim_with("Kremlin negotiators are reportedly preparing a list of further demands.", "negotiators")
    assert hedged.hedges == ["reportedly"]
    maybe = claim_with("Falkner said the failure may have been caused by a cracked helium line.", "cracked")
    assert maybe.hedges == ["may"]
    assert claim_with("Falkner said the failure was caused by a cracked helium line.", "cracked").hedges == []
    assert claim_with(
        "The finance minister said the government would not comment on rate decisions.", "comment"
    ).negated
    assert not claim_with(
        "The finance minister said the government would comment on rate decisions.", "comment"
    ).negated


def test_extraction_is_deterministic() -> None:
    text = "Kettering said residents must leave by 6 p.m. “Leave now,” he said. Flames jumped Highway 9."
    assert extract_claims(text, PUBLISHED) == extract_claims(text, PUBLISHED)


def test_a_list_of_demands_gives_one_condition_per_item() -> None:
    text = (
        "Putin set out his conditions for a ceasefire on Thursday:\n"
        "- Ukraine must withdraw from four regions\n"
        "- an end to Western arms deliveries\n"
        "• no foreign troops in Ukraine"
    )
    claims = extract_claims(text, PUBLISHED)
    assert [(c.kind, c.speaker.name if c.speaker else None) for c in claims] == [("condition", "Putin")] * 4
    assert [c.text for c in claims[1:]] == [
        "Ukraine must withdraw from four regions",
        "an end to Western arms deliveries",
        "no foreign troops in Ukraine",
    ]
    assert text[claims[3].span.start : claims[3].span.end] == "no foreign troops in Ukraine"


def test_a_quote_introduced_by_a_colon_line_belongs_to_its_speaker() -> None:
    claims = extract_claims('Ashdown said:\n\n"Frankly, parts of the market look like a bubble to me."', PUBLISHED)
    assert [(c.kind, c.speaker.name if c.speaker else None, c.index) for c in claims] == [("quote", "Ashdown", 0)]


def test_a_title_alone_names_the_person_who_holds_it() -> None:
    text = "Sheriff Dwayne Kettering issued evacuation orders.\n\nThe sheriff said deputies had gone door to door."
    claim = extract_claims(text, PUBLISHED)[1]
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.mention) == ("Dwayne Kettering", "The sheriff")
