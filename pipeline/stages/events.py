"""Events: one per happening per document, typed by trigger lexicons, with arguments from their own clause.

A clause is a sentence split at ``;`` and ``:``. Triggers come from per-language data (models/<lang>/
events.yaml); the grammar here is language-neutral:

- an event needs an anchor in its clause (a date, an ordinal, a place, an instrument, or a planned cue):
  "dialogue and cooperation" is no event; counted ("four summits") and habitual ("regular meetings")
  triggers are none either, nor triggers inside an organisation's name;
- one happening is one event: a clause holds one event per type (a verbal and a nominal trigger of one
  gathering merge, the first trigger stays); a later trigger that refers back to a happening already
  reported ("the meeting also ...", "the 4th Summit" again, the same type on the same date) is no new event,
  but its date still dates what happened at it;
- arguments attach by proximity within the clause: the date nearest the trigger that dates it (not one
  after since/until cues, not a year-range period, not one inside an instrument's name), the place after a
  place preposition, the organisations of the clause, the instrument signed or adopted next to the trigger;
- an undated event takes the date of the happening its context names: the other event of its clause, the
  gathering of its paragraph ("The leaders adopted ..." after "The summit was held on ..."), or, in a
  headline, the dateline that follows;
- the title block (headline lines without a final stop) reports the happening its lead reports again: the
  headline trigger is the event (the first mention), the lead's trigger is no second event, and the lead's own
  date replaces the borrowed dateline date (so does any later mention with the same ordinal);
- a gathering after a setting cue ("on the sidelines of", "على هامش", "bên lề") is its own happening and never
  merges with the clause's verb; "session of the Conference" is one conference; a session or meeting of
  "Heads of State"/"leaders" is a summit; two triggers of one type with their own dates are two happenings;
- a trigger phrase is what the data lists, with the complements that name the kind of gathering ("Hội nghị Bộ
  trưởng Ngoại giao"), or the head of a discontinuous trigger whose tail follows ("دخل ... حيز النفاذ"); a
  bare year right after a noun ("l'exercice 2024") qualifies that noun and dates nothing (``year_cues``);
- a gathering named with a demonstrative ("cette réunion", "hội nghị này") or addressed by a speaker ("Phát biểu
  tại hội nghị") is the one reported; an acronym defined after a gathering's name ("... (AEMM)") or a known
  numbered series ("COP28") names gatherings; weak triggers ("établi à Dakar"), procedural adoptions ("son ordre
  du jour") and ratifications that only borrow a date are no happenings; a body made by an instrument ("créée par
  le traité signé le ...") has the date of its signing. Each rule reads its cue words from the language's data.

Cost is linear in the document: mentions are sliced per clause with ``bisect`` on sorted offsets, and the
document memory is a few dictionaries keyed by type, ordinal and date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from pipeline.document import AGREEMENT, DATE, EVENT, LOC, ORG, Document, Event, Mention
from pipeline.knowledge.resources import Resources
from pipeline.registry import register
from pipeline.text.matching import TOKEN, Trie, fold_token, phrase_key, tokens, walk
from pipeline.text.normalise import ArabicFolder

CLAUSE_BREAK = re.compile(r"[;:؛]")
# "Item: tổ chức ngày 05/4/2024": at most this many characters, words only, between a colon and the time it labels
LABELLED_TIME_CHARS = 20
NO_PUNCTUATION = re.compile(r"[\w\s'’-]*")
NEGATION_TOKENS = 4  # "ne s'est plus réuni", "n'a pas encore signé": a negation at most this many tokens before the trigger
TOPIC_CHARS = 80  # from a gathering to the happening its topic link names ("formation ... sur les négociations")
TOPIC_BREAK = re.compile(r"[;:؛()\n]")
KIND_ADJECTIVES = 2  # "atelier régional de validation": adjectives between a gathering and its kind link
LABEL_GAP = re.compile(r"[^\W\d_\s]*(?:\s+[^\W\d_]+)*\s*")
TITLE_END = re.compile(r"[.!?؟。]\s*$")
PARAGRAPH_BREAK = re.compile(r"\n+")  # one step per paragraph, whether a blank line or a single line break ends it
DATELINE_CHARS = 60  # a dateline date opens the sentence after a headline ("RIYADH, 20 October 2023 -")
LEAD_SENTENCES = 2  # body sentences after a title block that may report the headline's happening again
LEVEL_BEFORE, LEVEL_AFTER = 70, 50  # characters around a session noun searched for its level ("Heads of State")
MAX_TITLE_LINES = 5  # a title block: up to this many leading lines without a final stop ("Communiqué de presse")
ADJACENT_TOKENS = 2  # "accordé le statut": triggers of one type at most this many tokens apart are one
SESSION_GAP_TOKENS = 4  # "session [ordinal words] of the Conference": at most this many tokens between the nouns
ACRONYM_DEF_CHARS = 120  # from a gathering's trigger to the bracketed acronym defining it
ACRONYM_DEF = re.compile(r"\((?P<acr>[A-Z]{2,8})(?:[-‑ ]?\d{1,3})?\)")
ACRONYM_USE = re.compile(r"(?P<acr>[A-Z]{2,8})(?:[-‑]?(?P<num>\d{1,3}))?")
SITE_GAP_CHARS = 4  # "CHOGM de Harare", "CHOGM d'Apia", "CHOGM 2024": from a series acronym to its place or year
ORDINAL_BEFORE_CHARS = 16  # "première CHOGM", "the 12th MC": an ordinal this close before a series acronym
SITE_LINK = re.compile(r"\s(?:[^\W\d_A-Z]{1,2}['’]|[^\W\d_A-Z]{1,3}\s)(?=[A-Z])")  # " de Harare", " d'Apia": a short link, a name
ACRONYM_NUMBER = re.compile(r"[-‑]\d{1,3}(?!\d)")  # "CMDT-25" read as "CMDT", "-", "25" by the tokenizer
ANAPHOR_HOPS = 8  # an anaphor's antecedent may itself be an anaphor: at most this many steps to the name
OBJECT_CHARS, SUBJECT_CHARS = 12, 16  # "công bố Tuyên bố", "Thông cáo ... này được công bố": next to the verb
DAY_CHARS = 10  # "2024-02-26": a day-precise ISO value
DAYS_CHARS = 21  # "2024-05-15/2024-05-16": a span of days
OPENING_COMMA = re.compile(r"\s*[,،]")  # a date set off by a comma before the clause's first trigger opens it
HEADING_CHARS = 90  # a section heading's longest line
LIST_ITEM = re.compile(r"[-–—•*]")  # a list item is no heading: the next item tells another happening
LINE_LOOKBACK = 40  # characters before a sentence searched for the line break opening it
LETTER = re.compile(r"[^\W\d_]")
DATE_FIELD_LINES = 6  # lines after a title block searched for a "Date:" field
FOOTER_LINE_CHARS = 60  # "75th plenary meeting": a resolution footer's line, its date on the next line
OBJECT_YEAR_CHARS = 12  # a year further than this after its trigger names the trigger's object, not its time
NAME_HEAD_TOKENS = 3  # "المؤتمر العام لليونسكو": a name's head word among its first three words
CLAUSE_GAP = re.compile(r"[,،;؛:()]")  # punctuation between a session noun and a name: the name is no session's
GAPPED_TOKENS = 8  # "دخل الاتفاق الجديد حيز النفاذ": at most this many tokens between a head and its tail
FREQUENCY_WINDOW = 24  # "meets twice a year": a frequency starting this close after the trigger makes it a habit
FREQUENCY_CUE_CHARS = 24  # the longest frequency phrase read past that window ("hai năm một lần", "tous les deux ans")
SERIES_CHARS = 800  # from the training or workshop just reported to "une nouvelle session" of it
SERIES_BODY_CHARS = 30  # a body named this close after a session noun makes it that body's session
INSTITUTING_CHARS = 40  # "There is hereby established": from the start of an instituting cue to its trigger's end
LEAN_CHARS = 24  # a date this close before the next trigger, and farther past a comma from the previous, is the next's
BY_WHICH_CHARS = 60  # from a relative cue ("par laquelle") to the trigger it introduces
BY_WHICH_GAP = re.compile(r"\s*[,،]?\s*")  # between the instrument's date and the relative cue
OUTCOME_WINDOW = 40  # characters before a trigger searched for "the conclusions of"
CUE_WINDOW = 16  # characters before a date or place searched for a cue word
AT_GATHERING_WORDS_CHARS = 40  # "at [their 40th] Summit": at most this many characters between the cue and the gathering
NEXT_TRIGGER_GAP = 16  # "the Convention, which was signed": an instrument this close before the next trigger is its own
YEAR_ONLY = re.compile(r"\d{4}")
NUMBERED_WINDOW = 20  # characters between an organ word and the ordinal that makes it a gathering
TOKEN_GAP = re.compile(r"\s+")  # only spaces between the word before a date and the date: no punctuation
CLOSING_CHARS = 300  # from a signature block's signing to the closing line dating it
DATED_NAME_CHARS = 40  # "Forum mondial sur les réfugiés, réuni à Genève du 13 ...": a name's own date this close after it
SENTENCE_END = re.compile(r"[.!?؟;؛\n]")
SCHEDULE_HEADING_LETTERS = 24  # letters a programme's day heading may hold besides its date (a weekday: "Thứ Ba,")


@dataclass
class EventParams:
    require_anchor: bool = True
    # an undated adoption or signing takes the date of the gathering reported up to this many paragraphs before
    context_paragraphs: int = 1


@dataclass(frozen=True)
class LangEvents:
    """One language's event grammar, compiled from models/<lang>/events.yaml."""

    triggers: Trie
    exclusions: Trie
    planned: re.Pattern | None
    ordinal: re.Pattern | None
    not_dating: re.Pattern | None  # "since", "until": the date after it is a period bound, not an event date
    place_cue: re.Pattern | None  # "in", "at", "à", "tại", "في" right before a place
    summit_level: re.Pattern | None  # "Heads of State", "leaders": a session or meeting at that level is a summit
    conjunction: re.Pattern | None  # "and", "et", "và", "و" or a comma between two triggers: two happenings
    setting_cue: re.Pattern | None  # "on the sidelines of", "على هامش", "bên lề" (+ up to 3 words) before a gathering
    verbal: frozenset[tuple[str, ...]]  # gathering verbs ("met") that take the type of a gathering noun
    count_words: frozenset[str]
    habitual: frozenset[str]
    indefinite: frozenset[str]
    definite_prefix: str = ""  # Arabic: a noun without the article is indefinite ("اجتماع" vs "الاجتماع")
    year_cues: frozenset[str] | None = None  # words before a bare year that make it a time ("en 2024"); None: any
    gapped: Trie = field(default_factory=Trie)  # heads of discontinuous triggers ("دخل ... حيز النفاذ"); value: rule index
    gapped_rules: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (type, folded tail)
    cased_exclusions: Trie = field(default_factory=Trie)  # matched with their case: "La Réunion", not "la réunion"
    # triggers that are also prepositions ("thông qua": adopt / through): followed by an organisation's name they
    # are the preposition ("thông qua Hiệp hội Phát triển Quốc tế", through the IDA)
    prepositions: frozenset[tuple[str, ...]] = frozenset()
    # "adopted at their 40th Summit", "adoptée au Sommet de", "thông qua tại Hội nghị": the gap from a happening to
    # the gathering it took place at
    at_gathering: re.Pattern | None = None
    frequency: re.Pattern | None = None  # "meets twice a year", "họp hai lần mỗi năm": a habit, not a happening
    # "the conclusions of the workshop", "Kết quả hội thảo", "توصيات الاجتماع": a happening already reported, named
    # as the source of its outcome
    outcome: re.Pattern | None = None
    negations: frozenset[str] = frozenset()  # a negation among the few tokens before a trigger: no happening
    negation_window: int = NEGATION_TOKENS
    duration_units: frozenset[str] = frozenset()  # "63 năm thiết lập quan hệ": a number and one of these is a time span
    kind_links: frozenset[str] | None = None  # "de", "d'": a trigger after a gathering and one of these names its kind
    # "par laquelle", "by which", "theo đó": a relative cue right before the trigger after a dated instrument
    by_which: re.Pattern | None = None
    genre_labels: frozenset[tuple[str, ...]] = frozenset()  # "entretien" in a title names the page's genre (an interview)
    at_cue: re.Pattern | None = None  # an at-gathering cue and an indefinite determiner before a gathering ("lors d'une")
    articles: frozenset[str] = frozenset()  # definite articles ("la", "the"): "la Conférence" names the organ
    series_words: frozenset[str] = frozenset()  # "une nouvelle session", "a second session": the next of a series
    series_nouns: frozenset[tuple[str, ...]] = frozenset()  # the nouns that take them ("session")
    topic: re.Pattern | None = None  # "sur les", "on the", "về", "حول": a trigger after a gathering and this is its topic
    kind_types: frozenset[str] | None = None  # the types such a complement may have (None: any)
    # organ words that name a gathering only when numbered ("الجمعية الـ150 للاتحاد", "the 150th Assembly")
    numbered: frozenset[tuple[str, ...]] = frozenset()
    # "créée par le traité signé le ...", "established under the Agreement signed on ...": right after an undated
    # happening, the instrument that made it; the instrument's signing or adoption in the clause dates it
    by_instrument: re.Pattern | None = None
    # a bare word for any gathering ("hội nghị": meeting, conference or summit): it names the series last reported
    # when that one was named with it ("Hội nghị Bộ trưởng ... lần thứ 28" ... "hội nghị lần thứ 29")
    generic: frozenset[tuple[str, ...]] = frozenset()
    # the meeting's own paperwork ("a adopté son ordre du jour", "the minutes ... were approved"): adopting it is
    # procedure, no happening; matched with its case ("its agenda", never "the 2030 Agenda")
    procedural: re.Pattern | None = None
    # "الدورة ... لمؤتمر ...": a session of a body named as a conference or forum is that kind of gathering (the
    # Arabic convention; French "session de la Conférence" stays a meeting)
    session_of_named: bool = False
    # "cette réunion", "hội nghị này", "هذا الاجتماع": a demonstrative names the gathering already reported
    demonstrative_before: frozenset[str] = frozenset()
    demonstrative_after: frozenset[str] = frozenset()
    speaking: re.Pattern | None = None  # "phát biểu tại", "speaking at" right before a gathering: the one reported
    # triggers that are mostly no happening ("établi à Dakar" is based there, "le dialogue" a relationship): an
    # event only with a date of their own part of the clause
    weak: frozenset[tuple[str, ...]] = frozenset()
    participles: frozenset[tuple[str, ...]] = frozenset()  # gathering verbs that are participles ("réunie")
    openers: frozenset[tuple[str, ...]] = frozenset()  # "افتتح", "opened": with a gathering as object, its start
    date_field: re.Pattern | None = None  # "Thời gian:", "Date :", "التاريخ:" opening a line: the happening's date
    sequence: re.Pattern | None = None  # "rồi", "puis", "then": the next trigger of a type is a later happening
    ordinal_first: bool = False  # ordinals precede their noun ("la 14e Conférence", "the 5th Summit")
    to_date: re.Pattern | None = None  # "đến nay", "to date" right after a date: it starts a period up to now
    # "Le Conseil a élu ...", "Il a en outre procédé à ...", "The Council elected ...": the body that met, as the
    # subject opening a clause of the record of its session
    body_subject: re.Pattern | None = None
    # "Il est créé un Comité conjoint", "There is hereby established", "تنشأ بموجب هذه المذكرة": a body an instrument
    # sets up by its own words; the happening is the instrument's, undated
    instituting: re.Pattern | None = None


