"""The words extraction keys on, in one place: cue verbs by what they signal, hedges, titles, numbers."""

from __future__ import annotations

# Cue verbs (lemmas), grouped by the kind of claim they introduce.
REPORT = frozenset(
    [
        "say",
        "tell",
        "state",
        "add",
        "note",
        "mention",
        "explain",
        "report",
        "write",
        "announce",
        "confirm",
        "indicate",
        "elaborate",
        "remark",
        "comment",
        "describe",
        "recall",
        "acknowledge",
        "admit",
        "concede",
        "disclose",
        "reveal",
        "testify",
        "tweet",
        "post",
        "declare",
        "respond",
        "reply",
        "answer",
        "predict",
        "forecast",
        "expect",
        "estimate",
        "believe",
        "think",
        "suggest",
        "signal",
        "hint",
        "caution",
        "observe",
        "conclude",
        "ask",
        "agree",
        "repeat",
        "reiterate",
        "insist",
        "assert",
        "claim",
        "argue",
        "contend",
        "maintain",
        "emphasize",
        "emphasise",
        "stress",
        "underline",
        "point",
        "vow",
        "pledge",
        "promise",
        "commit",
        "guarantee",
        "swear",
        "warn",
        "threaten",
        "propose",
        "offer",
        "recommend",
        "shout",
        "yell",
        "exclaim",
        "scream",
        "whisper",
        "mutter",
    ]
)
DEMAND = frozenset(
    [
        "demand",
        "require",
        "urge",
        "order",
        "instruct",
        "direct",
        "request",
        "call",
        "press",
        "push",
        "insist",
        "seek",
        "want",
    ]
)
# Demand verbs that demand only with a clause: "ordered X to replace", not "ordered satellites".
INSTRUCT = frozenset(["order", "instruct", "direct", "request", "ask", "urge", "tell"])
# Inside a reported clause, these verbs make it a demand ("the guild would also insist on barriers").
CLAUSE_DEMANDS = frozenset(["demand", "insist", "require"])
ACCUSE = frozenset(["accuse", "blame", "fault", "charge", "criticize", "criticise", "condemn"])
# Demand verbs that demand only with their particle: "called for talks", "pressed for a vote",
# not "called the decision a mistake".
DEMAND_PARTICLES = {"call": ("for", "on"), "press": ("for",), "push": ("for",)}
# "charged him with fraud" accuses; "charged each migrant 6,000 euros" does not
ACCUSE_ONLY_WITH = {"charge": "with", "criticize": "for", "criticise": "for", "condemn": "for"}
DENY = frozenset(["deny", "refute", "dispute", "rebut", "reject", "dismiss"])
# "rejected the accusation" denies; "rejected the offer" or "dismissed the deadline" does not
DENY_ONLY_OF_CLAIMS = frozenset(["reject", "dismiss"])
CLAIM_NOUNS = frozenset(
    [
        "accusation",
        "allegation",
        "claim",
        "charge",
        "criticism",
        "report",
        "suggestion",
        "assertion",
        "characterization",
    ]
)
# Verbs that carry a condition when their object names one ("outlined several conditions").
PRESENT = frozenset(
    ["outline", "set", "lay", "list", "impose", "attach", "issue", "present", "put", "make", "give", "spell", "table"]
)
CONDITION_NOUNS = frozenset(
    [
        "condition",
        "precondition",
        "demand",
        "requirement",
        "ultimatum",
        "guarantee",
        "assurance",
        "term",
        "deadline",
        "prerequisite",
    ]
)
CUES = REPORT | DEMAND | ACCUSE | DENY
# Cues that open a sentence before their speaker: "Said Ellis: ...", "Added the senator, ...".
INVERTED_CUES = frozenset(["said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained", "noted"])
# Cues with a non-reporting sense, told apart by what follows them: "maintained that", not "maintained
# the roads"; "committed to", not "committed a crime" (a clause, or one of these words).
SENSES_WITH_CLAUSE = {
    "maintain": ("that",),
    "commit": ("to",),
    "post": ("that",),
    "point": ("out", "to"),
    "push": ("for", "on", "back"),  # "pushed for a vote", not "a bulldozer pushed the mound"
    "press": ("for", "on", "about"),
    "respond": ("that", "with", "by"),  # "responded with attacks", not "did not respond to requests"
    "reply": ("that", "with", "by"),
    "answer": ("that", "with", "by"),  # "answered that", not "questions that will take long to answer"
    "tweet": ("that",),  # "tweeted that ...", not "live tweeted as Obama spoke" nor "He tweets @name"
    "attack": ("as", "for", "over"),  # "attacked her rival as a fraud", not "attacked the ship"
    "claim": ("that", "responsibility", "credit"),  # not "claimed a victory"
    "ask": ("whether", "if", "why", "how", "what", "who", "when", "about", "for"),  # not "asked him a question"
    "write": ("that",),  # "wrote that ...", not "wrote the letter"
    "paint": ("as",),  # "painted his rival as a fraud", not "painted the fence"
    "cast": ("as",),
    "link": ("to", "with"),  # "linked the hack to her server"
    "speak": ("about", "of", "out"),  # "spoke about the levy", not "spoke at a rally"
    "talk": ("about", "of"),
}
# Cues that demand only when someone does: "the senator requires", not "federal law requires".
PEOPLE_ONLY = frozenset(["require", "push", "press", "commit"])

