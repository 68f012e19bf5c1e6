"""Sentence-boundary data: abbreviations and sentence starters per language.

Used by ``prepare/segment.py``; the algorithm lives there, the words live here. Entries are
lower case and without their final period (``"dr"`` for "Dr.", ``"z.b"`` for "z.B."). Languages
not listed use the union of all lists, which is what matters for quotes in another language.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words written before a name or a number that never end a sentence: "Dr. Müller", "Sen. Warren",
#: "St. Louis", "bzw. mehr". A period after them is not a boundary whatever follows.
TITLES: dict[str, frozenset[str]] = {
    "en": _words(
        "mr mrs ms messrs dr prof sen sens gov rep reps gen col capt lt sgt cpl maj adm cmdr brig rev "
        "hon pres supt insp st mt vs v fr br det amb atty"
    ),
    "de": _words("hr fr frl dr prof bzw vgl sog ca evtl ggf inkl exkl bzgl gem lt st hl"),
    "fr": _words("m mm mme mmes mlle mlles dr pr mgr st ste cf"),
    "es": _words("sr sra sres srta dr dra lic ing d dña sto sta cf"),
    "it": _words("sig sigg dott dr prof avv ing geom s"),
    "nl": _words("dhr mevr mw dr prof mr ir ing drs st"),
    "pt": _words("sr sra srs dr dra prof eng sto sta"),
}

#: Abbreviations that do not end a sentence before a number: "No. 5", "Nr. 3", "Art. 12", "S. 4".
#: Before a capitalised word they may ("He was no. It was ...").
NUMBER_PREFIXES: dict[str, frozenset[str]] = {
    "en": _words("no nos nr art p pp vol fig sec ch par op"),
    "de": _words("nr art abs s bd ziff kap tel"),
    "fr": _words("no n art p vol"),
    "es": _words("no núm art pág p vol"),
    "it": _words("n nr art pag p vol"),
    "nl": _words("nr art blz p"),
    "pt": _words("n nº art pág p vol"),
}

#: Other abbreviations: not a boundary before a lower-case word, a number or punctuation
#: ("Inc. said", "Jan. 2020", "etc., and"); a boundary before a capital, since these often end
#: a sentence ("... of Apple Inc. The company ...").
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": _words(
        "inc ltd co corp plc llc bros dept est approx etc al jr sr esq govt univ assn intl natl "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
        "ave blvd rd hwy"
    ),
    "de": _words(
        "usw etc ca gmbh ag kg co mio mrd tsd jh jhd chr abt ggfs allg bspw ehem geb gest "
        "jan feb febr mär apr jun jul aug sep sept okt nov dez str"
    ),
    "fr": _words("etc env cie av bd janv févr avr juil sept oct nov déc"),
    "es": _words("etc aprox cía av ene feb mar abr jun jul ago sept oct nov dic"),
    "it": _words("ecc ca sgg gen feb mar apr mag giu lug ago sett ott nov dic"),
    "nl": _words("enz bijv ca jan feb mrt apr jun jul aug sep sept okt nov dec"),
    "pt": _words("etc aprox cia av jan fev mar abr jun jul ago set out nov dez"),
}

#: Words that start a sentence after "U.S." or "e.g." (abbreviations written with inner
#: periods, which end a sentence only before one of these): "... in the U.S. The ...".
SENTENCE_STARTERS: dict[str, frozenset[str]] = {
    "en": _words(
        "A An The This That These Those There Their It Its He She They We I You Our His Her In On At "
        "But And Also However Meanwhile Still Yet So What When Where Who Why How Many Most Some More "
        "Millions Being Did For If As After Before While Since"
    ),
    "de": _words(
        "Am Auch Auf Aber Bei Da Das Dass Der Die Den Dem Des Dies Diese Dieser Ein Eine Er Es Für "
        "Heute Ich Ihr Im In Ist Jetzt Man Mein Mit Nach Nun Sie So Und Warum Was Wenn Wer Wie Wir Zudem"
    ),
    "fr": _words("Le La Les Un Une Il Elle Ils Elles On Nous Je Mais Et Ce Cette Ces En Dans Selon"),
    "es": _words("El La Los Las Un Una Él Ella Ellos Pero Y En Este Esta Según"),
    "it": _words("Il Lo La I Gli Le Un Una Lui Lei Loro Ma E In Questo Questa Secondo"),
    "nl": _words("De Het Een Hij Zij Ze Wij We Maar En In Dit Deze Volgens"),
    "pt": _words("O A Os As Um Uma Ele Ela Eles Mas E Em Este Esta Segundo"),
}

#: Verbs of a speech tag after a quoted question or exclamation: in '"Does that hurt?" Mr Aylett
#: alleged.' the tag finishes the sentence the quotation began, even after a capital letter.
SPEECH_VERBS: dict[str, frozenset[str]] = {
    "en": _words(
        "said says asked asks alleged added told claimed insisted replied explained shouted wrote "
        "recalled continued cried screamed yelled declared demanded wondered argued suggested noted "
        "remarked answered exclaimed joked laughed quipped warned admitted pleaded begged urged"
    ),
    "de": _words("sagte sagt fragte fragt rief erklärte betonte meinte schrieb"),
    "fr": _words("dit demande demanda demandé déclare déclara lance lança ajoute ajouta"),
    "es": _words("dijo preguntó afirmó exclamó gritó declaró"),
}

#: Languages that write ordinal numbers with a period ("16. Juni", "2. Bundesliga", "3. Platz").
ORDINAL_PERIOD_LANGUAGES: frozenset[str] = frozenset({"de", "da", "no", "nb", "nn", "fi", "cs", "sk", "pl", "hu", "sl", "hr", "sr", "tr", "et", "lv", "is"})

#: Languages that quote with typographic marks („…“ in German): a straight double quote there
#: comes from converted text, too often unbalanced to say where a quotation starts and ends,
#: so it does not keep sentences together.
TYPOGRAPHIC_QUOTES_LANGUAGES: frozenset[str] = frozenset({"de"})


def _union(table: dict[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*table.values())


ALL_TITLES = _union(TITLES)
ALL_NUMBER_PREFIXES = _union(NUMBER_PREFIXES)
ALL_ABBREVIATIONS = _union(ABBREVIATIONS)
ALL_SENTENCE_STARTERS = _union(SENTENCE_STARTERS)
ALL_SPEECH_VERBS = _union(SPEECH_VERBS)

#: Scripts written without spaces between words (Chinese characters, Japanese kana), as a
#: regex character class. Hangul is left out: Korean separates words with spaces.
CJK_CHARS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"

#: Full-width sentence-final punctuation of Chinese and Japanese: it ends a sentence with no
#: space after it ("…决定。论据…"). Half-width "!" and "?" count too when CJK text follows.
CJK_TERMINALS = "。！？!?｡"

#: Closing quotes and brackets that belong to the sentence they follow (「…。」 then the next).
CJK_CLOSERS = "」』”’）)》〉】〕"

#: Quotation marks that open a quotation inside which a full stop does not end the sentence
#: unless the quotation closes right after it (他说：「我们赢了。我们很强。」然后…).
CJK_QUOTE_PAIRS = {"「": "」", "『": "』", "“": "”"}

#: Japanese quotative particles: after a closing quote they continue the sentence
#: (「東京へ行く。」と彼は言った。 is one sentence).
CJK_QUOTATIVES = ("と", "って", "っと")