@dataclass
class Trigger:
    start: int
    end: int
    type: str
    key: tuple[str, ...]  # folded tokens of the trigger, to recognise verbal triggers
    prev_token: int  # index of the token before the trigger in the clause (-1 at the start)
    next_token: int
    # a gathering named as the setting of another happening ("on the sidelines of the 42nd session"): its own
    # event, but it neither merges with nor dates the happenings of its clause
    setting: bool = False
    outcome: bool = False  # named as the source of an outcome ("the conclusions of the workshop")
    again: bool = False  # named with a demonstrative ("cette réunion", "hội nghị này"): the one already reported
    cued: bool = False  # after a setting cue ("Trước lễ ký, ..."): a date set off after it is the next trigger's
    sequel: bool = False  # "... năm 2014, rồi được nâng cấp ...": after a sequence word, another happening of its type


@dataclass
class Clause:
    start: int
    end: int
    orgs: list[Mention]
    dates: list[Mention]
    locs: list[Mention]
    agreements: list[Mention]
    toks: list = field(default_factory=list)
    names: Spans | None = None  # organisation and instrument names: triggers inside them are no events
    instruments: Spans | None = None  # instrument names: dates and organisations inside belong to the name

    def __post_init__(self) -> None:
        self.names = Spans(self.orgs + self.agreements)
        self.instruments = Spans(self.agreements)
        self.loc_starts = [m.start for m in self.locs]
        self.agreement_starts = [m.start for m in self.agreements]
        self.org_starts = sorted(m.start for m in self.orgs)