# Verbs of stance, evaluation and political action: they attribute a position to their subject
# ("Clinton endorsed the plan", "Republicans questioned whether ..."), but only with an object or
# a clause and a subject that can hold a position (a person, a body, a group of people).
STANCE = frozenset(
    """acknowledge admit advocate apologise apologize applaud assail back berate blast boast
    brag brand call castigate caution celebrate challenge champion chant characterize chide cite
    commend compare complain concede criticise criticize decline decry defend denounce describe
    disagree discuss doubt dub echo embrace emphasise emphasize encourage endorse excoriate hail
    highlight invoke joke justify label lambaste lament laud liken mention mock muse object oppose
    pledge portray praise promote protest question quip rebuke recommend reference refuse ridicule
    scold slam speculate stress suggest support thank tout urge vote vow welcome wonder
    admire adore attack bash belittle chastise deride despise detest disavow disdain disparage
    dislike distrust favor favour grill hammer hate insult knock lash like loathe love malign pan
    pillory prefer repudiate resent rip savage skewer taunt trumpet vilify speak talk reject dismiss
    condemn view paint cast link""".split()
)
# What someone raises and thereby says: "raised questions about", "raising concerns that".
RAISED = frozenset(["question", "concern", "doubt", "objection", "issue", "alarm", "possibility", "prospect"])
# What someone expresses or voices, and thereby says: "expressed concern that", "voiced support for".
EXPRESSED = RAISED | frozenset(
    """support opposition frustration anger outrage regret hope hopes confidence skepticism scepticism
    reservation reservations displeasure dismay sympathy optimism interest disappointment""".split()
)
# Verbs that lend a noun cue its speaker: "made the case for", "gave Clinton an endorsement".
LIGHT_VERBS = frozenset("make give issue deliver offer launch level renew repeat post".split())
# Plans whose owner's proposal is what the sentence says: "Clinton's plan would cap ...", "Under his
# proposal, taxpayers would ...".
PROPOSAL_NOUNS = frozenset("plan plans proposal proposals agenda platform".split())
# Verbs whose object feels them: "That worries environmentalists", "which angered the pilots".
EXPERIENCED = frozenset(
    "worry concern trouble alarm anger anguish frustrate disappoint dismay upset please delight bother".split()
)
# Where someone said it, opening the sentence: "In a statement, ...", "In an interview, ...".
VENUE_NOUNS = frozenset("statement interview speech letter essay op-ed tweet post remarks testimony".split())
# Internal states: beliefs, knowledge, feelings and intentions ("Mr. Obama believes ...", "Pence
# plans to ..."): they attribute with a clause or an infinitive, not with a plain object ("knew Ohio").
COGNITION = frozenset(
    """aim believe consider decide dislike doubt expect fear feel figure forget guess hate hope imagine
    intend know learn like love mean plan prefer realise realize recall reckon recognise recognize
    regret remember resent see seek suppose suspect think trust understand view want wish worry""".split()
)
# States of mind said of someone with a complement: "Republicans were concerned about", "she is
# confident that".
STANCE_ADJECTIVES = frozenset(
    """afraid adamant angry aware committed concerned confident convinced critical determined
    disappointed doubtful eager frustrated furious happy hopeful open opposed optimistic pessimistic
    pleased proud reluctant sceptical skeptical supportive sure unaware unhappy upset wary worried""".split()
)
# Nouns that report with their owner: "Obama's decision to", "his claim that", "the ruling by the court".
NOUN_CUES = frozenset(
    """accusation acknowledgment acknowledgement admission allegation announcement answer apology
    argument assertion assessment attack attacks belief call case charge claim claims comment
    comments commitment complaint concern concerns criticism decision demand denial description
    desire determination endorsement explanation fear fears goal hope hopes idea ideas insistence
    intention message objection offer opinion opposition plan plans pledge position praise promise
    promises proposal question refusal remark remarks reply request response rhetoric statement
    stance suggestion support testimony theory threat tweet view views vow warning wish""".split()
)