class Spans:
    """Merged, sorted intervals: "is this span inside one of them" by bisect, not by a scan."""

    def __init__(self, mentions: list[Mention]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((m.start, m.end) for m in mentions):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


@dataclass
class ClauseDates:
    nearest: list[list[Mention]]  # per trigger of the clause, the dates between it and the next trigger
    opening: list[Mention] = field(default_factory=list)  # "Ngày 27/9/2007, ..." holds for every event
    started: bool = False  # a date the clause gives that dates no event (period bound, unresolved): an anchor


@dataclass
class Arguments:
    """Typed arguments of one trigger, taken from its clause."""

    date: Mention | None = None
    ordinal: str | None = None
    planned: bool = False
    started: bool = False  # a period start ("since 2000") anchors a named series without dating it
    instruments: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    participants: list[str] = field(default_factory=list)
    own_date: bool = False  # the date is the trigger's own (its part of the clause), not the clause opening's or a carry
    weak_date: bool = False  # the date was borrowed (dateline, previous clause): a later own date may replace it
    instituted: bool = False  # "Il est créé un Comité", "There is hereby established": an instrument's own provision


@dataclass
class ClauseUse:
    """Events already made in one clause, looked up in O(1): (type, instrument spans, own date), and per type
    the own dates of the events without instruments."""

    idents: set[tuple] = field(default_factory=set)
    bare: dict[str, set[str | None]] = field(default_factory=dict)
    ordinals: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # per trigger word, its events' ordinals


@dataclass
class DocMemory:
    """What the document already reported: one event per happening, dates from context."""

    ordinals: dict[tuple[str, str], Event] = field(default_factory=dict)
    days: dict[tuple[str, str], bool] = field(default_factory=dict)  # (type, date) reported -> all with instruments
    instruments: set[tuple[str, str]] = field(default_factory=set)
    gathering: tuple[int, str] | None = None  # (paragraph, date) of the last dated gathering
    last_gathering: Event | None = None
    last_of_type: dict[str, Event] = field(default_factory=dict)  # "the meeting" is the last meeting reported
    carry: Mention | None = None  # the date of an event-less clause, for the next clause of its sentence
    dateline: Mention | None = None
    weak: set[int] = field(default_factory=set)  # ids of events dated only by borrowing (or undated)
    last_event: dict[str, Event] = field(default_factory=dict)  # per type, of every type: "the results of the mission"
    headline: list[Event] = field(default_factory=list)  # headline events the lead may report again
    title: bool = False  # reading the title block: its events are anchored by being headlines
    lead: bool = False  # reading the first sentence after the title block
    schedule_day: Mention | None = None  # the day heading the agenda lines being read (a programme page)
    # gathering acronyms defined after their trigger ("Hội nghị Bộ trưởng Ngoại giao ASEAN - EU (AEMM)") -> type
    acronyms: dict[str, str] = field(default_factory=dict)
    paragraph: int = 0  # the paragraph being read
    agreements: dict[tuple[int, int], Mention] = field(default_factory=dict)  # by span: anaphors' antecedents
    host: Event | None = None  # the gathering the title block or lead reports: the session a record is of


def _alternation(words: list[str]) -> str:
    """Cue words as one regex alternation, longest first (so "lors du" wins over "lors")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cue_regex(cues: list[str], at_end: bool) -> re.Pattern | None:
    if not cues:
        return None
    body = _alternation(cues)
    return re.compile(rf"(?<!\w)(?:{body})\s*$" if at_end else rf"(?<!\w)[وف]?(?:{body})(?!\w)", re.IGNORECASE)


def _compile_language(spec: dict[str, Any], arabic: ArabicFolder) -> LangEvents:
    trie, exclusions = Trie(), Trie()
    for etype, words in list(spec["triggers"].items()) + list(spec.get("numbered_gatherings", {}).items()):
        for w in words:
            trie.add(phrase_key(w, arabic), etype)
    for w in spec.get("exclusions", []):
        exclusions.add(phrase_key(w, arabic), "x")
    cased = Trie()
    for w in spec.get("cased_exclusions", []):
        cased.add(tuple(TOKEN.findall(w)), "x")
    folded = lambda ws: frozenset(fold_token(w, arabic) for w in ws)  # noqa: E731
    _add_complements(trie, spec["triggers"], spec.get("trigger_complements", {}), arabic)
    gapped, rules = _gapped(spec.get("gapped_triggers", {}), arabic)
    return LangEvents(
        triggers=trie, exclusions=exclusions, gapped=gapped, gapped_rules=rules, cased_exclusions=cased,
        planned=_planned_regex(spec.get("planned_cues", []), spec.get("future_regex")),
        ordinal=re.compile(spec["ordinal_regex"], re.IGNORECASE) if spec.get("ordinal_regex") else None,
        not_dating=_cue_regex(spec.get("since_cues", []) + spec.get("until_cues", []), at_end=True),
        place_cue=_cue_regex(spec.get("place_cues", []), at_end=True),
        setting_cue=_setting_regex(spec.get("setting_cues", []), spec.get("not_setting_cues", [])),
        conjunction=_conjunction_regex(spec.get("conjunctions", [])),
        summit_level=_cue_regex(spec.get("summit_level", []), at_end=False),
        verbal=frozenset(phrase_key(w, arabic) for w in spec.get("verbal_gatherings", [])),
        count_words=folded(spec.get("count_words", [])), duration_units=folded(spec.get("duration_units", [])),
        negations=folded(spec.get("negations", [])), negation_window=int(spec.get("negation_window", NEGATION_TOKENS)),
        habitual=folded(spec.get("habitual_cues", [])),
        indefinite=folded(spec.get("indefinite_determiners", [])),
        definite_prefix=arabic.fold(spec["definite_prefix"]) if spec.get("definite_prefix") else "",
        year_cues=folded(spec["year_cues"]) if "year_cues" in spec else None,
        prepositions=frozenset(phrase_key(w, arabic) for w in spec.get("preposition_triggers", [])),
        at_gathering=_at_gathering_regex(spec.get("at_gathering_cues", [])),
        frequency=_cue_regex(spec.get("frequency_cues", []), at_end=False),
        outcome=_outcome_regex(spec.get("outcome_nouns", []), spec.get("outcome_links", [])),
        kind_links=frozenset(w.casefold() for w in spec["kind_links"]) if "kind_links" in spec else None,
        topic=_speaking_regex(spec.get("topic_links", []), spec.get("articles_between", [])),
        genre_labels=frozenset(phrase_key(w, arabic) for w in spec.get("genre_labels", [])),
        by_which=_cue_regex(spec.get("by_which_cues", []), at_end=False),
        series_words=folded(spec.get("series_words", [])),
        articles=folded(spec.get("articles_between", [])),
        at_cue=_at_cue_regex(spec.get("at_gathering_cues", []), spec.get("indefinite_determiners", [])),
        series_nouns=frozenset(phrase_key(w, arabic) for w in spec.get("series_nouns", [])),
        kind_types=frozenset(spec["kind_types"]) if "kind_types" in spec else None,
        numbered=frozenset(phrase_key(w, arabic) for ws in spec.get("numbered_gatherings", {}).values() for w in ws),
        by_instrument=_by_instrument_regex(spec.get("by_instrument_cues", [])),
        generic=frozenset(phrase_key(w, arabic) for w in spec.get("generic_gatherings", [])),
        procedural=_procedural_regex(spec.get("procedural_objects", [])),
        to_date=_to_date_regex(spec.get("to_date_cues", [])),
        session_of_named=bool(spec.get("session_of_named", False)),
        demonstrative_before=folded(spec.get("demonstratives_before", [])),
        demonstrative_after=folded(spec.get("demonstratives_after", [])),
        speaking=_speaking_regex(spec.get("speaking_cues", []), spec.get("articles_between", [])),
        weak=frozenset(phrase_key(w, arabic) for w in spec.get("weak_triggers", [])),
        participles=frozenset(phrase_key(w, arabic) for w in spec.get("gathering_participles", [])),
        openers=frozenset(phrase_key(w, arabic) for w in spec.get("opening_verbs", [])),
        date_field=_date_field_regex(spec.get("date_field_labels", [])),
        sequence=_cue_regex(spec.get("sequence_words", []), at_end=False),
        ordinal_first=bool(spec.get("ordinal_before_noun", False)),
        body_subject=_body_subject_regex(spec.get("body_subjects", [])),
        instituting=_cue_regex(spec.get("instituting_cues", []), at_end=True),
    )


def _sited(text: str, spec: LangEvents, clause: Clause, start: int, end: int) -> bool:
    """"CHOGM de Harare", "CHOGM 2024", "première CHOGM": a series acronym with its place or year right after it, or
    an ordinal right before it, names one gathering of the series."""
    if any(0 <= m.start - end <= SITE_GAP_CHARS for m in clause.locs + clause.dates) or SITE_LINK.match(text, end):
        return True
    before = text[max(clause.start, start - ORDINAL_BEFORE_CHARS) : start]
    return bool(spec.ordinal and re.search(rf"(?:{spec.ordinal.pattern})\s+$", before, spec.ordinal.flags))


def _body_subject_regex(subjects: list[str]) -> re.Pattern | None:
    """A body subject opening a clause (after a paragraph number), then only lower-case words up to the trigger."""
    if not subjects:
        return None
    return re.compile(rf"[\s\d.)–-]*(?:{_alternation(subjects)})(?!\w)(?:\s+(?-i:[^\W\d_A-Z][\w'’-]*))*\s*$", re.IGNORECASE)


def _planned_regex(cues: list[str], future: str | None) -> re.Pattern | None:
    """Planned cue words, or a verb in the future tense by its ending ("effectuera", "participeront")."""
    cue = _cue_regex(cues, at_end=False)
    if not future:
        return cue
    parts = ([cue.pattern] if cue else []) + [f"(?-i:{future})"]  # the ending's case is its own: never "Alexandra"
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _at_gathering_regex(cues: list[str]) -> re.Pattern | None:
    """A cue, then a few words without punctuation: the whole gap between a happening and its gathering."""
    if not cues:
        return None
    body = _alternation(cues)
    return re.compile(rf"\s*[وف]?(?:{body})(?!\w)[^,.;:؛،\n]{{0,{AT_GATHERING_WORDS_CHARS}}}", re.IGNORECASE)


def _at_cue_regex(cues: list[str], determiners: list[str]) -> re.Pattern | None:
    """An at-gathering cue and an indefinite determiner ("lors d'une", "at a"), right before a gathering noun: a
    gathering told for the first time as the venue of a happening (a definite one is an earlier gathering)."""
    if not cues or not determiners:
        return None
    det = rf"(?:{_alternation(determiners)})\s+"
    return re.compile(rf"(?<!\w)(?:{_alternation(cues)})(?:\s+|(?<=[dD])[’']){det}$", re.IGNORECASE)


def _speaking_regex(cues: list[str], articles: list[str]) -> re.Pattern | None:
    """A speaking cue, then at most an article (or a clitic), right before the trigger."""
    if not cues:
        return None
    article = rf"(?:(?:{_alternation(articles)})\s*)?" if articles else ""
    return re.compile(rf"(?<!\w)(?:{_alternation(cues)})\s+{article}[وبل]?$", re.IGNORECASE)


def _date_field_regex(labels: list[str]) -> re.Pattern | None:
    """A label opening a line (after a list number), then a colon: "1. Thời gian:", "Date :", "التاريخ:"."""
    if not labels:
        return None
    return re.compile(rf"\s*(?:[0-9٠-٩IVX]+[.)-]\s*)?(?:{_alternation(labels)})\s*:", re.IGNORECASE)


def _to_date_regex(cues: list[str]) -> re.Pattern | None:
    """A "to date" cue right after a date (spaces only between)."""
    return re.compile(rf"\s*(?:{_alternation(cues)})(?![^\W_])", re.IGNORECASE) if cues else None


def _procedural_regex(objects: list[str]) -> re.Pattern | None:
    """A procedural object as the first or second word after a point (a determiner may come first)."""
    if not objects:
        return None
    return re.compile(rf"[\W_]*(?:[^\W\d_]+[\s'’]+)?[وبل]?(?:{_alternation(objects)})(?![^\W_])")


def _by_instrument_regex(cues: list[str]) -> re.Pattern | None:
    """A cue right after the trigger ("créée par", "thành lập theo", "أنشئت بموجب"), matched at its end."""
    if not cues:
        return None
    return re.compile(rf"\s+(?:{_alternation(cues)})(?!\w)", re.IGNORECASE)


def _outcome_regex(nouns: list[str], links: list[str]) -> re.Pattern | None:
    """An outcome noun, then a linking word ("of the", "de l'", "của"; optional where "" is listed), right
    before the trigger."""
    if not nouns:
        return None
    link = rf"(?:\s+(?:{_alternation([w for w in links if w])}))" if any(links) else ""
    optional = "?" if link and "" in links else ""
    return re.compile(rf"(?<!\w)[وفبل]?(?:{_alternation(nouns)}){link}{optional}\s*$", re.IGNORECASE)


def _add_complements(trie: Trie, triggers: dict[str, list[str]], spec: dict[str, list[str]], arabic: ArabicFolder) -> None:
    """A trigger head with a complement that names the kind of gathering is one trigger phrase ("Hội nghị Bộ
    trưởng Ngoại giao", also two joined "Ngoại giao - Kinh tế"); the type is the head's."""
    types = {phrase_key(w, arabic): etype for etype, words in triggers.items() for w in words}
    for head, complements in spec.items():
        etype = types[phrase_key(head, arabic)]
        keys = [phrase_key(c, arabic) for c in complements]
        for k in keys:
            trie.add(phrase_key(head, arabic) + k, etype)
            for k2 in keys:
                if k2 != k:
                    trie.add(phrase_key(head, arabic) + k + k2, etype)


def _gapped(spec: dict[str, list[str]], arabic: ArabicFolder) -> tuple[Trie, list[tuple[str, tuple[str, ...]]]]:
    """Discontinuous triggers written "head ... tail": the head is the trigger span, the tail must follow
    within a few tokens (the instrument's name sits between "دخل" and "حيز النفاذ")."""
    trie, rules = Trie(), []
    for etype, phrases in spec.items():
        for phrase in phrases:
            head, sep, tail = phrase.partition("...")
            if not sep or not phrase_key(tail, arabic):
                raise ValueError(f"gapped trigger {phrase!r} needs 'head ... tail'")
            trie.add(phrase_key(head, arabic), str(len(rules)))
            rules.append((etype, phrase_key(tail, arabic)))
    return trie, rules


def _setting_regex(cues: list[str], not_cues: list[str] | None = None) -> re.Pattern | None:
    """A setting cue, then at most three words (article, ordinal, name) before the gathering noun; not one of
    ``not_cues``, phrases that open with a cue word but set no scene ("sau đó", afterwards)."""
    if not cues:
        return None
    body = _alternation(cues)
    guard = rf"(?!(?:{_alternation(not_cues)})(?!\w))" if not_cues else ""
    return re.compile(rf"(?<!\w){guard}[وف]?(?:{body})(?:\s+[^\s,;:،]+){{0,3}}\s*$", re.IGNORECASE)


def _conjunction_regex(words: list[str]) -> re.Pattern | None:
    """A list separator between two triggers: a comma, or a conjunction as a word or as a prefix ("و")."""
    body = _alternation(words)
    return re.compile(rf"[,،;]|(?<!\w)(?:{body})(?:(?!\w)|$)" if body else r"[,،;]", re.IGNORECASE)


def load_event_resources(resources: Resources):
    def build():
        arabic = ArabicFolder(resources.yaml("ar/normalise.yaml"))
        neutral = resources.yaml("events.yaml")
        langs = {lang: _compile_language(spec, arabic) for lang, spec in resources.per_language("events.yaml").items()}
        return arabic, neutral, langs

    return resources.memo(("events",), build)


class MentionIndex:
    """Mentions of one type sorted by start, sliced per clause with bisect (no scan of the whole list)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]

    def inside(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]


@register("events", params=EventParams, requires=("sentences", "orgs", "dates", "agreements"), provides=("events",))
class EventStage:
    def __init__(self, resources: Resources, params: EventParams) -> None:
        self.params = params
        self.arabic, self.neutral, self.langs = load_event_resources(resources)
        self.gatherings = frozenset(self.neutral.get("gatherings", []))
        self.instrument_types = frozenset(self.neutral.get("instrument_events", []))
        self.once_per_instrument = frozenset(self.neutral.get("once_per_instrument", []))
        self.own_date_only = frozenset(self.neutral.get("own_date_only", []))
        self.sessions = frozenset(self.neutral.get("sessions", []))
        self.frames = frozenset(self.neutral.get("frames", []))
        self.series_types = frozenset(self.neutral.get("series_types", []))
        self.closing_types = frozenset(self.neutral.get("closing_line_types", []))
        self.summit_type = self.neutral.get("summit_type")
        self.schedule_time = re.compile(self.neutral["schedule_time"]) if self.neutral.get("schedule_time") else None
        self.known_acronyms = dict(self.neutral.get("gathering_acronyms", {}))
        self.statement_kinds = frozenset(self.neutral.get("statement_kinds", []))
        self.published_as = frozenset(self.neutral.get("no_launch_of_statements", []))

    def __call__(self, doc: Document) -> Document:
        spec = self.langs.get(doc.lang or "")
        if not spec:
            return doc
        index = {t: MentionIndex(doc.mentions_of(t)) for t in (ORG, DATE, LOC, AGREEMENT)}
        named = self._dated_gathering_names(doc.text, spec, index[ORG], index[DATE])
        if named:  # a gathering, not an organisation: its head word is now a trigger like any other
            doc.mentions = [m for m in doc.mentions if id(m) not in named]
            index[ORG] = MentionIndex(doc.mentions_of(ORG))
        breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(doc.text)]
        memory = DocMemory(agreements={(m.start, m.end): m for m in doc.mentions_of(AGREEMENT)})
        sentences = doc.content_sentences()
        body = _title_lines(doc.text, sentences, self.schedule_time)
        dateline = _dateline(doc.text, sentences, body, index[DATE])
        if dateline is None or len(str(dateline.value or "")) < DAY_CHARS:
            dateline = _date_field(doc.text, sentences, body, index[DATE], spec.date_field) or dateline
        heading_at = -1  # the last section heading that reported a happening ("2 octobre – Visite du Directeur ...")
        for n, (_, sent) in enumerate(sentences):
            memory.title = n < body
            memory.lead = (body > 0 and body <= n < body + LEAD_SENTENCES) or 0 <= heading_at < n <= heading_at + LEAD_SENTENCES
            memory.dateline = dateline if memory.title else None
            memory.carry, before = self._schedule(doc.text, sent, index[DATE], memory), len(doc.events)
            memory.carry = memory.carry or _footer_date(doc.text, sentences, n, index[DATE])
            for c_start, c_end in _clauses(doc.text, sent.start, sent.end, index[DATE].starts):
                clause = Clause(c_start, c_end, *(index[t].inside(c_start, c_end) for t in (ORG, DATE, LOC, AGREEMENT)))
                self._clause(doc, spec, clause, memory, bisect_left(breaks, c_start))
            if memory.host is None and (memory.title or memory.lead):
                memory.host = next((e for e in doc.events[before:] if e.type in self.gatherings and e.status == "past"), None)
            if memory.title:
                memory.headline.extend(doc.events[before:])
            elif n >= body and len(doc.events) > before and _section_heading(doc.text, sent) \
                    and not (self.schedule_time and self.schedule_time.match(doc.text, sent.start, sent.end)):
                memory.headline, heading_at = doc.events[before:], n  # the lines under it tell that happening again
            elif not memory.lead:
                memory.headline = []
        self._signed_on_closing_date(doc, index[DATE])
        triggers = {(e.trigger.start, e.trigger.end) for e in doc.events}
        if any((m.start, m.end) in triggers for m in doc.mentions_of(ORG)):
            # "AMM-57", "MC12", "CHOGM": a gathering the organisations stage read as a name is the event, no organisation
            doc.mentions = [m for m in doc.mentions if m.type != ORG or (m.start, m.end) not in triggers]
        return doc

    def _signed_on_closing_date(self, doc: Document, dates: MentionIndex) -> None:
        """"IN WITNESS WHEREOF ... have signed this Memorandum. / Done at Geneva on 5 May 2020": an undated signing
        right above the closing line (no other date between) happened on the closing line's date."""
        closing = next((d for d in reversed(dates.items) if d.attrs.get("closing")), None)
        if closing is None:
            return
        for e in doc.events:
            if e.type in self.closing_types and e.date is None and e.status == "past" \
                    and 0 <= closing.start - e.trigger.end <= CLOSING_CHARS \
                    and not dates.inside(e.trigger.end, closing.start):
                e.date = closing.value

    def _dated_gathering_names(self, text: str, spec: LangEvents, orgs: MentionIndex, dates: MentionIndex) -> set[int]:
        """"Le Forum mondial sur les réfugiés, réuni à Genève du 13 au 15 décembre 2023", "Diễn đàn Kinh doanh Mekong
        - Hàn Quốc từ ngày 14 đến 15/11/2024": a name the organisation stage only guessed from a head word that
        is also a gathering word, with no known organisation inside it and its own date right after it, is a
        gathering. Organs named after a body ("Conférence régionale de la FAO") are organisations and stay."""
        out: set[int] = set()
        for o in orgs.items:
            if o.extractor != "orgs:heads" or not (o.entity_id or "").startswith("org:x-") \
                    or len(orgs.inside(o.start, o.end)) > 1:
                continue
            k = bisect_left(dates.starts, o.end)
            if k == len(dates.items) or dates.starts[k] - o.end > DATED_NAME_CHARS \
                    or SENTENCE_END.search(text, o.end, dates.starts[k]):
                continue
            toks = [(o.start + m.start(), o.start + m.end(), m.group()) for m in TOKEN.finditer(o.text)]
            best = self._longest(text, spec, toks, 0, self._fold) if toks else None
            if best is not None and best[2] in self.gatherings:
                out.add(id(o))
        return out

    def _schedule(self, text: str, sent, dates: MentionIndex, memory: DocMemory) -> Mention | None:
        """A programme's agenda line ("09:00 – Atelier technique sur ...") happens on the day of the line heading
        it ("Mercredi 18 juin"): that day is the line's borrowed date. A line holding only a day starts a new
        heading; any other line ends the agenda."""
        day = _day_line(text, sent, dates, SCHEDULE_HEADING_LETTERS)
        if day is not None:
            memory.schedule_day = day
            return None
        if memory.schedule_day is not None and not _opens_line(text, sent.start):
            return None  # a later sentence of an agenda line ("Les États membres y feront le point ..."): the agenda goes on
        if memory.schedule_day is not None and self.schedule_time and self.schedule_time.match(text, sent.start, sent.end):
            return memory.schedule_day
        memory.schedule_day = None
        return None

    # -- triggers ---------------------------------------------------------------------------------------

    def _triggers(self, text: str, spec: LangEvents, clause: Clause) -> list[Trigger]:
        """Longest trigger at each token, outside exclusions and organisation names, not counted or habitual."""
        toks = clause.toks = tokens(text, clause.start, clause.end)
        fold = self._fold
        excluded = self._excluded(text, spec, toks)
        r0, r1 = spec.triggers.root, spec.gapped.root
        readings = self.arabic.readings
        # tokens a trigger may start at, decided once per token by a dictionary test (most tokens start none)
        starts = {i for i, t in enumerate(toks) if any(f in r0 or f in r1 for _, f in readings(t[2]))} - excluded
        found: list[Trigger] = []
        consumed: set[int] = set()  # tails of discontinuous triggers ("octroi à notre organisation du statut")
        i = 0
        while i < len(toks):
            best = self._longest(text, spec, toks, i, fold) if i in starts and i not in consumed else None
            if best is None:
                i += 1
                continue
            strip, end_i, etype, tail = best
            if tail is not None:
                consumed.add(tail)
            trig = Trigger(toks[i][0] + strip, toks[end_i][1], etype, tuple(fold(t[2]) for t in toks[i : end_i + 1]), i - 1, end_i + 1)
            if not self._negated(text, spec, toks, trig) and not (_inside_name(trig, clause) and not _numbered_organ(text, spec, clause, trig)) \
                    and not _preposition(spec, clause, trig) and _numbered_if_needed(text, spec, trig):
                self._level(text, spec, clause, trig)
                trig.cued = bool(spec.setting_cue and spec.setting_cue.search(text, max(clause.start, trig.start - 60), trig.start))
                trig.setting = etype in self.gatherings and trig.cued
                trig.outcome = bool(spec.outcome and spec.outcome.search(text, max(clause.start, trig.start - OUTCOME_WINDOW), trig.start))
                found.append(trig)
            i = end_i + 1
        return found

    def _learn_acronyms(self, text: str, clause: Clause, found: list[Trigger], memory: DocMemory) -> None:
        """"Hội nghị Bộ trưởng Ngoại giao ASEAN - EU (AEMM)", "Conférence mondiale de développement des
        télécommunications (CMDT-22)": an acronym in brackets after a gathering's name (before the next trigger)
        names that series of gatherings for the rest of the document; a well-known series (``gathering_acronyms``)
        also gives the gathering its type."""
        for n, t in enumerate(found):
            if t.type not in self.gatherings:
                continue
            end = min(found[n + 1].start if n + 1 < len(found) else clause.end, t.end + ACRONYM_DEF_CHARS)
            m = ACRONYM_DEF.search(text, t.end, end)
            if m is not None and not _known_organisation(clause, m.start("acr")):
                t.type = self.known_acronyms.get(m.group("acr"), t.type)  # "Hội nghị Bộ trưởng WTO ... (MC12)": a conference
                memory.acronyms.setdefault(m.group("acr"), t.type)

    def _acronym_triggers(self, text: str, spec: LangEvents, clause: Clause, memory: DocMemory) -> list[Trigger]:
        """"AEMM lần thứ 24", "la CMDT-25", "la COP28": a gathering acronym (defined in the text, or a well-known
        series: ``gathering_acronyms`` in models/events.yaml) with its number or an ordinal after it is a
        gathering, though the organisations stage may have read it as a name; the bracket defining it is not."""
        out: list[Trigger] = []
        toks = clause.toks
        for i, (start, end, word) in enumerate(toks):
            m = ACRONYM_USE.fullmatch(word)
            if m is None or text[start - 1 : start] == "(":
                continue
            number = ACRONYM_NUMBER.match(text, end) if not m.group("num") else None
            numbered = bool(m.group("num") or number)
            sited = m.group("acr") in self.known_acronyms and _sited(text, spec, clause, start, end)
            kind = memory.acronyms.get(m.group("acr")) or (self.known_acronyms.get(m.group("acr")) if numbered or sited else None)
            if kind is None or not (numbered or sited or (spec.ordinal and spec.ordinal.match(text, end + 1, end + 30))):
                continue
            out.append(Trigger(start, number.end() if number else end, kind, (word.casefold(),), i - 1,
                               bisect_left([t[0] for t in toks], number.end()) if number else i + 1))
        return out

    def _fold(self, token: str) -> str:
        """``fold_token``, memoised by the folder (every token of every clause is folded several times)."""
        return self.arabic.readings(token)[0][1]

    def _excluded(self, text: str, spec: LangEvents, toks: list) -> set[int]:
        """Indexes of the tokens inside an exclusion phrase; a phrase is walked only from a token that starts one."""
        fold, excluded = self._fold, set()
        roots = spec.exclusions.root, spec.cased_exclusions.root
        for i, (_, _, t) in enumerate(toks):
            f = fold(t)
            if f in roots[0]:
                for end_i, _ in walk(roots[0], f, toks, i, text, fold):
                    excluded.update(range(i, end_i + 1))
            if t in roots[1]:
                for end_i, _ in walk(roots[1], t, toks, i, text, str):
                    excluded.update(range(i, end_i + 1))
        return excluded

    def _level(self, text: str, spec: LangEvents, clause: Clause, trig: Trigger) -> None:
        """"The Council of Heads of State met", "the Authority of Heads of State ... would hold its next ordinary
        session", "the meeting of the SCO Heads of State Council": a session or meeting of leaders is a summit."""
        if trig.type in self.sessions and spec.summit_level and self.summit_type \
                and spec.summit_level.search(text, max(clause.start, trig.start - LEVEL_BEFORE), min(clause.end, trig.end + LEVEL_AFTER)):
            trig.type = self.summit_type

    def _longest(self, text: str, spec: LangEvents, toks: list, i: int, fold) -> tuple[int, int, str, int | None] | None:
        variants = self.arabic.readings(toks[i][2])
        best = None
        for strip, first in variants:
            hits = walk(spec.triggers.root, first, toks, i, text, fold)
            if hits and (best is None or hits[-1][0] > best[1]):
                best = (strip, hits[-1][0], hits[-1][1][0], None)
        return best or self._gapped_at(spec, toks, i, variants, text, fold)

    def _gapped_at(self, spec: LangEvents, toks: list, i: int, variants: list, text: str, fold) -> tuple[int, int, str, int] | None:
        """A discontinuous trigger whose head starts at token i and whose tail follows within GAPPED_TOKENS; with
        the tail's token, which starts no trigger of its own."""
        for strip, first in variants:
            for end_i, values in walk(spec.gapped.root, first, toks, i, text, fold):
                for v in values:
                    etype, tail = spec.gapped_rules[int(v)]
                    at = _tail_at(toks, end_i + 1, tail, fold)
                    if at is not None:
                        return strip, end_i, etype, at
        return None

    def _numbered_kind(self, spec: LangEvents, toks: list, trig: Trigger) -> bool:
        """"its 55th regular session": a habitual adjective between an ordinal and the trigger names the kind of one
        numbered session, no habit."""
        j = trig.prev_token - 1
        return spec.ordinal is not None and j >= 0 and spec.ordinal.fullmatch(toks[j][2]) is not None

    def _negated(self, text: str, spec: LangEvents, toks: list, trig: Trigger) -> bool:
        """"4 summits", "four summits", "regular meetings", "các cuộc họp định kỳ", "has not met": no single happening."""
        # "réunions régulières", "regular meetings" (not "... sûres, ordonnées et régulières, adopté à Marrakech")
        around = [toks[j][2] for j in (trig.prev_token, trig.next_token) if 0 <= j < len(toks)
                  and not text[min(toks[j][1], trig.end) : max(toks[j][0], trig.start)].strip()]
        if any(fold_token(w, self.arabic) in spec.habitual for w in around) and not self._numbered_kind(spec, toks, trig):
            return True
        if spec.frequency and (_frequency_after(text, spec.frequency, trig.end)
                               or _frequency_before(text, spec.frequency, trig.start)):
            return True  # "meets twice a year", "tient chaque année une session" (not "comme chaque année, la ...")
        if trig.prev_token < 0:
            return False
        if self._negation_before(spec, toks, trig):
            return True  # "ne s'est plus réuni depuis 1994", "has not met", "chưa ký", "لم يوقع": nothing happened
        prev = fold_token(toks[trig.prev_token][2], self.arabic)
        if prev in spec.count_words and not (prev in spec.duration_units and _after_number(toks, trig.prev_token)):
            return True
        return _counted(text, toks, trig.prev_token, spec.ordinal, trig.start)

    def _negation_before(self, spec: LangEvents, toks: list, trig: Trigger) -> bool:
        """A negation among the ``negation_window`` tokens before the trigger, no punctuation between (Vietnamese
        looks one syllable back only: "không" is also part of "hàng không", "không gian")."""
        for j in range(trig.prev_token, max(-1, trig.prev_token - spec.negation_window), -1):
            token = toks[j][2]
            if not any(c.isalnum() for c in token):
                return False
            if fold_token(token, self.arabic) in spec.negations:
                return True
        return False

    def _one_per_happening(self, text: str, spec: LangEvents, clause: Clause, found: list[Trigger]) -> list[Trigger]:
        """A gathering named as what is established or launched ("opened its dialogue with ASEAN") is that
        event's object, not a second event ("established at the first Ministerial Meeting" names where it
        happened: a place cue before the gathering makes it its own event); then verbal and nominal triggers of
        one gathering merge."""
        makers = {t.next_token: t for t in found if t.type not in self.gatherings and t.type not in self.instrument_types}
        objects = set()
        for g in found:
            maker = makers.get(g.prev_token + 1) or makers.get(g.prev_token) or makers.get(g.prev_token - 1)
            if maker is not None and g.type in self.gatherings and not g.setting \
                    and not (spec.place_cue and spec.place_cue.search(text, maker.end, g.start)):
                # "افتتح الاجتماع", "opened the session": opening a gathering is the gathering beginning
                objects.add(id(maker) if maker.key in spec.openers else id(g))
        found = self._sessions_of(text, spec, [t for t in found if id(t) not in objects], clause.toks)
        if spec.session_of_named:
            self._sessions_of_named(text, spec, clause, found)
        return self._merge_verbal(text, spec, self._adjacent_same_type(text, spec, self._kinds_of_gatherings(text, spec, found)))

    def _kinds_of_gatherings(self, text: str, spec: LangEvents, found: list[Trigger]) -> list[Trigger]:
        """"Atelier de validation du cadre", "atelier régional de validation": a trigger that is the complement naming
        the kind of the gathering right before it (a kind link between, after at most two lower-case adjectives:
        models/<lang>/events.yaml ``kind_links``), or its topic (``topic_links``), is no happening of its own; the
        gathering stays."""
        out: list[Trigger] = []
        for t in found:
            prev = out[-1] if out else None
            if prev is not None and (_topic_of(text, spec, prev, t, self.gatherings) or self._kind_of(text, spec, prev, t)):
                continue
            out.append(t)
        return out

    def _kind_of(self, text: str, spec: LangEvents, prev: Trigger, t: Trigger) -> bool:
        return spec.kind_links is not None and prev.type in self.gatherings \
            and (t.type not in self.gatherings if spec.kind_types is None else t.type in spec.kind_types) \
            and prev.key not in spec.verbal and _kind_link(text[prev.end : t.start], spec.kind_links)

    def _adjacent_same_type(self, text: str, spec: LangEvents, found: list[Trigger]) -> list[Trigger]:
        """"avait accordé le statut d'observateur", "signed the signature page": two triggers of one type a word or
        two apart (no "and" between) name one happening; the first stays."""
        out: list[Trigger] = []
        for t in found:
            prev = out[-1] if out else None
            if prev is not None and prev.type == t.type and not t.setting and t.prev_token - prev.next_token < ADJACENT_TOKENS \
                    and not (spec.conjunction and spec.conjunction.search(text, prev.end, t.start)):
                continue
            out.append(t)
        return out

    def _sessions_of(self, text: str, spec: LangEvents, found: list[Trigger], toks: list) -> list[Trigger]:
        """"the 16th session of the Conference of the Parties", "الدورة السادسة عشرة لمؤتمر الأطراف": a session
        noun with another gathering right after it (an ordinal or article between, no comma or "and") is one
        happening: the session trigger stays, with the type of the gathering it is a session of. So is a session
        and the organ its clause names by a bare capitalised word ("Lors de sa seizième session, tenue du 20 au 23
        octobre, la Conférence avait invité ...")."""
        out: list[Trigger] = []
        for t in found:
            prev = out[-1] if out else None
            close = t.prev_token - prev.next_token < SESSION_GAP_TOKENS if prev is not None else False
            if prev is not None and prev.type in self.sessions and t.type in self.gatherings and not t.setting \
                    and ((close and not (spec.conjunction and spec.conjunction.search(text, prev.end, t.start)))
                         or self._organ_word(text, spec, toks, t)):
                prev.type = t.type
                continue
            out.append(t)
        return out

    def _sessions_of_named(self, text: str, spec: LangEvents, clause: Clause, found: list[Trigger]) -> None:
        """"الدورة السادسة عشرة لمؤتمر الأمم المتحدة للتجارة والتنمية", "الدورة الثامنة والثلاثين للمؤتمر العام
        لليونسكو": where the language's convention says so (``session_of_named``), a session of a body whose name
        is headed by a gathering word (a conference, a forum) is that kind of gathering; a session of a council
        or an assembly stays a meeting."""
        for t in found:
            if t.type not in self.sessions or t.next_token >= len(clause.toks):
                continue
            k = bisect_left(clause.org_starts, clause.toks[t.next_token][0])
            if k == len(clause.org_starts):
                continue
            start = clause.org_starts[k]
            between = [x for x in clause.toks[t.next_token:] if x[1] <= start]
            if len(between) >= SESSION_GAP_TOKENS or CLAUSE_GAP.search(text, t.end, start):
                continue
            head = self._name_head(spec, [x for x in clause.toks if x[1] > start][:NAME_HEAD_TOKENS])
            if head is not None:
                t.type = head

    def _name_head(self, spec: LangEvents, toks: list) -> str | None:
        """The gathering type (not a session's) of the first one-word trigger among a name's first words."""
        for tok in toks:
            for _, f in self.arabic.readings(tok[2]):
                kinds = [v for v in spec.triggers.root.get(f, {}).get("$", []) if v in self.gatherings and v not in self.sessions]
                if kinds:
                    return kinds[0]
        return None

    def _organ_word(self, text: str, spec: LangEvents, toks: list, t: Trigger) -> bool:
        """A one-word capitalised gathering noun after a definite article, with no ordinal before it and no
        capitalised word after it: the organ named by its kind ("la Conférence avait invité"), not a gathering."""
        if len(t.key) != 1 or not text[t.start : t.start + 1].isupper() or t.prev_token < 0 or not spec.articles:
            return False
        if fold_token(toks[t.prev_token][2], self.arabic) not in spec.articles:
            return False
        nxt = toks[t.next_token][2] if t.next_token < len(toks) else ""
        return not nxt[:1].isupper() and not (spec.ordinal and spec.ordinal.search(text, max(0, t.start - NUMBERED_WINDOW), t.start))

    def _merge_verbal(self, text: str, spec: LangEvents, found: list[Trigger]) -> list[Trigger]:
        """A gathering verb and a gathering noun of one clause are one happening ("met ... for the summit"):
        the first trigger stays, with the noun's (more specific) type."""
        verbs = [t for t in found if t.key in spec.verbal]
        # a setting gathering merges only with a participle after it ("en marge de la 73e session ..., réunie les 12
        # et 13 novembre"); the clause's own verb is another happening
        nouns = [t for t in found if t.type in self.gatherings and t.key not in spec.verbal and t.type not in self.frames
                 and (not t.setting or (verbs and verbs[0].start > t.end and verbs[0].key in spec.participles
                                        and _appositive(text, verbs[0])))]
        if not nouns or not verbs:
            return found
        noun, verb = nouns[0], verbs[0]
        keep = verb if verb.start < noun.start else noun
        keep.type = noun.type
        drop = noun if keep is verb else verb
        return [t for t in found if t is not drop]

    # -- arguments --------------------------------------------------------------------------------------

    def _arguments(self, text: str, spec: LangEvents, clause: Clause, trig: Trigger, window: tuple[int, int],
                   dates: ClauseDates, n: int, memory: DocMemory, participants: list[str]) -> Arguments:
        prev, nxt = window
        args = Arguments(started=dates.started)
        if spec.ordinal:
            before = spec.ordinal.search(text, max(prev, trig.start - 25), trig.start)
            after = spec.ordinal.search(text, trig.end, min(nxt, trig.end + 60))
            # ordinals precede their noun ("the 69th session, and the fifth ...", "une réunion ..., en marge de la 81e
            # session"): one after the trigger is the next gathering's
            m = before if spec.ordinal_first else (after or before)
            args.ordinal = m.group(0).casefold() if m else None
        args.planned = bool(spec.planned and spec.planned.search(text, clause.start, clause.end))
        own = dates.nearest[n]
        after = [d for d in own if d.start >= trig.end]
        args.own_date = bool(own)
        borrowed = [] if trig.setting else (dates.opening[-1:] or [memory.carry])  # a setting has its own time
        args.date = (after[:1] or own[-1:] or borrowed or [None])[0]
        if len(after) > 1 and trig.type in self.gatherings and _within(after[1], after[0]):
            args.date = after[1]  # "Hội nghị tổng kết hợp tác năm 2025 vào ngày 16/ 12/ 2025": the day, not the year naming it
        opening = dates.opening[-1] if dates.opening and not trig.setting else None
        if own and opening is not None and _within(opening, args.date):
            args.date = opening  # "Ngày 3/12/2025, ... Hội nghị rà soát năm 2025": the day, not the year naming it
        elif own and opening is not None and _names_object(opening, args.date, trig):
            args.date = opening  # "Ngày 26/2/2024, UNICEF công bố báo cáo ... năm 2023": the report's year
        args.weak_date = not own and not dates.opening and args.date is not None
        antecedent = _by_which_date(text, spec, clause, trig, prev)
        if antecedent is not None and not (after and after[0].start - trig.end <= OBJECT_YEAR_CHARS):
            args.date, args.own_date, args.weak_date = antecedent, True, False
        if trig.type in self.instrument_types:
            args.instruments = _instruments(text, clause, trig, window)
        args.place = _place(text, spec, clause, trig, window)
        args.participants = list(participants)
        if spec.instituting and spec.instituting.search(text, max(clause.start, trig.start - INSTITUTING_CHARS), trig.end):
            args.instituted, args.date, args.own_date, args.weak_date = True, None, False, False
        return args

    def _clause_dates(self, text: str, spec: LangEvents, clause: Clause, found: list[Trigger]) -> ClauseDates:
        """Each point date of the clause goes to the trigger before it (the first trigger when none is); a date
        opening the clause (among its first words, or a day set off by a comma before its first trigger) dates all
        of them.
        Period bounds (after since/until), year-range periods and years inside an instrument's name date none."""
        out = ClauseDates(nearest=[[] for _ in found])
        starts = [t.start for t in found]
        tok_starts = [t[0] for t in clause.toks]
        trig_ends = {t.end for t in found}
        for d in clause.dates:
            if _period_bound(text, spec, clause, d):
                out.started = True
                continue
            if d.value is None:
                out.started = True  # "on 27 August" with no year anywhere: anchored, but no value to give
                continue
            if not _is_point(d) or clause.instruments.covers(d.start, d.end) or self._qualifies_noun(text, spec, clause, d, tok_starts, trig_ends):
                continue
            if (not found or d.end <= found[0].start) \
                    and (bisect_left(tok_starts, d.start) <= 2
                         or (len(str(d.value)) >= DAY_CHARS and OPENING_COMMA.match(text, d.end))):
                out.opening.append(d)  # "Ngày 27/9/2007, ...", "1.4. Về dinh dưỡng: Ngày 28/ 10, Viện ... công bố ..."
                continue
            i = bisect_left(starts, d.start)
            while i > 1 and found[i - 1].again:
                i -= 1  # "la réunion préparatoire en vue de cette conférence, tenue en septembre": the réunion's date
            if i and found[i - 1].cued and i < len(found) and "," in text[found[i - 1].end : d.start]:
                i += 1  # "on the sidelines of the summit, on 15 September, X met Y", "En marge de la réunion, X et Y
                # ont eu mercredi un entretien": past the setting's comma the date is the next happening's
            elif i and i < len(found) and _leans_forward(text, found[i - 1], d, found[i]):
                i += 1  # "..., Rebeca Grynspan, arrivée de Genève mardi pour une visite de trois jours"
            out.nearest[i - 1 if i else 0].append(d)
        return out

    def _qualifies_noun(self, text: str, spec: LangEvents, clause: Clause, d: Mention, tok_starts: list[int],
                        trig_ends: set[int]) -> bool:
        """"le budget de l'exercice 2024", "le rapport annuel 2023": a bare year right after a noun (no
        preposition or time word before it, not the trigger itself) names a period of that noun, not the time of
        the happening. Languages opt in with ``year_cues``."""
        if spec.year_cues is None or not YEAR_ONLY.fullmatch(d.value or ""):
            return False
        k = bisect_left(tok_starts, d.start)
        if k == 0 or not TOKEN_GAP.fullmatch(text, clause.toks[k - 1][1], d.start):
            return False  # clause start or punctuation before the year: a time ("En 2024, ...", ", 2024")
        prev = clause.toks[k - 1]
        if prev[1] in trig_ends:
            return False  # right after its trigger: "signé 2019"
        return fold_token(prev[2], self.arabic) not in spec.year_cues

    # -- one clause ---------------------------------------------------------------------------------------

    def _clause_triggers(self, text: str, spec: LangEvents, clause: Clause, memory: DocMemory) -> list[Trigger]:
        """The clause's happenings: its triggers and gathering acronyms, one per happening, without those named
        for their outcome or for procedure; gatherings named with a demonstrative are marked (``again``)."""
        found = self._triggers(text, spec, clause)
        if memory.title and spec.genre_labels:  # "ENTRETIEN", "... : entretien avec la représentante": the page's genre
            found = [t for t in found if t.key not in spec.genre_labels]
        self._learn_acronyms(text, clause, found, memory)
        named = self._acronym_triggers(text, spec, clause, memory)
        if named:
            found = sorted(found + named, key=lambda t: t.start)
        found = self._one_per_happening(text, spec, clause, found)
        # named for its outcome, a happening already reported neither makes an event nor takes a date of the clause
        found = [t for t in found if not self._named_for_outcome(text, spec, clause, t, memory)]
        self._series_type(spec, found, memory)
        self._next_session_type(text, spec, clause, found, memory)
        found = [t for t in found if not self._procedural(text, spec, clause, t)]
        last_of: dict[str, Trigger] = {}
        for t in found:
            t.again = t.type in self.gatherings and (self._demonstrative(spec, clause, t) or self._spoken_at(text, spec, clause, t))
            prev = last_of.get(t.type)
            t.sequel = bool(prev and spec.sequence and spec.sequence.search(text, prev.end, t.start))
            last_of[t.type] = t
        return found

    def _clause(self, doc: Document, spec: LangEvents, clause: Clause, memory: DocMemory, paragraph: int) -> None:
        memory.paragraph = paragraph
        found = self._clause_triggers(doc.text, spec, clause, memory)
        if not found:
            points = [d for d in clause.dates if _is_point(d)]
            memory.carry = points[-1] if points else memory.carry
            return
        used = ClauseUse()
        dates = self._clause_dates(doc.text, spec, clause, found)
        participants = _participants(clause)
        context_dates: list[str] = []
        made: list[Event] = []
        waiting: list[tuple[Trigger, Arguments]] = []  # unanchored, unless a gathering named again anchors them
        sidelines = False  # "Bên lề khóa họp, ...": the clause names again the gathering it happened beside
        again = False  # "Au cours de cette même session, le Conseil a accordé ...": a gathering named again hosts the rest
        for n, trig in enumerate(found):
            window = (found[n - 1].end if n else clause.start, found[n + 1].start if n + 1 < len(found) else clause.end)
            args = self._arguments(doc.text, spec, clause, trig, window, dates, n, memory, participants)
            if args.date is None and memory.dateline is not None:
                args.date, args.weak_date = memory.dateline, True  # a headline event happened on its dateline's date
            elif memory.title and memory.dateline is not None and _within(memory.dateline, args.date):
                args.date = memory.dateline  # "HỌP BÁO THƯỜNG KỲ LẦN THỨ 13 NĂM 2025" / "Hà Nội, ngày 03/ 7/ 2025"
            if self.params.require_anchor and not memory.title and not (args.date or args.started or args.ordinal or args.planned
                                                   or args.instruments or args.place or args.instituted):
                # met beside the gathering just named again, or during the visit just reported: not an earlier gathering
                beside = (sidelines or any(e.type in self.frames for e in made)) and not trig.setting
                referent = self._refers_back(spec, clause, trig, args, memory) if trig.type in memory.last_event and not beside else None
                if referent is None:
                    waiting.append((trig, args))
                else:
                    context_dates.append(referent)  # "briefed the meeting": the gathering just reported
                    sidelines = sidelines or trig.setting
                    again = again or (trig.type in self.gatherings and not trig.setting)
                continue
            referent = self._headline_again(trig, args, memory)
            if referent is None:
                referent = self._refers_back(spec, clause, trig, args, memory)
            if referent is not None:
                context_dates.append(referent)
                sidelines = sidelines or trig.setting
                again = again or (trig.type in self.gatherings and not trig.setting)
                continue
            if trig.key in spec.weak and not (args.own_date or dates.opening):
                continue  # "organe de l'OIF établi à Dakar", "poursuivre leur dialogue": no happening without its date
            if self._publishes_statement(trig, args):
                continue  # "công bố Tuyên bố", "Thông cáo ... được công bố": a statement made public, no launch
            if self._borrows_a_date(trig, args, dates, memory):
                continue  # "CATA, ký ngày 17/10/2022, đang được các nước phê chuẩn": a state, not a happening
            self._emit_once(doc, trig, args, memory, used, made)
        if waiting and self._anchored_by_context(context_dates, made, memory, paragraph):
            self._emit_waiting(doc, spec, clause, waiting, dates, memory, used, made, sidelines, again)
            waiting = []
        self._acts_of_host(doc, spec, clause, waiting, memory, used, made)
        self._at_gatherings(doc.text, spec, made)
        self._date_from_context(made, context_dates, clause, memory, paragraph)

    def _emit_waiting(self, doc: Document, spec: LangEvents, clause: Clause, waiting: list[tuple[Trigger, Arguments]],
                      dates: ClauseDates, memory: DocMemory, used: ClauseUse, made: list[Event], sidelines: bool,
                      again: bool = False) -> None:
        """Unanchored happenings of a clause that made an event: a signing or adoption is part of it, any other
        happening took place at a gathering the clause made ("established at the 1st Meeting"), a gathering met on
        the sidelines of one the clause names again ("Bên lề khóa họp, Trưởng đoàn đã làm việc với ...") is a
        happening of its own, and a body made by an instrument has the date of its signing."""
        at_gathering = again or any(e.type in self.gatherings for e in made)
        # talks held during a visit the clause made, or the visit its paragraph just reported ("Elle s'est entretenue ...")
        framed = memory.last_gathering is not None and memory.last_gathering.type in self.frames and self._in_paragraph(memory)
        in_frame = any(e.type in self.frames for e in made) or framed
        for trig, args in waiting:
            source = self._made_by_instrument(doc.text, spec, trig, made, clause)
            if source is not None:
                args.date, args.own_date = source, True
            if source is None and self._borrows_a_date(trig, args, dates, memory):
                continue
            if trig.type in self.instrument_types or (at_gathering and (trig.type not in self.gatherings or in_frame)) \
                    or source is not None or (sidelines and trig.type in self.gatherings and not trig.setting) \
                    or (framed and trig.type in self.gatherings and not trig.setting) or self._venue_of(doc.text, spec, trig, made):
                self._emit_once(doc, trig, args, memory, used, made)

    def _acts_of_host(self, doc: Document, spec: LangEvents, clause: Clause, waiting: list[tuple[Trigger, Arguments]],
                      memory: DocMemory, used: ClauseUse, made: list[Event]) -> None:
        """"Le Conseil a élu l'administratrice ...", "Il a en outre procédé à l'élection de trois juges": in the record
        of a session its title or lead reports, an undated act whose clause opens with the body as subject took place
        at that session."""
        host = memory.host
        if host is None or not host.date or spec.body_subject is None:
            return
        for event in made:
            if event.date is None and event.status == "past" and self._body_acts(doc.text, spec, clause, event.trigger.start, event.type):
                event.date = host.date
        for trig, args in waiting:
            if not args.planned and self._body_acts(doc.text, spec, clause, trig.start, trig.type):
                n = len(made)
                self._emit_once(doc, trig, args, memory, used, made)
                for event in made[n:]:
                    event.date = host.date

    def _body_acts(self, text: str, spec: LangEvents, clause: Clause, start: int, etype: str) -> bool:
        """A happening (no gathering) whose clause opens with the body that met as its subject (``body_subjects``)."""
        return etype not in self.gatherings and spec.body_subject is not None \
            and spec.body_subject.fullmatch(text, clause.start, start) is not None

    def _venue_of(self, text: str, spec: LangEvents, trig: Trigger, made: list[Event]) -> bool:
        """"Ce rapport a été lancé à Dakar le 30 juin, lors d'une réunion d'experts": a gathering after an
        at-gathering cue, following a happening its clause made, is where that happened: a happening of its own."""
        if spec.at_cue is None or trig.type not in self.gatherings or trig.setting:
            return False
        before = [e for e in made if e.type not in self.gatherings and e.trigger.end <= trig.start]
        return bool(before) and spec.at_cue.search(text, max(before[-1].trigger.end, trig.start - AT_GATHERING_WORDS_CHARS), trig.start) is not None

    def _procedural(self, text: str, spec: LangEvents, clause: Clause, trig: Trigger) -> bool:
        """"Le Comité a adopté son ordre du jour", "Le procès-verbal de la deuxième réunion ... a été approuvé": an
        adoption whose object (right after it, or opening its clause as the passive subject) is the meeting's
        own paperwork (``procedural_objects``)."""
        if spec.procedural is None or trig.type != "adoption":
            return False
        return bool(spec.procedural.match(text, trig.end, min(clause.end, trig.end + 40))
                    or spec.procedural.match(text, clause.start, trig.start))

    def _series_type(self, spec: LangEvents, found: list[Trigger], memory: DocMemory) -> None:
        """"hội nghị lần thứ 29" after "Hội nghị Bộ trưởng Tài chính ... lần thứ 28": a bare generic gathering word
        takes the type of the last gathering the text named with it (a meeting, a summit), not its own default."""
        last = memory.last_gathering
        if not spec.generic or last is None:
            return
        head = tuple(self._fold(w) for w in TOKEN.findall(last.trigger.text))
        for t in found:
            if t.key in spec.generic and head[: len(t.key)] == t.key and not t.setting:
                t.type = last.type

    def _next_session_type(self, text: str, spec: LangEvents, clause: Clause, found: list[Trigger], memory: DocMemory) -> None:
        """"un atelier ... du 3 au 7 juin. Une seconde session, consacrée à la dette, a suivi": a session noun
        (``series_nouns``) after a series word (``series_words``), naming no body, is the next session of the
        training or workshop just reported (``series_types``), and has its type."""
        last = memory.last_gathering
        if not spec.series_words or last is None or last.type not in self.series_types:
            return
        for t in found:
            if t.key not in spec.series_nouns or t.prev_token < 0 or t.start - last.trigger.end > SERIES_CHARS:
                continue
            k = bisect_left(clause.org_starts, t.end)
            named = k < len(clause.org_starts) and clause.org_starts[k] - t.end <= SERIES_BODY_CHARS
            if fold_token(clause.toks[t.prev_token][2], self.arabic) in spec.series_words and not named:
                t.type = last.type

    def _publishes_statement(self, trig: Trigger, args: Arguments) -> bool:
        """The happening's object, right after it or its passive subject right before it, is a statement or a
        communiqué (``statement_kinds``): making it public is no launch (``no_launch_of_statements``)."""
        if trig.type not in self.published_as or not args.instruments:
            return False
        return all(a.attrs.get("kind") in self.statement_kinds
                   and (0 <= a.start - trig.end <= OBJECT_CHARS or 0 <= trig.start - a.end <= SUBJECT_CHARS)
                   for a in args.instruments)

    def _borrows_a_date(self, trig: Trigger, args: Arguments, dates: ClauseDates, memory: DocMemory) -> bool:
        """A ratification or accession (``own_date_only`` types) dated only by another trigger's date or the
        previous sentence is a state ("các bên đã phê chuẩn"), not a happening; undated, an instrument still anchors
        it ("welcomed the accession of Timor-Leste to the Treaty") unless its clause dates another happening; a date
        opening its clause or sentence dates it."""
        if trig.type not in self.own_date_only or args.own_date or dates.opening:
            return False
        if args.date is not None:
            return args.date is not memory.carry
        return any(dates.nearest)  # undated, it would take the date another trigger of its clause has

    def _made_by_instrument(self, text: str, spec: LangEvents, trig: Trigger, made: list[Event],
                            clause: Clause) -> Mention | None:
        """"instituée par le traité signé à Dakar le 10 janvier 1994": an undated happening made by an instrument
        (a cue right after it: ``by_instrument_cues``) happened when that instrument was signed or adopted, the
        next dated signing or adoption of its clause; the date mention that dates it is returned."""
        if spec.by_instrument is None or trig.type in self.instrument_types or trig.type in self.gatherings \
                or not spec.by_instrument.match(text, trig.end):
            return None
        after = [e for e in made if e.trigger.start > trig.end and e.type in self.instrument_types]
        first = min(after, key=lambda e: e.trigger.start) if after else None
        if first is None or not first.date:
            return None
        return next((d for d in clause.dates if d.start > first.trigger.start and d.value == first.date), None)

    def _anchored_by_context(self, context_dates: list[str], made: list[Event], memory: DocMemory,
                             paragraph: int) -> bool:
        """A signing or adoption without an anchor of its own is anchored by the happening it is part of: the
        gathering its clause names again ("واعتمد المؤتمر ..."), an anchored event of its clause ("signed the
        Concord ... and endorsed the Plan 2017-2021"), or the dated gathering its paragraph just reported
        ("The summit was held on 7 March. Leaders signed ...")."""
        if any(context_dates) or made:
            return True
        return memory.gathering is not None and memory.gathering[0] == paragraph

    def _emit_once(self, doc: Document, trig: Trigger, args: Arguments, memory: DocMemory, used: ClauseUse,
                   made: list[Event]) -> None:
        """One event per type (and instrument) per clause, unless each trigger has its own date ("established
        in 1989 and upgraded in 1991" are two happenings)."""
        own = args.date.value if args.own_date and args.date else None
        ident = (trig.type, tuple((a.start, a.end) for a in args.instruments), own)
        bare = used.bare.get(trig.type)  # own dates of this type's events without instruments
        numbered = used.ordinals.get(trig.key, set())  # the same noun: "Seventy-ninth Session, 14th Meeting" is one
        other_number = bool(args.ordinal and numbered and args.ordinal not in numbered)  # "the 69th ..., the 77th session"
        if not trig.setting and not trig.sequel and not other_number \
                and (ident in used.idents or (bare is not None and (own is None or None in bare or own in bare))):
            return
        event = self._emit(doc, trig, args, memory)
        if event is None:
            return
        made.append(event)
        if args.ordinal:
            used.ordinals.setdefault(trig.key, set()).add(args.ordinal)
        if not trig.setting:  # a setting is its own happening and blocks none of the clause's
            used.idents.add(ident)
            if not ident[1]:
                used.bare.setdefault(trig.type, set()).add(own)

    def _refers_back(self, spec: LangEvents, clause: Clause, trig: Trigger, args: Arguments,
                     memory: DocMemory) -> str | None:
        """The date (or "") of the happening this trigger names again, or None when it is a new happening.

        The same ordinal and type, the same instrument signed again, the same type on the same date, or a
        definite, undated gathering noun ("the meeting", "الاجتماع", "Hội nghị") after a gathering was reported.
        """
        date = args.date.value if args.date else None
        if trig.again:
            return self._last_date(trig, memory)  # "tại hội nghị này", "cette réunion": never a new happening
        if args.ordinal and (trig.type, args.ordinal) in memory.ordinals:
            seen = memory.ordinals[(trig.type, args.ordinal)]
            # "the 1st Summit" of another series has its own date; a borrowed date gives way to an own one
            if date is None or seen.date is None or seen.date == date or id(seen) in memory.weak:
                _refine(seen, args, memory)
                return seen.date or ""
        # an anaphor names the instrument of its antecedent, but only an undated happening is known to be the same
        # one reported with it ("ووقّع الاتفاقية عن البنك ..."); a dated one may be another signing of it
        chain = memory.agreements if not args.own_date and trig.type in self.once_per_instrument else {}
        keys = {_instrument_key(a, chain) for a in args.instruments}
        if trig.type in self.instrument_types:
            if keys and all((trig.type, k) in memory.instruments for k in keys):
                return date or ""
            last = memory.last_event.get(trig.type)
            if not keys and not args.planned and last is not None and date in (None, last.date) \
                    and trig.type in self.once_per_instrument:
                return last.date or ""  # "Le document a été signé par ...": the signing just reported, told again
            with_instruments = memory.days.get((trig.type, date)) if date else None
            return date if with_instruments is not None and not (keys and with_instruments) else None
        if args.ordinal:
            return None
        if trig.type not in self.gatherings:
            return None  # "established in 1977" and "granted observer status in 1977" are two happenings
        if date and (trig.type, date) in memory.days:
            return date
        last = memory.last_of_type.get(trig.type)
        if last is None and not clause.toks[trig.prev_token + 1][2][:1].isupper() \
                and not (memory.last_gathering is not None and memory.last_gathering.type in self.frames):
            # "la réunion" after a session; a capitalised "Conférence ..." is named anew; the talks held during a
            # visit ("la mission avait débuté ... par des entretiens") are a happening of their own
            last = memory.last_gathering
        # "the visit will be crowned by the signing": a planned gathering named again while planned is the same one; a
        # gathering verb ("Leaders met ...") names again only the gathering its paragraph reports
        if last is not None and date is None and (trig.setting or not args.planned or last.status == "planned") \
                and (trig.key not in spec.verbal or (last is memory.last_gathering and self._in_paragraph(memory))) \
                and self._definite(spec, clause, trig):
            return last.date or ""
        return None

    @staticmethod
    def _in_paragraph(memory: DocMemory) -> bool:
        """The last dated gathering was reported in the paragraph being read."""
        return memory.gathering is not None and memory.gathering[0] == memory.paragraph

    def _named_for_outcome(self, text: str, spec: LangEvents, clause: Clause, trig: Trigger, memory: DocMemory) -> bool:
        """"The conclusions of the workshop will be presented on 14 June": the workshop is the one already reported,
        not a new happening on that date. Only a definite noun after an outcome noun, and only when the document
        reported a happening of that type (or, for a gathering, any gathering) before. A capitalised trigger is a
        named gathering, reported here for the first time."""
        if not trig.outcome or clause.toks[trig.prev_token + 1][2][:1].isupper() or not self._definite(spec, clause, trig):
            return False  # a capitalised gathering is named ("the outcome of the High-level Review Meeting"): new
        if spec.ordinal and spec.ordinal.match(text, trig.end + 1, trig.end + OUTCOME_WINDOW):
            return False  # "نتائج الاجتماع السابع والعشرين": a numbered gathering is named
        return trig.type in memory.last_event or (trig.type in self.gatherings and memory.last_gathering is not None)

    def _headline_again(self, trig: Trigger, args: Arguments, memory: DocMemory) -> str | None:
        """The lead reports the headline's happening again ("ECOWAS and WFP sign agreement" / "... signed a
        Memorandum ..."): the first event of the lead of the same kind (same type, or both gatherings) is the
        headline's event, and its own date replaces a date the headline only borrowed from the dateline. A numbered
        gathering of another type, or with another number, is named anew."""
        if not memory.headline:
            return None
        year = str(args.date.value)[:4] if args.date and args.date.value else None
        for h in memory.headline:
            if h.date and year and h.date[:4] != year:
                continue  # background: "established in 1989" is not today's headline
            if args.ordinal and (h.type != trig.type or _ordinal_of(h, memory) not in (None, args.ordinal)):
                continue  # "la 14e Conférence ministérielle" after an interview's title; the 58th meeting after the 13th
            if (h.agreements or h.agreement_spans) and trig.type in self.instrument_types and not args.instruments:
                continue  # "adoptent un plan" in the title; "l'OMS eut proclamé une urgence": another happening
            if h.type == trig.type or (h.type in self.gatherings and trig.type in self.gatherings):
                memory.headline.remove(h)
                _refine(h, args, memory)
                return h.date or ""
        return None

    def _last_date(self, trig: Trigger, memory: DocMemory) -> str:
        """The date ("" when none) of the gathering a demonstrative names again."""
        last = memory.last_of_type.get(trig.type, memory.last_gathering)
        return (last.date or "") if last is not None else ""

    def _spoken_at(self, text: str, spec: LangEvents, clause: Clause, trig: Trigger) -> bool:
        """"Phát biểu tại hội nghị", "Speaking at the meeting", "S'exprimant lors de la réunion": the gathering a
        speaker addresses is the one being reported, unless it is named anew (capitalised, or numbered)."""
        if spec.speaking is None or text[trig.start : trig.start + 1].isupper() \
                or (spec.ordinal and spec.ordinal.match(text, trig.end + 1, trig.end + 30)):
            return False
        return bool(spec.speaking.search(text, max(clause.start, trig.start - CUE_WINDOW * 3), trig.start))

    def _demonstrative(self, spec: LangEvents, clause: Clause, trig: Trigger) -> bool:
        """"cette réunion", "this meeting", "hội nghị này", "هذا الاجتماع": a demonstrative right before or right
        after the trigger."""
        toks = clause.toks
        before = fold_token(toks[trig.prev_token][2], self.arabic) if trig.prev_token >= 0 else ""
        after = fold_token(toks[trig.next_token][2], self.arabic) if trig.next_token < len(toks) else ""
        return before in spec.demonstrative_before or after in spec.demonstrative_after

    def _definite(self, spec: LangEvents, clause: Clause, trig: Trigger) -> bool:
        if spec.definite_prefix:
            first = fold_token(clause.toks[trig.prev_token + 1][2], self.arabic)
            return any(first[k:].startswith(spec.definite_prefix) for k in range(0, 3))
        prev_word = clause.toks[trig.prev_token][2] if trig.prev_token >= 0 else ""
        return fold_token(prev_word, self.arabic) not in spec.indefinite

    def _emit(self, doc: Document, trig: Trigger, args: Arguments, memory: DocMemory) -> Event | None:
        text = doc.text
        mention = doc.add_mention(Mention(EVENT, trig.start, trig.end, text[trig.start : trig.end], "events:trigger", 0.8, value=trig.type))
        if mention is None:
            return None
        status = "planned" if args.planned else "past"
        plover = self.neutral["plover"].get(trig.type, self.neutral["plover"]["other"])[status]
        event = Event(type=trig.type, trigger=mention, date=args.date.value if args.date else None,
                      participants=args.participants, location=args.place.value if args.place else None,
                      status=status, plover=dict(plover), confidence=0.8 if args.date else 0.6,
                      agreement_spans=[(a.start, a.end) for a in args.instruments])
        doc.events.append(event)
        if event.date:
            memory.days[(trig.type, event.date)] = memory.days.get((trig.type, event.date), True) and bool(args.instruments)
        if args.ordinal:
            memory.ordinals[(trig.type, args.ordinal)] = event
        if args.weak_date or event.date is None:
            memory.weak.add(id(event))
        if trig.type in self.gatherings:
            memory.last_gathering = memory.last_of_type[trig.type] = event
        memory.last_event[trig.type] = event
        for a in args.instruments:
            memory.instruments.add((trig.type, _instrument_key(a, memory.agreements)))
        return event

    def _at_gatherings(self, text: str, spec: LangEvents, made: list[Event]) -> None:
        """"adopted at their 40th Summit on 17 August 2020", "adoptée au Sommet d'Antananarivo en novembre 2016":
        an undated happening right before the gathering it took place at (past its instrument) has its date."""
        if spec.at_gathering is None:
            return
        for e in made:
            if e.date is not None:
                continue
            end = max([e.trigger.end] + [b for a, b in e.agreement_spans if a >= e.trigger.end])
            after = [g for g in made if g.trigger.start >= end and g.type in self.gatherings]
            g = min(after, key=lambda g: g.trigger.start) if after else None
            if g is not None and g.date and spec.at_gathering.fullmatch(text, end, g.trigger.start):
                e.date = g.date

    def _date_from_context(self, made: list[Event], context_dates: list[str], clause: Clause, memory: DocMemory,
                           paragraph: int) -> None:
        """Events of one clause happen together ("the 4th Summit adopted ..."): an undated one takes the one date
        of the other kinds of event in its clause, else the one date of the gatherings the clause names again,
        else the date of the gathering its paragraph (or the one before) reports."""
        for e in made:
            if e.date is not None or any(d.value is None and d.start >= e.trigger.end for d in clause.dates):
                continue  # a malformed date ("2021 ... 202") must not be replaced by a guess
            others = {o.date for o in made if o.date and o.type != e.type} or {d for d in context_dates if d}
            if len(others) == 1:
                e.date = others.pop()
            elif not others and e.status == "past" and e.type not in self.gatherings and memory.gathering \
                    and memory.gathering[0] >= paragraph - self.params.context_paragraphs:
                e.date = memory.gathering[1]
        dated = [e for e in made if e.date and e.status == "past"]
        if dated and dated[-1].type in self.gatherings:
            memory.gathering = (paragraph, dated[-1].date)
        elif dated and dated[-1].date != (memory.gathering or (0, None))[1]:
            memory.gathering = None  # another happening is now under discussion
        elif any(context_dates):
            memory.gathering = (paragraph, next(d for d in reversed(context_dates) if d))


def _ordinal_of(event: Event, memory: DocMemory) -> str | None:
    """The ordinal a reported event was numbered with (the few numbered events of a document are scanned)."""
    return next((ordinal for (_, ordinal), e in memory.ordinals.items() if e is event), None)


def _refine(seen: Event, args: Arguments, memory: DocMemory) -> None:
    """A happening named again with a date of its own: that date replaces one it only borrowed, unless it is only
    the year or month holding the borrowed day ("... لعام 2026" after the minutes' "التاريخ: 17 - 18/ 2/ 2026")."""
    if args.date is not None and args.date.value and not args.weak_date and id(seen) in memory.weak \
            and not (seen.date and str(seen.date).startswith(str(args.date.value))):
        seen.date = args.date.value
        memory.weak.discard(id(seen))


def _numbered_organ(text: str, spec: LangEvents, clause: Clause, trig: Trigger) -> bool:
    """"la 14e Conférence ministérielle de l'OMC": an organ's name opening with a gathering word, right after an
    ordinal, names one of its numbered sessions, a gathering, though the name is an organisation's."""
    if not spec.ordinal_first or trig.type not in ("meeting", "conference", "summit") or spec.ordinal is None:
        return False  # where ordinals follow their noun ("Khóa họp lần thứ 10 Hội nghị ..."), the ordinal is another's
    i = bisect_left(clause.org_starts, trig.start)
    if i == len(clause.org_starts) or clause.org_starts[i] != trig.start:
        return False
    before = spec.ordinal.search(text, max(clause.start, trig.start - NUMBERED_WINDOW), trig.start)
    return bool(before and not text[before.end() : trig.start].strip())


def _numbered_if_needed(text: str, spec: LangEvents, trig: Trigger) -> bool:
    """An organ word that names a gathering only when numbered ("الجمعية الـ150", "the 150th Assembly") needs
    its ordinal right after or right before it; every other trigger passes."""
    if trig.key not in spec.numbered:
        return True
    if spec.ordinal is None:
        return False
    after = spec.ordinal.match(text, trig.end + 1, trig.end + NUMBERED_WINDOW)
    before = spec.ordinal.search(text, max(0, trig.start - NUMBERED_WINDOW), trig.start)
    return bool(after) or bool(before and not text[before.end() : trig.start].strip())


def _tail_at(toks: list, first: int, tail: tuple[str, ...], fold) -> int | None:
    """The token where the folded tail starts, among the GAPPED_TOKENS tokens from ``first`` (bounded: constant work)."""
    for j in range(first, min(first + GAPPED_TOKENS + 1, len(toks) - len(tail) + 1)):
        if all(fold(toks[j + k][2]) == w for k, w in enumerate(tail)):
            return j
    return None


def _appositive(text: str, verb: Trigger) -> bool:
    """The verb opens an appositive right after a comma (", réunie les 12 et 13 novembre"), not a clause."""
    return text[max(0, verb.start - 3) : verb.start].rstrip().endswith((",", "،"))


def _names_object(opening: Mention, own: Mention | None, trig: Trigger) -> bool:
    """A bare year well after the trigger names its object ("báo cáo ... năm 2023", "le rapport 2023"), when a day
    opens the clause: the happening is on that day."""
    return own is not None and YEAR_ONLY.fullmatch(str(own.value or "")) is not None \
        and len(str(opening.value or "")) == DAY_CHARS and own.start - trig.end > OBJECT_YEAR_CHARS


def _within(precise: Mention, coarse: Mention | None) -> bool:
    """A more precise date inside a coarser one ("2025-12-03" in "2025")."""
    p, c = str(precise.value or ""), str(coarse.value or "") if coarse is not None else ""
    return bool(c) and "/" not in c and len(p) > len(c) and p.startswith(c)


def _period_bound(text: str, spec: LangEvents, clause: Clause, d: Mention) -> bool:
    """A since/until cue right before the date ("depuis 2019"), or a "to date" cue right after it ("từ tháng
    3/2023 đến nay", "from 2019 to date"): the date bounds a period, it dates no happening."""
    if spec.not_dating and spec.not_dating.search(text, max(clause.start, d.start - CUE_WINDOW), d.start):
        return True
    return bool(spec.to_date and spec.to_date.match(text, d.end, clause.end))


def _is_point(d: Mention) -> bool:
    """A day, month or year, or a span of days or months ("6 to 10 November 2023", "premier trimestre 2025"); not a
    period of years ("2016-2020")."""
    if d.value is None:
        return False
    parts = str(d.value).split("/")
    return len(parts) == 1 or all(len(p) == 10 for p in parts) or all(len(p) == 7 for p in parts)


def _place(text: str, spec: LangEvents, clause: Clause, trig: Trigger, window: tuple[int, int]) -> Mention | None:
    """The place after in/at/à/tại/في nearest the trigger, within the trigger's part of the clause."""
    if spec.place_cue is None:
        return None
    lo, hi = bisect_left(clause.loc_starts, window[0]), bisect_left(clause.loc_starts, window[1])
    cued = [l for l in clause.locs[lo:hi] if l.end <= window[1]
            and spec.place_cue.search(text, max(clause.start, l.start - CUE_WINDOW), l.start)]
    if not cued:
        return None
    return min(cued, key=lambda l: l.start - trig.end if l.start >= trig.end else trig.start - l.end + 1)


def _participants(clause: Clause) -> list[str]:
    """Organisations acting in the clause; those only inside an instrument's name are its parties, not actors."""
    actors = [o for o in clause.orgs if not clause.instruments.covers(o.start, o.end)] or clause.orgs
    out: list[str] = []
    for o in actors:
        if o.entity_id and o.entity_id not in out:
            out.append(o.entity_id)
    return out


def _preposition(spec: LangEvents, clause: Clause, trig: Trigger) -> bool:
    """A trigger that is also a preposition, with an organisation's name right after it: the preposition."""
    if trig.key not in spec.prepositions or trig.next_token >= len(clause.toks):
        return False
    nxt = clause.toks[trig.next_token][0]
    i = bisect_left(clause.org_starts, nxt)
    return i < len(clause.org_starts) and clause.org_starts[i] == nxt


def _known_organisation(clause: Clause, start: int) -> bool:
    """An organisation of the knowledge base starts here ("(IPU)" after "... Liên minh Nghị viện Thế giới")."""
    i = bisect_left(clause.org_starts, start)
    return i < len(clause.org_starts) and clause.org_starts[i] == start \
        and any(m.start == start and m.extractor.startswith("orgs:kb") for m in clause.orgs)


def _inside_name(trig: Trigger, clause: Clause) -> bool:
    """"United Nations Conference on Trade and Development", "Statement on the Establishment of ...": a name."""
    return clause.names.covers(trig.start, trig.end)


def _instruments(text: str, clause: Clause, trig: Trigger, window: tuple[int, int]) -> list[Mention]:
    """The instrument named right after the trigger ("signed the Charter"), else right before ("the Charter,
    signed ..."), within the trigger's part of the clause. An instrument past a comma that the next trigger
    follows at once is that trigger's ("signed in 2009, and to the Convention, signed by ...")."""
    i = bisect_left(clause.agreement_starts, trig.end)
    if i < len(clause.agreements) and clause.agreements[i].start < window[1]:
        after = clause.agreements[i]
        if not ("," in text[trig.end : after.start] and window[1] < clause.end
                and window[1] - after.end <= NEXT_TRIGGER_GAP):
            return [after]
    before = clause.agreements[i - 1] if i else None
    return [before] if before is not None and window[0] <= before.end <= trig.start else []


def _instrument_key(a: Mention, agreements: dict[tuple[int, int], Mention]) -> str:
    """The instrument's key; an anaphor ("الاتفاقية", "the Memorandum") has its antecedent's, so that "ووقّع
    الاتفاقية عن البنك ..." names the signing already reported."""
    for _ in range(ANAPHOR_HOPS):
        ante = a.attrs.get("antecedent")
        if not a.attrs.get("anaphor") or not ante or tuple(ante) not in agreements:
            break
        a = agreements[tuple(ante)]
    return str(a.attrs.get("agreement_key") or a.text.casefold())


def _title_lines(text: str, sentences: list, schedule_time: re.Pattern | None = None) -> int:
    """How many leading sentences form the title block (headline, "Communiqué de presse", a meeting line):
    lines without a final stop, followed by a body sentence. 0 when the document opens with body text. An agenda
    line ("09:00 – Opening") is a programme's body, never a title."""
    n = 0
    while n < min(MAX_TITLE_LINES, len(sentences) - 1) and not TITLE_END.search(text, sentences[n][1].start, sentences[n][1].end):
        if schedule_time is not None and schedule_time.match(text, sentences[n][1].start, sentences[n][1].end):
            break
        n += 1
    return n


def _footer_date(text: str, sentences: list, n: int, dates: MentionIndex) -> Mention | None:
    """"41e séance plénière" / "23 juillet 2019", "Phiên họp toàn thể lần thứ 39" / "11 tháng 11 năm 2014": a short
    line whose next line is only a day-precise date (a resolution's footer) happened on that day."""
    if n + 1 >= len(sentences):
        return None
    sent, nxt = sentences[n][1], sentences[n + 1][1]
    if sent.end - sent.start > FOOTER_LINE_CHARS or "\n" not in text[sent.end : nxt.start]:
        return None
    return _day_line(text, nxt, dates, 0)


def _section_heading(text: str, sent) -> bool:
    """A short line of its own without a final stop, inside the body: a section heading ("14 octobre – Signature du
    protocole d'accord CEN-SAD–PAM"), whose happening the lines under it may tell again."""
    line = text[sent.start : sent.end].strip()
    return 0 < len(line) <= HEADING_CHARS and not TITLE_END.search(line) and not LIST_ITEM.match(line) \
        and _opens_line(text, sent.start) and text[sent.end : sent.end + 2].lstrip(" \t")[:1] in ("\n", "")


def _opens_line(text: str, start: int) -> bool:
    """The sentence starting here opens its line (not a later sentence of an agenda item)."""
    return text[max(0, start - LINE_LOOKBACK) : start].rstrip(" \t").endswith("\n") or start == 0


def _day_line(text: str, sent, dates: MentionIndex, max_letters: int) -> Mention | None:
    """The one day-precise date of a line that holds little else (at most ``max_letters`` letters: a weekday),
    as a programme's day heading or a resolution footer's date line; else None."""
    inside = dates.inside(sent.start, sent.end)
    if len(inside) != 1 or not _is_point(inside[0]) or len(str(inside[0].value or "")) not in (DAY_CHARS, DAYS_CHARS):
        return None
    rest = text[sent.start : inside[0].start] + text[inside[0].end : sent.end]
    return inside[0] if len(LETTER.findall(rest)) <= max_letters else None


def _date_field(text: str, sentences: list, body: int, dates: MentionIndex, field: re.Pattern | None) -> Mention | None:
    """"1. Thời gian: 8 giờ 30, thứ Ba, ngày 9 tháng 12 năm 2025", "التاريخ: 17 - 18/ 2/ 2026": a report's or
    minutes' date field right after the title block dates the title's happening."""
    if field is None or body == 0:
        return None
    for _, sent in sentences[1 : body + DATE_FIELD_LINES]:
        if field.match(text, sent.start, sent.end):
            days = [d for d in dates.inside(sent.start, sent.end) if len(str(d.value or "")) >= DAY_CHARS]
            if days:
                return days[0]
    return None


def _dateline(text: str, sentences: list, body: int, dates: MentionIndex) -> Mention | None:
    """The title block's events happened on the date that opens the body ("RIYADH, 20 October 2023 -"), or that
    a title line gives ("Security Council, 9893rd Meeting (AM), 3 April 2025")."""
    if body == 0:
        return None
    points = []
    for _, sent in sentences[1 : body + 1]:
        opening = dates.inside(sent.start, min(sent.end, sent.start + DATELINE_CHARS))
        points.extend(d for d in opening[:1] if _is_point(d))
    # a day beats a year the title names ("HỌP BÁO ... NĂM 2025" / "Hà Nội, ngày 03/ 7/ 2025")
    days = [d for d in points if len(str(d.value or "")) == 10]
    return (days or points or [None])[0]


def _after_number(toks: list, i: int) -> bool:
    """Token ``i`` follows a number: a time unit there is a span ("sau 63 năm thiết lập": after 63 years)."""
    return i > 0 and toks[i - 1][2].isdigit()


def _leans_forward(text: str, prev: Trigger, d: Mention, nxt: Trigger) -> bool:
    """A date past a comma after one trigger and a few words before the next, with no punctuation between it and
    the next, is the next one's."""
    return any(c in text[prev.end : d.start] for c in ",،") and d.start - prev.end > LEAN_CHARS \
        and nxt.start - d.end <= LEAN_CHARS and NO_PUNCTUATION.fullmatch(text, d.end, nxt.start) is not None


def _by_which_date(text: str, spec: LangEvents, clause: Clause, trig: Trigger, floor: int) -> Mention | None:
    """"les résolutions 55/25 du 15 novembre 2000, par laquelle l'Assemblée a adopté ...", "resolution 46/8 of 16
    October 1991, by which it granted ...": a happening told in a relative clause on a dated instrument happened on
    that instrument's date, the one right before the relative cue (``by_which_cues``), not the next one."""
    if spec.by_which is None:
        return None
    cues = list(spec.by_which.finditer(text, max(floor, clause.start, trig.start - BY_WHICH_CHARS), trig.start))
    if not cues:
        return None
    cue = cues[-1].start()
    d = next((d for d in reversed(clause.dates) if d.end <= cue), None)
    return d if d is not None and BY_WHICH_GAP.fullmatch(text, d.end, cue) and _is_point(d) else None


def _frequency_after(text: str, frequency: re.Pattern, end: int) -> bool:
    """A frequency starting right after the trigger, words but no clause break between ("tiendront des
    consultations de haut niveau une fois par an", "meets twice a year")."""
    m = frequency.search(text, end, min(len(text), end + FREQUENCY_WINDOW + FREQUENCY_CUE_CHARS))
    return m is not None and m.start() - end <= FREQUENCY_WINDOW and NO_PUNCTUATION.fullmatch(text, end, m.start()) is not None


def _frequency_before(text: str, frequency: re.Pattern, start: int) -> bool:
    """A frequency right before the trigger, nothing but words between ("tient chaque année une session")."""
    for m in frequency.finditer(text, max(0, start - FREQUENCY_WINDOW), start):
        if NO_PUNCTUATION.fullmatch(text, m.end(), start):
            return True
    return False


def _topic_of(text: str, spec: LangEvents, prev: Trigger, t: Trigger, gatherings: frozenset[str]) -> bool:
    """"une formation commune aux diplomates sur les négociations commerciales", "hội thảo về ký kết": a happening
    named after a topic link (``topic_links``) following a gathering of its clause is what the gathering is about."""
    if spec.topic is None or prev.type not in gatherings or prev.key in spec.verbal \
            or t.start - prev.end > TOPIC_CHARS or TOPIC_BREAK.search(text, prev.end, t.start):
        return False
    return spec.topic.search(text, max(prev.end, t.start - CUE_WINDOW * 2), t.start) is not None


def _kind_link(between: str, links: frozenset[str]) -> bool:
    """``between`` is a kind link ("de"), maybe after lower-case adjectives ("régional de", "technique d'")."""
    words = between.split()
    if not words:
        return "" in links
    for n in range(min(len(words), KIND_ADJECTIVES + 1)):
        tail = " ".join(words[n:]).casefold()
        if tail in links:
            return all(w.isalpha() and w.islower() for w in words[:n])
    return False


def _clauses(text: str, start: int, end: int, date_starts: list[int]):
    """A sentence's clauses, split at ``;`` and ``:``. A colon the item's own time follows ("1. Lễ khởi động Dự
    án: tổ chức ngày 05/4/2024", "Atelier de validation : du 12 au 14 mars") labels that time: no break there."""
    pos = start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if text[m.start() - 1 : m.start()].isdigit() and text[m.end() : m.end() + 1].isdigit():
            continue  # a time such as 11:57
        if m.group() == ":" and _labels_time(text, m.end(), date_starts):
            continue
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _labels_time(text: str, after: int, date_starts: list[int]) -> bool:
    """A date starts within a few words after ``after``, with only words (no punctuation) between."""
    i = bisect_left(date_starts, after)
    return i < len(date_starts) and date_starts[i] - after <= LABELLED_TIME_CHARS \
        and LABEL_GAP.fullmatch(text, after, date_starts[i]) is not None


def _counted(text: str, toks: list, i: int, ordinal: re.Pattern | None, trigger_start: int) -> bool:
    """"4 Hội nghị Cấp cao": a count of events, not an event (but "lần thứ 4 đã thông qua" is an ordinal, and in
    "Ngày 27/11, Hội nghị ..." the number is the end of a date, cut off by a comma; "11:30  Hội thảo" is a time)."""
    if not toks[i][2].isdigit() or len(toks[i][2]) >= 4:
        return False
    if text[toks[i][1]:trigger_start].strip() or text[toks[i][0] - 1 : toks[i][0]] in ("/", "-", ".", "‑", ":", "h", "H"):
        return False
    if ordinal is not None:
        for m in ordinal.finditer(text, max(0, toks[i][0] - 12), toks[i][1]):
            if m.end() == toks[i][1]:
                return False
    return True