# Evidence that speaks for itself: "a poll shows", "the study found", "the court ruled".
EVIDENCE_VERBS = frozenset(
    """show find suggest indicate reveal conclude rule estimate project predict document confirm say
    state note claim argue report determine demonstrate hold order allege detail list read""".split()
)
EVIDENCE_NOUNS = frozenset(
    """poll polls survey surveys study studies report reports analysis analyses data research review
    audit investigation probe memo email emails letter document documents filing filings record
    records transcript video footage ad ads advertisement book paper article statement ruling
    opinion decision lawsuit complaint indictment court judge panel jury census model forecast
    projection estimate estimates figures numbers statistics tally count exit assessment agreement
    treaty law bill proposal resolution draft contract constitution policy message post tweet
    website site page release datum average averages slide chart graph map photo photos image images
    picture pictures clip film documentary tape recording result results sample tracker index
    rule rules bylaw bylaws regulation regulations statute statutes provision provisions ordinance
    charter""".split()
)
# What laws, rules and filings lay down: "party rules permit proxies". Not "require": what a law
# requires is a plain fact of the story (PEOPLE_ONLY), not a position anyone takes.
LAID_DOWN = frozenset("allow permit prohibit forbid ban bar empower obligate authorize".split())
# The bodies among them: a court rules as an organisation, a poll or a filing as a document.
EVIDENCE_BODIES = frozenset(["court", "panel", "jury", "judge"])
# People in their roles and groups, who hold positions ("voters worry", "Democrats hope").
HUMAN_NOUNS = frozenset(
    """voter voters supporter supporters opponent opponents democrat democrats republican republicans
    lawmaker lawmakers legislator legislators senator senators congressman congresswoman candidate
    candidates president leader leaders member members adviser advisers advisor advisors strategist
    strategists economist economists scientist scientists researcher researchers pollster pollsters
    activist activists advocate advocates campaign administration government committee party staff
    staffer staffers spokesman spokeswoman spokesperson governor mayor secretary minister nominee
    delegate delegates donor donors protester protesters protestors worker workers union unions
    group groups team agency department officer officers police prosecutor prosecutors lawyer
    lawyers attorney attorneys judge justices justice court conservative conservatives liberal
    liberals progressive progressives moderate moderates independent independents man woman men
    women americans citizen citizens parent parents student students teacher teachers veteran
    veterans reporter reporters journalist journalists commentator commentators pundit pundits
    friend friends ally allies rival rivals father mother son daughter wife husband family
    chairman chairwoman chair director executive official newspaper newspapers publication publications
    outlet outlets network networks magazine magazines station stations""".split()
)

# Inside a reported clause these turn a statement into a condition or demand.
DEONTIC = frozenset(["must"])
DEONTIC_PHRASES = ("have to", "has to", "had to", "need to", "needs to", "only if", "on condition that", "as long as")
CONDITIONAL_MARKS = frozenset(["if", "unless", "until"])
# A conditional binds only with a committing modal: "would withdraw ... if", not "could be simple if".
BINDING_MODALS = frozenset(["will", "would", "shall", "can", "cannot", "ca", "wo", "'ll"])

HEDGE_WORDS = frozenset(
    [
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "supposedly",
        "possibly",
        "probably",
        "presumably",
        "may",
        "might",
        "could",
    ]
)
HEDGE_PHRASES = (
    "according to",
    "it is understood",
    "is understood to",
    "is believed to",
    "are believed to",
    "is thought to",
    "is said to",
    "are said to",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "is expected to",
    "unconfirmed",
)
# Cues that negate their own telling: "declined to say whether", "refused to confirm".
REFUSALS = frozenset(["decline", "refuse"])
NEGATIONS = frozenset(["not", "n't", "never", "no", "neither", "nor", "nobody", "none", "nothing"])

# Words that introduce a person's role rather than their name ("Incident Commander Marisol Vantreese").
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "deputy",
        "foreign",
        "secretary",
        "governor",
        "sheriff",
        "commander",
        "incident",
        "chief",
        "executive",
        "officer",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "director",
        "chair",
        "chairman",
        "chairwoman",
        "councilmember",
        "councilman",
        "councilwoman",
        "councillor",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "mayor",
        "judge",
        "justice",
        "general",
        "gen.",
        "col.",
        "colonel",
        "lt.",
        "lieutenant",
        "sgt.",
        "sergeant",
        "captain",
        "capt.",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "prof.",
        "professor",
        "envoy",
        "ambassador",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "analyst",
        "economist",
        "ceo",
        "cfo",
        "coo",
        "founder",
        "head",
        "leader",
        "speaker",
        "premier",
        "chancellor",
        "commissioner",
        "inspector",
        "superintendent",
        "detective",
        "officer",
        "mediator",
        "attorney",
        "lawyer",
        "investigator",
        "engineer",
        "adviser",
        "advisor",
        "special",
        "u.s.",
        "us",
        "city",
        "state",
        "county",
        "federal",
        "national",
        "regional",
        "interim",
        "acting",
        "former",
    ]
)
# Heads of organisations' names ("Northbay Power Cooperative", "the guild").
ORG_WORDS = frozenset(
    [
        "office",
        "bank",
        "guild",
        "cooperative",
        "authority",
        "aerospace",
        "networks",
        "network",
        "securities",
        "federation",
        "association",
        "institute",
        "service",
        "services",
        "department",
        "ministry",
        "council",
        "committee",
        "inc",
        "inc.",
        "corp",
        "corp.",
        "co.",
        "company",
        "companies",
        "patrol",
        "district",
        "center",
        "centre",
        "agency",
        "university",
        "college",
        "union",
        "party",
        "group",
        "police",
        "army",
        "navy",
        "government",
        "administration",
        "kremlin",
        "commission",
        "board",
        "court",
        "parliament",
        "congress",
        "senate",
        "cabinet",
        "alliance",
        "fund",
        "organization",
        "organisation",
        "foundation",
        "corporation",
        "airlines",
        "bureau",
        "station",
        "hospital",
        "school",
        "church",
        "club",
        "team",
        "league",
        "firm",
        "enterprises",
        "industries",
        "holdings",
        "partners",
        "laboratory",
        "laboratories",
        "lab",
    ]
)
# Subjects that attribute to nobody in particular.
ANONYMOUS_HEADS = frozenset(
    [
        "person",
        "people",
        "source",
        "sources",
        "official",
        "officials",
        "authorities",
        "analyst",
        "analysts",
        "observer",
        "observers",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "expert",
        "experts",
        "organizer",
        "organizers",
        "organiser",
        "organisers",
        "critic",
        "critics",
        "aide",
        "aides",
        "diplomat",
        "diplomats",
        "insider",
        "insiders",
        "someone",
    ]
)
# Role nouns that speak for the organisation they name ("a spokesperson for Northbay Power Cooperative").
SPOKES_NOUNS = frozenset(["spokesperson", "spokesman", "spokeswoman", "representative", "statement"])
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])
GROUP_PRONOUNS = frozenset(["it", "they", "we"])
# Subjects that can hold a position without a name: who speaks, believes or votes.
ANIMATE_PRONOUNS = frozenset(["i", "we", "he", "she", "they", "who"])  # not the generic "you"

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "sixths": 1 / 6, "seventh": 1 / 7, "sevenths": 1 / 7,
    "eighth": 0.125, "eighths": 0.125, "ninth": 1 / 9, "ninths": 1 / 9, "tenth": 0.1, "tenths": 0.1,
}  # fmt: skip
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as",
    "close to", "just over", "just under", "upwards of", "an estimated", "approximately", "about", "roughly",
    "around", "nearly", "almost", "some", "over", "under", "about", "estimated", "only", "just",
)  # fmt: skip
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₴": "UAH", "₽": "RUB"}
TIME_UNITS = frozenset(["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"])
